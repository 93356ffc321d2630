#include "pdfrowjoiner.h"

#include "pdflinebuilder.h"

#include <QRegularExpression>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace nianbao {

using namespace PdfBounds;

bool PdfRowJoiner::startsNumbered(const QString &t)
{
    return PdfLineBuilder::startsNumberedItem(QStringView(t).trimmed());
}

void PdfRowJoiner::mergeInto(PdfLine &a, const PdfLine &b)
{
    for (const PdfCell &c : b.cells) {
        bool done = false;
        if (!c.value) {
            for (PdfCell &t : a.cells) {
                if (!t.value && c.left < t.right && c.right > t.left) {
                    t.text += c.text;
                    t.right = std::max(t.right, c.right);
                    t.bottom = std::max(t.bottom, c.bottom);
                    done = true;
                    break;
                }
            }
        }
        if (!done) {
            qsizetype at = 0;
            while (at < a.cells.size() && a.cells[at].left < c.left)
                ++at;
            a.cells.insert(at, c);
        }
    }
    a.top = std::min(a.top, b.top);
    a.bottom = std::max(a.bottom, b.bottom);
    a.words += b.words;
}

bool PdfRowJoiner::joinsAsValues(const PdfLine &a, const PdfLine &b)
{
    if (a.valueCount() == 0 || b.valueCount() == 0 || a.cells.size() > MaxRowCells ||
        b.cells.size() > MaxRowCells)
        return false;
    const double h = std::max(1.0, a.textHeight());
    if (b.top - a.bottom > 0.5 * h)
        return false;
    for (const PdfCell &x : a.cells)
        for (const PdfCell &y : b.cells)
            if (x.value && y.value && x.left < y.right + 0.5 * h && y.left < x.right + 0.5 * h)
                return false; // the values collide
    double firstValue = 1e9;
    for (const PdfCell &x : a.cells)
        if (x.value)
            firstValue = std::min(firstValue, x.left);
    for (const PdfCell &y : b.cells)
        if (!y.value && y.right > firstValue)
            return false; // a label right of the values
    return true;
}

bool PdfRowJoiner::joinsAsLabel(const PdfLine &a, const PdfLine &b)
{
    if (a.valueCount() < 2 || b.valueCount() != 0 || a.cells.size() > MaxRowCells ||
        b.cells.size() > MaxRowCells)
        return false;
    const double h = std::max(1.0, a.textHeight());
    double labelTop = 1e9, labelBottom = -1e9;
    for (const PdfCell &c : a.cells)
        if (!c.value) {
            labelTop = std::min(labelTop, c.top);
            labelBottom = std::max(labelBottom, c.bottom);
        }
    if (labelBottom < 0 || b.top - a.bottom > 0.5 * h || b.top - labelBottom < -0.5 * h)
        return false;
    bool fits = !b.cells.isEmpty();
    for (const PdfCell &c : b.cells) {
        if (startsNumbered(c.text))
            fits = false;
        // A wrapped line of a label stays inside the label's column: it starts where the
        // label starts (or further right when centred) and is no wider.
        bool under = false;
        for (const PdfCell &t : a.cells)
            under = under || (!t.value && c.left >= t.left - 0.5 * h && c.right <= t.right + 1.0 * h);
        fits = fits && under;
    }
    return fits;
}

void PdfRowJoiner::joinRows(QList<PdfLine> &lines)
{
    QList<PdfLine> out;
    out.reserve(lines.size());
    for (PdfLine &l : lines) {
        if (!out.isEmpty() && joinsAsValues(out.last(), l))
            mergeInto(out.last(), l);
        else
            out.append(std::move(l));
    }
    lines = std::move(out);

    // A row of values without a label under the first line(s) of its label: the label is its own.
    out.clear();
    out.reserve(lines.size());
    for (PdfLine &v : lines) {
        const bool row =
            v.valueCount() >= 2 && v.valueCount() == v.cells.size() && v.cells.size() <= MaxRowCells;
        qsizetype k = out.size();
        if (row) {
            const double firstValue = v.cells.first().left;
            const PdfLine *below = &v;
            while (k > 0 && out.size() - k < MaxLabelLines) {
                const PdfLine &l = out[k - 1];
                const double h = std::max(1.0, l.textHeight());
                bool labels = l.valueCount() == 0 && !l.cells.isEmpty() && l.cells.size() <= MaxRowCells;
                for (const PdfCell &c : l.cells)
                    labels = labels && c.right < firstValue;
                if (!labels || below->top - l.bottom > 0.5 * h)
                    break;
                --k;
                below = &l;
                if (startsNumbered(l.cells.first().text))
                    break; // the label's first line
            }
        }
        if (k == out.size()) {
            out.append(std::move(v));
            continue;
        }
        PdfLine merged = out[k];
        for (qsizetype j = k + 1; j < out.size(); ++j)
            mergeInto(merged, out[j]);
        mergeInto(merged, v);
        out.resize(k);
        out.append(std::move(merged));
    }
    lines = std::move(out);

    out.clear();
    out.reserve(lines.size());
    qsizetype joined = 0; // wrapped lines joined to the last row
    for (PdfLine &l : lines) {
        if (!out.isEmpty() && joined < MaxLabelLines && joinsAsLabel(out.last(), l)) {
            mergeInto(out.last(), l);
            ++joined;
        } else {
            out.append(std::move(l));
            joined = 0;
        }
    }
    lines = std::move(out);
}

} // namespace nianbao
