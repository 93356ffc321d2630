#include "yearcheck.h"

#include "ruleengine.h"

#include <QHash>

#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace nianbao {

namespace {

const Cell *numberCell(const Report &r, const QString &key)
{
    const Cell *c = r.cell(key);
    return c && c->state == Cell::State::Number ? c : nullptr;
}

QString bodyKey(const Report &r)
{
    QString k;
    for (QChar c : r.unit)
        if (c.isLetterOrNumber())
            k.append(c);
    return k;
}

} // namespace

bool YearCheck::arePair(const Report &previous, const Report &current)
{
    bool ok1 = false, ok2 = false;
    const int y1 = previous.year.toInt(&ok1), y2 = current.year.toInt(&ok2);
    return ok1 && ok2 && y2 == y1 + 1 && !bodyKey(current).isEmpty() && bodyKey(previous) == bodyKey(current);
}

QList<Finding> YearCheck::compare(const Report &previous, const Report &current)
{
    QList<Finding> out;
    if (!previous.tmpl || !current.tmpl)
        return out;
    const TableDef *t3 = current.tmpl->table(u"t3");
    const QString prevYear = previous.year;

    for (const ColumnDef &c : t3->columns) {
        const QString now = u"t3.carried_over."_s + c.key, before = u"t3.carried_forward."_s + c.key;
        const Cell *a = numberCell(current, now);
        const Cell *b = numberCell(previous, before);
        if (!a || !b || std::abs(a->value - b->value) < 1e-9)
            continue;
        Finding f;
        f.rule = u"YEAR.CARRYOVER"_s;
        f.severity = Finding::Severity::Warning;
        f.cells = {now};
        f.hasSides = true;
        f.lhs = a->value;
        f.rhs = b->value;
        f.difference = a->value - b->value;
        f.message = u"“%1”列：上年结转 %2，而 %3 年报告的结转下年度为 %4，相差 %5"_s.arg(
            c.label, RuleEngine::formatNumber(a->value), prevYear, RuleEngine::formatNumber(b->value),
            RuleEngine::formatNumber(std::abs(f.difference)));
        f.messageEn =
            u"Column “%1”: carried over %2, but the %3 report carried forward %4 (difference %5)"_s.arg(
                c.labelEn, RuleEngine::formatNumber(a->value), prevYear, RuleEngine::formatNumber(b->value),
                RuleEngine::formatNumber(std::abs(f.difference)));
        out.append(f);
    }

    // In force: last year's in force + issued − repealed (T2021 keys on both sides).
    for (const QString &row : {u"regulations"_s, u"normative_documents"_s}) {
        const Cell *inForce = numberCell(current, u"t2."_s + row + u".in_force"_s);
        const Cell *issued = numberCell(current, u"t2."_s + row + u".issued"_s);
        const Cell *repealed = numberCell(current, u"t2."_s + row + u".repealed"_s);
        const Cell *last = numberCell(previous, u"t2."_s + row + u".in_force"_s);
        if (!inForce || !issued || !repealed || !last)
            continue;
        const double expected = last->value + issued->value - repealed->value;
        if (std::abs(expected - inForce->value) < 1e-9)
            continue;
        const QString label = row == u"regulations" ? u"规章"_s : u"行政规范性文件"_s;
        const QString labelEn = row == u"regulations" ? u"Regulations"_s : u"Normative documents"_s;
        Finding f;
        f.rule = u"YEAR.IN_FORCE"_s;
        f.severity = Finding::Severity::Warning;
        f.cells = {u"t2."_s + row + u".in_force"_s, u"t2."_s + row + u".issued"_s,
                   u"t2."_s + row + u".repealed"_s};
        f.hasSides = true;
        f.lhs = inForce->value;
        f.rhs = expected;
        f.difference = inForce->value - expected;
        f.message =
            u"%1：现行有效 %2，而 %3 年现行有效 %4 + 本年制发 %5 − 本年废止 %6 = %7（清理可能使其不等）"_s
                .arg(label, RuleEngine::formatNumber(inForce->value), prevYear,
                     RuleEngine::formatNumber(last->value), RuleEngine::formatNumber(issued->value),
                     RuleEngine::formatNumber(repealed->value), RuleEngine::formatNumber(expected));
        f.messageEn =
            u"%1: %2 in force, but %3's %4 in force + %5 issued − %6 repealed = %7 (a clean-up may explain it)"_s
                .arg(labelEn, RuleEngine::formatNumber(inForce->value), prevYear,
                     RuleEngine::formatNumber(last->value), RuleEngine::formatNumber(issued->value),
                     RuleEngine::formatNumber(repealed->value), RuleEngine::formatNumber(expected));
        out.append(f);
    }

    // The same numbers as last year: copied forward?
    int compared = 0, same = 0, nonZero = 0;
    for (const QString &k : current.cellKeys()) {
        const Cell *a = numberCell(current, k);
        const Cell *b = numberCell(previous, k);
        if (!a || !b)
            continue;
        ++compared;
        if (std::abs(a->value - b->value) < 1e-9) {
            ++same;
            nonZero += a->value != 0 ? 1 : 0;
        }
    }
    if (compared >= 100 && same == compared && nonZero >= 5) {
        Finding f;
        f.rule = u"YEAR.IDENTICAL"_s;
        f.severity = Finding::Severity::Warning;
        f.message = u"表格的 %1 个数字与 %2 年报告完全相同"_s.arg(compared).arg(prevYear);
        f.messageEn =
            u"All %1 numbers of the tables are those of the %2 report"_s.arg(compared).arg(prevYear);
        out.append(f);
    }
    return out;
}

QList<QList<Finding>> YearCheck::compareBatch(const QList<const Report *> &reports)
{
    QList<QList<Finding>> out(reports.size());
    QHash<QString, QList<int>> byBody;
    for (int i = 0; i < reports.size(); ++i)
        if (reports[i] && !bodyKey(*reports[i]).isEmpty())
            byBody[bodyKey(*reports[i])].append(i);
    for (const QList<int> &idx : std::as_const(byBody))
        for (int a : idx)
            for (int b : idx)
                if (a != b && arePair(*reports[a], *reports[b]))
                    out[b] += compare(*reports[a], *reports[b]);
    return out;
}

} // namespace nianbao
