#pragma once

#include "pdfreader.h"

#include <QList>
#include <QString>

#include <algorithm>

namespace nianbao {

/// A cell of a PDF page: words close together on one line, a label or a value.
struct PdfCell
{
    QString text;
    double left = 0, right = 0, top = 0, bottom = 0;
    bool value = false;
};

/// A line of a PDF page: words that overlap vertically, cut into cells.
struct PdfLine
{
    QList<PdfReader::Word> words;
    double top = 0, bottom = 0;         // extent of all words
    double coreTop = 0, coreBottom = 0; // the first word's box
    QList<PdfCell> cells;

    int valueCount() const
    {
        int n = 0;
        for (const PdfCell &c : cells)
            n += c.value ? 1 : 0;
        return n;
    }
    /// The height of its labels' text (of its first word when it has no label).
    double textHeight() const
    {
        double h = 0;
        for (const PdfCell &c : cells)
            if (!c.value)
                h = std::max(h, c.bottom - c.top);
        return h > 0 ? h : coreBottom - coreTop;
    }
};

/// Bounds of the geometry's passes, far beyond any table (a form has about ten columns and thirty
/// rows a page) so that a page of many thousands of words costs about as much as their number.
namespace PdfBounds {
constexpr qsizetype MaxRowCells = 64;        // a line with more cells is not a table row
constexpr qsizetype MaxRowsApart = 60;       // rows compared for a blank column
constexpr qsizetype MaxLabelLines = 8;       // lines of one wrapped label
constexpr qsizetype MaxFragmentsAhead = 200; // fragments looked at for a vertical group label
} // namespace PdfBounds

} // namespace nianbao
