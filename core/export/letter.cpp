#include "letter.h"

#include "export/exporter.h"
#include "export/reportprint.h"
#include "export/safewrite.h"
#include "rules/catalogue.h"
#include "rules/identities.h"
#include "rules/ruleengine.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextDocument>
#include <QXmlStreamWriter>

#include <zip.h>

using namespace Qt::Literals::StringLiterals;

namespace nianbao {

namespace {

QString chineseNumber(int n)
{
    static const QString digits = u"〇一二三四五六七八九"_s;
    if (n < 10)
        return digits.at(n);
    if (n < 20)
        return u"十"_s + (n % 10 ? QString(digits.at(n % 10)) : QString());
    if (n < 100)
        return QString(digits.at(n / 10)) + u"十"_s + (n % 10 ? QString(digits.at(n % 10)) : QString());
    return QString::number(n);
}

QString tableTagZh(const QString &key)
{
    static const QStringList numerals = {u"一"_s, u"二"_s, u"三"_s, u"四"_s, u"五"_s, u"六"_s};
    const int n = key.section(u'.', 0, 0).mid(1).toInt();
    return n >= 1 && n <= numerals.size() ? u"表"_s + numerals[n - 1] + u' ' : QString();
}

QString cellLabel(const Report &rep, const QString &key)
{
    if (!rep.tmpl)
        return key;
    return tableTagZh(key) + RuleEngine::cellNameZh(*rep.tmpl, key);
}

/// What the report published in a cell, in words.
QString publishedText(const Cell *c)
{
    if (!c)
        return u"未填写"_s;
    switch (c->state) {
    case Cell::State::Number:
        return RuleEngine::formatNumber(c->value);
    case Cell::State::Blank:
        return u"空白"_s;
    case Cell::State::Text:
        return u"“"_s + c->text.trimmed() + u"”"_s;
    case Cell::State::Uncertain:
        return c->text.isEmpty() ? u"无法辨认"_s : u"“"_s + c->text.trimmed() + u"”"_s;
    }
    return {};
}

LetterProblem problemOf(const ReviewedReport &rr, const Finding &f, const QList<IdentityInstance> &ids)
{
    const Report &rep = rr.current;
    LetterProblem p;
    p.rule = f.rule;
    p.title = RuleCatalogue::name(f.rule, true);
    for (const IdentityInstance &id : ids)
        if (id.def && id.def->rule == f.rule && id.cells() == f.cells) {
            p.where = id.scopeLabel;
            p.requirement = id.def->title;
            break;
        }
    p.description = f.message;
    if (!f.hint.isEmpty())
        p.description += u"；"_s + f.hint;
    if (f.evidence.isValid())
        p.evidence = f.evidence.text.simplified();

    // The cells: those the best fix changes, with what they should be; a finding of one cell names
    // that cell.
    QStringList keys;
    QHash<QString, double> expected;
    for (const Suggestion &s : f.suggestions)
        if (s.proposal == 1) {
            keys << s.cell;
            expected.insert(s.cell, s.value);
        }
    if (keys.isEmpty() && f.cells.size() == 1)
        keys = f.cells;
    for (const QString &k : std::as_const(keys)) {
        LetterCell c;
        c.key = k;
        c.label = cellLabel(rep, k);
        c.published = publishedText(rep.cell(k));
        if (expected.contains(k))
            c.expected = RuleEngine::formatNumber(expected.value(k));
        p.cells << c;
    }

    // Each proposed fix in one sentence: the cells it changes and why.
    int most = 0;
    for (const Suggestion &s : f.suggestions)
        most = qMax(most, s.proposal);
    for (int n = 1; n <= most; ++n) {
        QStringList changes, whys;
        for (const Suggestion &s : f.suggestions) {
            if (s.proposal != n)
                continue;
            changes << u"将“%1”由 %2 改为 %3"_s.arg(cellLabel(rep, s.cell), publishedText(rep.cell(s.cell)),
                                                    RuleEngine::formatNumber(s.value));
            if (!s.why.isEmpty() && !whys.contains(s.why))
                whys << s.why;
        }
        if (changes.isEmpty())
            continue;
        QString line = changes.join(u"，"_s);
        if (!whys.isEmpty())
            line += u"（"_s + whys.join(u"；"_s) + u"）"_s;
        p.fixes << line;
    }
    return p;
}

QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

// ---- the Word file ----------------------------------------------------------------------------

constexpr auto W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

struct Run
{
    QString text;
    bool bold = false;
    int halfPoints = 24; // 12 pt
    QString colour;      // RRGGBB
};

void runProps(QXmlStreamWriter &x, const Run &r)
{
    x.writeStartElement(u"w:rPr"_s);
    x.writeEmptyElement(u"w:rFonts"_s);
    x.writeAttribute(u"w:ascii"_s, u"Times New Roman"_s);
    x.writeAttribute(u"w:hAnsi"_s, u"Times New Roman"_s);
    x.writeAttribute(u"w:eastAsia"_s, r.bold ? u"黑体"_s : u"宋体"_s);
    if (r.bold)
        x.writeEmptyElement(u"w:b"_s);
    if (!r.colour.isEmpty()) {
        x.writeEmptyElement(u"w:color"_s);
        x.writeAttribute(u"w:val"_s, r.colour);
    }
    x.writeEmptyElement(u"w:sz"_s);
    x.writeAttribute(u"w:val"_s, QString::number(r.halfPoints));
    x.writeEmptyElement(u"w:szCs"_s);
    x.writeAttribute(u"w:val"_s, QString::number(r.halfPoints));
    x.writeEndElement();
}

void paragraph(QXmlStreamWriter &x, const QList<Run> &runs, const QString &align = {}, bool indent = false,
               int spaceAfter = 120)
{
    x.writeStartElement(u"w:p"_s);
    x.writeStartElement(u"w:pPr"_s);
    x.writeEmptyElement(u"w:spacing"_s);
    x.writeAttribute(u"w:after"_s, QString::number(spaceAfter));
    x.writeAttribute(u"w:line"_s, u"360"_s);
    x.writeAttribute(u"w:lineRule"_s, u"auto"_s);
    if (indent) {
        x.writeEmptyElement(u"w:ind"_s);
        x.writeAttribute(u"w:firstLineChars"_s, u"200"_s);
        x.writeAttribute(u"w:firstLine"_s, u"480"_s);
    }
    if (!align.isEmpty()) {
        x.writeEmptyElement(u"w:jc"_s);
        x.writeAttribute(u"w:val"_s, align);
    }
    x.writeEndElement();
    for (const Run &r : runs) {
        x.writeStartElement(u"w:r"_s);
        runProps(x, r);
        x.writeStartElement(u"w:t"_s);
        x.writeAttribute(u"xml:space"_s, u"preserve"_s);
        x.writeCharacters(r.text);
        x.writeEndElement();
        x.writeEndElement();
    }
    x.writeEndElement();
}

void tableCell(QXmlStreamWriter &x, const QString &text, int width, bool header)
{
    x.writeStartElement(u"w:tc"_s);
    x.writeStartElement(u"w:tcPr"_s);
    x.writeEmptyElement(u"w:tcW"_s);
    x.writeAttribute(u"w:w"_s, QString::number(width));
    x.writeAttribute(u"w:type"_s, u"dxa"_s);
    if (header) {
        x.writeEmptyElement(u"w:shd"_s);
        x.writeAttribute(u"w:val"_s, u"clear"_s);
        x.writeAttribute(u"w:color"_s, u"auto"_s);
        x.writeAttribute(u"w:fill"_s, u"F2F2F2"_s);
    }
    x.writeEndElement();
    paragraph(x, {Run{text, header, 21, {}}}, width < 3000 ? u"center"_s : QString(), false, 0);
    x.writeEndElement();
}

void cellsTable(QXmlStreamWriter &x, const QList<LetterCell> &cells)
{
    const int widths[] = {4900, 2000, 2000};
    x.writeStartElement(u"w:tbl"_s);
    x.writeStartElement(u"w:tblPr"_s);
    x.writeEmptyElement(u"w:tblW"_s);
    x.writeAttribute(u"w:w"_s, u"8900"_s);
    x.writeAttribute(u"w:type"_s, u"dxa"_s);
    x.writeStartElement(u"w:tblBorders"_s);
    for (const QString &side : {u"top"_s, u"left"_s, u"bottom"_s, u"right"_s, u"insideH"_s, u"insideV"_s}) {
        x.writeEmptyElement(u"w:"_s + side);
        x.writeAttribute(u"w:val"_s, u"single"_s);
        x.writeAttribute(u"w:sz"_s, u"4"_s);
        x.writeAttribute(u"w:space"_s, u"0"_s);
        x.writeAttribute(u"w:color"_s, u"808080"_s);
    }
    x.writeEndElement();
    x.writeEndElement();
    x.writeStartElement(u"w:tblGrid"_s);
    for (int w : widths) {
        x.writeEmptyElement(u"w:gridCol"_s);
        x.writeAttribute(u"w:w"_s, QString::number(w));
    }
    x.writeEndElement();
    auto row = [&](const QStringList &texts, bool header) {
        x.writeStartElement(u"w:tr"_s);
        if (header) {
            x.writeStartElement(u"w:trPr"_s);
            x.writeEmptyElement(u"w:tblHeader"_s);
            x.writeEndElement();
        }
        for (int i = 0; i < 3; ++i)
            tableCell(x, texts.value(i), widths[i], header);
        x.writeEndElement();
    };
    row({u"单元格"_s, u"报告所载数值"_s, u"建议更正为"_s}, true);
    for (const LetterCell &c : cells)
        row({c.label, c.published, c.expected.isEmpty() ? u"—"_s : c.expected}, false);
    x.writeEndElement();
}

QByteArray contentTypes()
{
    return QByteArrayLiteral(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        "<Default Extension=\"rels\" "
        "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        "<Override PartName=\"/word/document.xml\" "
        "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
        "<Override PartName=\"/word/styles.xml\" "
        "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
        "<Override PartName=\"/docProps/core.xml\" "
        "ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
        "</Types>");
}

QByteArray packageRels()
{
    return QByteArrayLiteral(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        "<Relationship Id=\"rId1\" "
        "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
        "Target=\"word/document.xml\"/>"
        "<Relationship Id=\"rId2\" "
        "Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" "
        "Target=\"docProps/core.xml\"/>"
        "</Relationships>");
}

QByteArray documentRels()
{
    return QByteArrayLiteral(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        "<Relationship Id=\"rId1\" "
        "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" "
        "Target=\"styles.xml\"/>"
        "</Relationships>");
}

QByteArray styles()
{
    // The defaults: Times New Roman for Latin text, 宋体 for Chinese (Word and WPS have it; LibreOffice
    // takes a CJK font of the system), 12 pt, Chinese as the East Asian language.
    return QByteArrayLiteral(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
        "<w:docDefaults><w:rPrDefault><w:rPr>"
        "<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" "
        "w:eastAsia=\"\xE5\xAE\x8B\xE4\xBD\x93\" "
        "w:cs=\"Times New Roman\"/>"
        "<w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/><w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\"/>"
        "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after=\"120\"/></w:pPr></w:pPrDefault>"
        "</w:docDefaults>"
        "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name "
        "w:val=\"Normal\"/></w:style>"
        "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/>"
        "<w:tblPr><w:tblCellMar><w:top w:w=\"40\" w:type=\"dxa\"/><w:left w:w=\"100\" w:type=\"dxa\"/>"
        "<w:bottom w:w=\"40\" w:type=\"dxa\"/><w:right w:w=\"100\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr>"
        "</w:style>"
        "</w:styles>");
}

QByteArray coreProps(const Letter &l)
{
    QByteArray out;
    QXmlStreamWriter x(&out);
    x.writeStartDocument();
    x.writeNamespace(u"http://schemas.openxmlformats.org/package/2006/metadata/core-properties"_s, u"cp"_s);
    x.writeNamespace(u"http://purl.org/dc/elements/1.1/"_s, u"dc"_s);
    x.writeStartElement(u"http://schemas.openxmlformats.org/package/2006/metadata/core-properties"_s,
                        u"coreProperties"_s);
    x.writeTextElement(u"http://purl.org/dc/elements/1.1/"_s, u"title"_s, l.title());
    x.writeTextElement(u"http://purl.org/dc/elements/1.1/"_s, u"creator"_s, l.reviewer);
    x.writeEndElement();
    x.writeEndDocument();
    return out;
}

bool writeZip(const QString &file, const QList<QPair<const char *, QByteArray>> &parts, const QDate &date,
              QString *why)
{
    zipFile zf = zipOpen64(QFile::encodeName(file).constData(), APPEND_STATUS_CREATE);
    if (!zf) {
        *why = LetterExport::tr("the file cannot be created");
        return false;
    }
    bool ok = true;
    for (const auto &[name, data] : parts) {
        zip_fileinfo zi = {};
        zi.tmz_date.tm_year = uInt(date.year());
        zi.tmz_date.tm_mon = uInt(date.month() - 1);
        zi.tmz_date.tm_mday = uInt(date.day());
        ok = zipOpenNewFileInZip(zf, name, &zi, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED,
                                 Z_DEFAULT_COMPRESSION) == ZIP_OK &&
             zipWriteInFileInZip(zf, data.constData(), unsigned(data.size())) == ZIP_OK &&
             zipCloseFileInZip(zf) == ZIP_OK;
        if (!ok)
            break;
    }
    if (zipClose(zf, nullptr) != ZIP_OK)
        ok = false;
    if (!ok)
        *why = LetterExport::tr("the archive could not be written (is the disk full?)");
    return ok;
}

} // namespace

// ---- the letter ---------------------------------------------------------------------------------

QString Letter::title() const
{
    const QString report =
        body.isEmpty() ? fileName
                       : body + (year.isEmpty() ? QString() : year + u"年"_s) + u"政府信息公开工作年度报告"_s;
    return u"关于《"_s + report + u"》的审校意见"_s;
}

QString Letter::dateText() const
{
    return date.isValid() ? u"%1年%2月%3日"_s.arg(date.year()).arg(date.month()).arg(date.day()) : QString();
}

QList<Finding> Letter::findingsFor(const ReviewedReport &rr, bool *confirmed)
{
    QList<Finding> chosen;
    for (const Finding &f : rr.findings)
        if (const Disposition *d = dispositionOf(rr.dispositions, f);
            d && d->kind == Disposition::Kind::Confirmed)
            chosen << f;
    if (confirmed)
        *confirmed = !chosen.isEmpty();
    if (!chosen.isEmpty())
        return chosen;
    for (const Finding &f : rr.findings) {
        if (!f.isError() || f.about != Finding::About::Report)
            continue;
        if (const Disposition *d = dispositionOf(rr.dispositions, f);
            d && d->kind == Disposition::Kind::Dismissed)
            continue;
        chosen << f;
    }
    return chosen;
}

Letter Letter::compose(const ReviewedReport &rr, const ExportOptions &options)
{
    Letter l;
    const Report &rep = rr.current;
    l.body = rep.unit;
    l.year = rep.year;
    l.fileName = QFileInfo(rep.source.isEmpty() ? rr.extracted.source : rep.source).fileName();
    l.reviewer = rr.reviewer;
    // The reviewer who confirmed the findings, when the report names none.
    for (qsizetype i = rr.dispositions.size() - 1; i >= 0 && l.reviewer.isEmpty(); --i)
        if (rr.dispositions[i].kind == Disposition::Kind::Confirmed)
            l.reviewer = rr.dispositions[i].reviewer;
    const QDateTime when =
        options.exportTime.isValid() ? options.exportTime : QDateTime::currentDateTimeUtc();
    l.date = when.toLocalTime().date();
    const QList<Finding> findings = findingsFor(rr, &l.fromConfirmed);
    const QList<IdentityInstance> ids =
        rep.tmpl ? expandIdentities(*rep.tmpl, rep.variant) : QList<IdentityInstance>();
    for (const Finding &f : findings)
        l.problems << problemOf(rr, f, ids);
    return l;
}

QString Letter::html() const
{
    QString h;
    h += u"<html><head><meta charset=\"utf-8\"><title>"_s + esc(title()) + u"</title></head><body>"_s;
    h += u"<p align=\"center\" style=\"font-size:16pt; font-weight:bold; margin-bottom:18px;\">"_s +
         esc(title()) + u"</p>"_s;
    h += u"<p>"_s + esc(body.isEmpty() ? u"报送单位"_s : body) + u"：</p>"_s;
    const QString report = (year.isEmpty() ? QString() : year + u"年"_s) + u"政府信息公开工作年度报告"_s;
    if (problems.isEmpty()) {
        h += u"<p style=\"text-indent:24pt;\">经审校，贵单位%1（%2）未发现需要更正的问题。</p>"_s.arg(
            esc(report), esc(fileName));
    } else {
        h += u"<p style=\"text-indent:24pt;\">经审校，贵单位%1（%2）存在以下 %3 处问题，请逐项核实，"
             "予以更正，并重新发布更正后的报告。</p>"_s.arg(esc(report), esc(fileName))
                 .arg(problems.size());
    }
    for (int i = 0; i < problems.size(); ++i) {
        const LetterProblem &p = problems[i];
        h += u"<p style=\"font-weight:bold; margin-top:12px;\">"_s + chineseNumber(i + 1) + u"、"_s +
             esc(p.title);
        if (!p.where.isEmpty())
            h += u"（"_s + esc(p.where) + u"）"_s;
        h += u" <span style=\"font-weight:normal; font-size:9pt; color:#808080;\">"_s + esc(p.rule) +
             u"</span></p>"_s;
        if (!p.requirement.isEmpty())
            h += u"<p>要求：%1。</p>"_s.arg(esc(p.requirement));
        h += u"<p>问题：%1。</p>"_s.arg(esc(p.description));
        if (!p.evidence.isEmpty())
            h += u"<p>原文：“%1”</p>"_s.arg(esc(p.evidence));
        if (!p.cells.isEmpty()) {
            h += u"<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\" width=\"100%\" "
                 "style=\"border-color:#808080; border-style:solid;\">"
                 "<tr style=\"background-color:#f2f2f2;\"><th width=\"56%\">单元格</th>"
                 "<th width=\"22%\">报告所载数值</th><th width=\"22%\">建议更正为</th></tr>"_s;
            for (const LetterCell &c : p.cells)
                h += u"<tr><td>%1</td><td align=\"center\">%2</td><td align=\"center\">%3</td></tr>"_s.arg(
                    esc(c.label), esc(c.published), esc(c.expected.isEmpty() ? u"—"_s : c.expected));
            h += u"</table>"_s;
        }
        if (p.fixes.size() == 1) {
            h += u"<p>建议：%1。</p>"_s.arg(esc(p.fixes.first()));
        } else if (!p.fixes.isEmpty()) {
            h += u"<p>可能的更正（请核对原始记录后选择）：</p>"_s;
            for (int n = 0; n < p.fixes.size(); ++n)
                h += u"<p style=\"margin-left:24pt;\">%1. %2。</p>"_s.arg(n + 1).arg(esc(p.fixes[n]));
        } else {
            h += u"<p>建议：请核对原始记录，更正有误的数字。</p>"_s;
        }
    }
    h += u"<p style=\"margin-top:30px;\" align=\"right\">审校人：%1</p>"_s.arg(esc(reviewer));
    h += u"<p align=\"right\">%1</p>"_s.arg(esc(dateText()));
    h += u"</body></html>"_s;
    return h;
}

QByteArray Letter::documentXml() const
{
    QByteArray out;
    QXmlStreamWriter x(&out);
    x.writeStartDocument(u"1.0"_s, true);
    x.writeStartElement(u"w:document"_s);
    x.writeNamespace(QString::fromLatin1(W), u"w"_s);
    x.writeStartElement(u"w:body"_s);
    paragraph(x, {Run{title(), true, 32, {}}}, u"center"_s, false, 360);
    paragraph(x, {Run{(body.isEmpty() ? u"报送单位"_s : body) + u"："_s}});
    const QString report = (year.isEmpty() ? QString() : year + u"年"_s) + u"政府信息公开工作年度报告"_s;
    if (problems.isEmpty())
        paragraph(x, {Run{u"经审校，贵单位%1（%2）未发现需要更正的问题。"_s.arg(report, fileName)}}, {},
                  true);
    else
        paragraph(
            x,
            {Run{u"经审校，贵单位%1（%2）存在以下 %3 处问题，请逐项核实，予以更正，并重新发布更正后的报告。"_s
                     .arg(report, fileName)
                     .arg(problems.size())}},
            {}, true);
    for (int i = 0; i < problems.size(); ++i) {
        const LetterProblem &p = problems[i];
        QString head = chineseNumber(i + 1) + u"、"_s + p.title;
        if (!p.where.isEmpty())
            head += u"（"_s + p.where + u"）"_s;
        paragraph(x, {Run{head, true, 24, {}}, Run{u"  "_s + p.rule, false, 18, u"808080"_s}});
        if (!p.requirement.isEmpty())
            paragraph(x, {Run{u"要求："_s + p.requirement + u"。"_s}});
        paragraph(x, {Run{u"问题："_s + p.description + u"。"_s}});
        if (!p.evidence.isEmpty())
            paragraph(x, {Run{u"原文：“"_s + p.evidence + u"”"_s}});
        if (!p.cells.isEmpty()) {
            cellsTable(x, p.cells);
            paragraph(x, {}, {}, false, 0);
        }
        if (p.fixes.size() == 1) {
            paragraph(x, {Run{u"建议："_s + p.fixes.first() + u"。"_s}});
        } else if (!p.fixes.isEmpty()) {
            paragraph(x, {Run{u"可能的更正（请核对原始记录后选择）："_s}});
            for (int n = 0; n < p.fixes.size(); ++n)
                paragraph(x, {Run{QString::number(n + 1) + u". "_s + p.fixes[n] + u"。"_s}});
        } else {
            paragraph(x, {Run{u"建议：请核对原始记录，更正有误的数字。"_s}});
        }
    }
    paragraph(x, {Run{u"审校人："_s + reviewer}}, u"right"_s);
    paragraph(x, {Run{dateText()}}, u"right"_s);
    // A4 portrait, margins of 2.5 cm.
    x.writeStartElement(u"w:sectPr"_s);
    x.writeEmptyElement(u"w:pgSz"_s);
    x.writeAttribute(u"w:w"_s, u"11906"_s);
    x.writeAttribute(u"w:h"_s, u"16838"_s);
    x.writeEmptyElement(u"w:pgMar"_s);
    for (const QString &side : {u"w:top"_s, u"w:right"_s, u"w:bottom"_s, u"w:left"_s})
        x.writeAttribute(side, u"1418"_s);
    x.writeAttribute(u"w:header"_s, u"851"_s);
    x.writeAttribute(u"w:footer"_s, u"992"_s);
    x.writeAttribute(u"w:gutter"_s, u"0"_s);
    x.writeEndElement();
    x.writeEndElement();
    x.writeEndElement();
    x.writeEndDocument();
    return out;
}

// ---- writing ------------------------------------------------------------------------------------

QByteArray LetterExport::pdf(const Letter &letter)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setTitle(letter.title());
        writer.setCreator(letter.reviewer);
        writer.setResolution(300);
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                                         QMarginsF(5, 5, 5, 5), QPageLayout::Millimeter));
        QTextDocument doc;
        doc.setDefaultFont(ReportPrint::font(12));
        doc.setDocumentMargin(0);
        doc.setHtml(letter.html());
        // Without a page size of its own the document is laid out on the writer's pages, inside
        // margins of 2 cm (25 mm from the paper's edge with the writer's), and numbered.
        doc.print(&writer);
    }
    return ReportPrint::fixTextMaps(bytes);
}

bool LetterExport::writePdf(const Letter &letter, const QString &path, QString *error)
{
    const QByteArray bytes = pdf(letter);
    if (bytes.isEmpty()) {
        if (error)
            *error = SafeWrite::cannotWrite(path, tr("the PDF could not be made"));
        return false;
    }
    return SafeWrite::writeFile(path, bytes, error);
}

bool LetterExport::writeDocx(const Letter &letter, const QString &path, QString *error)
{
    const QList<QPair<const char *, QByteArray>> parts = {
        {"[Content_Types].xml", contentTypes()},
        {"_rels/.rels", packageRels()},
        {"word/document.xml", letter.documentXml()},
        {"word/_rels/document.xml.rels", documentRels()},
        {"word/styles.xml", styles()},
        {"docProps/core.xml", coreProps(letter)},
    };
    return SafeWrite::writeThrough(path, error, [&](const QString &tmp, QString *why) {
        return writeZip(tmp, parts, letter.date, why);
    });
}

QString LetterExport::baseName(const ReviewedReport &report)
{
    return Exporter::reportBaseName(report) + u"-审校意见"_s;
}

bool LetterExport::exportLetters(const QList<ReviewedReport> &reports, const QString &outPath,
                                 const ExportOptions &options, QString *error, QStringList *written)
{
    if (reports.isEmpty()) {
        if (error)
            *error = tr("There is no report to write a letter for.");
        return false;
    }
    const QString suffix = QFileInfo(outPath).suffix().toLower();
    const bool toFile =
        reports.size() == 1 && !QFileInfo(outPath).isDir() && (suffix == u"pdf"_s || suffix == u"docx"_s);
    if (toFile) {
        const Letter l = Letter::compose(reports.first(), options);
        const bool ok = suffix == u"pdf"_s ? writePdf(l, outPath, error) : writeDocx(l, outPath, error);
        if (ok && written)
            written->append(outPath);
        return ok;
    }
    if (QFileInfo(outPath).exists() && !QFileInfo(outPath).isDir()) {
        if (error)
            *error =
                tr("%1 is a file; letters are written into a folder, or to a file ending in .pdf or .docx.")
                    .arg(QDir::toNativeSeparators(outPath));
        return false;
    }
    if (!QDir().mkpath(outPath)) {
        if (error)
            *error = tr("Cannot create the folder %1.").arg(QDir::toNativeSeparators(outPath));
        return false;
    }
    const QDir dir(outPath);
    QSet<QString> used;
    for (const ReviewedReport &rr : reports) {
        QString base = baseName(rr);
        for (int n = 2; used.contains(base.toCaseFolded()); ++n)
            base = baseName(rr) + u" ("_s + QString::number(n) + u')';
        used.insert(base.toCaseFolded());
        const Letter l = Letter::compose(rr, options);
        const QString pdfPath = dir.filePath(base + u".pdf"_s), docxPath = dir.filePath(base + u".docx"_s);
        if (!writePdf(l, pdfPath, error))
            return false;
        if (written)
            written->append(pdfPath);
        if (!writeDocx(l, docxPath, error))
            return false;
        if (written)
            written->append(docxPath);
    }
    return true;
}

} // namespace nianbao
