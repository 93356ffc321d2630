#include "extractor.h"

#include "io/limits.h"
#include "rules/identities.h"
#include "rules/ruleengine.h"
#include "runsplitter.h"
#include "text/normalizer.h"
#include "tokenizer.h"

#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace nianbao {

namespace {

/// The normalized text without whitespace, to find anchors whatever the spacing.
class CompactIndex
{
public:
    explicit CompactIndex(const QString &text)
    {
        m_compact.reserve(text.size());
        m_pos.reserve(text.size());
        for (qsizetype i = 0; i < text.size(); ++i) {
            const QChar c = text[i];
            if (c.isSpace())
                continue;
            m_compact.append(c);
            m_pos.append(int(i));
        }
    }
    /// Normalized position of the first occurrence of needle starting at or after from; -1 if none.
    qsizetype find(QStringView needle, qsizetype from = 0) const
    {
        const qsizetype ci = std::lower_bound(m_pos.begin(), m_pos.end(), from) - m_pos.begin();
        const qsizetype hit = m_compact.indexOf(needle, ci);
        return hit < 0 ? -1 : m_pos[hit];
    }
    qsizetype findLast(QStringView needle, qsizetype from, qsizetype to) const
    {
        qsizetype last = -1;
        for (qsizetype p = find(needle, from); p >= 0 && p < to; p = find(needle, p + 1))
            last = p;
        return last;
    }
    qsizetype findAny(const QStringList &needles, qsizetype from) const
    {
        qsizetype best = -1;
        for (const QString &n : needles) {
            const qsizetype p = find(n, from);
            if (p >= 0 && (best < 0 || p < best))
                best = p;
        }
        return best;
    }
    const QString &compact() const { return m_compact; }

private:
    QString m_compact;
    QList<int> m_pos; // the text is at most Limits::MaxNormalizedChars long
};

struct Match
{
    int row = -1;
    int group = -1;
    double score = 0;
    bool isRow() const { return row >= 0; }
};

int lcsLength(QStringView a, QStringView b, qsizetype *lastB)
{
    // Longest common subsequence; lastB = index in b after the last matched character.
    const qsizetype n = a.size(), m = b.size();
    QList<int> prev(m + 1, 0), cur(m + 1, 0);
    for (qsizetype i = 1; i <= n; ++i) {
        for (qsizetype j = 1; j <= m; ++j)
            cur[j] = a[i - 1] == b[j - 1] ? prev[j - 1] + 1 : qMax(prev[j], cur[j - 1]);
        std::swap(prev, cur);
    }
    const int best = prev[m];
    if (lastB) {
        qsizetype j = m;
        while (j > 0 && prev[j - 1] == best)
            --j;
        *lastB = j;
    }
    return best;
}

double exactScore(QStringView key, QStringView alias)
{
    // Only an alias that ends less than its length before the key's end scores: looked for in the
    // key's tail alone, so a long label costs no more than a short one.
    const qsizetype tail = qMin<qsizetype>(key.size(), 2 * alias.size());
    const qsizetype inTail = key.right(tail).lastIndexOf(alias);
    const qsizetype pos = inTail < 0 ? -1 : key.size() - tail + inTail;
    if (pos < 0)
        return 0;
    const qsizetype gap = key.size() - (pos + alias.size());
    if (alias.size() <= 2 && gap > 0)
        return 0;
    return double(alias.size()) - double(gap);
}

/// A label with a typo or a lost character ("其他法律行政止公开"): the longest common subsequence
/// of the alias and the label's tail, when it covers most of the alias.
double fuzzyScore(QStringView key, QStringView alias)
{
    if (alias.size() < 6)
        return 0;
    const QStringView tail = key.right(qMin<qsizetype>(key.size(), alias.size() * 2));
    // Cheap bound first: characters of the alias present in the tail at all.
    qsizetype present = 0;
    for (QChar c : alias)
        present += tail.contains(c) ? 1 : 0;
    if (double(present) < 0.7 * double(alias.size()))
        return 0;
    qsizetype last = 0;
    const int l = lcsLength(alias, tail, &last);
    if (double(l) < 0.7 * double(alias.size()))
        return 0;
    return 0.9 * l - double(tail.size() - last);
}

Match matchLabel(const TableDef &t, QStringView key)
{
    Match best;
    if (key.isEmpty())
        return best;
    auto consider = [&](double s, int row, int group) {
        if (s > 0 && s > best.score) {
            best.score = s;
            best.row = row;
            best.group = group;
        }
    };
    // Rows before groups: on a tie ("其他处理" is both) the row wins.
    for (int r = 0; r < t.rows.size(); ++r)
        for (const QString &a : t.rows[r].aliases)
            consider(exactScore(key, a), r, -1);
    for (int g = 0; g < t.groups.size(); ++g)
        for (const QString &a : t.groups[g].aliases)
            consider(exactScore(key, a), -1, g);
    if (best.score >= 4)
        return best;
    for (int r = 0; r < t.rows.size(); ++r)
        for (const QString &a : t.rows[r].aliases)
            if (0.9 * double(a.size()) > best.score)
                consider(fuzzyScore(key, a), r, -1);
    for (int g = 0; g < t.groups.size(); ++g)
        for (const QString &a : t.groups[g].aliases)
            if (0.9 * double(a.size()) > best.score)
                consider(fuzzyScore(key, a), -1, g);
    return best;
}

struct Record
{
    QList<int> labels;        // item indices
    QList<int> values;        // item indices (leading blanks dropped)
    int blanksBefore = 0;     // blanks between the label and the first value
    QList<int> leadingBlanks; // their item indices
    int nonBlank = 0;
    int lastValueLine = -1;
    Match match;
    bool matched = false;
};

class Run
{
public:
    Run(const SourceDocument &doc, Report *report)
        : m_doc(doc), m_norm(doc.text), m_tok(m_norm.text()), m_index(m_norm.text()), m_report(report)
    {}

    bool extract(QString *error);

private:
    QList<Record> buildRecords(const TableDef &t, qsizetype from, qsizetype to);
    Match recordMatch(const TableDef &t, Record &rec);
    void parseRowsTable(const TableDef &t, qsizetype from, qsizetype to);
    void parseSingleRowTable(const TableDef &t, qsizetype from, qsizetype to);
    void assignValues(const TableDef &t, const QStringList &keys, const QList<int> &values);
    void setDirect(const QString &key, const Item &item);
    void readProse();
    void applyHints();
    void materialize();
    void readMetadata();
    qsizetype origStart(qsizetype n) const { return m_norm.originalStart(n); }
    qsizetype origEnd(qsizetype n) const { return m_norm.originalEnd(n); }

    const SourceDocument &m_doc;
    NormalizedText m_norm;
    Tokenizer m_tok;
    CompactIndex m_index;
    Report *m_report;
    QList<Slot> m_slots;
    qsizetype m_splitsKept = 0;  // readings of all the runs, at most Limits::MaxReportSplits
    QSet<QString> m_matchedRows; // "t3.granted"
};

Match Run::recordMatch(const TableDef &t, Record &rec)
{
    if (rec.matched)
        return rec.match;
    rec.matched = true;
    const auto &items = m_tok.items();
    // The label nearest the values first, then with the pieces before it (labels wrapped over
    // lines or cells).
    QString key;
    Match best;
    for (qsizetype i = rec.labels.size() - 1; i >= 0 && i >= rec.labels.size() - 3; --i) {
        key.prepend(items[rec.labels[i]].key);
        const Match m = matchLabel(t, key);
        if (m.score > best.score + 0.5 || (best.score <= 0 && m.score > 0))
            best = m;
        if (best.score >= 4)
            break;
    }
    rec.match = best;
    return best;
}

QList<Record> Run::buildRecords(const TableDef &t, qsizetype from, qsizetype to)
{
    const auto &items = m_tok.items();
    const auto &lines = m_tok.lines();
    int maxCols = 1;
    for (const RowDef &r : t.rows)
        maxCols = qMax(maxCols, int(r.columns.size()));

    QList<Record> out;
    Record cur;
    bool have = false;
    auto close = [&] {
        if (have)
            out.append(cur);
        cur = Record();
        have = false;
    };
    auto expected = [&](Record &r) {
        if (r.labels.isEmpty())
            return maxCols;
        const Match m = recordMatch(t, r);
        return m.isRow() ? int(t.rows[m.row].columns.size()) : maxCols;
    };

    for (int idx = m_tok.firstItemAt(from); idx < items.size() && items[idx].start < to; ++idx) {
        const Item &it = items[idx];
        if (it.kind == Item::Kind::Label) {
            if (have && cur.nonBlank > 0)
                close();
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

void Run::setDirect(const QString &key, const Item &item)
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

void Run::assignValues(const TableDef &t, const QStringList &keys, const QList<int> &values)
{
    Q_UNUSED(t);
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

void Run::parseRowsTable(const TableDef &t, qsizetype from, qsizetype to)
{
    QList<Record> records = buildRecords(t, from, to);

    // Which （六） the report uses.
    bool subitems = false, oneRow = false;
    for (const Record &r : records) {
        if (!r.match.isRow() || r.nonBlank == 0)
            continue;
        const QString &v = t.rows[r.match.row].variant;
        if (v == u"subitems")
            subitems = true;
        else if (v == u"one_row")
            oneRow = true;
    }
    if (t.key == u"t3")
        m_report->variant = (oneRow && !subitems) ? u"one_row"_s : u"subitems"_s;
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

    // Anchors: records whose label names a row. The first record of a row wins; a label with
    // fewer values than its row has cells stands alone (its stray numbers are not the row).
    QList<int> rowOf(records.size(), -1);
    QSet<int> taken;
    for (int i = 0; i < records.size(); ++i) {
        const Record &r = records[i];
        if (!r.match.isRow() || !t.rowActive(t.rows[r.match.row], variant))
            continue;
        const int n = int(t.rows[r.match.row].columns.size());
        if (r.values.isEmpty() ? r.blanksBefore < n : !complete(r, n) && !completeWithBlanks(r, n))
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
        QStringList keys;
        for (int ci : row.columns)
            keys.append(Template::cellKey(t, row, t.columns[ci]));
        m_matchedRows.insert(t.key + u'.' + row.key);
        const Record &rec = records[i];
        if (rec.values.isEmpty()) {
            // Only empty cells after the label: the cells are there, and blank.
            if (rec.blanksBefore >= int(keys.size()))
                for (const QString &k : keys) {
                    Cell c = Cell::blank();
                    const Item &label = m_tok.items()[rec.labels.last()];
                    c.start = origEnd(label.end);
                    m_report->cells.insert(k, c);
                }
            continue;
        }
        if (!complete(rec, int(keys.size())) && completeWithBlanks(rec, int(keys.size()))) {
            const int missing = int(keys.size() - rec.values.size());
            assignValues(t, keys, rec.leadingBlanks.mid(rec.leadingBlanks.size() - missing) + rec.values);
            continue;
        }
        assignValues(t, keys, rec.values);
    }
}

void Run::parseSingleRowTable(const TableDef &t, qsizetype from, qsizetype to)
{
    QStringList keys;
    for (const RowDef &row : t.rows)
        for (int ci : row.columns)
            keys.append(Template::cellKey(t, row, t.columns[ci]));
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
        m_matchedRows.insert(t.key + u'.' + row.key);
    assignValues(t, keys, values);
}

void Run::readProse()
{
    for (const ProseCheckDef &check : m_report->tmpl->proseChecks()) {
        for (const QString &pattern : check.patterns) {
            static thread_local QHash<QString, QRegularExpression> cache;
            auto it = cache.find(pattern);
            if (it == cache.end())
                it = cache.insert(pattern, QRegularExpression(pattern));
            auto m = it->globalMatch(m_norm.text());
            while (m.hasNext()) {
                const QRegularExpressionMatch hit = m.next();
                ProseFact f;
                f.check = check.id;
                bool ok = false;
                f.value = hit.capturedView(1).toDouble(&ok);
                if (!ok || Limits::numberDigits(hit.capturedView(1)) > Limits::MaxNumberDigits) {
                    f.value = 0;
                    f.tooLong = true;
                }
                f.start = origStart(hit.capturedStart(1));
                f.length = origEnd(hit.capturedEnd(1)) - f.start;
                m_report->prose.append(f);
            }
        }
    }
}

void Run::applyHints()
{
    // Numbers of the prose that name one cell decide a run of digits when one reading agrees.
    QHash<QString, QSet<qint64>> found;
    for (const ProseCheckDef &check : m_report->tmpl->proseChecks()) {
        if (!check.decides || check.sums.size() != 1 || check.sums.first().size() != 1)
            continue;
        for (const ProseFact &f : std::as_const(m_report->prose))
            if (f.check == check.id && !f.tooLong)
                found[check.sums.first().first()].insert(qint64(f.value));
    }
    if (found.isEmpty())
        return;
    for (Slot &s : m_slots) {
        if (s.candidates.size() <= 1)
            continue;
        QList<Split> kept;
        for (const Split &c : s.candidates) {
            bool ok = true, used = false;
            for (int i = 0; i < s.keys.size(); ++i) {
                const QSet<qint64> vals = found.value(s.keys[i]);
                if (vals.isEmpty())
                    continue;
                used = true;
                ok = ok && vals.contains(qint64(c[i].value));
            }
            if (ok && used)
                kept.append(c);
        }
        if (!kept.isEmpty())
            s.candidates = kept;
    }
}

void Run::materialize()
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

void Run::readMetadata()
{
    const QString &text = m_norm.text();
    const QStringList lines = text.left(200000).split(u'\n');
    static const QRegularExpression yearRe(u"(20\\d\\d)\\s*年"_s);
    // The title: a short line near the top naming the annual report.
    int seen = 0;
    for (qsizetype li = 0; li < lines.size(); ++li) {
        const QString line = lines[li].trimmed();
        if (line.isEmpty())
            continue;
        if (++seen > 40)
            break;
        const QString next = li + 1 < lines.size() ? lines[li + 1].trimmed() : QString();
        const bool names =
            line.contains(u"年度报告"_s) || line.contains(u"年报"_s) || next.startsWith(u"年度报告"_s);
        if (line.size() > 80 || !names || !(line.contains(u"信息公开"_s) || line.contains(u"政务公开"_s)))
            continue;
        const QRegularExpressionMatch m = yearRe.match(line);
        if (!m.hasMatch())
            continue;
        m_report->year = m.captured(1);
        QString unit = line.left(m.capturedStart());
        static const QRegularExpression prefix(u"^(?:标\\s*题|题\\s*目)\\s*[:：]?\\s*"_s);
        unit.remove(prefix);
        unit.remove(u'|');
        if (unit.trimmed().isEmpty()) {
            // "2024 年上海市科委政府信息公开工作年度报告": the body follows the year.
            unit = line.mid(m.capturedEnd());
            static const QRegularExpression rest(
                u"(?:度)?\\s*((?:[^\\s]){2,30}?)(?:政府信息公开|政务公开)"_s);
            const QRegularExpressionMatch u2 = rest.match(unit);
            unit = u2.hasMatch() ? u2.captured(1) : QString();
        }
        m_report->unit = unit.trimmed();
        break;
    }
    if (m_report->year.isEmpty()) {
        static const QRegularExpression period(
            u"(?:统计|期限|时限|周期)[^。\\n]{0,12}?(20\\d\\d)\\s*年\\s*1\\s*月\\s*1\\s*日"_s);
        QRegularExpressionMatch p = period.match(text);
        if (!p.hasMatch()) {
            static const QRegularExpression any(u"(20\\d\\d)\\s*年\\s*1\\s*月\\s*1\\s*日"_s);
            p = any.match(text);
        }
        if (p.hasMatch())
            m_report->year = p.captured(1);
    }
    if (m_report->unit.isEmpty()) {
        // The signature: the body's name on the line before the closing date.
        static const QRegularExpression dateLine(
            u"^\\s*20\\d\\d\\s*年\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日\\s*$"_s);
        QStringList tail;
        for (qsizetype i = lines.size() - 1; i >= 0 && tail.size() < 12; --i)
            if (!lines[i].trimmed().isEmpty())
                tail.prepend(lines[i].trimmed());
        for (qsizetype i = tail.size() - 1; i > 0; --i) {
            if (dateLine.match(tail[i]).hasMatch()) {
                const QString cand = tail[i - 1];
                if (cand.size() <= 40 && !cand.contains(u'。') && !cand.contains(u'，') &&
                    !cand.contains(u','))
                    m_report->unit = cand;
                break;
            }
        }
    }
}

bool Run::extract(QString *error)
{
    QString limit = m_doc.text.size() > Limits::MaxTextChars ? Limits::textTooLong()
                    : !m_norm.isComplete()                   ? Limits::normalizedTooLong()
                                                             : m_tok.error();
    if (!limit.isEmpty()) {
        if (error)
            *error = limit;
        return false;
    }
    const Template *tmpl = Template::byName(Extractor::detectTemplate(m_index.compact()));
    m_report->tmpl = tmpl;
    m_report->source = m_doc.path;
    m_report->format = m_doc.format;
    m_report->encoding = m_doc.encoding;
    m_report->encodingNote = m_doc.encodingNote;
    m_report->text = m_doc.text;
    m_report->cells.clear();

    const TableDef *t2 = tmpl->table(u"t2");
    const TableDef *t3 = tmpl->table(u"t3");
    const TableDef *t4 = tmpl->table(u"t4");
    const qsizetype end = m_norm.size();

    qsizetype t2Start = t2 ? m_index.findAny(t2->startAnchors, 0) : -1;
    if (t2 && t2Start < 0)
        t2Start = m_index.findAny(t2->headingAnchors, 0);
    qsizetype t3Start = m_index.findAny(t3->startAnchors, qMax<qsizetype>(0, t2Start));
    if (t3Start < 0 && t2Start > 0)
        t3Start = m_index.findAny(t3->startAnchors, 0);
    if (t3Start < 0) {
        if (error)
            *error = Extractor::tr(
                "No standard table was found: this is not a report in the 2019 or 2021 template.");
        return false;
    }
    const qsizetype carried = m_index.find(u"结转下年度", t3Start);
    qsizetype t4Start = m_index.findAny(t4->startAnchors, carried >= 0 ? carried : t3Start);
    if (t4Start < 0)
        t4Start = end;
    static const QStringList t4Ends = {u"存在的主要问题"_s, u"主要问题"_s, u"改进情况"_s, u"其他需要报告"_s};
    qsizetype t4End = t4Start < end ? m_index.findAny(t4Ends, t4Start) : end;
    if (t4End < 0)
        t4End = end;

    if (t2 && t2Start >= 0 && t2Start < t3Start)
        parseRowsTable(*t2, t2Start, t3Start);
    parseRowsTable(*t3, t3Start, t4Start);
    if (t4Start < end)
        parseSingleRowTable(*t4, t4Start, t4End);

    int t3Rows = 0;
    for (const RowDef &r : t3->rows)
        if (m_matchedRows.contains(u"t3."_s + r.key))
            ++t3Rows;
    if (t3Rows < 3) {
        if (error)
            *error = Extractor::tr(
                "No standard table was found: this is not a report in the 2019 or 2021 template.");
        return false;
    }

    // Decide digit runs: first the hints of the prose, then the identities.
    QHash<QString, double> fixed;
    for (auto it = m_report->cells.constBegin(); it != m_report->cells.constEnd(); ++it)
        if (!RuleEngine::isTooLong(it.value())) // its value is not known: no identity uses it
            fixed.insert(it.key(), it.value().identityValue());
    readProse();
    applyHints();
    RunSplitter::solve(m_slots, fixed, expandIdentities(*tmpl, m_report->variant));
    materialize();
    readMetadata();
    return true;
}

} // namespace

QString Extractor::detectTemplate(QStringView compactText)
{
    // The template whose markers the text holds most; on a tie the newest.
    const Template *best = Template::latest();
    int bestScore = -1;
    for (const Template *t : Template::all()) {
        int score = 0;
        for (const QString &m : t->markers())
            if (compactText.contains(m))
                ++score;
        if (score > bestScore) {
            best = t;
            bestScore = score;
        }
    }
    return best->name();
}

bool Extractor::extract(const SourceDocument &doc, Report *report, QString *error)
{
    Run run(doc, report);
    return run.extract(error);
}

} // namespace nianbao
