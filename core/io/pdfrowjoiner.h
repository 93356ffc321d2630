#pragma once

#include "pdfline.h"

#include <QList>

namespace nianbao {

/// Rebuilds the rows of a table from the lines of a page: values of one row printed at two
/// heights (cells aligned differently) are joined when their columns do not collide; a row of
/// values without a label takes the label lines printed just above it; a label wrapped onto the
/// next lines is joined to its row when those lines follow closely and do not start a numbered
/// item. Only rows of two or more values take wrapped lines: prose ending in a number is not a
/// row. Each pass builds its lines anew (never removing from the middle), so it costs about as
/// much as the lines it reads.
class PdfRowJoiner
{
public:
    static void joinRows(QList<PdfLine> &lines);

private:
    /// Label cells of b appended to those of a in the same column (x ranges overlapping), others
    /// inserted in x order; values of b added in x order.
    static void mergeInto(PdfLine &a, const PdfLine &b);
    /// Can b, the line after a, be values of a's row printed at another height?
    static bool joinsAsValues(const PdfLine &a, const PdfLine &b);
    /// Can b, the line after the row a, be a wrapped line of a's label?
    static bool joinsAsLabel(const PdfLine &a, const PdfLine &b);
    static bool startsNumbered(const QString &t);
};

} // namespace nianbao
