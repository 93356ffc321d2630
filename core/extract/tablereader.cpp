#include "tablereader.h"

#include "cellplacer.h"
#include "recordbuilder.h"
#include "report/report.h"
#include "tokenizer.h"

namespace nianbao {

TableReader::TableReader(const Tokenizer &tokens, CellPlacer &placer, Report *report)
    : m_tok(tokens), m_placer(placer), m_report(report)
{}

void TableReader::readRows(const TableDef &t, qsizetype from, qsizetype to)
{
    QList<Record> records = RecordBuilder(m_tok).build(t, from, to);

    // Which form of the table (the （六） of T2021) the report uses: the one its rows name, else
    // the usual one.
    if (!t.variants.isEmpty()) {
        QSet<QString> named;
        for (const Record &r : records)
            if (r.match.isRow() && r.nonBlank > 0 && !t.rows[r.match.row].variant.isEmpty())
                named.insert(t.rows[r.match.row].variant);
        m_report->variant = named.size() == 1 ? *named.cbegin() : t.variants.first();
    }
    const QString variant = m_report->variant;

    // Can a record fill a row of n cells?
    const auto &items = m_tok.items();
    int maxCols = 1;
    for (const RowDef &r : t.rows)
        maxCols = qMax(maxCols, int(r.columns.size()));
    auto complete = [&](const Record &r, int n) {
        if (r.nonBlank >= n || r.values.size() >= n)
            return true;
        qsizetype digits = 0;
        for (int v : r.values) {
            const Item &it = items[v];
            if (it.kind != Item::Kind::Number || it.decimal)
                return false;
            digits += it.text.size();
        }
        return digits >= n;
    };

    // A row whose first cells are blank: the empty cells after its label complete it.
    auto completeWithBlanks = [&](const Record &r, int n) {
        return !r.values.isEmpty() && int(r.values.size()) < n &&
               int(r.values.size() + r.leadingBlanks.size()) >= n && r.nonBlank < n;
    };

    // A row of cells one number short, on its label's line: a column lost in a conversion.
    auto lostOne = [&](const Record &r, int n) {
        if (n < 3 || r.labels.isEmpty() || int(r.values.size()) != n - 1 || r.nonBlank != n - 1)
            return false;
        const int line = items[r.labels.last()].line;
        for (int v : r.values)
            if (items[v].kind != Item::Kind::Number || items[v].line != line)
                return false;
        return m_tok.lines()[line].cells >= n;
    };

    // Anchors: records whose label names a row. The first record of a row wins; a label with
    // fewer values than its row has cells stands alone (its stray numbers are not the row).
    QList<int> rowOf(records.size(), -1);
    QSet<int> taken;
    for (int i = 0; i < records.size(); ++i) {
        const Record &r = records[i];
        if (!r.match.isRow() || !t.rowActive(t.rows[r.match.row], variant))
            continue;
        const int n = int(t.rows[r.match.row].columns.size());
        if (r.values.isEmpty() ? r.blanksBefore < n
                               : !complete(r, n) && !completeWithBlanks(r, n) && !lostOne(r, n))
            continue; // a label printed apart from its values
        if (taken.contains(r.match.row))
            continue;
        rowOf[i] = r.match.row;
        taken.insert(r.match.row);
    }
    // Rows of values without a label, between two anchors: in form order when the counts agree.
    QList<int> anchorRecs;
    for (int i = 0; i < records.size(); ++i)
        if (rowOf[i] >= 0)
            anchorRecs.append(i);
    auto fillGap = [&](int recFrom, int recTo, int rowFrom, int rowTo) {
        QList<int> recs, rows;
        for (int i = recFrom + 1; i < recTo; ++i)
            if (rowOf[i] < 0 && records[i].nonBlank > 0 && !records[i].match.isRow() &&
                (records[i].labels.isEmpty() || records[i].match.group >= 0 || records[i].match.score <= 0) &&
                complete(records[i], maxCols))
                recs.append(i);
        for (int r = rowFrom + 1; r < rowTo; ++r)
            if (t.rowActive(t.rows[r], variant) && !taken.contains(r))
                rows.append(r);
        if (!recs.isEmpty() && recs.size() == rows.size()) {
            for (int k = 0; k < recs.size(); ++k) {
                rowOf[recs[k]] = rows[k];
                taken.insert(rows[k]);
            }
        }
    };
    for (int a = 0; a + 1 < anchorRecs.size(); ++a) {
        const int r1 = rowOf[anchorRecs[a]], r2 = rowOf[anchorRecs[a + 1]];
        if (r2 > r1)
            fillGap(anchorRecs[a], anchorRecs[a + 1], r1, r2);
    }
    if (!anchorRecs.isEmpty())
        fillGap(anchorRecs.last(), int(records.size()), rowOf[anchorRecs.last()], int(t.rows.size()));

    for (int i = 0; i < records.size(); ++i) {
        if (rowOf[i] < 0)
            continue;
        const RowDef &row = t.rows[rowOf[i]];
        const QStringList keys = m_report->tmpl->rowKeys(t, row);
        const QList<int> ids = m_report->tmpl->rowIds(t, row);
        m_matchedRows.insert(&row);
        const Record &rec = records[i];
        if (rec.values.isEmpty()) {
            // Only empty cells after the label: the cells are there, and blank.
            if (rec.blanksBefore >= int(keys.size()))
                m_placer.assignBlank(keys, m_tok.items()[rec.labels.last()]);
            continue;
        }
        if (!complete(rec, int(keys.size())) && completeWithBlanks(rec, int(keys.size()))) {
            const int missing = int(keys.size() - rec.values.size());
            QVarLengthArray<int, 32> values; // the last blanks before the values, then the values
            values.reserve(missing + rec.values.size());
            for (qsizetype b = qMax<qsizetype>(0, rec.leadingBlanks.size() - missing);
                 b < rec.leadingBlanks.size(); ++b)
                values.append(rec.leadingBlanks[b]);
            values.append(rec.values.constData(), rec.values.size());
            m_placer.assign(keys, ids, values, rec.doubt());
            continue;
        }
        m_placer.assign(keys, ids, rec.values, rec.doubt());
    }
}

void TableReader::readSingleRow(const TableDef &t, qsizetype from, qsizetype to)
{
    QStringList keys;
    QList<int> ids;
    for (const RowDef &row : t.rows) {
        keys += m_report->tmpl->rowKeys(t, row);
        ids += m_report->tmpl->rowIds(t, row);
    }
    const auto &items = m_tok.items();
    QList<int> values;
    int nonBlank = 0;
    for (int idx = m_tok.firstItemAt(from); idx < items.size() && items[idx].start < to; ++idx) {
        const Item &it = items[idx];
        if (!it.isValue())
            continue;
        if (it.kind == Item::Kind::Blank && nonBlank == 0)
            continue;
        values.append(idx);
        if (it.isNonBlankValue())
            ++nonBlank;
        if (nonBlank >= keys.size())
            break;
    }
    if (values.isEmpty())
        return;
    for (const RowDef &row : t.rows)
        m_matchedRows.insert(&row);
    m_placer.assign(keys, ids, values);
}

int TableReader::matchedRows(const TableDef &t) const
{
    int n = 0;
    for (const RowDef &r : t.rows)
        if (m_matchedRows.contains(&r))
            ++n;
    return n;
}

} // namespace nianbao
