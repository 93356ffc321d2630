#include "reportprint.h"

#include "export/exportcells.h"
#include "i18n/language.h"
#include "report/formlayout.h"
#include "rules/catalogue.h"
#include "rules/ruleengine.h"

#include <QFileInfo>
#include <QFontDatabase>
#include <QPagedPaintDevice>
#include <QRawFont>
#include <QRegularExpression>
#include <QSet>
#include <QTextDocument>

using namespace Qt::Literals::StringLiterals;

namespace nianbao {

namespace {

QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

QString valueText(const Cell *c)
{
    if (!c)
        return {};
    switch (c->state) {
    case Cell::State::Number:
        return c->text.isEmpty() ? RuleEngine::formatNumber(c->value) : c->displayText();
    case Cell::State::Text:
        return c->text.trimmed();
    case Cell::State::Uncertain:
        return u"?"_s;
    case Cell::State::Blank:
        break;
    }
    return {};
}

QString tableHtml(const ReviewedReport &rr, const TableDef &t, const QHash<QString, int> &marks)
{
    const FormLayout f = FormLayout::build(t, rr.current.variant);
    QString h =
        u"<p style=\"font-weight:bold; margin-top:10px;\">"_s + esc(ExportCells::tableTitle(t)) + u"</p>"_s;
    h += u"<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\" width=\"100%\" "
         "style=\"border-color:#808080; border-style:solid; font-size:8pt;\">"_s;
    for (int r = 0; r < f.rowCount(); ++r) {
        h += u"<tr>"_s;
        for (int c = 0; c < f.columnCount(); ++c) {
            if (f.isCovered(r, c))
                continue;
            const FormLayout::Slot &s = f.at(r, c);
            const FormLayout::Span *sp = f.spanAt(r, c);
            QString attrs;
            if (sp && sp->rowSpan > 1)
                attrs += u" rowspan=\"%1\""_s.arg(sp->rowSpan);
            if (sp && sp->columnSpan > 1)
                attrs += u" colspan=\"%1\""_s.arg(sp->columnSpan);
            switch (s.kind) {
            case FormLayout::Kind::Value: {
                const int m = marks.value(s.key);
                const bool corrected = rr.isCorrected(s.key);
                const QString bg = m == ExportCells::Error     ? u"#ffc7ce"_s
                                   : m == ExportCells::Warning ? u"#ffeb9c"_s
                                   : corrected                 ? u"#ddebf7"_s
                                                               : QString();
                if (!bg.isEmpty())
                    attrs += u" bgcolor=\""_s + bg + u'"';
                QString v = esc(valueText(rr.current.cell(s.key)));
                if (corrected)
                    v = u"<i><u>"_s + v + u"</u></i>"_s;
                h += u"<td align=\"right\""_s + attrs + u'>' + v + u"</td>"_s;
                break;
            }
            case FormLayout::Kind::Title:
            case FormLayout::Kind::Header:
                h += u"<td align=\"center\" bgcolor=\"#f2f2f2\""_s + attrs + u"><b>"_s +
                     esc(Language::pick(s.text, s.textEn)) + u"</b></td>"_s;
                break;
            case FormLayout::Kind::Label:
                h += u"<td"_s + attrs + u'>' + esc(Language::pick(s.text, s.textEn)) + u"</td>"_s;
                break;
            case FormLayout::Kind::Empty:
                h += u"<td"_s + attrs + u"></td>"_s;
                break;
            }
        }
        h += u"</tr>"_s;
    }
    h += u"</table>"_s;
    return h;
}

const QStringList cjkFamilies = {u"Noto Serif CJK SC"_s, u"Noto Sans CJK SC"_s, u"SimSun"_s, u"宋体"_s};

/// Each CJK radical (U+2E80–U+2FDF) the font draws with an ideograph's glyph → that ideograph.
const QHash<ushort, ushort> &radicalIdeographs()
{
    static const QHash<ushort, ushort> map = [] {
        QHash<ushort, ushort> out;
        QFont f;
        f.setFamilies(cjkFamilies);
        const QRawFont raw = QRawFont::fromFont(f, QFontDatabase::SimplifiedChinese);
        if (!raw.isValid())
            return out;
        QString ideographs;
        for (char16_t u = 0x4E00; u <= 0x9FFF; ++u)
            ideographs += QChar(u);
        const QList<quint32> glyphs = raw.glyphIndexesForString(ideographs);
        QHash<quint32, ushort> byGlyph;
        for (qsizetype i = 0; i < glyphs.size(); ++i)
            if (glyphs[i] && !byGlyph.contains(glyphs[i]))
                byGlyph.insert(glyphs[i], ushort(0x4E00 + i));
        QString radicals;
        for (char16_t r = 0x2E80; r <= 0x2FDF; ++r)
            radicals += QChar(r);
        const QList<quint32> rg = raw.glyphIndexesForString(radicals);
        for (qsizetype i = 0; i < rg.size(); ++i) {
            const ushort r = ushort(0x2E80 + i);
            // Kangxi radicals have their ideograph by compatibility decomposition; the others by
            // the glyph they share.
            const QString nfkc = QString(QChar(r)).normalized(QString::NormalizationForm_KC);
            if (nfkc.size() == 1 && nfkc.at(0).unicode() >= 0x4E00)
                out.insert(r, nfkc.at(0).unicode());
            else if (rg[i] && byGlyph.contains(rg[i]))
                out.insert(r, byGlyph.value(rg[i]));
        }
        return out;
    }();
    return map;
}

} // namespace

QFont ReportPrint::font(qreal pointSize)
{
    // Latin letters and digits from a Latin face (every glyph of it has its character in the PDF's
    // text), Chinese from the CJK ones.
    QFont f;
    f.setFamilies(QStringList{u"DejaVu Serif"_s} + cjkFamilies);
    f.setPointSizeF(pointSize);
    return f;
}

QByteArray ReportPrint::fixTextMaps(QByteArray pdf)
{
    const QHash<ushort, ushort> &map = radicalIdeographs();
    if (map.isEmpty())
        return pdf;
    static const QRegularExpression toUnicode(u"/ToUnicode (\\d+) 0 R"_s);
    const QString latin = QString::fromLatin1(pdf);
    QRegularExpressionMatchIterator it = toUnicode.globalMatch(latin);
    QSet<QString> done;
    while (it.hasNext()) {
        const QString object = it.next().captured(1);
        if (done.contains(object))
            continue;
        done.insert(object);
        const qsizetype at = pdf.indexOf(QByteArray("\n" + object.toLatin1() + " 0 obj"));
        const qsizetype begin = at < 0 ? -1 : pdf.indexOf("stream\n", at);
        const qsizetype end = begin < 0 ? -1 : pdf.indexOf("endstream", begin);
        if (end < 0)
            continue;
        // Each code of the map is written as <XXXX>: a radical's becomes its ideograph's.
        for (qsizetype i = begin; i + 6 <= end; ++i) {
            if (pdf[i] != '<' || pdf[i + 5] != '>' || pdf[i + 1] != '2' ||
                (pdf[i + 2] != 'E' && pdf[i + 2] != 'F'))
                continue;
            bool ok = false;
            const ushort code = QByteArray(pdf.constData() + i + 1, 4).toUShort(&ok, 16);
            if (const auto u = map.constFind(code); ok && u != map.constEnd())
                pdf.replace(i + 1, 4, QByteArray::number(*u, 16).toUpper().rightJustified(4, '0'));
        }
    }
    return pdf;
}

QString ReportPrint::html(const ReviewedReport &rr)
{
    const Report &rep = rr.current;
    const auto pick = &ExportCells::pick;
    QString h = u"<html><body>"_s;
    QString title = rep.unit.isEmpty() ? QFileInfo(rep.source).fileName() : rep.unit;
    if (!rep.year.isEmpty())
        title += u' ' + pick(rep.year + u"年度"_s, rep.year);
    h += u"<p align=\"center\" style=\"font-size:14pt; font-weight:bold;\">"_s + esc(title) + u"</p>"_s;
    const QList<Finding> open = rr.openFindings();
    h += u"<p style=\"font-size:9pt;\">"_s +
         esc(pick(u"源文件：%1　审校状态：%2　审校人：%3　未排除错误 %4，警告 %5"_s,
                  u"File: %1 · State: %2 · Reviewer: %3 · Errors left %4, warnings %5"_s)
                 .arg(QFileInfo(rep.source).fileName(), ExportCells::statusLabel(rr.status), rr.reviewer)
                 .arg(RuleEngine::errorCount(open))
                 .arg(RuleEngine::warningCount(open))) +
         u"</p>"_s;
    const QHash<QString, int> marks = ExportCells::openMarks(rr);
    if (rep.tmpl)
        for (const TableDef &t : rep.tmpl->tables())
            h += tableHtml(rr, t, marks);

    h += u"<p style=\"font-weight:bold; margin-top:12px;\">"_s + esc(pick(u"检查结果"_s, u"Findings"_s)) +
         u"</p>"_s;
    if (rr.findings.isEmpty()) {
        h += u"<p>"_s + esc(pick(u"未发现问题。"_s, u"No findings."_s)) + u"</p>"_s;
    } else {
        h += u"<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\" width=\"100%\" "
             "style=\"border-color:#808080; border-style:solid; font-size:8pt;\"><tr bgcolor=\"#f2f2f2\">"_s;
        for (const QString &head : {pick(u"规则"_s, u"Rule"_s), pick(u"严重程度"_s, u"Severity"_s),
                                    pick(u"说明"_s, u"Message"_s), pick(u"处理"_s, u"Disposition"_s)})
            h += u"<th>"_s + esc(head) + u"</th>"_s;
        h += u"</tr>"_s;
        for (const Finding &f : rr.findings) {
            const Disposition *d = dispositionOf(rr.dispositions, f);
            const bool dismissed = d && d->kind == Disposition::Kind::Dismissed;
            QString msg = Language::pick(f.message, f.messageEn);
            const QString hint = Language::pick(f.hint, f.hintEn);
            if (!hint.isEmpty())
                msg += pick(u"；"_s, u"; "_s) + hint;
            QString row = u"<td width=\"22%\">"_s + esc(RuleCatalogue::name(f.rule)) + u"<br/><small>"_s +
                          esc(f.rule) + u"</small></td>"_s;
            row += u"<td width=\"8%\" bgcolor=\""_s +
                   (dismissed     ? u"#f2f2f2"_s
                    : f.isError() ? u"#ffc7ce"_s
                                  : u"#ffeb9c"_s) +
                   u"\">"_s + esc(ExportCells::severityLabel(f)) + u"</td>"_s;
            row += u"<td>"_s + esc(msg) + u"</td>"_s;
            row += u"<td width=\"20%\">"_s +
                   esc(d ? ExportCells::dispositionSummary(*d, false) : pick(u"未处理"_s, u"open"_s)) +
                   u"</td>"_s;
            h += dismissed ? u"<tr style=\"color:#808080;\">"_s + row + u"</tr>"_s
                           : u"<tr>"_s + row + u"</tr>"_s;
        }
        h += u"</table>"_s;
    }
    h += u"</body></html>"_s;
    return h;
}

void ReportPrint::print(const ReviewedReport &report, QPagedPaintDevice *device)
{
    QTextDocument doc;
    doc.setDefaultFont(font(9));
    doc.setDocumentMargin(0);
    doc.setHtml(html(report));
    doc.print(device);
}

} // namespace nianbao
