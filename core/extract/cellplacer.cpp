#include "cellplacer.h"

#include "io/limits.h"
#include "io/sourcedocument.h"
#include "report/report.h"
#include "text/normalizer.h"
#include "tokenizer.h"

#include <QHash>
#include <QSet>
#include <QVarLengthArray>

#include <algorithm>
#include <cmath>
#include <iterator>

namespace nianbao {

CellPlacer::CellPlacer(const SourceDocument &doc, const NormalizedText &norm, const Tokenizer &tokens,
                       Report *report)
    : m_doc(doc), m_norm(norm), m_tok(tokens), m_report(report)
{}

qsizetype CellPlacer::origStart(qsizetype n) const
{
    return m_norm.originalStart(n);
}

qsizetype CellPlacer::origEnd(qsizetype n) const
{
    return m_norm.originalEnd(n);
}

void CellPlacer::setDirect(const QString &key, int id, const Item &item)
{
    const qsizetype os = origStart(item.start), oe = origEnd(item.end);
    Cell &c = m_report->cells.putBlank(key, id); // the fields written where the cell is kept
    switch (item.kind) {
    case Item::Kind::Number: {
        // A number longer than a value can be held is kept as its text (VALUE.TOO_LONG), never
        // read as another number.
        bool ok = false;
        const double v = item.magnitude(&ok);
        if (!ok || Limits::tooManyDigits(item.text)) {
            c.state = Cell::State::Text;
            break;
        }
        c.state = Cell::State::Number;
        c.value = item.negative ? -v : v;
        c.note = m_tok.note(item);
        break;
    }
    case Item::Kind::ValueText:
        c.state = Cell::State::Text;
        break;
    case Item::Kind::Blank:
    case Item::Kind::Label:
        break;
    }
    c.start = os;
    c.length = qMax<qsizetype>(0, oe - os);
    // The characters read: most often those of the number's own text, which is then shared.
    const QStringView read = QStringView(m_doc.text).mid(os, c.length);
    c.text = read == item.text ? item.text : sharedText(read);
}

void CellPlacer::assign(const QStringList &keys, const QList<int> &ids, std::span<const int> values,
                        Cell::Doubt weak)
{
    QList<int> rowIds = ids;
    if (rowIds.size() != keys.size()) {
        rowIds.clear();
        for (const QString &k : keys)
            rowIds.append(CellIds::of(k));
    }
    const auto idOf = [&](int i) { return rowIds.at(i); }; // read only: shared with the template's
    if (weak != Cell::Doubt::None)
        m_weak.append({keys, weak});
    const auto &items = m_tok.items();
    const int n = int(keys.size());
    ItemIndices nonBlank;
    for (int v : values)
        if (items[v].isNonBlankValue())
            nonBlank.append(v);

    bool leadingZero = false;
    bool allDigits = !nonBlank.isEmpty();
    qsizetype digits = 0;
    for (int v : nonBlank) {
        const Item &it = items[v];
        if (it.kind != Item::Kind::Number || it.decimal ||
            it.text.size() != it.end - it.start - (it.negative ? 1 : 0))
            allDigits = false;
        else
            digits += it.text.size();
        if (it.hasLeadingZero())
            leadingZero = true;
    }

    if (nonBlank.size() >= n && !(leadingZero && nonBlank.size() == n && allDigits)) {
        if (nonBlank.size() > n && placeWiderRow(keys, rowIds, nonBlank))
            return;
        for (int i = 0; i < n; ++i)
            setDirect(keys[i], idOf(i), items[nonBlank[i]]);
        return;
    }
    // Exactly one value or empty cell per column: the empty cells are blank cells of the row,
    // not the gaps of digits that ran together.
    if (int(values.size()) == n && nonBlank.size() < qsizetype(values.size())) {
        for (int i = 0; i < n; ++i)
            setDirect(keys[i], idOf(i), items[values[i]]);
        return;
    }
    if (lostOneColumn(keys, values)) {
        m_lost.append({keys, QList<int>(values.begin(), values.end())});
        return;
    }
    if (allDigits && digits >= n && nonBlank.size() <= n) {
        QList<RunToken> tokens;
        tokens.reserve(nonBlank.size());
        for (int v : nonBlank)
            tokens.append(
                RunToken{items[v].text, items[v].start + (items[v].negative ? 1 : 0), items[v].negative});
        if (!RunSplitter::fits(tokens, n)) {
            // More digits than the row's cells can hold: not split at all; every cell keeps the
            // digits as text, and the check says why (VALUE.TOO_LONG).
            const qsizetype os = origStart(items[nonBlank.first()].start);
            const qsizetype oe = origEnd(items[nonBlank.last()].end);
            for (const QString &k : keys) {
                Cell c = Cell::textual(m_doc.text.mid(os, oe - os));
                c.start = os;
                c.length = oe - os;
                c.fromRun = true;
                m_report->cells.insert(k, c);
            }
            return;
        }
        const qsizetype room = qMin<qsizetype>(Limits::MaxRunSplits, Limits::MaxReportSplits - m_splitsKept);
        const QList<Split> splits = RunSplitter::enumerate(tokens, n, int(room) + 1);
        if (splits.size() > room) {
            // More readings than are weighed: undecided, and none offered (the list would be cut
            // short, and what the identities kept of it could be the wrong one).
            const qsizetype os = origStart(items[nonBlank.first()].start);
            const qsizetype oe = origEnd(items[nonBlank.last()].end);
            for (const QString &k : keys) {
                Cell c = Cell::uncertain({}, Cell::Doubt::TooManySplits);
                c.start = os;
                c.length = oe - os;
                c.text = m_doc.text.mid(os, oe - os);
                c.fromRun = true;
                m_report->cells.insert(k, c);
            }
            return;
        }
        // A minus sign opens a column that may be negative (本年增/减): a reading that puts a
        // negative number anywhere else is not the report's.
        // (Most runs have no sign: then every reading is kept, the list itself.)
        const auto signedRightly = [&](const Split &sp) {
            for (int i = 0; i < n; ++i)
                if (sp[i].value < 0 && !isSignedColumn(keys[i]))
                    return false;
            return true;
        };
        QList<Split> signedRight;
        if (std::all_of(splits.cbegin(), splits.cend(), signedRightly))
            signedRight = splits;
        else
            std::copy_if(splits.cbegin(), splits.cend(), std::back_inserter(signedRight), signedRightly);
        m_splitsKept += signedRight.size();
        if (!signedRight.isEmpty()) {
            Slot s;
            s.keys = keys;
            s.ids = rowIds;
            s.candidates = signedRight;
            m_slots.append(s);
            return;
        }
    }
    if (qsizetype(values.size()) >= n) {
        for (int i = 0; i < n; ++i)
            setDirect(keys[i], idOf(i), items[values[i]]);
        return;
    }
    if (nonBlank.size() >= n) {
        for (int i = 0; i < n; ++i)
            setDirect(keys[i], idOf(i), items[nonBlank[i]]);
        return;
    }
    // Fewer values than cells: the row is incomplete and its cells stay missing.
}

bool CellPlacer::placeWiderRow(const QStringList &keys, const QList<int> &ids, const ItemIndices &values)
{
    // More numbers on the row's line than the form has columns (a 序号 column, a column the form
    // does not have): which of them are the row's, the identities may tell. Every run of n
    // numbers is a reading; what they do not decide is uncertain (Cell::Doubt::Grid).
    const auto &items = m_tok.items();
    const int n = int(keys.size());
    const int line = items[values.first()].line;
    for (int v : values)
        if (items[v].kind != Item::Kind::Number || items[v].line != line ||
            Limits::tooManyDigits(items[v].text))
            return false;
    Slot s;
    s.keys = keys;
    s.ids = ids;
    s.fromRun = false;
    s.doubt = Cell::Doubt::Grid;
    for (qsizetype offset = 0; offset + n <= values.size(); ++offset) {
        Split sp;
        for (int i = 0; i < n; ++i) {
            const Item &it = items[values[offset + i]];
            const double v = it.magnitude();
            sp.append(SplitValue{it.negative ? -v : v, int(it.start), int(it.end)});
        }
        s.candidates.append(sp);
    }
    m_slots.append(s);
    return true;
}

bool CellPlacer::isSignedColumn(const QString &key) const
{
    const TableDef *t = nullptr;
    int row = -1, col = -1;
    return m_report->tmpl && m_report->tmpl->splitKey(key, &t, &row, &col) && t->columns[col].isSigned;
}

bool CellPlacer::lostOneColumn(const QStringList &keys, std::span<const int> values) const
{
    // A row of a table of cells (one value a cell, on one line) one number short: a column was
    // lost, as in a conversion that dropped an empty cell; where, the identities may tell
    // (placeLostColumns). Not digits that ran together: each number fills a cell of its own.
    const auto &items = m_tok.items();
    const int n = int(keys.size());
    if (n < 3 || int(values.size()) != n - 1)
        return false;
    const int line = items[values.front()].line;
    for (int v : values)
        if (items[v].kind != Item::Kind::Number || items[v].decimal || items[v].line != line ||
            Limits::tooManyDigits(items[v].text))
            return false;
    return m_tok.lines()[line].cells >= n;
}

void CellPlacer::assignBlank(const QStringList &keys, const Item &label)
{
    for (const QString &k : keys) {
        Cell c = Cell::blank();
        c.start = origEnd(label.end);
        m_report->cells.insert(k, c);
    }
}

void CellPlacer::materialize()
{
    for (const Slot &s : std::as_const(m_slots)) {
        for (int i = 0; i < s.keys.size(); ++i) {
            // The values the cell has in the candidates, once each, in their order; told apart
            // without a set while they are few (a decided run has one candidate).
            QVarLengthArray<double, 16> vals;
            QSet<double> seen;
            for (const Split &c : s.candidates) {
                const double v = c[i].value;
                if (vals.size() < 16 ? vals.contains(v) : seen.contains(v))
                    continue;
                vals.append(v);
                if (vals.size() == 16)
                    seen = QSet<double>(vals.cbegin(), vals.cend());
                else if (vals.size() > 16)
                    seen.insert(v);
            }
            Cell cell; // the fields written in place, no cell made to be copied
            const SplitValue &first = s.candidates.first()[i];
            if (vals.size() == 1) {
                cell.state = Cell::State::Number;
                cell.value = vals.first();
                cell.start = origStart(first.start);
                cell.length = origEnd(first.end) - cell.start;
            } else {
                cell = Cell::uncertain(QList<double>(vals.cbegin(), vals.cend()), s.doubt);
                qsizetype a = first.start, b = first.end;
                for (const Split &c : s.candidates) {
                    a = qMin(a, c[i].start);
                    b = qMax(b, c[i].end);
                }
                cell.start = origStart(a);
                cell.length = origEnd(b) - cell.start;
            }
            cell.fromRun = s.fromRun;
            cell.text = sharedText(QStringView(m_doc.text).mid(cell.start, cell.length));
            m_report->cells.insert(s.keys[i], s.idOf(i), std::move(cell));
        }
    }
}

bool CellPlacer::knownValue(const QString &key, double *v) const
{
    // A cell an identity can use: read, decided, and not digits of a run too long to hold.
    const Cell *c = m_report->cell(key);
    if (!c || c->state == Cell::State::Uncertain || (c->state == Cell::State::Text && c->fromRun))
        return false;
    *v = c->identityValue();
    return true;
}

void CellPlacer::placeLostColumns(const QList<IdentityInstance> &identities)
{
    if (m_lost.isEmpty())
        return;
    const auto &items = m_tok.items();
    struct Reading
    {
        int gap = -1;
        QList<double> values;
    };
    struct LostRow
    {
        QStringList keys;
        QList<int> items;
        QList<double> read;
        QList<Reading> readings;
        bool undecidable = false; // a place of the gap that no identity gives a value
    };
    QList<LostRow> rows;
    for (const auto &[keys, values] : std::as_const(m_lost)) {
        LostRow row;
        row.keys = keys;
        row.items = values;
        for (int v : values)
            row.read.append(items[v].negative ? -items[v].magnitude() : items[v].magnitude());
        rows.append(row);
    }

    // 1. Each row on its own: every place the gap may be, its value from an identity where it is
    //    the only unknown, kept when every identity over known cells holds.
    for (LostRow &row : rows) {
        const int n = int(row.keys.size());
        for (int gap = 0; gap < n && !row.undecidable; ++gap) {
            QList<double> vals;
            for (int i = 0; i < n; ++i)
                vals.append(i == gap ? qQNaN() : row.read[i < gap ? i : i - 1]);
            bool consistent = true;
            for (int pass = 0; pass < 2 && consistent; ++pass) {
                for (const IdentityInstance &id : identities) {
                    double sum = 0; // lhs − rhs over the known cells
                    int unknown = 0, sign = 0;
                    bool touches = false, complete = true;
                    auto add = [&](const QString &k, int side) {
                        const int i = int(row.keys.indexOf(k));
                        double v = 0;
                        if (i >= 0) {
                            touches = true;
                            v = vals[i];
                            if (std::isnan(v)) {
                                ++unknown;
                                sign = side;
                                return;
                            }
                        } else if (!knownValue(k, &v)) {
                            complete = false;
                            return;
                        }
                        sum += side * v;
                    };
                    for (const QString &k : id.lhs)
                        add(k, 1);
                    for (const QString &k : id.rhs)
                        add(k, -1);
                    if (!touches || !complete)
                        continue;
                    if (pass == 0 && unknown == 1 && std::isnan(vals[gap]))
                        vals[gap] = -sum / sign;
                    else if (pass == 1 && std::abs(sum) > 1e-6)
                        consistent = false;
                }
            }
            if (std::isnan(vals[gap]))
                row.undecidable = true; // no identity gives the gap a value here
            else if (consistent && vals[gap] >= 0 && vals[gap] == std::floor(vals[gap]))
                row.readings.append({gap, vals});
        }
    }

    // 2. The rows together (the sum of the results and the balance run down the columns): the
    //    readings that some combination satisfying every identity uses.
    QList<int> joint;
    qsizetype combinations = 1;
    for (int r = 0; r < rows.size(); ++r)
        if (!rows[r].undecidable && !rows[r].readings.isEmpty()) {
            joint.append(r);
            combinations *= rows[r].readings.size();
            if (combinations > Limits::MaxRunSplits) {
                joint.clear();
                break;
            }
        }
    if (joint.size() >= 2) {
        QHash<CellKey, std::pair<int, int>> where; // key → joint row, column
        for (int j = 0; j < joint.size(); ++j)
            for (int i = 0; i < rows[joint[j]].keys.size(); ++i)
                where.insert(rows[joint[j]].keys[i], {j, i});
        QList<QList<bool>> used(joint.size());
        for (int j = 0; j < joint.size(); ++j)
            used[j] = QList<bool>(rows[joint[j]].readings.size(), false);
        QList<int> pick(joint.size(), 0);
        bool any = false;
        for (qsizetype c = 0; c < combinations; ++c) {
            qsizetype rest = c;
            for (int j = 0; j < joint.size(); ++j) {
                pick[j] = int(rest % rows[joint[j]].readings.size());
                rest /= rows[joint[j]].readings.size();
            }
            bool ok = true;
            for (const IdentityInstance &id : identities) {
                double sum = 0;
                bool touches = false, complete = true;
                auto add = [&](const QString &k, int side) {
                    double v = 0;
                    const auto it = where.constFind(k);
                    if (it != where.cend()) {
                        touches = true;
                        v = rows[joint[it->first]].readings[pick[it->first]].values[it->second];
                    } else if (!knownValue(k, &v)) {
                        complete = false;
                    }
                    sum += side * v;
                };
                for (const QString &k : id.lhs)
                    add(k, 1);
                for (const QString &k : id.rhs)
                    add(k, -1);
                if (touches && complete && std::abs(sum) > 1e-6) {
                    ok = false;
                    break;
                }
            }
            if (!ok)
                continue;
            any = true;
            for (int j = 0; j < joint.size(); ++j)
                used[j][pick[j]] = true;
        }
        if (any)
            for (int j = 0; j < joint.size(); ++j) {
                QList<Reading> kept;
                for (int g = 0; g < used[j].size(); ++g)
                    if (used[j][g])
                        kept.append(rows[joint[j]].readings[g]);
                rows[joint[j]].readings = kept;
            }
    }

    // 3. The cells. A value every reading agrees on is the cell's when it was printed in one of
    //    them; a value only the identities give (the gap's) is never shown as read.
    for (const LostRow &row : std::as_const(rows)) {
        const int n = int(row.keys.size());
        for (int i = 0; i < n; ++i) {
            QList<double> may;
            int from = -1; // the value item of a reading where the cell is not the gap
            if (row.undecidable || row.readings.isEmpty()) {
                if (i < n - 1)
                    may.append(row.read[i]);
                if (i > 0)
                    may.append(row.read[i - 1]);
            } else {
                for (const Reading &g : row.readings) {
                    may.append(g.values[i]);
                    if (from < 0 && g.gap != i)
                        from = i < g.gap ? row.items[i] : row.items[i - 1];
                }
            }
            Cell c = Cell::uncertain(may, Cell::Doubt::LostColumn);
            if (from >= 0 && c.candidates.size() == 1)
                c = Cell::number(c.candidates.first());
            else
                from = -1;
            // The span: the value it was read from, or those it may have been read from.
            const int a = qMax(0, i - 1), b = qMin(n - 2, i);
            c.start = origStart(items[from >= 0 ? from : row.items[a]].start);
            c.length = origEnd(items[from >= 0 ? from : row.items[b]].end) - c.start;
            c.text = m_doc.text.mid(c.start, c.length);
            m_report->cells.insert(row.keys[i], c);
        }
    }
}

void CellPlacer::confirm(const QList<IdentityInstance> &identities)
{
    if (m_weak.isEmpty())
        return;
    for (const auto &[keys, why] : std::as_const(m_weak)) {
        const QSet<QString> row(keys.begin(), keys.end());
        bool contradicted = false;
        for (const IdentityInstance &id : identities) {
            // The row's own identities (its total): a column's sum that fails may be any row's
            // doing, or the report's.
            if (id.def && id.def->per != IdentityDef::Per::Row)
                continue;
            bool touches = false, complete = true;
            double l = 0, r = 0, v = 0;
            for (const QString &k : id.lhs) {
                touches = touches || row.contains(k);
                complete = complete && knownValue(k, &v);
                l += v;
            }
            for (const QString &k : id.rhs) {
                touches = touches || row.contains(k);
                complete = complete && knownValue(k, &v);
                r += v;
            }
            if (touches && complete && std::abs(l - r) > 1e-6) {
                contradicted = true;
                break;
            }
        }
        if (!contradicted)
            continue;
        for (const QString &k : keys) {
            auto it = m_report->cells.find(k);
            if (it == m_report->cells.end() || it->state != Cell::State::Number)
                continue;
            Cell c = Cell::uncertain({it->value}, why);
            c.start = it->start;
            c.length = it->length;
            c.text = it->text;
            c.note = it->note;
            *it = c;
        }
    }
}

} // namespace nianbao
