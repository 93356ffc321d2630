<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AcceptCommand</name>
    <message>
        <source>Accept the proposal for %1</source>
        <translation>采纳 %1 的建议</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>Print JSON on one line.</source>
        <translation>JSON 输出为一行。</translation>
    </message>
    <message>
        <source>Language of messages: zh_CN or en.</source>
        <translation>提示语言：zh_CN 或 en。</translation>
    </message>
    <message>
        <source>language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Reports read at once (default: every core).</source>
        <translation>同时读取的报告数（默认：每个处理器核心一份）。</translation>
    </message>
    <message>
        <source>n</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>extract takes exactly one file.</source>
        <translation>extract 只接受一个文件。</translation>
    </message>
    <message>
        <source>check takes one or more files or folders.</source>
        <translation>check 需要一个或多个文件或文件夹。</translation>
    </message>
    <message>
        <source>export: write Excel workbooks.</source>
        <translation>export：写出 Excel 工作簿。</translation>
    </message>
    <message>
        <source>export: write CSV (one line per cell; the batch one line per report).</source>
        <translation>export：写出 CSV（每个单元格一行；汇总表每份报告一行）。</translation>
    </message>
    <message>
        <source>export: CSV encoding, utf-8-bom (default), utf-8 or gb18030.</source>
        <translation>export：CSV 编码，utf-8-bom（默认）、utf-8 或 gb18030。</translation>
    </message>
    <message>
        <source>encoding</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>export: several reports: write only the batch file.</source>
        <translation>export：多份报告时只写出汇总文件。</translation>
    </message>
    <message>
        <source>extract, check or export</source>
        <translation>extract、check 或 export</translation>
    </message>
    <message>
        <source>Unknown command: %1. Use extract, check or export.</source>
        <translation>未知命令：%1。请使用 extract、check 或 export。</translation>
    </message>
    <message>
        <source>Print JSON (extract always does; check: one object with every report).</source>
        <translation>输出 JSON（extract 总是如此；check：一个包含所有报告的对象）。</translation>
    </message>
    <message>
        <source>database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>export: head the CSV columns with machine names (cell keys in the batch CSV) instead of labels.</source>
        <translation>export：CSV 的表头使用英文字段名（汇总 CSV 使用单元格键名）而非中文标签。</translation>
    </message>
    <message>
        <source>Reads government information-disclosure annual reports, extracts their three tables and checks that the numbers add up.

Commands:
  extract [--json] FILE     print the tables and findings of one report as JSON
  check [--json] FILE|DIR...
                            check reports and print a summary of each (or their JSON)
  export --xlsx|--csv|--json OUT FILE|DIR...
                            export reports for supervisors; one report: OUT is the
                            file (or a folder to put it in); several: OUT is a folder
                            that receives one file per report and nianbao-batch.*
  export --letter OUT FILE|DIR...
                            the letter to each reporting body (审校意见): OUT.pdf or
                            OUT.docx for one report; a folder receives both for each</source>
        <translation>读取政府信息公开工作年度报告，提取其中三张表格并检查数字是否相符。

命令：
  extract [--json] 文件     以 JSON 输出一份报告的表格和检查结果
  check [--json] 文件|文件夹...
                            检查报告并逐份输出摘要（或输出它们的 JSON）
  export --xlsx|--csv|--json 输出 文件|文件夹...
                            导出报告供上级审阅；一份报告时，输出为文件
                            （或存放它的文件夹）；多份时，输出为文件夹，
                            每份报告一个文件，另加汇总文件 nianbao-batch.*
  export --letter 输出 文件|文件夹...
                            给各报送单位的审校意见：一份报告时写出 输出.pdf 或
                            输出.docx；写入文件夹时每份报告两种格式都写出</translation>
    </message>
    <message>
        <source>export: write the letter to the reporting body (PDF and Word).</source>
        <translation>export：写出给报送单位的审校意见（PDF 和 Word）。</translation>
    </message>
    <message>
        <source>The review database (a file or a postgresql:// address; read only). export: the files carry its corrections, dispositions, reviewer and state (default: the window&apos;s database); extract, check --json: each finding its disposition.</source>
        <translation>审校数据库（文件或 postgresql:// 地址；只读）。export：导出文件带有其中的更正、处理意见、审校人和审校状态（默认：窗口使用的数据库）；extract、check --json：每个问题带有其处理意见。</translation>
    </message>
    <message>
        <source>export: the reports as read, without the review database.</source>
        <translation>export：按读取结果导出，不使用审校数据库。</translation>
    </message>
    <message>
        <source>Report files or folders; - reads a report from standard input.</source>
        <translation>报告文件或文件夹；- 表示从标准输入读取一份报告。</translation>
    </message>
    <message>
        <source>Usage: export --xlsx|--csv|--json|--letter OUT FILE|DIR...</source>
        <translation>用法：export --xlsx|--csv|--json|--letter 输出 文件|文件夹...</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <source>cannot be read: %1</source>
        <translation>无法读取：%1</translation>
    </message>
    <message>
        <source>template %1</source>
        <translation>模板 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n 个错误</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n 个警告</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more warning(s)</source>
        <translation>
            <numerusform>另有 %n 个警告</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Total: %n report(s)</source>
        <translation>
            <numerusform>合计：%n 份报告</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n with errors</source>
        <translation>
            <numerusform>%n 份有错误</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n clean</source>
        <translation>
            <numerusform>%n 份无问题</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unreadable</source>
        <translation>
            <numerusform>%n 份无法读取</numerusform>
        </translation>
    </message>
    <message>
        <source>Unknown encoding: %1. Use utf-8-bom, utf-8 or gb18030.</source>
        <translation>未知编码：%1。请使用 utf-8-bom、utf-8 或 gb18030。</translation>
    </message>
    <message>
        <source>No report to export.</source>
        <translation>没有可导出的报告。</translation>
    </message>
    <message>
        <source>Standard input cannot be read.</source>
        <translation>无法读取标准输入。</translation>
    </message>
    <message>
        <source>Standard input is larger than a report can be.</source>
        <translation>标准输入的内容超过了报告可能的大小。</translation>
    </message>
    <message>
        <source>Standard input cannot be kept in a temporary file.</source>
        <translation>无法将标准输入保存到临时文件。</translation>
    </message>
</context>
<context>
    <name>DispositionCommand</name>
    <message numerus="yes">
        <source>Clear the disposition of %n finding(s)</source>
        <translation>
            <numerusform>取消 %n 个问题的处理意见</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Dismiss %n finding(s)</source>
        <translation>
            <numerusform>排除 %n 个问题</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Confirm %n finding(s)</source>
        <translation>
            <numerusform>确认 %n 个问题</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DocReader</name>
    <message>
        <source>This is a legacy Word file (DOC) and LibreOffice is not installed to convert it; open it in Word or WPS and save it as DOCX.</source>
        <translation>这是旧版 Word 文件（DOC），且未安装用于转换的 LibreOffice；请在 Word 或 WPS 中打开并另存为 DOCX。</translation>
    </message>
    <message>
        <source>This is a legacy Word file (DOC) and LibreOffice is installed without Writer, which converts it (Debian: libreoffice-writer); open it in Word or WPS and save it as DOCX.</source>
        <translation>这是旧版 Word 文件（DOC），但已安装的 LibreOffice 缺少用于转换它的 Writer 组件（Debian：libreoffice-writer）；请在 Word 或 WPS 中打开并另存为 DOCX。</translation>
    </message>
    <message>
        <source>No temporary folder to convert the legacy Word file: %1.</source>
        <translation>无法创建转换旧版 Word 文件所需的临时文件夹：%1。</translation>
    </message>
    <message>
        <source>The legacy Word file cannot be copied for conversion: %1.</source>
        <translation>无法复制旧版 Word 文件以进行转换：%1。</translation>
    </message>
    <message>
        <source>LibreOffice could not be started to convert the legacy Word file; save it as DOCX.</source>
        <translation>无法启动 LibreOffice 转换旧版 Word 文件，请另存为 DOCX。</translation>
    </message>
    <message>
        <source>Converting the legacy Word file took longer than %1 seconds; save it as DOCX.</source>
        <translation>转换旧版 Word 文件超过 %1 秒，请另存为 DOCX。</translation>
    </message>
    <message>
        <source>LibreOffice could not convert the legacy Word file (it may be damaged); save it as DOCX.</source>
        <translation>LibreOffice 无法转换该旧版 Word 文件（文件可能已损坏），请另存为 DOCX。</translation>
    </message>
</context>
<context>
    <name>DocxReader</name>
    <message>
        <source>The Word file declares a DTD or entities, which a report never needs; it is refused.</source>
        <translation>该 Word 文件声明了 DTD 或实体，正常报告不会包含这些内容，已拒绝读取。</translation>
    </message>
    <message>
        <source>The Word file&apos;s text is damaged (%1).</source>
        <translation>Word 文件的正文已损坏（%1）。</translation>
    </message>
    <message>
        <source>This is an OpenDocument file; open it in LibreOffice or WPS and save it as DOCX.</source>
        <translation>这是 OpenDocument 文件，请在 LibreOffice 或 WPS 中打开并另存为 DOCX。</translation>
    </message>
    <message>
        <source>This is an Excel workbook, not a Word report; save the report as DOCX or PDF.</source>
        <translation>这是 Excel 工作簿，不是 Word 报告；请将报告另存为 DOCX 或 PDF。</translation>
    </message>
    <message>
        <source>The Word file has no main document (word/document.xml is missing).</source>
        <translation>Word 文件缺少主文档（没有 word/document.xml）。</translation>
    </message>
    <message>
        <source>This ZIP archive is not a Word document (DOCX).</source>
        <translation>此 ZIP 压缩包不是 Word 文档（DOCX）。</translation>
    </message>
    <message>
        <source>The Word file has no text.</source>
        <translation>Word 文件没有正文。</translation>
    </message>
</context>
<context>
    <name>ExportFlow</name>
    <message>
        <source>Export Report</source>
        <translation>导出报告</translation>
    </message>
    <message numerus="yes">
        <source>Export %n Reports</source>
        <translation>
            <numerusform>导出 %n 份报告</numerusform>
        </translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV (*.csv);;JSON (*.json)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV (*.csv);;JSON (*.json)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n report(s) to %1</source>
        <translation>
            <numerusform>已导出 %n 份报告到 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Exporting %1 (%2 of %3)…</source>
        <translation>正在导出 %1（第 %2 份，共 %3 份）…</translation>
    </message>
    <message>
        <source>Writing the batch file…</source>
        <translation>正在写入汇总文件…</translation>
    </message>
    <message>
        <source>Export cancelled; the files written before stay in %1.</source>
        <translation>导出已取消；此前已写好的文件留在 %1。</translation>
    </message>
    <message>
        <source>Export Letter</source>
        <translation>导出审校意见</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;Word document (*.docx)</source>
        <translation>PDF (*.pdf);;Word 文档 (*.docx)</translation>
    </message>
    <message>
        <source>Letter written to %1</source>
        <translation>审校意见已写出到 %1</translation>
    </message>
</context>
<context>
    <name>Exporter</name>
    <message>
        <source>The GB18030 encoding is not available: %1.</source>
        <translation>无法使用 GB18030 编码：%1。</translation>
    </message>
    <message>
        <source>The text cannot be written in GB18030: %1.</source>
        <translation>文本无法以 GB18030 编码写出：%1。</translation>
    </message>
    <message>
        <source>Export cancelled.</source>
        <translation>已取消导出。</translation>
    </message>
    <message>
        <source>There is no report to export.</source>
        <translation>没有可导出的报告。</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
    <message>
        <source>%1 is a file; several reports are exported into a folder.</source>
        <translation>%1 是文件；多份报告需导出到文件夹。</translation>
    </message>
</context>
<context>
    <name>Extractor</name>
    <message>
        <source>%1 or %2</source>
        <comment>the names of templates</comment>
        <translation>%1 或 %2</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the names of templates</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>No standard table was found: this is not a report in the %1 template.</source>
        <translation>未找到标准表格：这不是按 %1 年格式编写的年度报告。</translation>
    </message>
</context>
<context>
    <name>HtmlReader</name>
    <message>
        <source>The web page has no readable text.</source>
        <translation>网页中没有可读取的正文。</translation>
    </message>
</context>
<context>
    <name>LetterExport</name>
    <message>
        <source>the file cannot be created</source>
        <translation>无法创建文件</translation>
    </message>
    <message>
        <source>the archive could not be written (is the disk full?)</source>
        <translation>无法写出压缩文件（磁盘是否已满？）</translation>
    </message>
    <message>
        <source>the PDF could not be made</source>
        <translation>无法生成 PDF</translation>
    </message>
    <message>
        <source>There is no report to write a letter for.</source>
        <translation>没有可写审校意见的报告。</translation>
    </message>
    <message>
        <source>%1 is a file; letters are written into a folder, or to a file ending in .pdf or .docx.</source>
        <translation>%1 是文件；审校意见写入文件夹，或写入以 .pdf 或 .docx 结尾的文件。</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
</context>
<context>
    <name>Limits</name>
    <message>
        <source>The text of this file is longer than %1 characters, more than any report has; it is not read.</source>
        <translation>此文件的文本超过 %1 个字符，比任何报告都长，不予读取。</translation>
    </message>
    <message>
        <source>The text would grow beyond %1 characters once its characters are normalised; it is not read.</source>
        <translation>此文本的字符规范化后将超过 %1 个字符，不予读取。</translation>
    </message>
    <message>
        <source>Line %1 of the text has more than %2 cells, more than any report&apos;s table; the file is not read.</source>
        <translation>文本第 %1 行超过 %2 个单元格，比任何报告的表格都多，不予读取此文件。</translation>
    </message>
    <message>
        <source>The text holds more than %1 labels and values, more than any report; it is not read.</source>
        <translation>此文本包含超过 %1 个标签和数值，比任何报告都多，不予读取。</translation>
    </message>
    <message>
        <source>The file nests tables more than %1 deep, deeper than any report; it is not read.</source>
        <translation>此文件的表格嵌套超过 %1 层，比任何报告都深，不予读取。</translation>
    </message>
    <message>
        <source>A table of the file has more than %1 cells (merged cells counted in full), more than any report&apos;s table; the file is not read.</source>
        <translation>此文件中有一个表格超过 %1 个单元格（合并单元格按其覆盖的格数计），比任何报告的表格都大，不予读取此文件。</translation>
    </message>
    <message>
        <source>The PDF has %1 pages, more than the %2 a report may have; it is not read.</source>
        <translation>此 PDF 有 %1 页，超过报告最多可有的 %2 页，不予读取。</translation>
    </message>
    <message>
        <source>Page %1 of the PDF holds more than %2 characters, more than any report&apos;s page; the file is not read.</source>
        <translation>此 PDF 第 %1 页超过 %2 个字符，比任何报告的页面都多，不予读取此文件。</translation>
    </message>
    <message>
        <source>Laying out the first %1 pages of the PDF took more than %2 seconds, far longer than any report takes; the file is not read.</source>
        <translation>排版此 PDF 的前 %1 页已用时超过 %2 秒，远超任何报告所需，不予读取此文件。</translation>
    </message>
</context>
<context>
    <name>Loader</name>
    <message>
        <source>The file does not exist.</source>
        <translation>文件不存在。</translation>
    </message>
    <message>
        <source>This is a folder, not a file.</source>
        <translation>这是文件夹，不是文件。</translation>
    </message>
    <message>
        <source>The file cannot be opened: %1.</source>
        <translation>无法打开文件：%1。</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>文件是空的。</translation>
    </message>
    <message>
        <source>The file is too large for a report (%1; the limit is %2).</source>
        <translation>文件过大，不像是年度报告（%1，上限为 %2）。</translation>
    </message>
    <message>
        <source>The file could not be read completely: %1.</source>
        <translation>未能完整读取文件：%1。</translation>
    </message>
    <message>
        <source>RTF files are not supported; save the report as DOCX or PDF.</source>
        <translation>不支持 RTF 文件，请另存为 DOCX 或 PDF。</translation>
    </message>
</context>
<context>
    <name>MoveRowCommand</name>
    <message>
        <source>Move row values</source>
        <translation>移动行数值</translation>
    </message>
</context>
<context>
    <name>PageRenderer</name>
    <message>
        <source>The pages of %1 cannot be shown.</source>
        <translation>无法显示 %1 的页面。</translation>
    </message>
    <message>
        <source>The pages of this file cannot be shown.</source>
        <translation>无法显示此文件的页面。</translation>
    </message>
</context>
<context>
    <name>PasteCommand</name>
    <message numerus="yes">
        <source>Paste %n cell(s)</source>
        <translation>
            <numerusform>粘贴 %n 个单元格</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PdfReader</name>
    <message>
        <source>The PDF file is damaged and cannot be opened.</source>
        <translation>PDF 文件已损坏，无法打开。</translation>
    </message>
    <message>
        <source>The PDF file is protected by a password; open it in a PDF viewer and save an unprotected copy.</source>
        <translation>PDF 文件受密码保护；请在 PDF 阅读器中打开并另存一份无密码的副本。</translation>
    </message>
    <message>
        <source>The PDF file has no pages.</source>
        <translation>PDF 文件没有页面。</translation>
    </message>
    <message>
        <source>The text of this PDF cannot be decoded (its fonts carry no character map); export the report again from the original document or ask for a Word or web version.</source>
        <translation>此 PDF 的文字无法解码（字体缺少字符映射）；请从原始文档重新导出，或索取 Word 或网页版本。</translation>
    </message>
    <message>
        <source>This PDF has more than %1 scanned pages; it is too long to recognise.</source>
        <translation>此 PDF 的扫描页超过 %1 页，篇幅过长，无法识别。</translation>
    </message>
    <message>
        <source>Page %1 is a scan that cannot be read: %2</source>
        <translation>第 %1 页是无法读取的扫描页：%2</translation>
    </message>
    <message>
        <source>This PDF has no text layer and no text was recognised on its pages; ask for the original document.</source>
        <translation>此 PDF 没有文字层，页面上也未识别出文字；请向报送单位索取原始文档。</translation>
    </message>
</context>
<context>
    <name>PrintFlow</name>
    <message>
        <source>Print Report</source>
        <translation>打印报告</translation>
    </message>
    <message>
        <source>Print Preview</source>
        <translation>打印预览</translation>
    </message>
</context>
<context>
    <name>ReportReader</name>
    <message>
        <source>%1: no report files in this folder</source>
        <translation>%1：此文件夹中没有报告文件</translation>
    </message>
</context>
<context>
    <name>RevertCommand</name>
    <message>
        <source>Revert %1 to %2</source>
        <translation>将%1还原为 %2</translation>
    </message>
    <message>
        <source>blank</source>
        <translation>空</translation>
    </message>
</context>
<context>
    <name>ReviewPolicy</name>
    <message>
        <source>This report is marked sent. Changing it returns it to “in review”: it has to be reviewed and sent again. Change it?</source>
        <translation>此报告已报送。修改后将回到“审校中”，需重新审校并报送。确定修改？</translation>
    </message>
    <message>
        <source>This report is marked reviewed. Changing it returns it to “in review”: it has to be reviewed again. Change it?</source>
        <translation>此报告已审校。修改后将回到“审校中”，需重新审校。确定修改？</translation>
    </message>
    <message>
        <source>Only a reviewed report can be marked sent. Mark it reviewed first (Ctrl+Return).</source>
        <translation>只有已审校的报告才能标记为已报送。请先标记为已审校（Ctrl+Return）。</translation>
    </message>
    <message>
        <source>not reviewed</source>
        <translation>未审校</translation>
    </message>
    <message>
        <source>in review</source>
        <translation>审校中</translation>
    </message>
    <message>
        <source>reviewed</source>
        <translation>已审校</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>已报送</translation>
    </message>
</context>
<context>
    <name>SafeWrite</name>
    <message>
        <source>Cannot write %1: %2.</source>
        <translation>无法写入 %1：%2。</translation>
    </message>
    <message>
        <source>a folder of that name exists</source>
        <translation>已有同名文件夹</translation>
    </message>
</context>
<context>
    <name>ScanReader</name>
    <message>
        <source>This report is a scan; reading it needs Tesseract&apos;s Chinese data (the package tesseract-ocr-chi-sim), which is not installed.</source>
        <translation>本报告是扫描件；读取它需要 Tesseract 的中文识别数据（软件包 tesseract-ocr-chi-sim），当前未安装。</translation>
    </message>
    <message>
        <source>This report is a scan (its pages have no text layer); reading scans needs text recognition (libtesseract), and this build was made without it.</source>
        <translation>本报告是扫描件（页面没有文字层）；读取扫描件需要文字识别（libtesseract），当前版本构建时未包含该功能。</translation>
    </message>
    <message>
        <source>The image is empty or cannot be decoded.</source>
        <translation>图像为空或无法解码。</translation>
    </message>
    <message>
        <source>The scanned page is too large to read (%1 × %2 pixels).</source>
        <translation>扫描页过大，无法读取（%1 × %2 像素）。</translation>
    </message>
    <message>
        <source>The scan&apos;s resolution is too low to read (about %1 dpi; 200 dpi or more is needed).</source>
        <translation>扫描分辨率过低，无法读取（约 %1 dpi，至少需要 200 dpi）。</translation>
    </message>
    <message>
        <source>The reading was cancelled.</source>
        <translation>读取已取消。</translation>
    </message>
    <message>
        <source>The scan&apos;s contrast is too low to read (the print is hardly darker than the paper); scan it again darker or in black and white.</source>
        <translation>扫描件对比度过低，无法读取（字迹与纸色几乎无差别）；请调深或以黑白模式重新扫描。</translation>
    </message>
    <message>
        <source>The scanned page could not be recognised.</source>
        <translation>无法识别该扫描页。</translation>
    </message>
    <message>
        <source>The scan is too blurred or noisy to read (the recogniser is unsure of most of the page); scan it again at 300 dpi.</source>
        <translation>扫描件过于模糊或杂点过多，无法读取（页面大部分内容识别不可靠）；请以 300 dpi 重新扫描。</translation>
    </message>
    <message>
        <source>The image is damaged and cannot be decoded.</source>
        <translation>图像已损坏，无法解码。</translation>
    </message>
</context>
<context>
    <name>SetCellCommand</name>
    <message>
        <source>Clear %1</source>
        <translation>清空 %1</translation>
    </message>
    <message>
        <source>Set %1 to %2</source>
        <translation>将 %1 改为 %2</translation>
    </message>
    <message numerus="yes">
        <source>Clear %n cell(s)</source>
        <translation>
            <numerusform>清空 %n 个单元格</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ShiftRowCommand</name>
    <message>
        <source>Shift row left</source>
        <translation>整行左移</translation>
    </message>
    <message>
        <source>Shift row right</source>
        <translation>整行右移</translation>
    </message>
</context>
<context>
    <name>TextDecoder</name>
    <message>
        <source>The file is empty.</source>
        <translation>文件是空的。</translation>
    </message>
    <message>
        <source>The file starts like %1 text but cannot be decoded.</source>
        <translation>文件开头像是 %1 文本，但无法解码。</translation>
    </message>
    <message>
        <source>This is a binary file, not a report text.</source>
        <translation>这是二进制文件，不是报告文本。</translation>
    </message>
    <message>
        <source>The encoding could not be detected with confidence; read as Big5.</source>
        <translation>无法确定文件编码，已按 Big5 读取。</translation>
    </message>
    <message>
        <source>The encoding could not be detected with confidence; read as GB18030.</source>
        <translation>无法确定文件编码，已按 GB18030 读取。</translation>
    </message>
    <message>
        <source>The text encoding is not one this program can read.</source>
        <translation>无法识别文件的文字编码。</translation>
    </message>
</context>
<context>
    <name>XlsxExport</name>
    <message>
        <source>the file cannot be created (is the folder writable?)</source>
        <translation>无法创建文件（文件夹是否可写？）</translation>
    </message>
    <message>
        <source>no temporary file can be created</source>
        <translation>无法创建临时文件</translation>
    </message>
    <message>
        <source>out of memory</source>
        <translation>内存不足</translation>
    </message>
    <message>
        <source>writing failed (is the disk full?)</source>
        <translation>写入失败（磁盘是否已满？）</translation>
    </message>
    <message>
        <source>Export cancelled.</source>
        <translation>已取消导出。</translation>
    </message>
</context>
<context>
    <name>ZipReader</name>
    <message>
        <source>The file is a damaged ZIP archive (its table of contents cannot be read).</source>
        <translation>文件是已损坏的 ZIP 压缩包（无法读取目录）。</translation>
    </message>
    <message>
        <source>The archive holds too many entries (%1) to be a report.</source>
        <translation>压缩包中的条目过多（%1 个），不像是一份报告。</translation>
    </message>
    <message>
        <source>The file is a damaged ZIP archive (an entry cannot be read).</source>
        <translation>文件是已损坏的 ZIP 压缩包（有条目无法读取）。</translation>
    </message>
    <message>
        <source>The archive would inflate to more than %1 MB: refused as a possible zip bomb.</source>
        <translation>压缩包解压后将超过 %1 MB，疑似“压缩炸弹”，已拒绝。</translation>
    </message>
    <message>
        <source>The file is a damaged ZIP archive (its table of contents is broken).</source>
        <translation>文件是已损坏的 ZIP 压缩包（目录已损坏）。</translation>
    </message>
    <message>
        <source>The archive has no part %1.</source>
        <translation>压缩包中没有 %1 部分。</translation>
    </message>
    <message>
        <source>The part %1 would inflate to more than %2 MB: refused as a possible zip bomb.</source>
        <translation>%1 部分解压后将超过 %2 MB，疑似“压缩炸弹”，已拒绝。</translation>
    </message>
    <message>
        <source>The part %1 of the archive cannot be opened; the file is damaged.</source>
        <translation>无法打开压缩包中的 %1 部分，文件已损坏。</translation>
    </message>
    <message>
        <source>The part %1 inflates to more than its declared size: refused as a possible zip bomb.</source>
        <translation>%1 部分解压后超过其声明的大小，疑似“压缩炸弹”，已拒绝。</translation>
    </message>
    <message>
        <source>The part %1 of the archive is damaged and cannot be inflated.</source>
        <translation>压缩包中的 %1 部分已损坏，无法解压。</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Where reviews are kept: a SQLite file or postgresql://user@host:port/db, the password read from ~/.pgpass or asked for (default: the last one used, or a file in the user&apos;s data folder).</source>
        <translation>审校记录的保存位置：SQLite 文件，或 postgresql://用户@主机:端口/数据库，密码从 ~/.pgpass 读取或在需要时询问（默认：上次使用的位置，或用户数据文件夹中的文件）。</translation>
    </message>
    <message>
        <source>url</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Do not keep reviews (nothing is saved).</source>
        <translation>不保存审校记录（任何修改都不会保存）。</translation>
    </message>
    <message>
        <source>Report files or folders to open.</source>
        <translation>要打开的报告文件或文件夹。</translation>
    </message>
    <message>
        <source>There is no display to open the window on (DISPLAY is not set): start nianbao in a desktop session or under xvfb-run; nianbao-cli reads and checks reports without a window.</source>
        <translation>没有可以打开窗口的显示器（未设置 DISPLAY）：请在桌面会话中或用 xvfb-run 启动 nianbao；nianbao-cli 无需窗口即可读取和检查报告。</translation>
    </message>
    <message>
        <source>Open a window of its own even when one is open already (otherwise the files are handed to that window).</source>
        <translation>即使已有窗口打开，也另开一个窗口（否则文件交给已打开的窗口）。</translation>
    </message>
    <message>
        <source>Nianbao is open already: the files were handed to its window.</source>
        <translation>年报审校已经打开：文件已交给其窗口。</translation>
    </message>
</context>
<context>
    <name>nianbao::DatabaseUrl</name>
    <message>
        <source>A password given on the command line can be seen by other users of this computer while the program starts; it has been hidden and is not saved. Leave it out and use ~/.pgpass, or type it when asked.</source>
        <translation>命令行中给出的密码在程序启动时可能被本机其他用户看到；密码已隐藏，且不会保存。请不要在命令行中写密码，改用 ~/.pgpass，或在询问时输入。</translation>
    </message>
</context>
<context>
    <name>nianbao::Outbox</name>
    <message>
        <source>The outbox %1 on this computer could not %2: %3</source>
        <translation>本机暂存文件 %1 无法%2：%3</translation>
    </message>
    <message>
        <source>Cannot make the folder %1 for the outbox.</source>
        <translation>无法为本机暂存文件创建文件夹 %1。</translation>
    </message>
    <message>
        <source>open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>The outbox %1 was written by a newer version of Nianbao; it is left as it is.</source>
        <translation>本机暂存文件 %1 由更新版本的年报审校写入，已保持原样，未作改动。</translation>
    </message>
    <message>
        <source>update its schema</source>
        <translation>更新其结构</translation>
    </message>
    <message>
        <source>The outbox is not open.</source>
        <translation>本机暂存文件未打开。</translation>
    </message>
    <message>
        <source>keep a change</source>
        <translation>暂存一处修改</translation>
    </message>
    <message>
        <source>read its changes</source>
        <translation>读取暂存的修改</translation>
    </message>
    <message>
        <source>remove a sent change</source>
        <translation>删除已发送的修改</translation>
    </message>
    <message>
        <source>keep what is known of a report</source>
        <translation>保存报告的已知状态</translation>
    </message>
    <message>
        <source>keep what is known of the queue</source>
        <translation>保存报告队列的已知状态</translation>
    </message>
</context>
<context>
    <name>nianbao::Review</name>
    <message>
        <source>This is not a cell of the report.</source>
        <translation>这不是报告中的单元格。</translation>
    </message>
    <message>
        <source>Type a number, for example 12.5, or leave the cell blank.</source>
        <translation>请输入数字（例如 12.5），或留空。</translation>
    </message>
    <message>
        <source>Type a whole number, or leave the cell blank.</source>
        <translation>请输入整数，或留空。</translation>
    </message>
    <message>
        <source>This cell cannot be negative.</source>
        <translation>此单元格不能为负数。</translation>
    </message>
    <message>
        <source>This cell counts items: type a whole number.</source>
        <translation>此单元格为件数，请输入整数。</translation>
    </message>
    <message>
        <source>Type a number, or leave the cell blank.</source>
        <translation>请输入数字，或留空。</translation>
    </message>
    <message>
        <source>Select a cell of a table to paste into.</source>
        <translation>请先选择要粘贴到的表格单元格。</translation>
    </message>
    <message>
        <source>There is nothing to paste.</source>
        <translation>没有可粘贴的内容。</translation>
    </message>
    <message>
        <source>The block does not fit from this cell on.</source>
        <translation>从此单元格开始放不下所粘贴的数据块。</translation>
    </message>
    <message>
        <source>The cell already holds this value.</source>
        <translation>单元格已是该值。</translation>
    </message>
    <message>
        <source>The cells are blank already.</source>
        <translation>单元格已经是空的。</translation>
    </message>
    <message>
        <source>This row has no values to shift.</source>
        <translation>此行没有可移动的数值。</translation>
    </message>
    <message>
        <source>The row is blank: nothing to shift.</source>
        <translation>此行为空，无可移动的数值。</translation>
    </message>
    <message>
        <source>Choose another row of the same table.</source>
        <translation>请选择同一张表中的另一行。</translation>
    </message>
    <message>
        <source>The row is blank: nothing to move.</source>
        <translation>此行为空，无可移动的数值。</translation>
    </message>
    <message>
        <source>The cells already hold these values.</source>
        <translation>单元格已是这些值。</translation>
    </message>
    <message>
        <source>A number has at most %1 digits.</source>
        <translation>数字最多 %1 位。</translation>
    </message>
    <message>
        <source>Choose a finding first.</source>
        <translation>请先选择问题。</translation>
    </message>
    <message>
        <source>Say why the finding is dismissed.</source>
        <translation>请说明排除该问题的理由。</translation>
    </message>
    <message>
        <source>The finding has no disposition to clear.</source>
        <translation>该问题尚无处理意见，无需取消。</translation>
    </message>
    <message>
        <source>The finding is dismissed already.</source>
        <translation>该问题已排除。</translation>
    </message>
    <message>
        <source>The finding is confirmed already.</source>
        <translation>该问题已确认。</translation>
    </message>
    <message>
        <source>Nothing was changed: the report stays %1.</source>
        <translation>未作修改：报告仍为%1。</translation>
    </message>
    <message>
        <source>blank</source>
        <translation>空</translation>
    </message>
    <message>
        <source>Reverts %1 → %2 (%3, %4)</source>
        <translation>还原 %1 → %2 的修改（%3，%4）</translation>
    </message>
    <message>
        <source>The cell already holds the value it had before this correction.</source>
        <translation>该单元格已是这次修改之前的值。</translation>
    </message>
    <message>
        <source>This finding has no proposal to accept.</source>
        <translation>此问题没有可采纳的建议。</translation>
    </message>
    <message>
        <source>Accepts the proposal of %1: %2</source>
        <translation>采纳 %1 的建议：%2</translation>
    </message>
    <message>
        <source>The cells already hold the values proposed.</source>
        <translation>这些单元格已是建议的数值。</translation>
    </message>
</context>
<context>
    <name>nianbao::ReviewKeeper</name>
    <message>
        <source>%1 was changed by %2 to “%3” at %4; your change was not saved. The report has been reloaded.</source>
        <translation>%1 已于 %4 被 %2 改为“%3”，您的修改未保存，报告已重新载入。</translation>
    </message>
    <message>
        <source>another reviewer</source>
        <translation>其他审校人</translation>
    </message>
    <message>
        <source>The review&apos;s state</source>
        <translation>审校状态</translation>
    </message>
    <message>
        <source>%1: your change made while the server could not be reached was not sent. %2</source>
        <translation>%1：您在服务器无法连接时所做的修改未发送。%2</translation>
    </message>
    <message>
        <source>Your changes are kept: File ▸ Unsent Changes sends them over the others&apos; values or gives them up.</source>
        <translation>您的修改仍保留着：可通过“文件 ▸ 未发送的修改”用您的值覆盖他人的值，或放弃您的修改。</translation>
    </message>
    <message>
        <source>%1: yours “%2” (%3). %4</source>
        <translation>%1：您的值“%2”（%3）。%4</translation>
    </message>
    <message>
        <source>The review&apos;s state (%1). %2</source>
        <translation>审校状态（%1）。%2</translation>
    </message>
    <message>
        <source>A finding&apos;s disposition</source>
        <translation>问题的处理意见</translation>
    </message>
</context>
<context>
    <name>nianbao::ReviewStore</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>Cannot make the folder %1 for the review database.</source>
        <translation>无法为审校数据库创建文件夹 %1。</translation>
    </message>
    <message>
        <source>The review database %1 is read-only: corrections could not be saved. Make it writable or choose another database.</source>
        <translation>审校数据库 %1 为只读，修改无法保存。请使其可写，或选择其他数据库。</translation>
    </message>
    <message>
        <source>The folder of the review database %1 is read-only: the database needs to write its journal there. Make it writable or choose another database.</source>
        <translation>审校数据库 %1 所在文件夹为只读，数据库需要在其中写日志。请使其可写，或选择其他数据库。</translation>
    </message>
    <message>
        <source>The SQLite driver of Qt is not installed (Debian package libqt6sql6-sqlite).</source>
        <translation>未安装 Qt 的 SQLite 驱动（Debian 软件包 libqt6sql6-sqlite）。</translation>
    </message>
    <message>
        <source>open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>The review database %1 cannot use write-ahead logging (journal mode %2).</source>
        <translation>审校数据库 %1 无法使用预写日志（日志模式 %2）。</translation>
    </message>
    <message>
        <source>%1 is not a PostgreSQL address; write postgresql://user:password@host:port/database.</source>
        <translation>%1 不是 PostgreSQL 地址，请写作 postgresql://用户:密码@主机:端口/数据库。</translation>
    </message>
    <message>
        <source>The PostgreSQL driver of Qt is not installed (Debian package libqt6sql6-psql).</source>
        <translation>未安装 Qt 的 PostgreSQL 驱动（Debian 软件包 libqt6sql6-psql）。</translation>
    </message>
    <message>
        <source>The review database %1 is locked by another program; close the other program (or the other Nianbao window) and try again.</source>
        <translation>审校数据库 %1 被其他程序锁定；请关闭该程序（或另一个年报审校窗口）后重试。</translation>
    </message>
    <message>
        <source>%1 is not a Nianbao review database.</source>
        <translation>%1 不是年报审校的审校数据库。</translation>
    </message>
    <message>
        <source>The disk of the review database %1 is full.</source>
        <translation>审校数据库 %1 所在磁盘已满。</translation>
    </message>
    <message>
        <source>The review database %1 cannot be opened.</source>
        <translation>无法打开审校数据库 %1。</translation>
    </message>
    <message>
        <source>The review database %1 could not %2: %3</source>
        <translation>审校数据库 %1 未能%2：%3</translation>
    </message>
    <message>
        <source>The PostgreSQL server at %1 refused the user name or password.</source>
        <translation>%1 的 PostgreSQL 服务器拒绝了用户名或密码。</translation>
    </message>
    <message>
        <source>The PostgreSQL server has no database named as in %1.</source>
        <translation>PostgreSQL 服务器上没有 %1 中指定的数据库。</translation>
    </message>
    <message>
        <source>The PostgreSQL server at %1 cannot be reached (is it running?): %2</source>
        <translation>无法连接 %1 的 PostgreSQL 服务器（是否已启动？）：%2</translation>
    </message>
    <message>
        <source>The PostgreSQL database %1 could not %2: %3</source>
        <translation>PostgreSQL 数据库 %1 未能%2：%3</translation>
    </message>
    <message>
        <source>The review database could not %1: %2</source>
        <translation>审校数据库未能%1：%2</translation>
    </message>
    <message>
        <source>No review database is open.</source>
        <translation>没有打开审校数据库。</translation>
    </message>
    <message>
        <source>start a transaction</source>
        <translation>开始事务</translation>
    </message>
    <message>
        <source>connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>lock the schema</source>
        <translation>锁定数据库结构</translation>
    </message>
    <message>
        <source>read the schema</source>
        <translation>读取数据库结构</translation>
    </message>
    <message>
        <source>read the schema version</source>
        <translation>读取数据库结构版本</translation>
    </message>
    <message>
        <source>The review database %1 was written by a newer version of Nianbao (schema %2; this version reads up to %3). Update Nianbao or choose another database.</source>
        <translation>审校数据库 %1 由更新版本的年报审校写入（结构版本 %2，本版本最高支持 %3）。请升级年报审校，或选择其他数据库。</translation>
    </message>
    <message>
        <source>update its schema</source>
        <translation>更新数据库结构</translation>
    </message>
    <message>
        <source>The report has no content hash.</source>
        <translation>报告缺少内容哈希。</translation>
    </message>
    <message>
        <source>read a report</source>
        <translation>读取报告</translation>
    </message>
    <message>
        <source>save a report</source>
        <translation>保存报告</translation>
    </message>
    <message>
        <source>log a change</source>
        <translation>记录变更</translation>
    </message>
    <message>
        <source>announce a change</source>
        <translation>通知变更</translation>
    </message>
    <message>
        <source>save a cell</source>
        <translation>保存单元格</translation>
    </message>
    <message>
        <source>Cell %1 was changed by %2 at %3 (now %4) after you saw it; your change was not saved. Look at their value and correct again if needed.</source>
        <translation>单元格 %1 在您查看之后已于 %3 被 %2 修改（现为 %4），您的修改未保存。请查看其数值，必要时重新修改。</translation>
    </message>
    <message>
        <source>another reviewer</source>
        <translation>其他审校人</translation>
    </message>
    <message>
        <source>read a cell</source>
        <translation>读取单元格</translation>
    </message>
    <message>
        <source>save a correction</source>
        <translation>保存修改</translation>
    </message>
    <message>
        <source>undo a correction</source>
        <translation>撤销修改</translation>
    </message>
    <message>
        <source>Cell %1 has no saved correction to undo.</source>
        <translation>单元格 %1 没有可撤销的已保存修改。</translation>
    </message>
    <message>
        <source>save the review</source>
        <translation>保存审校</translation>
    </message>
    <message>
        <source>The report %1 has no content hash.</source>
        <translation>报告 %1 缺少内容哈希。</translation>
    </message>
    <message>
        <source>read a review</source>
        <translation>读取审校</translation>
    </message>
    <message>
        <source>read the audit trail</source>
        <translation>读取修改记录</translation>
    </message>
    <message>
        <source>read the cells</source>
        <translation>读取单元格</translation>
    </message>
    <message>
        <source>read the changes</source>
        <translation>读取变更</translation>
    </message>
    <message>
        <source>read the queue</source>
        <translation>读取报告队列</translation>
    </message>
    <message>
        <source>add to the queue</source>
        <translation>加入报告队列</translation>
    </message>
    <message>
        <source>count the queue</source>
        <translation>统计报告队列</translation>
    </message>
    <message>
        <source>change the queue</source>
        <translation>修改报告队列</translation>
    </message>
    <message>
        <source>save a setting</source>
        <translation>保存设置</translation>
    </message>
    <message>
        <source>read a setting</source>
        <translation>读取设置</translation>
    </message>
    <message>
        <source>There is no review database at %1.</source>
        <translation>%1 处没有审校数据库。</translation>
    </message>
    <message>
        <source>clear a finding&apos;s disposition</source>
        <translation>取消问题的处理意见</translation>
    </message>
    <message>
        <source>save a finding&apos;s disposition</source>
        <translation>保存问题的处理意见</translation>
    </message>
    <message>
        <source>read the dispositions of findings</source>
        <translation>读取问题的处理意见</translation>
    </message>
    <message>
        <source>The review database %1 has schema %2; this version reads %3. Open it once in Nianbao to bring it up to date.</source>
        <translation>审校数据库 %1 的结构版本为 %2，本版本读取版本 %3。请先在年报审校中打开一次，使其更新。</translation>
    </message>
</context>
<context>
    <name>nianbao::StoreLink</name>
    <message>
        <source>The change could not be kept on this computer either; it is lost unless made again: %1</source>
        <translation>这处修改也无法暂存在本机，除非重新修改，否则将会丢失：%1</translation>
    </message>
    <message>
        <source>No review database is open.</source>
        <translation>没有打开审校数据库。</translation>
    </message>
    <message>
        <source>An earlier change of this cell was not sent either.</source>
        <translation>此单元格之前的一处修改也未发送。</translation>
    </message>
    <message>
        <source>The server refused it: %1</source>
        <translation>服务器拒绝了这处修改：%1</translation>
    </message>
    <message>
        <source>another reviewer</source>
        <translation>其他审校人</translation>
    </message>
    <message>
        <source>Meanwhile %1 changed it to “%2” at %3.</source>
        <translation>在此期间，%1 已于 %3 将其改为“%2”。</translation>
    </message>
</context>
<context>
    <name>nianbao::ui::AboutDialog</name>
    <message>
        <source>About Nianbao</source>
        <translation>关于年报审校</translation>
    </message>
    <message>
        <source>none: corrections are not kept</source>
        <translation>无：修改不会保存</translation>
    </message>
    <message>
        <source>Nianbao</source>
        <translation>年报审校</translation>
    </message>
    <message>
        <source>Review of government information-disclosure annual reports: the source beside its three tables, checked live against the form&apos;s identities.</source>
        <translation>政府信息公开工作年度报告审校：原文与三张表格并列显示，按表样的勾稽关系实时检查。</translation>
    </message>
    <message>
        <source>Data folder:</source>
        <translation>数据文件夹：</translation>
    </message>
    <message>
        <source>Review database:</source>
        <translation>审校数据库：</translation>
    </message>
    <message>
        <source>Licence:</source>
        <translation>许可协议：</translation>
    </message>
    <message>
        <source>GNU General Public License, version 3 or later (GPL-3.0-or-later). It comes with no warranty; the full text follows.</source>
        <translation>GNU 通用公共许可证第 3 版或更高版本（GPL-3.0-or-later）。本软件不提供任何担保；全文如下。</translation>
    </message>
    <message>
        <source>Built with Qt %1.</source>
        <translation>使用 Qt %1 构建。</translation>
    </message>
</context>
<context>
    <name>nianbao::ui::ActionHandler</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Open Reports…</source>
        <translation>打开报告(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;Folder…</source>
        <translation>打开文件夹(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Close Report</source>
        <translation>关闭报告(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Current Report…</source>
        <translation>当前报告(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Reviewed Reports…</source>
        <translation>已审校的报告(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;All Reports…</source>
        <translation>全部报告(&amp;A)…</translation>
    </message>
    <message>
        <source>CSV in &amp;GB18030 (for older Excel)</source>
        <translation>CSV 使用 GB18030 编码（适用于旧版 Excel）(&amp;G)</translation>
    </message>
    <message>
        <source>Reviewer &amp;Name…</source>
        <translation>审校人姓名(&amp;N)…</translation>
    </message>
    <message>
        <source>Review &amp;Database…</source>
        <translation>审校数据库(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Unsent Changes…</source>
        <translation>未发送的修改(&amp;U)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>C&amp;lear Cells</source>
        <translation>清空单元格(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Copy Cells</source>
        <translation>复制单元格(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Take Selection from Source</source>
        <translation>取用原文中的选中内容(&amp;T)</translation>
    </message>
    <message>
        <source>Put the numbers selected in the source into the cells from the current one on</source>
        <translation>将原文中选中的数字从当前单元格起依次填入</translation>
    </message>
    <message>
        <source>Shift Row &amp;Left</source>
        <translation>整行左移(&amp;L)</translation>
    </message>
    <message>
        <source>Shift Row &amp;Right</source>
        <translation>整行右移(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Move Row Values To…</source>
        <translation>将本行数值移到(&amp;M)…</translation>
    </message>
    <message>
        <source>Mark &amp;Reviewed</source>
        <translation>标记为已审校(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Next Finding</source>
        <translation>下一个问题(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Previous Finding</source>
        <translation>上一个问题(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Find in Source…</source>
        <translation>在原文中查找(&amp;F)…</translation>
    </message>
    <message>
        <source>Next &amp;Report</source>
        <translation>下一份报告(&amp;R)</translation>
    </message>
    <message>
        <source>Previous R&amp;eport</source>
        <translation>上一份报告(&amp;E)</translation>
    </message>
    <message>
        <source>Next P&amp;ane</source>
        <translation>下一个窗格(&amp;A)</translation>
    </message>
    <message>
        <source>Previous Pa&amp;ne</source>
        <translation>上一个窗格(&amp;N)</translation>
    </message>
    <message>
        <source>Table &amp;2: Proactive Disclosure</source>
        <translation>表二：主动公开(&amp;2)</translation>
    </message>
    <message>
        <source>Table &amp;3: Applications</source>
        <translation>表三：依申请公开(&amp;3)</translation>
    </message>
    <message>
        <source>Table &amp;4: Reconsideration and Litigation</source>
        <translation>表四：复议诉讼(&amp;4)</translation>
    </message>
    <message>
        <source>&amp;System Language</source>
        <translation>跟随系统语言(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Reports List</source>
        <translation>报告列表(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Corrections</source>
        <translation>修改记录(&amp;C)</translation>
    </message>
    <message>
        <source>Clear &amp;List</source>
        <translation>清空列表(&amp;L)</translation>
    </message>
    <message>
        <source>Open Reports</source>
        <translation>打开报告</translation>
    </message>
    <message>
        <source>Reports (*.txt *.md *.html *.htm *.shtml *.docx *.doc *.pdf *.csv);;All files (*)</source>
        <translation>报告 (*.txt *.md *.html *.htm *.shtml *.docx *.doc *.pdf *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Open a Folder of Reports</source>
        <translation>打开报告文件夹</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>No report is marked reviewed yet.</source>
        <translation>还没有标记为已审校的报告。</translation>
    </message>
    <message>
        <source>There is no report to export.</source>
        <translation>没有可导出的报告。</translation>
    </message>
    <message>
        <source>The server %1 asks for a password. It is kept in memory until Nianbao is closed, never written to disk.</source>
        <translation>服务器 %1 要求输入密码。密码只保存在内存中，直到关闭年报审校，不会写入磁盘。</translation>
    </message>
    <message>
        <source>The server %1 refused the password. Type it again (it is kept in memory only).</source>
        <translation>服务器 %1 拒绝了该密码。请重新输入（密码只保存在内存中）。</translation>
    </message>
    <message>
        <source>Review Database Password</source>
        <translation>审校数据库密码</translation>
    </message>
    <message>
        <source>Reviews cannot be saved</source>
        <translation>无法保存审校记录</translation>
    </message>
    <message>
        <source>Corrections made now will not be kept.</source>
        <translation>现在所做的修改将不会保存。</translation>
    </message>
    <message>
        <source>Review Database</source>
        <translation>审校数据库</translation>
    </message>
    <message>
        <source>Where reviews are kept: a SQLite file, or a team&apos;s server as postgresql://user@host:5432/database (the password is read from ~/.pgpass or asked for). Leave empty for your own file.</source>
        <translation>审校记录的保存位置：SQLite 文件，或团队服务器 postgresql://用户@主机:5432/数据库（密码从 ~/.pgpass 读取，或在需要时询问）。留空则使用本人的文件。</translation>
    </message>
    <message>
        <source>Reviews are kept in %1</source>
        <translation>审校记录保存在 %1</translation>
    </message>
    <message>
        <source>Unsent Changes</source>
        <translation>未发送的修改</translation>
    </message>
    <message>
        <source>Every change has reached the server.</source>
        <translation>所有修改都已送达服务器。</translation>
    </message>
    <message>
        <source>These changes were made while the server could not be reached; meanwhile others changed the same cells:</source>
        <translation>以下修改是在服务器无法连接时所做的；在此期间，他人修改了相同的单元格：</translation>
    </message>
    <message>
        <source>Apply: send yours over theirs. Discard: give yours up and keep theirs. Cancel: decide later.</source>
        <translation>应用：用您的值覆盖他人的值。放弃：放弃您的修改，保留他人的值。取消：稍后再决定。</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>审校人</translation>
    </message>
    <message>
        <source>Your name, recorded with every correction:</source>
        <translation>您的姓名（随每一次修改记录）：</translation>
    </message>
    <message>
        <source>Mark Reviewed</source>
        <translation>标记为已审校</translation>
    </message>
    <message numerus="yes">
        <source>This report still has %n error(s). Mark it reviewed anyway?</source>
        <translation>
            <numerusform>此报告仍有 %n 个错误。仍要标记为已审校吗？</numerusform>
        </translation>
    </message>
    <message>
        <source>Mark &amp;Sent</source>
        <translation>标记为已报送(&amp;S)</translation>
    </message>
    <message>
        <source>The reviewed report was passed on (sent); only a reviewed report can be sent</source>
        <translation>已审校的报告已报送；只有已审校的报告才能报送</translation>
    </message>
    <message>
        <source>Change a Finished Report</source>
        <translation>修改已完成审校的报告</translation>
    </message>
    <message>
        <source>The report is in review again; undo gives its state back.</source>
        <translation>报告已回到审校中；撤销可恢复原状态。</translation>
    </message>
    <message>
        <source>Mark Sent</source>
        <translation>标记为已报送</translation>
    </message>
    <message>
        <source>&amp;Actual Size (%1%)</source>
        <translation>实际大小(&amp;A)（%1%）</translation>
    </message>
    <message>
        <source>Mark Reviewed and &amp;Next</source>
        <translation>标记已审校并转到下一份(&amp;N)</translation>
    </message>
    <message>
        <source>Mark this report reviewed and show the next one in the list still to review</source>
        <translation>将本报告标记为已审校，并显示列表中下一份待审校的报告</translation>
    </message>
    <message>
        <source>&amp;Zoom</source>
        <translation>缩放(&amp;Z)</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Fit Width</source>
        <translation>适合宽度(&amp;F)</translation>
    </message>
    <message>
        <source>Zoom each table so that all its columns fit the width</source>
        <translation>缩放各表，使其所有列都在宽度内显示</translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation>工具栏</translation>
    </message>
    <message>
        <source>&amp;Toolbar</source>
        <translation>工具栏(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Letter to the Body…</source>
        <translation>给报送单位的审校意见(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>Print Pre&amp;view…</source>
        <translation>打印预览(&amp;V)…</translation>
    </message>
    <message>
        <source>The current report&apos;s problems for its body to correct, as PDF or Word</source>
        <translation>当前报告需报送单位更正的问题，导出为 PDF 或 Word</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Open a report to print it.</source>
        <translation>请先打开一份报告再打印。</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>撤销 %1(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>重做 %1(&amp;R)</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
</context>
<context>
    <name>nianbao::ui::CellHistoryView</name>
    <message>
        <source>As extracted: %1</source>
        <translation>提取值：%1</translation>
    </message>
    <message>
        <source>(not found)</source>
        <translation>（未找到）</translation>
    </message>
</context>
<context>
    <name>nianbao::ui::CorrectionsModel</name>
    <message>
        <source>%1 (%2)</source>
        <comment>a change and its kind</comment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>(blank)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>edit</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>row shift</source>
        <translation>整行平移</translation>
    </message>
    <message>
        <source>row move</source>
        <translation>整行移动</translation>
    </message>
    <message>
        <source>paste</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <source>revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <source>Undone at %1</source>
        <translation>已于 %1 撤销</translation>
    </message>
    <message>
        <source>Undone by %1 at %2</source>
        <translation>已由 %1 于 %2 撤销</translation>
    </message>
    <message>
        <source>undone</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>as extracted: %1</source>
        <translation>提取值：%1</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Cell</source>
        <translation>单元格</translation>
    </message>
    <message>
        <source>Before → after</source>
        <translation>修改前 → 修改后</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>审校人</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>suggestion accepted</source>
        <translation>采纳建议</translation>
    </message>
</context>
<context>
    <name>nianbao::ui::CorrectionsPanel</name>
    <message>
        <source>&amp;Revert This Correction…</source>
        <translation>还原这次修改(&amp;R)…</translation>
    </message>
    <message>
        <source>Put the cell back to its value before this correction, as a new change (Delete)</source>
        <translation>将单元格恢复为这次修改之前的值，作为一次新的修改记录（Delete）</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <source>This correction was undone: there is nothing to revert.</source>
        <translation>这次修改已撤销，无需还原。</translation>
    </message>
    <message>
        <source>Revert Correction</source>
        <translation>还原修改</translation>
    </message>
    <message numerus="yes">
        <source>%1 was changed %n more time(s) after this correction; it holds %2 now. Put it back to %3, its value before this correction?</source>
        <translation>
            <numerusform>这次修改之后，%1 又被修改了 %n 次，现在的值为 %2。仍要恢复为这次修改之前的值 %3 吗？</numerusform>
        </translation>
    </message>
    <message>
        <source>(not found)</source>
        <translation>（未找到）</translation>
    </message>
    <message>
        <source>%1 is back to %2.</source>
        <translation>%1 已还原为 %2。</translation>
    </message>
</context>
<context>
    <name>nianbao::ui::DismissDialog</name>
    <message>
        <source>The prose covers the office only</source>
        <translation>正文只涉及本机关</translation>
    </message>
    <message>
        <source>The in-force count was cleaned up</source>
        <translation>在施行数已清理</translation>
    </message>
    <message>
        <source>Checked with the reporting body</source>
        <translation>已与报送单位核实</translation>
    </message>
    <message>
        <source>The source document is right: a reading error</source>
        <translation>原件无误，属读取错误</translation>
    </message>
    <message>
        <source>Dismiss Finding</source>
        <translation>排除问题</translation>
    </message>
    <message numerus="yes">
        <source>Why is the finding explained? (%n finding(s))</source>
        <translation>
            <numerusform>排除理由是什么？（%n 个问题）</numerusform>
        </translation>
    </message>
    <message>
        <source>Type a reason or choose one</source>
        <translation>输入理由，或从列表中选择</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>排除</translation>
    </message>
</context>
<context>
    <name>nianbao::ui::FindingsModel</name>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <source>Dismissed</source>
        <translation>已排除</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Dismissed by %1 at %2: %3</source>
        <translation>已由 %1 于 %2 排除：%3</translation>
    </message>
    <message>
        <source>Confirmed by %1 at %2: the report itself is wrong</source>
        <translation>已由 %1 于 %2 确认：报告本身有误</translation>
    </message>
    <message>
        <source>page %1</source>
        <translation>第 %1 页</translation>
    </message>
    <message>
        <source>pages %1</source>
        <translation>第 %1 页</translation>
    </message>
</context>
<context>
    <name>nianbao::ui::FindingsPanel</name>
    <message>
        <source>This file could not be read as a report.</source>
        <translation>无法将此文件作为报告读取。</translation>
    </message>
    <message>
        <source>Drop report files or folders here, or open them with File ▸ Open (Ctrl+O).</source>
        <translation>将报告文件或文件夹拖到此处，或通过“文件 ▸ 打开”（Ctrl+O）打开。</translation>
    </message>
    <message>
        <source>No findings: the tables add up.</source>
        <translation>未发现问题：表格数字相符。</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n 个错误</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n 个警告</numerusform>
        </translation>
    </message>
    <message>
        <source>F8 next, Shift+F8 previous; click a finding to select its cells</source>
        <translation>F8 下一个，Shift+F8 上一个；点击问题可选中相关单元格</translation>
    </message>
    <message numerus="yes">
        <source>%n dismissed</source>
        <translation>
            <numerusform>%n 个已排除</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Confirm Finding</source>
        <translation>确认问题(&amp;C)</translation>
    </message>
    <message>
        <source>The report itself is wrong: the finding goes into the letter to the body (C)</source>
        <translation>报告本身有误：该问题将写入致报送单位的函（C）</translation>
    </message>
    <message>
        <source>&amp;Dismiss Finding…</source>
        <translation>排除问题(&amp;D)…</translation>
    </message>
    <message>
        <source>The finding is explained: give the reason (D)</source>
        <translation>该问题已有合理解释：请填写理由（D）</translation>
    </message>
    <message>
        <source>Clear Finding &amp;Disposition</source>
        <translation>取消问题处理意见(&amp;U)</translation>
    </message>
    <message>
        <source>Neither confirmed nor dismissed (U)</source>
        <translation>既不确认也不排除（U）</translation>
    </message>
    <message>
        <source>Dismissed by %1 at %2: %3</source>
        <translation>已由 %1 于 %2 排除：%3</translation>
    </message>
    <message>
        <source>Confirmed by %1 at %2: the report itself is wrong</source>
        <translation>已由 %1 于 %2 确认：报告本身有误</translation>
    </message>
    <message>
        <source>Accept Proposal %1: %2</source>
        <translation>采纳建议 %1：%2</translation>
    </message>
    <message>
        <source>What Rule %1 Checks</source>
        <translation>规则 %1 检查什么</translation>
    </message>
    <message>
        <source>&amp;Accept Suggestion</source>
        <translation>采纳建议(&amp;A)</translation>
    </message>
    <message>
        <source>Make the change proposed first for the finding chosen: one step, undone with Ctrl+Z (A)</source>
        <translation>按所选问题的首选建议修改：一步完成，可用 Ctrl+Z 撤销（A）</translation>
    </message>
    <message>
        <source>Proposed (A accepts): %1</source>
        <translation>建议（按 A 采纳）：%1</translation>
    </message>
    <message>
        <source>Or: %1</source>
        <translation>或：%1</translation>
    </message>
</context>
<context>
    <name>nianbao::ui::HelpMenu</name>
    <message>
        <source>User &amp;Manual</source>
        <translation>用户手册(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Rule Catalogue</source>
        <translation>规则目录(&amp;R)</translation>
    </message>
    <message>
        <source>Every rule the checker applies: what it checks, why, an example</source>
        <translation>检查所用的全部规则：检查什么、为什么、示例</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About Nianbao</source>
        <translation>关于年报审校(&amp;A)</translation>
    </message>
</context>
<context>
    <name>nianbao::ui::MainWindow</name>
    <message>
        <source>Cell History</source>
        <translation>单元格历史</translation>
    </message>
    <message>
        <source>Note for the next correction (kept in the audit trail)</source>
        <translation>下一次修改的备注（记入修改记录）</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>Corrections</source>
        <translation>修改记录</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message numerus="yes">
        <source>%n report(s) have corrections and are not marked reviewed. Quit anyway?</source>
        <translation>
            <numerusform>有 %n 份报告已修改但尚未标记为已审校。仍要退出吗？</numerusform>
        </translation>
    </message>
    <message>
        <source>Close Report</source>
        <translation>关闭报告</translation>
    </message>
    <message>
        <source>This report has corrections and is not marked reviewed. Close it anyway?</source>
        <translation>此报告已修改但尚未标记为已审校。仍要关闭吗？</translation>
    </message>
    <message>
        <source>Review store</source>
        <translation>审校记录</translation>
    </message>
    <message>
        <source>Changes by %1 were loaded.</source>
        <translation>已载入 %1 的修改。</translation>
    </message>
    <message>
        <source>another reviewer</source>
        <translation>其他审校人</translation>
    </message>
    <message>
        <source>History of %1</source>
        <translation>%1 的修改记录</translation>
    </message>
    <message>
        <source>This cell has no place in the source.</source>
        <translation>此单元格在原文中没有对应位置。</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) kept on this computer were sent to the server.</source>
        <translation>
            <numerusform>暂存在本机的 %n 处修改已发送到服务器。</numerusform>
        </translation>
    </message>
    <message>
        <source>Cell &amp;History</source>
        <translation>单元格历史(&amp;H)</translation>
    </message>
    <message>
        <source>No other report in the list is left to review.</source>
        <translation>列表中已没有其他待审校的报告。</translation>
    </message>
</context>
<context>
    <name>nianbao::ui::ManualDialog</name>
    <message>
        <source>User Manual</source>
        <translation>用户手册</translation>
    </message>
</context>
<context>
    <name>nianbao::ui::QueuePanel</name>
    <message>
        <source>Search body, year or file</source>
        <translation>搜索单位、年份或文件名</translation>
    </message>
    <message>
        <source>All reports</source>
        <translation>全部报告</translation>
    </message>
    <message>
        <source>With errors</source>
        <translation>有错误</translation>
    </message>
    <message>
        <source>With warnings</source>
        <translation>有警告</translation>
    </message>
    <message>
        <source>Clean</source>
        <translation>无问题</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>已审校</translation>
    </message>
    <message>
        <source>Unreadable</source>
        <translation>无法读取</translation>
    </message>
    <message numerus="yes">
        <source>%n report(s)</source>
        <translation>
            <numerusform>%n 份报告</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n with errors</source>
        <translation>
            <numerusform>%n 份有错误</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n reviewed</source>
        <translation>
            <numerusform>%n 份已审校</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unreadable</source>
        <translation>
            <numerusform>%n 份无法读取</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n shown</source>
        <translation>
            <numerusform>显示 %n 份</numerusform>
        </translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>已报送</translation>
    </message>
    <message numerus="yes">
        <source>%n sent</source>
        <translation>
            <numerusform>%n 份已报送</numerusform>
        </translation>
    </message>
    <message>
        <source>To review (not reviewed yet)</source>
        <translation>未审校</translation>
    </message>
    <message numerus="yes">
        <source>%n to review</source>
        <translation>
            <numerusform>%n 份待审校</numerusform>
        </translation>
    </message>
    <message>
        <source>Every report is counted once: to review (those with errors among them), reviewed, sent or unreadable.</source>
        <translation>每份报告只计一次：待审校（其中有错误的另行注明）、已审校、已报送或无法读取。</translation>
    </message>
</context>
<context>
    <name>nianbao::ui::ReportQueueModel</name>
    <message>
        <source>clean</source>
        <translation>无问题</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n 个错误</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n 个警告</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n correction(s)</source>
        <translation>
            <numerusform>%n 处修改</numerusform>
        </translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
</context>
<context>
    <name>nianbao::ui::ReportTableModel</name>
    <message>
        <source>Not found in the source.</source>
        <translation>原文中未找到。</translation>
    </message>
    <message>
        <source>Decoded from digits that ran together.</source>
        <translation>由连在一起的数字拆分得到。</translation>
    </message>
    <message>
        <source>Note in the source: %1</source>
        <translation>原文备注：%1</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <source>blank</source>
        <translation>空</translation>
    </message>
    <message>
        <source>Corrected; extracted value: %1</source>
        <translation>已修改；提取值：%1</translation>
    </message>
    <message>
        <source>by %1 at %2</source>
        <translation>%1 于 %2 修改</translation>
    </message>
</context>
<context>
    <name>nianbao::ui::RuleCatalogueDialog</name>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Rule Catalogue</source>
        <translation>规则目录</translation>
    </message>
    <message>
        <source>Search the rules: id, name, what they check</source>
        <translation>搜索规则：编号、名称、检查内容</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>No rule matches the search.</source>
        <translation>没有符合搜索条件的规则。</translation>
    </message>
    <message>
        <source>What it checks</source>
        <translation>检查什么</translation>
    </message>
    <message>
        <source>Why it matters</source>
        <translation>为什么重要</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>示例</translation>
    </message>
</context>
<context>
    <name>nianbao::ui::ShortcutsDialog</name>
    <message>
        <source>Findings list</source>
        <translation>问题列表</translation>
    </message>
    <message>
        <source>Reports list</source>
        <translation>报告列表</translation>
    </message>
    <message>
        <source>Corrections</source>
        <translation>修改记录</translation>
    </message>
    <message>
        <source>Tables</source>
        <translation>表格</translation>
    </message>
    <message>
        <source>%1 (in the %2)</source>
        <comment>a menu, and the panes where its key works</comment>
        <translation>%1（在%2中）</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
</context>
<context>
    <name>nianbao::ui::SingleInstance</name>
    <message>
        <source>Another window is already listening on %1.</source>
        <translation>另一个窗口已在 %1 上监听。</translation>
    </message>
    <message>
        <source>The window&apos;s socket %1 cannot be made: %2</source>
        <translation>无法创建窗口的套接字 %1：%2</translation>
    </message>
</context>
<context>
    <name>nianbao::ui::SourcePane</name>
    <message>
        <source>Find in the source</source>
        <translation>在原文中查找</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter)</source>
        <translation>上一个匹配（Shift+Enter）</translation>
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translation>下一个匹配（Enter）</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>关闭（Esc）</translation>
    </message>
    <message>
        <source>wrapped</source>
        <translation>已从头开始</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <source>Show &amp;Pages</source>
        <translation>显示页面(&amp;P)</translation>
    </message>
    <message>
        <source>The pages as printed, or the text read from them (Ctrl+Shift+T)</source>
        <translation>显示原版页面，或显示从页面读取的文字（Ctrl+Shift+T）</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>第 %1 页，共 %2 页</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n 页</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>nianbao::ui::StatusBar</name>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n 个错误</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n 个警告</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n correction(s)</source>
        <translation>
            <numerusform>%n 处修改</numerusform>
        </translation>
    </message>
    <message>
        <source>blank</source>
        <translation>空</translation>
    </message>
    <message>
        <source>Received %1 · carried over %2 · processed %3 · carried forward %4</source>
        <translation>新收 %1 · 上年结转 %2 · 办结 %3 · 结转下年 %4</translation>
    </message>
    <message numerus="yes">
        <source>Server cannot be reached: %n change(s) kept on this computer, sent automatically when the connection is back</source>
        <translation>
            <numerusform>服务器无法连接：%n 处修改暂存在本机，连接恢复后自动发送</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not connected to the server: %n change(s) kept on this computer; choose File ▸ Review Database to connect again</source>
        <translation>
            <numerusform>未连接服务器：%n 处修改暂存在本机；请通过“文件 ▸ 审校数据库”重新连接</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to be sent to the server</source>
        <translation>
            <numerusform>%n 处修改等待发送到服务器</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) not sent because others changed the same cells (File ▸ Unsent Changes)</source>
        <translation>
            <numerusform>%n 处修改未发送：他人修改了相同的单元格（文件 ▸ 未发送的修改）</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading %v of %m</source>
        <translation>正在读取第 %v / %m 份</translation>
    </message>
    <message>
        <source>Recognising %1: page %2 of %3</source>
        <translation>正在识别 %1：第 %2 页，共 %3 页</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop reading: the scan being recognised is left unread</source>
        <translation>停止读取：正在识别的扫描件将不予读取</translation>
    </message>
</context>
<context>
    <name>nianbao::ui::TablesPanel</name>
    <message>
        <source>Table 2 · Proactive</source>
        <translation>表二 · 主动公开</translation>
    </message>
    <message>
        <source>Table 3 · Applications</source>
        <translation>表三 · 依申请公开</translation>
    </message>
    <message>
        <source>Table 4 · Reconsideration, litigation</source>
        <translation>表四 · 复议诉讼</translation>
    </message>
    <message>
        <source>year %1</source>
        <translation>%1 年</translation>
    </message>
    <message>
        <source>template %1</source>
        <translation>模板 %1</translation>
    </message>
    <message>
        <source>Select numbers in the source first.</source>
        <translation>请先在原文中选中数字。</translation>
    </message>
    <message>
        <source>Move Row Values</source>
        <translation>移动行数值</translation>
    </message>
    <message>
        <source>Move the values of this row to:</source>
        <translation>将本行数值移到：</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Undo brings them back. Go ahead?</source>
        <translation>撤销可以恢复这些数值。是否继续？</translation>
    </message>
    <message>
        <source>Shift Row Left</source>
        <translation>整行左移</translation>
    </message>
    <message>
        <source>Shift Row Right</source>
        <translation>整行右移</translation>
    </message>
    <message>
        <source>Shifting the row pushes this value out of the row:</source>
        <translation>整行移位将把以下数值移出本行：</translation>
    </message>
    <message>
        <source>Moving the values to “%1” overwrites what it holds:</source>
        <translation>将数值移至“%1”会覆盖该行现有的数值：</translation>
    </message>
</context>
</TS>
