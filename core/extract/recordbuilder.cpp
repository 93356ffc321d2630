#include "recordbuilder.h"

#include "tokenizer.h"

#include <QVarLengthArray>

#include <algorithm>

namespace nianbao {

LabelMatch RecordBuilder::recordMatch(const TableDef &t, Record &rec) const
{
    if (rec.matched)
        return rec.match;
    rec.matched = true;
    const auto &items = m_tok.items();
    // The label nearest the values first, then with the pieces before it (labels wrapped over
    // lines or cells).
    // The pieces written from the end of one buffer towards its start: the key with one more
    // piece is the buffer from further back, and no string is made.
    const qsizetype last = rec.labels.size() - 1;
    const qsizetype firstPiece = qMax<qsizetype>(0, last - 2);
    qsizetype total = 0;
    for (qsizetype i = last; i >= firstPiece; --i)
        total += m_tok.key(items[rec.labels[i]]).size();
    QVarLengthArray<QChar, 256> buffer(total);
    qsizetype at = total;
    LabelMatch best;
    qsizetype bestFrom = last;
    for (qsizetype i = last; i >= firstPiece; --i) {
        const QStringView piece = m_tok.key(items[rec.labels[i]]);
        at -= piece.size();
        std::copy(piece.begin(), piece.end(), buffer.data() + at);
        const QStringView key(buffer.data() + at, total - at);
        const LabelMatch m = LabelMatcher::match(t, key);
        if (m.score > best.score + 0.5 || (best.score <= 0 && m.score > 0)) {
            best = m;
            bestFrom = i;
        }
        if (best.isSure())
            break;
    }
    rec.match = best;
    rec.wrappedLabel = best.isRow() && !best.isSure() && !rec.labels.isEmpty() &&
                       items[rec.labels[bestFrom]].line != items[rec.labels.last()].line;
    return best;
}

Cell::Doubt Record::doubt() const
{
    if (match.fuzzy)
        return Cell::Doubt::LooseLabel;
    if (wrappedLabel)
        return Cell::Doubt::WrappedLine;
    return Cell::Doubt::None;
}

QList<Record> RecordBuilder::build(const TableDef &t, qsizetype from, qsizetype to) const
{
    const auto &items = m_tok.items();
    const auto &lines = m_tok.lines();
    int maxCols = 1;
    for (const RowDef &r : t.rows)
        maxCols = qMax(maxCols, int(r.columns.size()));

    QList<Record> out;
    out.reserve(t.rows.size() + 4); // about a record a row: the list not grown by moving each
    Record cur;
    cur.values.reserve(maxCols + 1);
    bool have = false;
    auto close = [&] {
        if (have)
            out.append(std::move(cur));
        cur = Record();
        cur.values.reserve(maxCols + 1); // a row's values without growing the list
        have = false;
    };
    auto expected = [&](Record &r) {
        if (r.labels.isEmpty())
            return maxCols;
        const LabelMatch m = recordMatch(t, r);
        return m.isRow() ? int(t.rows[m.row].columns.size()) : maxCols;
    };

    for (int idx = m_tok.firstItemAt(from); idx < items.size() && items[idx].start < to; ++idx) {
        const Item &it = items[idx];
        if (it.kind == Item::Kind::Label) {
            if (have && cur.nonBlank > 0) {
                close();
            } else if (have && cur.blanksBefore > 0) {
                // A row that is there with every cell empty, then the next row's label: not the
                // rest of a label wrapped over lines, since the first label names its row surely,
                // its cells came between them and the next label names another row or group.
                const LabelMatch m = recordMatch(t, cur);
                if (m.isRow() && m.isSure() && cur.blanksBefore >= int(t.rows[m.row].columns.size())) {
                    const LabelMatch next = LabelMatcher::match(t, m_tok.key(it));
                    if (!next.fuzzy && (next.group >= 0 || (next.isRow() && next.row != m.row)))
                        close();
                }
            }
            have = true;
            cur.blanksBefore = 0; // blanks count after the last label only
            cur.leadingBlanks.clear();
            cur.labels.append(idx);
            cur.matched = false;
            continue;
        }
        if (it.kind == Item::Kind::Blank && (!have || cur.nonBlank == 0)) {
            if (have) {
                ++cur.blanksBefore;
                cur.leadingBlanks.append(idx);
            }
            continue;
        }
        const bool firstOnLine = it.line != cur.lastValueLine;
        const int lineValues = lines[it.line].values;
        if (have && cur.nonBlank == 0 && !cur.labels.isEmpty() && firstOnLine &&
            items[cur.labels.last()].line != it.line && lineValues >= 2) {
            // A row of values under labels printed apart from it: the labels stand alone.
            close();
        }
        if (have && cur.nonBlank > 0 && firstOnLine) {
            const int n = expected(cur);
            if (cur.nonBlank >= n || (lineValues >= 2 && cur.nonBlank + lineValues != n))
                close();
        }
        if (!have) {
            have = true;
            cur.matched = true; // no label
        }
        cur.values.append(idx);
        if (it.isNonBlankValue())
            ++cur.nonBlank;
        cur.lastValueLine = it.line;
    }
    close();
    for (Record &r : out)
        recordMatch(t, r);
    return out;
}

} // namespace nianbao
