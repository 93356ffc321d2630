#include "reportjson.h"

#include "i18n/localtime.h"
#include "rules/ruleengine.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace nianbao {

QJsonValue ReportJson::cellValue(const Cell &cell)
{
    switch (cell.state) {
    case Cell::State::Number:
        if (cell.isInteger())
            return QJsonValue(qint64(cell.value));
        if (!std::isfinite(cell.value))
            return QJsonValue(cell.text.trimmed());
        return QJsonValue(cell.value);
    case Cell::State::Blank:
        return QJsonValue(QJsonValue::Null);
    case Cell::State::Text:
        return QJsonValue(cell.text.trimmed());
    case Cell::State::Uncertain:
        return QJsonValue(QJsonValue::Undefined);
    }
    return {};
}

namespace {

/// Whole numbers as integers while a double holds them exactly (below 2^53); no value the checks
/// form comes near (Limits::MaxNumberDigits), and none is cast beyond it.
QJsonValue number(double v)
{
    if (!std::isfinite(v))
        return QJsonValue(QJsonValue::Null);
    if (std::floor(v) == v && std::abs(v) < 9007199254740992.0)
        return QJsonValue(qint64(v));
    return QJsonValue(v);
}

} // namespace

QJsonObject ReportJson::findingJson(const Finding &f)
{
    QJsonObject o;
    o.insert("rule"_L1, f.rule);
    o.insert("severity"_L1, f.severityName());
    o.insert("cells"_L1, QJsonArray::fromStringList(f.cells));
    o.insert("message"_L1, f.hint.isEmpty() ? f.message : f.message + u"；"_s + f.hint);
    o.insert("message_en"_L1, f.hint.isEmpty() ? f.messageEn : f.messageEn + u"; "_s + f.hintEn);
    if (f.hasSides) {
        o.insert("lhs"_L1, number(f.lhs));
        o.insert("rhs"_L1, number(f.rhs));
        o.insert("difference"_L1, number(f.difference));
        if (!f.blankCells.isEmpty())
            o.insert("blank_cells"_L1, QJsonArray::fromStringList(f.blankCells));
    }
    o.insert("about"_L1, f.aboutName());
    if (f.evidence.isValid()) {
        QJsonObject e;
        e.insert("text"_L1, f.evidence.text);
        e.insert("start"_L1, qint64(f.evidence.start));
        e.insert("length"_L1, qint64(f.evidence.length));
        o.insert("evidence"_L1, e);
    }
    if (f.isError() && f.hasSides) {
        QJsonArray ss;
        for (const Suggestion &s : f.suggestions) {
            QJsonObject j;
            j.insert("cell"_L1, s.cell);
            j.insert("value"_L1, number(s.value));
            j.insert("proposal"_L1, s.proposal);
            j.insert("why"_L1, s.why);
            j.insert("why_en"_L1, s.whyEn);
            ss.append(j);
        }
        o.insert("suggestions"_L1, ss);
        if (!f.noSuggestion.isEmpty()) {
            o.insert("no_suggestion"_L1, f.noSuggestion);
            o.insert("no_suggestion_en"_L1, f.noSuggestionEn);
        }
    }
    return o;
}

QJsonObject ReportJson::dispositionJson(const Disposition &d)
{
    QJsonObject o;
    o.insert("state"_L1, d.kindName());
    o.insert("reason"_L1, d.reason);
    o.insert("reviewer"_L1, d.reviewer);
    o.insert("time"_L1, localIsoTime(d.time)); // with +08:00
    return o;
}

QJsonObject ReportJson::toJson(const Report &report, const QList<Finding> &findings,
                               const QList<Disposition> &dispositions)
{
    QJsonObject o = toJson(report, findings);
    if (dispositions.isEmpty())
        return o;
    QJsonArray fs = o.value("findings"_L1).toArray();
    for (qsizetype i = 0; i < findings.size() && i < fs.size(); ++i)
        if (const Disposition *d = dispositionOf(dispositions, findings[i])) {
            QJsonObject f = fs[i].toObject();
            f.insert("disposition"_L1, dispositionJson(*d));
            fs[i] = f;
        }
    o.insert("findings"_L1, fs);
    return o;
}

QJsonObject ReportJson::toJson(const Report &report, const QList<Finding> &findings)
{
    QJsonObject o;
    o.insert("source"_L1, report.source);
    o.insert("format"_L1, report.format);
    o.insert("encoding"_L1,
             report.encoding.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(report.encoding));
    o.insert("template"_L1, report.templateName());
    QJsonObject cells;
    QJsonArray uncertain;
    QJsonObject reasons;
    for (const QString &k : report.cellKeys()) {
        const Cell *c = report.cell(k);
        if (!c)
            continue;
        if (c->state == Cell::State::Uncertain) {
            uncertain.append(k);
            // Why, and what it may be: the reviewer decides, the JSON says what is known.
            QJsonObject why;
            why.insert("reason"_L1, Cell::doubtName(c->doubt));
            QJsonArray candidates;
            for (double v : c->candidates)
                candidates.append(v);
            why.insert("candidates"_L1, candidates);
            why.insert("message"_L1, RuleEngine::uncertainText(*report.tmpl, k, *c, false));
            why.insert("message_en"_L1, RuleEngine::uncertainText(*report.tmpl, k, *c, true));
            reasons.insert(k, why);
            continue;
        }
        cells.insert(k, cellValue(*c));
    }
    o.insert("cells"_L1, cells);
    o.insert("uncertain"_L1, uncertain);
    if (!reasons.isEmpty())
        o.insert("uncertain_reasons"_L1, reasons);
    // Where each cell was read on its page (report-format §9): PDFs and scans only.
    QJsonObject provenance;
    for (const QString &k : report.cellKeys())
        if (const SourceBox *b = report.boxOf(k)) {
            QJsonObject p;
            p.insert("page"_L1, b->page + 1);
            p.insert("box"_L1,
                     QJsonArray{std::round(b->box.left() * 10) / 10, std::round(b->box.top() * 10) / 10,
                                std::round(b->box.right() * 10) / 10, std::round(b->box.bottom() * 10) / 10});
            p.insert("method"_L1, b->method);
            p.insert("confidence"_L1, std::round(b->confidence * 1000) / 1000);
            provenance.insert(k, p);
        }
    if (!provenance.isEmpty())
        o.insert("provenance"_L1, provenance);
    QJsonArray fs;
    for (const Finding &f : findings) {
        QJsonObject j = findingJson(f);
        const QList<int> pages = report.pagesOf(f.cells, f.evidence.isValid() ? f.evidence.start : -1);
        if (!pages.isEmpty()) {
            QJsonArray a;
            for (int p : pages)
                a.append(p);
            j.insert("pages"_L1, a);
        }
        fs.append(j);
    }
    o.insert("findings"_L1, fs);
    return o;
}

QByteArray ReportJson::serialize(const QJsonObject &o, bool pretty)
{
    return QJsonDocument(o).toJson(pretty ? QJsonDocument::Indented : QJsonDocument::Compact);
}

} // namespace nianbao
