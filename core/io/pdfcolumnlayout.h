#pragma once

#include "pdfline.h"

#include <QList>

namespace nianbao {

/// The columns of a table on a PDF page: group labels written down a narrow column, and cells
/// left empty that keep the values of their row in their columns.
class PdfColumnLayout
{
public:
    /// Group labels written vertically, one or two characters per line in a narrow column left of
    /// the rows ("三、" "本" "年" "度" … beside the result rows): they are one label, not rows.
    /// The characters are taken out of the lines they share and joined on a line of their own
    /// where the label begins.
    static void joinVerticalLabels(QList<PdfLine> &lines);
    /// Blank cells of a table printed as nothing: a row with fewer values than the full rows
    /// around it (same number of values in the same columns above and below, or two such rows
    /// right beside it) gets an empty cell for each column it leaves empty, so its values stay in
    /// their columns.
    static void fillBlankColumns(QList<PdfLine> &lines);

private:
    static QList<const PdfCell *> valueCells(const PdfLine &l);
    /// Columns of v under the values of f: for each value of v the index of the one value of f it
    /// overlaps; empty when a value overlaps none or several, or two share one.
    static QList<int> mapColumns(const PdfLine &v, const PdfLine &f);
};

} // namespace nianbao
