#include "pdfcolumnlayout.h"

#include <QHash>
#include <QSet>

#include <cmath>

namespace nianbao {

using namespace PdfBounds;

void PdfColumnLayout::joinVerticalLabels(QList<PdfLine> &lines)
{
    struct Frag
    {
        qsizetype line;
        double x, top, bottom, h;
    };
    QList<Frag> frags;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const PdfLine &l = lines[i];
        if (l.cells.isEmpty())
            continue;
        const PdfCell &c = l.cells.first();
        const double h = c.bottom - c.top, w = c.right - c.left;
        if (c.value || c.text.size() > 2 || h <= 0 || w > 2.2 * h)
            continue;
        frags.append({i, (c.left + c.right) / 2, c.top, c.bottom, h});
    }
    QList<bool> used(frags.size(), false);
    QList<std::pair<qsizetype, QString>> labels; // line index of the first fragment, text
    QSet<qsizetype> strip;
    for (qsizetype a = 0; a < frags.size(); ++a) {
        if (used[a])
            continue;
        QList<qsizetype> stack{a};
        for (qsizetype b = a + 1; b < frags.size() && b - stack.last() <= MaxFragmentsAhead; ++b) {
            const Frag &last = frags[stack.last()];
            const Frag &f = frags[b];
            if (used[b] || std::abs(f.x - last.x) > 0.6 * last.h)
                continue;
            if (f.top - last.bottom > 3.5 * last.h)
                break;
            stack.append(b);
        }
        if (stack.size() < 3)
            continue;
        QString text;
        for (qsizetype k : stack) {
            used[k] = true;
            text += lines[frags[k].line].cells.first().text;
            strip.insert(frags[k].line);
        }
        labels.append({frags[stack.first()].line, text});
    }
    if (labels.isEmpty())
        return;
    QHash<qsizetype, QString> labelAt;
    for (const auto &[line, text] : labels)
        labelAt.insert(line, text);
    QList<PdfLine> out;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        PdfLine l = lines[i];
        PdfCell first;
        if (strip.contains(i)) {
            first = l.cells.takeFirst();
            if (labelAt.contains(i)) {
                PdfLine g;
                first.text = labelAt.value(i);
                g.cells.append(first);
                g.top = g.coreTop = first.top;
                g.bottom = g.coreBottom = first.bottom;
                out.append(g);
            }
        }
        if (!l.cells.isEmpty())
            out.append(l);
    }
    lines = out;
}

QList<const PdfCell *> PdfColumnLayout::valueCells(const PdfLine &l)
{
    QList<const PdfCell *> out;
    for (const PdfCell &c : l.cells)
        if (c.value)
            out.append(&c);
    return out;
}

QList<int> PdfColumnLayout::mapColumns(const PdfLine &v, const PdfLine &f)
{
    const QList<const PdfCell *> fv = valueCells(f);
    QList<int> out;
    for (const PdfCell *c : valueCells(v)) {
        int hit = -1, hits = 0;
        for (int k = 0; k < fv.size(); ++k)
            if (c->left < fv[k]->right && c->right > fv[k]->left) {
                hit = k;
                ++hits;
            }
        if (hits != 1 || (!out.isEmpty() && hit <= out.last()))
            return {};
        out.append(hit);
    }
    return out;
}

void PdfColumnLayout::fillBlankColumns(QList<PdfLine> &lines)
{
    const qsizetype n = lines.size();
    QList<int> count(n);
    for (qsizetype i = 0; i < n; ++i)
        count[i] = lines[i].valueCount();
    auto compatible = [&](qsizetype a, qsizetype b) {
        return count[a] >= 2 && count[a] <= MaxRowCells && count[a] == count[b] &&
               mapColumns(lines[a], lines[b]).size() == count[a];
    };
    for (qsizetype i = 0; i < n; ++i) {
        if (count[i] == 0 || count[i] > MaxRowCells)
            continue;
        // The nearest rows with more values above and below.
        auto nearest = [&](qsizetype from, int step) -> qsizetype {
            for (qsizetype j = from + step; j >= 0 && j < n && std::abs(j - from) <= MaxRowsApart;
                 j += step) {
                if (count[j] == 0)
                    return -1; // a line without values ends the table
                if (count[j] > count[i])
                    return j;
            }
            return -1;
        };
        const qsizetype up = nearest(i, -1), down = nearest(i, 1);
        qsizetype full = -1;
        if (up >= 0 && down >= 0 && compatible(up, down))
            full = up;
        else if (down == i + 1 && down + 1 < n && compatible(down, down + 1))
            full = down;
        else if (up == i - 1 && up >= 1 && compatible(up, up - 1))
            full = up;
        if (full < 0)
            continue;
        const QList<int> cols = mapColumns(lines[i], lines[full]);
        if (cols.size() != count[i])
            continue;
        const QList<const PdfCell *> fv = valueCells(lines[full]);
        QList<PdfCell> rebuilt;
        for (const PdfCell &c : std::as_const(lines[i].cells))
            if (!c.value)
                rebuilt.append(c);
        const QList<const PdfCell *> own = valueCells(lines[i]);
        int k = 0;
        for (int col = 0; col < fv.size(); ++col) {
            if (k < cols.size() && cols[k] == col) {
                rebuilt.append(*own[k]);
                ++k;
            } else {
                PdfCell blank = *fv[col];
                blank.text.clear();
                blank.value = true;
                rebuilt.append(blank);
            }
        }
        lines[i].cells = rebuilt;
    }
}

} // namespace nianbao
