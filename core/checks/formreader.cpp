#include "formreader.h"

#include "template/threadmemo.h"

#include "textview.h"

#include "extract/tokenizer.h"

#include <QRegularExpression>

#include <algorithm>
#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace nianbao {

namespace {

/// A label wrapped over lines may have a few characters of another label between its pieces
/// (a group label printed one character per line, "（六）其 / 他处理"): no more than this many.
constexpr int Interleaved = 6;

/// The letters of a table's labels, in text order, each with its item.
struct LabelStream
{
    QString text;
    QList<int> item; // per character: the item it belongs to
};

struct Interval
{
    qsizetype from;
    qsizetype to;
};

bool subsequence(const LabelStream &s, const QString &key, qsizetype *from, qsizetype *to)
{
    const qsizetype exact = s.text.indexOf(key);
    if (exact >= 0) {
        *from = exact;
        *to = exact + key.size();
        return true;
    }
    if (key.size() < 3)
        return false;
    const qsizetype window = key.size() + Interleaved;
    for (qsizetype st = s.text.indexOf(key[0]); st >= 0; st = s.text.indexOf(key[0], st + 1)) {
        qsizetype j = st, k = 0;
        while (j < s.text.size() && k < key.size() && j - st < window) {
            if (s.text[j] == key[k])
                ++k;
            ++j;
        }
        if (k == key.size()) {
            *from = st;
            *to = j;
            return true;
        }
    }
    return false;
}

/// Original span of the stream's characters [from, to): from the first item's start to the last's end.
TextSpan streamSpan(const LabelStream &s, const Tokenizer &tok, const TextView &view, qsizetype from,
                    qsizetype to)
{
    const Item &a = tok.items()[s.item[from]];
    const Item &b = tok.items()[s.item[to - 1]];
    return view.spanOfNormalized(a.start, b.end);
}

} // namespace

int FormReader::lcs(QStringView a, QStringView b)
{
    const qsizetype n = a.size(), m = b.size();
    if (n == 0 || m == 0)
        return 0;
    QList<int> prev(m + 1, 0), cur(m + 1, 0);
    for (qsizetype i = 1; i <= n; ++i) {
        for (qsizetype j = 1; j <= m; ++j)
            cur[j] = a[i - 1] == b[j - 1] ? prev[j - 1] + 1 : qMax(prev[j], cur[j - 1]);
        std::swap(prev, cur);
    }
    return prev[m];
}

QString FormReader::formLabel(const RowDef &row)
{
    static const QRegularExpression number(
        u"^\\s*(?:[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、|\\d+\\s*[.、．])"_s);
    QString label = row.label;
    label.remove(number);
    return DocumentReader::letters(label);
}

QString FormReader::formVariant(const TableDef &table)
{
    for (const RowDef &r : table.rows)
        if (r.variant == u"subitems")
            return u"subitems"_s;
    return {};
}

void FormReader::read(const Report &report, const TextView &view, const QList<TableRegion> &regions,
                      DocumentFacts *facts, const Tokenizer *tokens)
{
    if (!report.tmpl)
        return;
    std::optional<Tokenizer> own;
    if (!tokens)
        own.emplace(view.normalized().text());
    const Tokenizer &tok = tokens ? *tokens : *own;
    if (!tok.error().isEmpty())
        return;
    const auto &items = tok.items();
    const QString &norm = view.normalized().text();
    // The rows' labels as the form prints them: made once a thread for the program's templates.
    thread_local ThreadMemo<RowDef, QString> printedLabels(1024);
    const bool builtIn = Template::isBuiltIn(report.tmpl);
    const auto labelOf = [&](const RowDef &r) {
        return builtIn ? printedLabels.get(&r, QStringView(), [&] { return formLabel(r); }) : formLabel(r);
    };

    // Where the cells were read, in the normalised text.
    QList<Interval> cellsAt;
    for (auto it = report.cells.constBegin(); it != report.cells.constEnd(); ++it) {
        const Cell &c = it.value();
        if (c.start < 0 || c.length <= 0)
            continue;
        cellsAt.append({view.toNormalized(view.fromOriginal(c.start)),
                        view.toNormalized(view.fromOriginal(c.start + c.length))});
    }
    auto covered = [&](const Item &it) {
        for (const Interval &iv : std::as_const(cellsAt))
            if (it.start < iv.to && iv.from < it.end)
                return true;
        return false;
    };

    // Every label the form knows, to tell an added row from a header or a group label.
    QStringList known;
    for (const TableDef &t : report.tmpl->tables()) {
        for (const RowDef &r : t.rows)
            known += r.aliases;
        for (const GroupDef &g : t.groups)
            known += g.aliases;
        for (const ColumnDef &c : t.columns)
            known.append(DocumentReader::letters(c.label));
    }
    auto isKnown = [&](const QString &key) {
        for (const QString &a : std::as_const(known)) {
            if (a.size() >= 2 && key.contains(a))
                return true;
            if (a.size() >= 4 && double(lcs(a, key)) >= 0.7 * double(a.size()))
                return true;
        }
        return false;
    };

    for (const TableRegion &region : regions) {
        const TableDef *t = report.tmpl->table(region.table);
        if (!t)
            continue;
        const qsizetype nf = view.toNormalized(region.from), nt = view.toNormalized(region.to);
        LabelStream stream;
        QList<int> labels;
        for (int i = tok.firstItemAt(nf); i < items.size() && items[i].start < nt; ++i) {
            if (items[i].kind != Item::Kind::Label)
                continue;
            labels.append(i);
            for (qsizetype p = items[i].start; p < items[i].end; ++p)
                if (norm[p].isLetter()) {
                    stream.text.append(norm[p]);
                    stream.item.append(i);
                }
        }

        const QString form = formVariant(*t);
        TextSpan lastFound;
        // The label of the row printed in place of rows of the form (（六）其他处理 as one row).
        TextSpan replacement;
        for (const RowDef &r : t->rows) {
            const bool inForm = r.variant.isEmpty() || r.variant == form;
            if (inForm || !t->rowActive(r, report.variant))
                continue;
            qsizetype a = 0, b = 0;
            if (subsequence(stream, labelOf(r), &a, &b))
                replacement = streamSpan(stream, tok, view, a, b);
        }

        for (const RowDef &r : t->rows) {
            const bool inForm = r.variant.isEmpty() || r.variant == form;
            if (!inForm)
                continue;
            FormRow row;
            row.table = t->key;
            row.row = r.key;
            const bool active = t->rowActive(r, report.variant);
            const QString key = labelOf(r);
            qsizetype a = 0, b = 0;
            const Cell *first = nullptr;
            for (int ci : r.columns)
                if (const Cell *c = report.cell(Template::cellKey(*t, r, t->columns[ci]))) {
                    first = c;
                    break;
                }
            if (!active) {
                row.label = FormRow::Label::Absent;
                row.span = replacement.isValid() ? replacement : lastFound;
            } else if (!key.isEmpty() && subsequence(stream, key, &a, &b)) {
                row.label = FormRow::Label::Exact;
                row.span = streamSpan(stream, tok, view, a, b);
                lastFound = row.span;
            } else if (first) {
                // The row is there: its label as printed is the label most like the form's.
                row.label = FormRow::Label::Changed;
                double best = 0;
                qsizetype bestDistance = 0;
                const qsizetype at =
                    first->start >= 0 ? view.toNormalized(view.fromOriginal(first->start)) : nf;
                for (int li = 0; li < labels.size(); ++li) {
                    QString cand;
                    for (int w = 0; w < 3 && li + w < labels.size(); ++w) {
                        const Item &it = items[labels[li + w]];
                        cand += DocumentReader::letters(QStringView(norm).mid(it.start, it.end - it.start));
                        if (cand.isEmpty())
                            continue;
                        const double score = 2.0 * lcs(key, cand) / double(key.size() + cand.size());
                        const qsizetype distance = qAbs(items[labels[li]].start - at);
                        if (score > best + 1e-9 || (score > best - 1e-9 && distance < bestDistance)) {
                            best = score;
                            bestDistance = distance;
                            row.span = view.spanOfNormalized(items[labels[li]].start, it.end);
                        }
                    }
                }
                row.labelPrinted = best >= 0.5;
                if (!row.labelPrinted) // no label like it: the values stand without their label
                    row.span = first->start >= 0 ? TextSpan{report.text.mid(first->start, first->length),
                                                            first->start, first->length}
                                                 : TextSpan();
            } else {
                row.label = FormRow::Label::Absent;
                row.span = lastFound;
            }
            facts->rows.append(row);
        }

        // Numbers in the table that no cell holds, after a label no row of the form has.
        if (t->layout == TableLayout::SingleRow)
            continue;
        int width = 0;
        for (const RowDef &r : t->rows)
            width = qMax(width, int(r.columns.size()));
        for (int li = 0; li < labels.size(); ++li) {
            const Item &label = items[labels[li]];
            const int next = li + 1 < labels.size() ? labels[li + 1] : int(items.size());
            QList<int> values;
            bool placed = false;
            for (int i = labels[li] + 1; i < next && items[i].start < nt; ++i) {
                if (!items[i].isNonBlankValue())
                    continue;
                values.append(i);
                placed = placed || covered(items[i]);
            }
            if (values.isEmpty() || placed)
                continue;
            const QString key =
                DocumentReader::letters(QStringView(norm).mid(label.start, label.end - label.start));
            if (key.size() < 2 || isKnown(key))
                continue;
            bool rowOfNumbers = false;
            if (width > 3) {
                rowOfNumbers = values.size() >= 3;
            } else {
                // A table of one to three values a row (table 2): the label and its values on one
                // line of cells, as a table is printed.
                bool sameLine = true;
                for (int v : values)
                    sameLine = sameLine && items[v].line == label.line;
                rowOfNumbers = sameLine && tok.lines()[label.line].cells >= 2 && key.size() <= 15;
            }
            if (rowOfNumbers)
                facts->addedRows.append(view.spanOfNormalized(label.start, items[values.last()].end));
        }
    }
}

} // namespace nianbao
