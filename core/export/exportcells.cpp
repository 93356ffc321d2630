#include "exportcells.h"

#include "i18n/language.h"

#include <QRegularExpression>
#include <QTimeZone>

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

QString ExportCells::stateName(const Cell *cell)
{
    return cell ? Cell::stateName(cell->state) : u"missing"_s;
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

QString ExportCells::statusLabel(ReviewStatus status)
{
    switch (status) {
    case ReviewStatus::New:
        return pick(u"未审校"_s, u"New"_s);
    case ReviewStatus::InReview:
        return pick(u"审校中"_s, u"In review"_s);
    case ReviewStatus::Reviewed:
        return pick(u"已审校"_s, u"Reviewed"_s);
    case ReviewStatus::Sent:
        return pick(u"已报送"_s, u"Sent"_s);
    }
    return {};
}

QString ExportCells::timeText(const QDateTime &t)
{
    if (!t.isValid())
        return {};
    return t.toUTC().toString(u"yyyy-MM-dd HH:mm:ss"_s) + u" UTC"_s;
}

} // namespace nianbao
