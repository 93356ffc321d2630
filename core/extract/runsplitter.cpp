#include "runsplitter.h"

#include "rules/ruleengine.h"
#include "template/cellids.h"
#include "tokenizer.h"

#include <QSet>
#include <QVarLengthArray>

#include <algorithm>
#include <cmath>

namespace nianbao {

bool RunSplitter::fits(const QList<RunToken> &tokens, int n)
{
    qsizetype needed = 0;
    for (const RunToken &t : tokens)
        needed += (t.digits.size() + Limits::MaxSplitDigits - 1) / Limits::MaxSplitDigits;
    return needed <= n;
}

QList<Split> RunSplitter::enumerate(const QList<RunToken> &tokens, int n, int limit)
{
    QList<Split> out;
    if (tokens.isEmpty() || n < tokens.size() || !fits(tokens, n))
        return out;
    // The digits one after the other, each with its position and the end of its token. On the
    // stack for the rows of a report (fits() bounds them by n × Limits::MaxSplitDigits); the
    // search below reads them many times for each way of cutting.
    qsizetype total = 0;
    for (const RunToken &t : tokens)
        total += t.digits.size();
    if (total < n)
        return out;
    QVarLengthArray<char16_t, 128> d;
    QVarLengthArray<qsizetype, 128> position;
    QVarLengthArray<int, 128> tokenEnd;
    QVarLengthArray<char, 128> negativeStart; // the first digit of a token that has a minus sign
    d.reserve(total);
    position.reserve(total);
    tokenEnd.reserve(total);
    negativeStart.reserve(total);
    for (const RunToken &t : tokens) {
        const int end = int(d.size() + t.digits.size());
        for (qsizetype k = 0; k < t.digits.size(); ++k) {
            d.append(t.digits[k].unicode());
            position.append(t.start + k);
            tokenEnd.append(end);
            negativeStart.append(k == 0 && t.negative);
        }
    }

    // As many digits as numbers (most runs of a report's rows, "0000000"): one way, a digit each.
    if (total == n && limit > 0) {
        Split one;
        one.reserve(n);
        for (qsizetype g = 0; g < total; ++g) {
            SplitValue v{double(d[g] - u'0'), int(position[g]), int(position[g] + 1)};
            if (negativeStart[g]) {
                v.value = -v.value;
                v.start -= 1; // the sign is part of the value's span
            }
            one.append(v);
        }
        out.append(one);
        return out;
    }

    // ways[g][v]: in how many ways the digits from g on can be cut into exactly v numbers (counted
    // to limit): the search tries only cuts that can be completed, and the list is made its size.
    const int width = n + 1;
    QVarLengthArray<int, 1024> ways(qsizetype(total + 1) * width, 0);
    ways[total * width] = 1;
    const auto longest = [&](qsizetype g) {
        return d[g] == u'0' ? 1 : int(qMin<qsizetype>(Limits::MaxSplitDigits, tokenEnd[g] - g));
    };
    for (qsizetype g = total - 1; g >= 0; --g) {
        const int most = longest(g);
        // No more numbers than digits are left: those ways are none, as the table was made.
        for (int v = 1, last = int(qMin<qsizetype>(n, total - g)); v <= last; ++v) {
            qint64 w = 0;
            for (int len = 1; len <= most; ++len)
                w += ways[(g + len) * width + v - 1];
            ways[g * width + v] = int(qMin<qint64>(w, limit));
        }
    }
    if (ways[n] == 0)
        return out;
    out.reserve(qMin(ways[n], limit));

    // The value of the len digits from g, made once: value[g * MaxSplitDigits + len − 1].
    constexpr int most = Limits::MaxSplitDigits;
    QVarLengthArray<double, 128 * most> value(total * most, 0.0);
    for (qsizetype g = 0; g < total; ++g) {
        double v = 0;
        for (int len = 1; len <= longest(g); ++len) {
            v = v * 10 + (d[g + len - 1] - u'0');
            value[g * most + len - 1] = v;
        }
    }

    QVarLengthArray<SplitValue, 32> cur;
    const auto rec = [&](const auto &self, qsizetype g, int valuesLeft) -> void {
        if (out.size() >= limit)
            return;
        if (g == total) {
            out.append(Split(cur.cbegin(), cur.cend()));
            return;
        }
        for (int len = 1; len <= longest(g); ++len) {
            if (ways[(g + len) * width + valuesLeft - 1] == 0)
                continue;
            SplitValue v;
            v.value = value[g * most + len - 1];
            v.start = int(position[g]);
            if (negativeStart[g]) {
                v.value = -v.value;
                v.start -= 1; // the sign is part of the value's span
            }
            v.end = int(position[g] + len);
            cur.append(v);
            self(self, g + len, valuesLeft - 1);
            cur.removeLast();
        }
    };
    rec(rec, 0, n);
    return out;
}

void RunSplitter::solve(QList<Slot> &slots, const CellTable &read, const QList<IdentityInstance> &identities)
{
    if (slots.isEmpty())
        return;
    // Where each cell of the slots is (slot, index in slot; the last slot that has it), by the
    // number of its key, or by the key when the program's templates do not number it.
    using Place = std::pair<int, int>;
    QList<Place> whereById(CellIds::count(), Place(-1, -1));
    QHash<CellKey, Place> whereOther;
    for (int i = 0; i < slots.size(); ++i) {
        const Slot &slot = slots.at(i); // read only: its keys stay shared with the template's
        for (int k = 0; k < slot.keys.size(); ++k) {
            const QString &key = slot.keys.at(k);
            const int n = slot.idOf(k);
            if (n >= 0)
                whereById[n] = {i, k};
            else
                whereOther.insert(key, {i, k});
        }
    }
    const auto where = [&](int n, const QString &key) -> Place {
        return n >= 0 ? whereById[n] : whereOther.value(key, Place(-1, -1));
    };
    // The number of cell i of an identity (of its cells(), lhs then rhs).
    const auto idOf = [](const IdentityInstance &id, const QStringList &cells, qsizetype i) {
        return i < id.ids.size() ? id.ids[i] : CellIds::of(cells[i]);
    };

    // 1. Each slot on its own, with the identities all of whose cells are its own: each identity
    // is tried on the slot of its first cell only.
    QList<QList<const IdentityInstance *>> ownOf(slots.size());
    for (const IdentityInstance &id : identities) {
        const QStringList cells = id.cells();
        if (cells.isEmpty())
            continue;
        const Place first = where(idOf(id, cells, 0), cells.first());
        if (first.first < 0)
            continue;
        const QStringList &keys = slots[first.first].keys;
        // Found by where (a key of two slots is where its last slot has it, else looked for).
        bool own = true;
        for (qsizetype i = 0; i < cells.size() && own; ++i) {
            const Place w = where(idOf(id, cells, i), cells[i]);
            own = w.first >= 0 && (w.first == first.first || keys.contains(cells[i]));
        }
        if (own)
            ownOf[first.first].append(&id);
    }
    for (qsizetype si = 0; si < slots.size(); ++si) {
        Slot &s = slots[si];
        const QList<const IdentityInstance *> &own = ownOf[si];
        if (own.isEmpty() || s.candidates.size() <= 1)
            continue;
        // Each identity's cells as places in the slot, found once for all the candidates.
        struct Places
        {
            QList<int> lhs, rhs;
        };
        QList<Places> places;
        for (const IdentityInstance *id : own) {
            Places p;
            for (const QString &k : id->lhs)
                p.lhs.append(int(s.keys.indexOf(k)));
            for (const QString &k : id->rhs)
                p.rhs.append(int(s.keys.indexOf(k)));
            places.append(p);
        }
        QList<Split> kept;
        for (const Split &c : s.candidates) {
            const auto holds = [&](const Places &p) {
                double l = 0, r = 0;
                for (int i : p.lhs)
                    l += c[i].value;
                for (int i : p.rhs)
                    r += c[i].value;
                return std::abs(l - r) < 1e-6;
            };
            if (std::all_of(places.cbegin(), places.cend(), holds))
                kept.append(c);
        }
        if (!kept.isEmpty())
            s.candidates = kept;
    }

    // 2. All slots together, where the combinations are few enough to try them all.
    QList<int> vars;
    double product = 1;
    for (int i = 0; i < slots.size(); ++i) {
        if (slots[i].candidates.size() > 1) {
            vars.append(i);
            product *= double(slots[i].candidates.size());
        }
    }
    if (vars.isEmpty() || product > 2.0e5)
        return;

    QList<int> choice(slots.size(), 0);
    QList<bool> assigned(slots.size(), false);
    for (int i = 0; i < slots.size(); ++i)
        assigned[i] = slots[i].candidates.size() == 1;

    // Identities that involve a slot still open and whose cells are all read, each cell looked up
    // once: its value is a slot's reading (valueSlot, index) or a fixed one, and it is known when
    // it is fixed or its slot is decided (knownSlot, -1 when always).
    struct Term
    {
        int valueSlot;
        int index;
        double fixed;
        int knownSlot;
        bool left;
    };
    QList<QList<Term>> relevant;
    for (const IdentityInstance &id : identities) {
        bool touchesVar = false, complete = true;
        QList<Term> terms;
        const QStringList cells = id.cells();
        for (qsizetype i = 0; i < cells.size(); ++i) {
            const QString &k = cells[i];
            const bool left = i < id.lhs.size();
            const int n = idOf(id, cells, i);
            const Place w = where(n, k);
            const Cell *cell = n >= 0 ? read.at(n) : read.get(k);
            const bool isFixed = cell && !RuleEngine::isTooLong(*cell);
            const double value = isFixed ? cell->identityValue() : 0.0;
            if (w.first < 0) {
                complete = complete && isFixed;
                terms.append({-1, 0, value, -1, left});
                continue;
            }
            const int slot = w.first;
            touchesVar = touchesVar || slots[slot].candidates.size() > 1;
            terms.append(
                {slots[slot].candidates.isEmpty() ? -1 : slot, w.second, value, isFixed ? -1 : slot, left});
        }
        if (touchesVar && complete)
            relevant.append(terms);
    }
    if (relevant.isEmpty())
        return;

    QList<QSet<int>> seen(slots.size());
    int solutions = 0;
    const auto dfs = [&](const auto &self, int vi) -> void {
        if (solutions >= 5000)
            return;
        if (vi == vars.size()) {
            ++solutions;
            for (int v : vars)
                seen[v].insert(choice[v]);
            return;
        }
        const int s = vars[vi];
        for (int c = 0; c < slots[s].candidates.size(); ++c) {
            choice[s] = c;
            assigned[s] = true;
            bool ok = true;
            for (const QList<Term> &terms : std::as_const(relevant)) {
                bool all = true;
                double l = 0, r = 0;
                for (const Term &term : terms) {
                    if (term.knownSlot >= 0 && !assigned[term.knownSlot]) {
                        all = false;
                        break;
                    }
                    const double v =
                        term.valueSlot >= 0
                            ? slots[term.valueSlot].candidates[choice[term.valueSlot]][term.index].value
                            : term.fixed;
                    (term.left ? l : r) += v;
                }
                if (all && !(std::abs(l - r) < 1e-6)) {
                    ok = false;
                    break;
                }
            }
            if (ok)
                self(self, vi + 1);
            assigned[s] = false;
        }
        choice[s] = 0;
    };
    dfs(dfs, 0);
    if (solutions == 0)
        return; // the identities cannot all hold: leave each slot as it was
    for (int v : vars) {
        QList<Split> kept;
        for (int c = 0; c < slots[v].candidates.size(); ++c)
            if (seen[v].contains(c))
                kept.append(slots[v].candidates[c]);
        slots[v].candidates = kept;
    }
}

} // namespace nianbao
