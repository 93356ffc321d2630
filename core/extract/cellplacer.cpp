#include "cellplacer.h"

#include "io/limits.h"
#include "io/sourcedocument.h"
#include "report/report.h"
#include "text/normalizer.h"
#include "tokenizer.h"

#include <QSet>

#include <algorithm>

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

void CellPlacer::setDirect(const QString &key, const Item &item)
{
    Cell c;
    const qsizetype os = origStart(item.start), oe = origEnd(item.end);
    switch (item.kind) {
    case Item::Kind::Number: {
        // A number longer than a value can be held is kept as its text (VALUE.TOO_LONG), never
        // read as another number.
        bool ok = false;
        double v = item.text.toDouble(&ok);
        if (!ok || Limits::numberDigits(item.text) > Limits::MaxNumberDigits) {
            c = Cell::textual(QString());
            break;
        }
        if (item.negative)
            v = -v;
        c = Cell::number(v);
        c.note = item.note;
        break;
    }
    case Item::Kind::ValueText:
        c = Cell::textual(QString());
        break;
    case Item::Kind::Blank:
    case Item::Kind::Label:
        c = Cell::blank();
        break;
    }
    c.start = os;
    c.length = qMax<qsizetype>(0, oe - os);
    c.text = m_doc.text.mid(os, c.length);
    m_report->cells.insert(key, c);
}

void CellPlacer::assign(const QStringList &keys, const QList<int> &values)
{
    const auto &items = m_tok.items();
    const int n = int(keys.size());
    QList<int> nonBlank;
    for (int v : values)
        if (items[v].isNonBlankValue())
            nonBlank.append(v);

    bool leadingZero = false;
    bool allDigits = !nonBlank.isEmpty();
    qsizetype digits = 0;
    for (int v : nonBlank) {
        const Item &it = items[v];
        if (it.kind != Item::Kind::Number || it.decimal || it.negative || it.text.size() != it.end - it.start)
            allDigits = false;
        else
            digits += it.text.size();
        if (it.hasLeadingZero())
            leadingZero = true;
    }

    if (nonBlank.size() >= n && !(leadingZero && nonBlank.size() == n && allDigits)) {
        for (int i = 0; i < n; ++i)
            setDirect(keys[i], items[nonBlank[i]]);
        return;
    }
    // Exactly one value or empty cell per column: the empty cells are blank cells of the row,
    // not the gaps of digits that ran together.
    if (int(values.size()) == n && nonBlank.size() < values.size()) {
        for (int i = 0; i < n; ++i)
            setDirect(keys[i], items[values[i]]);
        return;
    }
    if (allDigits && digits >= n && nonBlank.size() <= n) {
        QList<RunToken> tokens;
        for (int v : nonBlank)
            tokens.append(RunToken{items[v].text, items[v].start});
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
                Cell c;
                c.state = Cell::State::Uncertain;
                c.start = os;
                c.length = oe - os;
                c.text = m_doc.text.mid(os, oe - os);
                c.fromRun = true;
                m_report->cells.insert(k, c);
            }
            return;
        }
        m_splitsKept += splits.size();
        if (!splits.isEmpty()) {
            Slot s;
            s.keys = keys;
            s.candidates = splits;
            m_slots.append(s);
            return;
        }
    }
    if (values.size() >= n) {
        for (int i = 0; i < n; ++i)
            setDirect(keys[i], items[values[i]]);
        return;
    }
    if (nonBlank.size() >= n) {
        for (int i = 0; i < n; ++i)
            setDirect(keys[i], items[nonBlank[i]]);
    }
    // Fewer values than cells: the row is incomplete and its cells stay missing.
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
            QList<double> vals;
            QSet<double> seen;
            for (const Split &c : s.candidates)
                if (!seen.contains(c[i].value)) {
                    seen.insert(c[i].value);
                    vals.append(c[i].value);
                }
            Cell cell;
            const SplitValue &first = s.candidates.first()[i];
            if (vals.size() == 1) {
                cell = Cell::number(vals.first());
                cell.start = origStart(first.start);
                cell.length = origEnd(first.end) - cell.start;
            } else {
                cell.state = Cell::State::Uncertain;
                std::sort(vals.begin(), vals.end());
                cell.candidates = vals;
                qsizetype a = first.start, b = first.end;
                for (const Split &c : s.candidates) {
                    a = qMin(a, c[i].start);
                    b = qMax(b, c[i].end);
                }
                cell.start = origStart(a);
                cell.length = origEnd(b) - cell.start;
            }
            cell.fromRun = true;
            cell.text = m_doc.text.mid(cell.start, cell.length);
            m_report->cells.insert(s.keys[i], cell);
        }
    }
}

} // namespace nianbao
