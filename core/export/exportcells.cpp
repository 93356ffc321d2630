#include "exportcells.h"

#include "i18n/language.h"
#include "i18n/localtime.h"

#include <QRegularExpression>

#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace nianbao {

QHash<QString, int> ExportCells::marks(const QList<Finding> &findings)
{
    QHash<QString, int> out;
    for (const Finding &f : findings) {
        const int m = f.isError() ? Error : Warning;
        for (const QString &k : f.cells) {
            int &slot = out[k];
            slot = qMax(slot, m);
        }
    }
    return out;
}

QHash<QString, int> ExportCells::openMarks(const ReviewedReport &rr)
{
    QList<Finding> open;
    for (const Finding &f : rr.findings) {
        const Disposition *d = dispositionOf(rr.dispositions, f);
        if (!d || d->kind != Disposition::Kind::Dismissed)
            open << f;
    }
    return marks(open);
}

QString ExportCells::valueText(const Cell *cell)
{
    if (!cell)
        return {};
    switch (cell->state) {
    case Cell::State::Number:
        if (cell->isInteger())
            return QString::number(qint64(cell->value));
        return QString::number(cell->value, 'f', decimals(*cell));
    case Cell::State::Text:
        return cell->text.trimmed();
    case Cell::State::Blank:
    case Cell::State::Uncertain:
        return {};
    }
    return {};
}

int ExportCells::decimals(const Cell &cell)
{
    if (cell.state != Cell::State::Number)
        return 0;
    // As many as the value needs (up to 6) …
    QString v = QString::number(std::abs(cell.value), 'f', 6);
    while (v.endsWith(u'0'))
        v.chop(1);
    int d = int(v.size() - v.indexOf(u'.') - 1);
    // … or as the source printed them ("12.50").
    static const QRegularExpression printed(u"[.．](\\d+)\\s*$"_s);
    const QString t = cell.text.normalized(QString::NormalizationForm_KC);
    const auto m = printed.match(t);
    if (m.hasMatch())
        d = qMax(d, int(m.capturedLength(1)));
    return qBound(0, d, 6);
}

QString ExportCells::label(const Report &report, const QString &key)
{
    if (report.tmpl) {
        const QString l = report.tmpl->cellLabel(key);
        if (!l.isEmpty())
            return l;
    }
    return key;
}

QString ExportCells::pick(const QString &zh, const QString &en)
{
    return Language::pick(zh, en);
}

QString ExportCells::tableTitle(const TableDef &table)
{
    static const QStringList numerals = {u"一"_s, u"二"_s, u"三"_s, u"四"_s, u"五"_s, u"六"_s};
    const int n = table.key.mid(1).toInt();
    if (Language::isEnglish())
        return u"Table %1 — %2"_s.arg(n).arg(table.titleEn);
    if (n >= 1 && n <= numerals.size())
        return numerals[n - 1] + u"、"_s + table.title;
    return table.title;
}

QString ExportCells::sheetName(const TableDef &table)
{
    return Language::isEnglish() ? u"Table "_s + table.key.mid(1) : tableTitle(table);
}

QString ExportCells::tableTag(const TableDef &table)
{
    static const QStringList numerals = {u"一"_s, u"二"_s, u"三"_s, u"四"_s, u"五"_s, u"六"_s};
    const int n = table.key.mid(1).toInt();
    if (Language::isEnglish() || n < 1 || n > numerals.size())
        return table.key.toUpper() + u": "_s;
    return u"表"_s + numerals[n - 1] + u' ';
}

QString ExportCells::statusLabel(ReviewStatus status, bool alwaysChinese)
{
    switch (status) {
    case ReviewStatus::New:
        return alwaysChinese ? u"未审校"_s : pick(u"未审校"_s, u"New"_s);
    case ReviewStatus::InReview:
        return alwaysChinese ? u"审校中"_s : pick(u"审校中"_s, u"In review"_s);
    case ReviewStatus::Reviewed:
        return alwaysChinese ? u"已审校"_s : pick(u"已审校"_s, u"Reviewed"_s);
    case ReviewStatus::Sent:
        return alwaysChinese ? u"已报送"_s : pick(u"已报送"_s, u"Sent"_s);
    }
    return {};
}

QString ExportCells::actionLabel(const QString &action, bool alwaysChinese)
{
    struct Name
    {
        QString key, zh, en;
    };
    static const QList<Name> names = {
        {u"edit"_s, u"修改"_s, u"Edit"_s},
        {u"clear"_s, u"清空"_s, u"Clear"_s},
        {u"shift"_s, u"移位"_s, u"Shift row"_s},
        {u"move"_s, u"移行"_s, u"Move row"_s},
        {u"paste"_s, u"粘贴"_s, u"Paste"_s},
        {u"revert"_s, u"撤销更正"_s, u"Revert"_s},
        {u"accept"_s, u"采纳建议"_s, u"Accept suggestion"_s},
    };
    for (const Name &n : names)
        if (n.key == action)
            return alwaysChinese ? n.zh : pick(n.zh, n.en);
    return action;
}

QString ExportCells::severityLabel(const Finding &f)
{
    return f.isError() ? pick(u"错误"_s, u"error"_s) : pick(u"警告"_s, u"warning"_s);
}

QString ExportCells::dispositionLabel(const Disposition &d)
{
    return d.kind == Disposition::Kind::Dismissed ? pick(u"已排除"_s, u"dismissed"_s)
                                                  : pick(u"已确认"_s, u"confirmed"_s);
}

QString ExportCells::dispositionSummary(const Disposition &d, bool iso)
{
    QString s = dispositionLabel(d);
    if (!d.reason.isEmpty())
        s += pick(u"："_s, u": "_s) + d.reason;
    QStringList who;
    if (!d.reviewer.isEmpty())
        who << d.reviewer;
    if (d.time.isValid())
        who << (iso ? isoTime(d.time) : timeText(d.time));
    if (!who.isEmpty())
        s += pick(u"（"_s, u" ("_s) + who.join(u' ') + pick(u"）"_s, u")"_s);
    return s;
}

QString ExportCells::cellState(const ReviewedReport &rr, const QString &key, const QHash<QString, int> &open)
{
    QStringList tokens;
    if (rr.isCorrected(key))
        tokens << pick(u"已更正"_s, u"corrected"_s);
    const int m = open.value(key);
    if (m == Error) {
        tokens << pick(u"错误"_s, u"error"_s);
    } else if (m == Warning) {
        tokens << pick(u"警告"_s, u"warning"_s);
    } else {
        for (const Finding &f : rr.findings)
            if (f.cells.contains(key)) {
                // Nothing open on the cell, yet a finding names it: it was dismissed.
                tokens << pick(u"已排除"_s, u"dismissed"_s);
                break;
            }
    }
    const Cell *c = rr.current.cell(key);
    if (!c)
        tokens << pick(u"缺失"_s, u"missing"_s);
    else if (c->state == Cell::State::Uncertain)
        tokens << pick(u"存疑"_s, u"uncertain"_s);
    else if (c->state == Cell::State::Blank)
        tokens << pick(u"空白"_s, u"blank"_s);
    else if (c->state == Cell::State::Text)
        tokens << pick(u"文字"_s, u"text"_s);
    if (tokens.isEmpty())
        tokens << pick(u"数值"_s, u"number"_s);
    return tokens.join(u';');
}

QString ExportCells::timeText(const QDateTime &t)
{
    return localTimeText(t);
}

QString ExportCells::isoTime(const QDateTime &t)
{
    return localIsoTime(t);
}

} // namespace nianbao
