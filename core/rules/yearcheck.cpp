#include "yearcheck.h"

#include "ruleengine.h"

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

YearCheck::Body YearCheck::bodyOf(const Report &report)
{
    Body b;
    b.year = report.year.toInt(&b.hasYear);
    b.key = bodyKey(report);
    return b;
}

bool YearCheck::arePair(const Report &previous, const Report &current)
{
    return arePair(bodyOf(previous), bodyOf(current));
}

QList<Finding> YearCheck::compare(const Report &previous, const Report &current)
{
    QList<Finding> out;
    if (!previous.tmpl || !current.tmpl)
        return out;
    const QString prevYear = previous.year;
    for (const YearCheckDef &check : current.tmpl->yearChecks()) {
        const TableDef *t = current.tmpl->table(check.table);
        if (!t)
            continue;
        for (const QString &rowKey : check.rows) {
            const int ri = t->rowIndex(rowKey);
            if (ri < 0)
                continue;
            const RowDef &row = t->rows[ri];
            const QString prefix = t->key + u'.';
            if (!check.previous.isEmpty()) {
                // This year's row against last year's other row, per column.
                const int pi = t->rowIndex(check.previous);
                if (pi < 0)
                    continue;
                for (const ColumnDef &c : t->columns) {
                    const QString now = prefix + row.key + u'.' + c.key;
                    const QString before = prefix + check.previous + u'.' + c.key;
                    const Cell *a = numberCell(current, now);
                    const Cell *b = numberCell(previous, before);
                    if (!a || !b || std::abs(a->value - b->value) < 1e-9)
                        continue;
                    Finding f;
                    f.rule = check.rule;
                    f.severity = Finding::Severity::Warning;
                    f.cells = {now};
                    f.hasSides = true;
                    f.lhs = a->value;
                    f.rhs = b->value;
                    f.difference = a->value - b->value;
                    const QString diff = RuleEngine::formatNumber(std::abs(f.difference));
                    f.message = u"“%1”列：上年结转 %2，而 %3 年报告的结转下年度为 %4，相差 %5"_s.arg(
                        c.label, RuleEngine::formatNumber(a->value), prevYear,
                        RuleEngine::formatNumber(b->value), diff);
                    f.messageEn =
                        u"Column “%1”: carried over %2, but the %3 report carried forward %4 (difference %5)"_s
                            .arg(c.labelEn, RuleEngine::formatNumber(a->value), prevYear,
                                 RuleEngine::formatNumber(b->value), diff);
                    out.append(f);
                }
                continue;
            }
            // A stock: last year's stock + added − removed.
            const QString stockKey = prefix + row.key + u'.' + check.stock;
            const QString addedKey = prefix + row.key + u'.' + check.added;
            const QString removedKey = prefix + row.key + u'.' + check.removed;
            const Cell *inForce = numberCell(current, stockKey);
            const Cell *issued = numberCell(current, addedKey);
            const Cell *repealed = numberCell(current, removedKey);
            const Cell *last = numberCell(previous, stockKey);
            if (!inForce || !issued || !repealed || !last)
                continue;
            const double expected = last->value + issued->value - repealed->value;
            if (std::abs(expected - inForce->value) < 1e-9)
                continue;
            Finding f;
            f.rule = check.rule;
            f.severity = Finding::Severity::Warning;
            f.cells = {stockKey, addedKey, removedKey};
            f.hasSides = true;
            f.lhs = inForce->value;
            f.rhs = expected;
            f.difference = inForce->value - expected;
            f.message =
                u"%1：现行有效 %2，而 %3 年现行有效 %4 + 本年制发 %5 − 本年废止 %6 = %7（清理可能使其不等）"_s
                    .arg(row.label, RuleEngine::formatNumber(inForce->value), prevYear,
                         RuleEngine::formatNumber(last->value), RuleEngine::formatNumber(issued->value),
                         RuleEngine::formatNumber(repealed->value), RuleEngine::formatNumber(expected));
            f.messageEn =
                u"%1: %2 in force, but %3's %4 in force + %5 issued − %6 repealed = %7 (a clean-up may explain it)"_s
                    .arg(row.labelEn, RuleEngine::formatNumber(inForce->value), prevYear,
                         RuleEngine::formatNumber(last->value), RuleEngine::formatNumber(issued->value),
                         RuleEngine::formatNumber(repealed->value), RuleEngine::formatNumber(expected));
            out.append(f);
        }
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

} // namespace nianbao
