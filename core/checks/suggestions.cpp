#include "suggestions.h"

#include "i18n/language.h"
#include "rules/identities.h"
#include "rules/ruleengine.h"

#include <QHash>

#include <algorithm>
#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace nianbao {

namespace {

constexpr double Eps = 1e-6;

struct Var
{
    QString key;
    const Cell *cell = nullptr;
    double value = 0;
    bool isTotal = false;     // alone on one side of an identity
    bool totalColumn = false; // in a column of totals (总计)
    bool isCount = true;
    bool isSigned = false;
    int order = 0;  // form order
    QString rowId;  // t3.granted
    QString column; // its column's label
    QString columnEn;
    QList<std::pair<int, int>> in; // (identity, coefficient)
};

struct Identity
{
    double residual = 0; // lhs − rhs
    bool failing = false;
};

struct Change
{
    int var;
    double value;
};

struct Fix
{
    QList<Change> changes;
    QList<int> covers; // failing identities it repairs
    Suggestions::Edit edit = Suggestions::Edit::None;
    double weight = 0;
    bool total = false;
    int order = 0;
};

double weightOf(Suggestions::Edit e)
{
    switch (e) {
    case Suggestions::Edit::TotalLeftBlank:
        return 1;
    case Suggestions::Edit::Swapped:
        return 1.5;
    case Suggestions::Edit::Replaced:
        return 2;
    case Suggestions::Edit::Lost:
    case Suggestions::Edit::Added:
        return 2.5;
    case Suggestions::Edit::WrongColumn:
        return 3;
    case Suggestions::Edit::None:
        break;
    }
    return 100;
}

bool wholeNumber(double v)
{
    return std::abs(v - std::round(v)) < Eps && std::abs(v) < 9.0e15;
}

bool validValue(const Var &v, double value)
{
    if (v.isCount && !wholeNumber(value))
        return false;
    return v.isSigned || value > -Eps;
}

QString digitsOf(double v)
{
    return QString::number(qint64(std::llround(std::abs(v))));
}

} // namespace

Suggestions::Edit Suggestions::classify(const Cell *printed, double value, bool isTotal)
{
    if (!wholeNumber(value) || value < 0)
        return Edit::None;
    const bool number = printed && printed->state == Cell::State::Number;
    if (isTotal && value > 0 && (!number || std::abs(printed->value) < Eps))
        return Edit::TotalLeftBlank;
    if (!number || !wholeNumber(printed->value) || printed->value < 0)
        return Edit::None;
    const QString a = digitsOf(printed->value), b = digitsOf(value);
    if (a == b)
        return Edit::None;
    if (a.size() == b.size()) {
        QList<int> diff;
        for (int i = 0; i < a.size(); ++i)
            if (a[i] != b[i])
                diff.append(i);
        if (diff.size() == 1)
            return Edit::Replaced;
        if (diff.size() == 2 && diff[1] == diff[0] + 1 && a[diff[0]] == b[diff[1]] &&
            a[diff[1]] == b[diff[0]])
            return Edit::Swapped;
        return Edit::None;
    }
    auto dropsOne = [](const QString &longer, const QString &shorter) {
        if (longer.size() != shorter.size() + 1)
            return false;
        for (int i = 0; i < longer.size(); ++i)
            if (QString(longer).remove(i, 1) == shorter)
                return true;
        return false;
    };
    if (dropsOne(b, a))
        return Edit::Lost;
    if (dropsOne(a, b))
        return Edit::Added;
    return Edit::None;
}

void Suggestions::propose(const Report &report, QList<Finding> *findings)
{
    if (!report.tmpl || !findings)
        return;
    bool anyError = false;
    for (const Finding &f : std::as_const(*findings))
        anyError = anyError || (f.isError() && f.hasSides);
    if (!anyError)
        return;
    const Template &t = *report.tmpl;

    // The identities as linear equations over the cells; an identity with a cell not read, not
    // decided or too long to hold is no constraint.
    QList<Var> vars;
    QHash<QString, int> varOf;
    QList<Identity> ids;
    QHash<QString, int> idOf; // cells joined → identity
    QHash<QString, int> order;
    {
        const QStringList keys = report.cellKeys();
        for (int i = 0; i < keys.size(); ++i)
            order.insert(keys[i], i);
    }
    auto var = [&](const QString &key) {
        auto it = varOf.constFind(key);
        if (it != varOf.constEnd())
            return it.value();
        Var v;
        v.key = key;
        v.cell = report.cell(key);
        v.value = v.cell ? v.cell->identityValue() : 0;
        v.order = order.value(key, -1);
        const TableDef *td = nullptr;
        int r = -1, c = -1;
        if (t.splitKey(key, &td, &r, &c)) {
            const ColumnDef &col = td->columns[c];
            v.isCount = col.kind == ValueKind::Count;
            v.isSigned = col.isSigned;
            v.totalColumn = col.isTotal;
            v.rowId = td->key + u'.' + td->rows[r].key;
            v.column = col.label;
            v.columnEn = col.labelEn;
        }
        vars.append(v);
        varOf.insert(key, int(vars.size() - 1));
        return int(vars.size() - 1);
    };
    const QList<IdentityInstance> identities = expandIdentities(t, report.variant); // shared, not copied
    for (const IdentityInstance &inst : identities) {
        const QStringList cells = inst.cells();
        bool complete = true;
        for (const QString &k : cells) {
            const Cell *c = report.cell(k);
            complete = complete && c && c->state != Cell::State::Uncertain && !RuleEngine::isTooLong(*c);
        }
        if (!complete)
            continue;
        const int id = int(ids.size());
        Identity ident;
        QHash<int, int> coef;
        for (const QString &k : inst.lhs)
            coef[var(k)] += 1;
        for (const QString &k : inst.rhs)
            coef[var(k)] -= 1;
        for (auto it = coef.constBegin(); it != coef.constEnd(); ++it) {
            if (it.value() == 0)
                continue;
            vars[it.key()].in.append({id, it.value()});
            ident.residual += it.value() * vars[it.key()].value;
        }
        if (inst.lhs.size() == 1)
            vars[var(inst.lhs.first())].isTotal = true;
        if (inst.rhs.size() == 1)
            vars[var(inst.rhs.first())].isTotal = true;
        ident.failing = std::abs(ident.residual) > Eps;
        ids.append(ident);
        idOf.insert(cells.join(u'|'), id);
    }

    // Candidates: the cells of failing identities.
    QList<int> candidates;
    for (int v = 0; v < vars.size(); ++v) {
        bool inFailing = false;
        for (const auto &[id, a] : std::as_const(vars[v].in))
            inFailing = inFailing || ids[id].failing;
        if (inFailing)
            candidates.append(v);
    }

    QList<Fix> fixes;
    // One cell: it must repair every identity it is in, so all of them are off by the same amount.
    for (int v : std::as_const(candidates)) {
        const Var &x = vars[v];
        double d = 0;
        bool have = false, ok = true;
        Fix fix;
        for (const auto &[id, a] : x.in) {
            const double need = -ids[id].residual / a;
            if (!have) {
                d = need;
                have = true;
            } else if (std::abs(d - need) > Eps) {
                ok = false;
                break;
            }
            if (ids[id].failing)
                fix.covers.append(id);
        }
        if (!ok || !have || std::abs(d) < Eps || !validValue(x, x.value + d))
            continue;
        const double value = x.value + d;
        fix.changes = {{v, x.isCount ? std::round(value) : value}};
        fix.edit = classify(x.cell, value, x.isTotal);
        if (fix.edit == Edit::None)
            continue;
        fix.weight = weightOf(fix.edit);
        fix.total = x.isTotal;
        fix.order = x.order;
        fixes.append(fix);
    }
    // A value booked in the wrong column: two cells of one row moved by d and −d.
    QHash<QString, QList<int>> byRow;
    for (int v : std::as_const(candidates))
        if (!vars[v].totalColumn && vars[v].isCount && !vars[v].rowId.isEmpty())
            byRow[vars[v].rowId].append(v);
    for (const QList<int> &row : std::as_const(byRow)) {
        for (int i = 0; i < row.size(); ++i) {
            for (int j = i + 1; j < row.size(); ++j) {
                const Var &x = vars[row[i]], &y = vars[row[j]];
                QHash<int, int> a;
                for (const auto &[id, c] : x.in)
                    a[id] += c;
                for (const auto &[id, c] : y.in)
                    a[id] -= c;
                double d = 0;
                bool have = false, ok = true;
                QList<int> covers;
                QList<int> touched;
                for (const auto &[id, c] : x.in)
                    touched.append(id);
                for (const auto &[id, c] : y.in)
                    if (!touched.contains(id))
                        touched.append(id);
                for (int id : std::as_const(touched)) {
                    const int c = a.value(id);
                    if (c == 0) {
                        ok = ok && !ids[id].failing;
                        continue;
                    }
                    const double need = -ids[id].residual / c;
                    if (!have) {
                        d = need;
                        have = true;
                    } else if (std::abs(d - need) > Eps) {
                        ok = false;
                    }
                    if (ids[id].failing)
                        covers.append(id);
                }
                if (!ok || !have || std::abs(d) < Eps || covers.isEmpty() || !validValue(x, x.value + d) ||
                    !validValue(y, y.value - d))
                    continue;
                Fix fix;
                fix.changes = {{row[i], std::round(x.value + d)}, {row[j], std::round(y.value - d)}};
                fix.covers = covers;
                fix.edit = Edit::WrongColumn;
                fix.weight = weightOf(fix.edit);
                fix.order = x.order;
                fixes.append(fix);
            }
        }
    }
    // Fewest cells first, then the most plausible edit, totals before their parts, form order.
    std::stable_sort(fixes.begin(), fixes.end(), [](const Fix &a, const Fix &b) {
        if (a.changes.size() != b.changes.size())
            return a.changes.size() < b.changes.size();
        if (a.weight != b.weight)
            return a.weight < b.weight;
        if (a.total != b.total)
            return a.total;
        return a.order < b.order;
    });

    // why a change is proposed, in Chinese and in English
    struct Why
    {
        QString zh, en;
    };
    auto why = [&](const Fix &fix, int change) -> Why {
        const Var &v = vars[fix.changes[change].var];
        const double value = fix.changes[change].value;
        const QString was =
            v.cell && v.cell->state == Cell::State::Number ? RuleEngine::formatNumber(v.value) : QString();
        const QString now = RuleEngine::formatNumber(value);
        const QString zh = RuleEngine::cellNameZh(t, v.key), en = RuleEngine::cellNameEn(t, v.key);
        switch (fix.edit) {
        case Edit::TotalLeftBlank:
            if (was.isEmpty())
                return {u"“%1”为空白，而各项之和为 %2"_s.arg(zh, now),
                        u"“%1” is blank while its parts add up to %2"_s.arg(en, now)};
            return {u"“%1”印成了 0，而各项之和为 %2"_s.arg(zh, now),
                    u"“%1” is printed as 0 while its parts add up to %2"_s.arg(en, now)};
        case Edit::Swapped:
            return {u"“%1”可能两位数字颠倒：%2 → %3"_s.arg(zh, was, now),
                    u"two digits of “%1” may be swapped: %2 → %3"_s.arg(en, was, now)};
        case Edit::Replaced:
            return {u"“%1”可能错了一位数字：%2 → %3"_s.arg(zh, was, now),
                    u"“%1” may have one digit mistyped: %2 → %3"_s.arg(en, was, now)};
        case Edit::Lost:
            return {u"“%1”可能漏了一位数字：%2 → %3"_s.arg(zh, was, now),
                    u"“%1” may have lost a digit: %2 → %3"_s.arg(en, was, now)};
        case Edit::Added:
            return {u"“%1”可能多了一位数字：%2 → %3"_s.arg(zh, was, now),
                    u"“%1” may have a digit too many: %2 → %3"_s.arg(en, was, now)};
        case Edit::WrongColumn: {
            const Var &gain =
                vars[fix.changes[0].value > vars[fix.changes[0].var].value ? fix.changes[0].var
                                                                           : fix.changes[1].var];
            const Var &lose =
                &gain == &vars[fix.changes[0].var] ? vars[fix.changes[1].var] : vars[fix.changes[0].var];
            const QString moved =
                RuleEngine::formatNumber(std::abs(fix.changes[0].value - vars[fix.changes[0].var].value));
            const QString rowZh = RuleEngine::cellNameZh(t, gain.key).section(u"·"_s, 0, -2);
            const QString rowEn = RuleEngine::cellNameEn(t, gain.key).section(u" / "_s, 0, -2);
            return {
                u"可能有 %1 件记在了“%2”列，应在“%3”列（%4）"_s.arg(moved, lose.column, gain.column, rowZh),
                u"%1 may be booked under “%2” instead of “%3” (%4)"_s.arg(moved, lose.columnEn, gain.columnEn,
                                                                          rowEn)};
        }
        case Edit::None:
            break;
        }
        return {};
    };

    for (Finding &f : *findings) {
        if (!f.isError() || !f.hasSides)
            continue;
        const int id = idOf.value(f.cells.join(u'|'), -1);
        if (id < 0 || !ids[id].failing)
            continue;
        QList<const Fix *> mine;
        for (const Fix &fix : std::as_const(fixes))
            if (fix.covers.contains(id))
                mine.append(&fix);
        // A total left as 0 or blank while its parts are not is the one explanation that needs no
        // number typed wrong: the parts are not then proposed to be 0.
        bool totalBlank = false;
        for (const Fix *fix : std::as_const(mine))
            totalBlank = totalBlank || fix->edit == Edit::TotalLeftBlank;
        int proposal = 0;
        for (const Fix *fix : std::as_const(mine)) {
            if (proposal >= MostProposals)
                break;
            if (totalBlank && fix->edit != Edit::TotalLeftBlank)
                continue;
            if (proposal > 0 && fix->changes.size() > mine.first()->changes.size())
                break; // never more cells than the smallest explanation needs
            ++proposal;
            for (int c = 0; c < fix->changes.size(); ++c) {
                Suggestion s;
                s.cell = vars[fix->changes[c].var].key;
                s.value = fix->changes[c].value;
                s.proposal = proposal;
                const Why w = why(*fix, c);
                s.why = w.zh;
                s.whyEn = w.en;
                f.suggestions.append(s);
            }
        }
        if (f.suggestions.isEmpty()) {
            f.noSuggestion =
                u"没有一处小的改动（错一位数字、漏或多一位数字、两位数字颠倒、记错列、总计漏填）能使所有等式同时成立"_s;
            f.noSuggestionEn =
                u"No small change (one digit mistyped, lost or added, two digits swapped, a value "
                u"in the wrong column, a total left as 0) makes every identity hold"_s;
        }
    }
}

QList<Suggestion> Suggestions::proposal(const Finding &finding, int n)
{
    QList<Suggestion> out;
    for (const Suggestion &s : finding.suggestions)
        if (s.proposal == n)
            out.append(s);
    return out;
}

int Suggestions::proposalCount(const Finding &finding)
{
    int n = 0;
    for (const Suggestion &s : finding.suggestions)
        n = qMax(n, s.proposal);
    return n;
}

QString Suggestions::describe(const Report &report, const Finding &finding, int n)
{
    QStringList changes;
    QString why;
    for (const Suggestion &s : proposal(finding, n)) {
        const Cell *now = report.cell(s.cell);
        const QString name = report.tmpl ? RuleEngine::cellName(*report.tmpl, s.cell) : s.cell;
        const QString before = now && now->state != Cell::State::Blank
                                   ? now->displayText()
                                   : Language::pick(u"空白"_s, u"blank"_s);
        changes.append(name + u' ' + before + u" → "_s + Cell::number(s.value).displayText());
        if (why.isEmpty())
            why = Language::pick(s.why, s.whyEn);
    }
    if (changes.isEmpty())
        return {};
    const QString text = changes.join(Language::pick(u"，"_s, u", "_s));
    if (why.isEmpty())
        return text;
    return Language::pick(text + u"（"_s + why + u"）"_s, text + u" ("_s + why + u')');
}

QString Suggestions::describeAll(const Report &report, const Finding &finding)
{
    QStringList lines;
    for (int n = 1; n <= proposalCount(finding); ++n)
        lines.append(Language::pick(u"方案%1："_s, u"Proposal %1: "_s).arg(n) + describe(report, finding, n));
    return lines.join(u'\n');
}

} // namespace nianbao
