<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Cli</name>
    <message>
        <source>Reads government information-disclosure annual reports, extracts their three tables and checks that the numbers add up.

Commands:
  extract [--json] FILE     print the tables and findings of one report as JSON
  check FILE|DIR...         check reports and print a summary of each</source>
        <translation>读取政府信息公开工作年度报告，提取其中三张表格并检查数字是否相符。

命令：
  extract [--json] 文件     以 JSON 输出一份报告的表格和检查结果
  check 文件|文件夹...      检查报告并逐份输出摘要</translation>
    </message>
    <message>
        <source>Print JSON (extract always does).</source>
        <translation>输出 JSON（extract 总是如此）。</translation>
    </message>
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
        <source>extract or check</source>
        <translation>extract 或 check</translation>
    </message>
    <message>
        <source>Report files or folders.</source>
        <translation>报告文件或文件夹。</translation>
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
        <source>Unknown command: %1. Use extract or check.</source>
        <translation>未知命令：%1。请使用 extract 或 check。</translation>
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
        <translation><numerusform>%n 个错误</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation><numerusform>%n 个警告</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n more warning(s)</source>
        <translation><numerusform>另有 %n 个警告</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Total: %n report(s)</source>
        <translation><numerusform>合计：%n 份报告</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n with errors</source>
        <translation><numerusform>%n 份有错误</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n clean</source>
        <translation><numerusform>%n 份无问题</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n unreadable</source>
        <translation><numerusform>%n 份无法读取</numerusform></translation>
    </message>
</context>
<context>
    <name>Extractor</name>
    <message>
        <source>No standard table was found: this is not a report in the 2019 or 2021 template.</source>
        <translation>未找到标准表格：这不是按 2019 或 2021 年格式编写的年度报告。</translation>
    </message>
</context>
<context>
    <name>Loader</name>
    <message>
        <source>Web pages (HTML) cannot be read yet.</source>
        <translation>暂不能读取网页（HTML）。</translation>
    </message>
    <message>
        <source>Word files (DOCX) cannot be read yet.</source>
        <translation>暂不能读取 Word 文件（DOCX）。</translation>
    </message>
    <message>
        <source>PDF files cannot be read yet.</source>
        <translation>暂不能读取 PDF 文件。</translation>
    </message>
    <message>
        <source>Legacy Word files (DOC) cannot be read yet; save the report as DOCX.</source>
        <translation>暂不能读取旧版 Word 文件（DOC），请另存为 DOCX。</translation>
    </message>
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
    <name>ReportReader</name>
    <message>
        <source>%1: no report files in this folder</source>
        <translation>%1：此文件夹中没有报告文件</translation>
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
</TS>