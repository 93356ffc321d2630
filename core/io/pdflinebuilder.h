#pragma once

#include "pdfline.h"

#include <QList>
#include <QStringView>

#include <utility>

namespace nianbao {

/// Value columns as disjoint x ranges, sorted: a word lies in a column when it overlaps one.
class PdfValueColumns
{
public:
    explicit PdfValueColumns(QList<std::pair<double, double>> ranges = {});
    /// Does [left, right] overlap a column (strictly, as boxes that only touch do not)?
    bool overlaps(double left, double right) const;
    bool isEmpty() const { return m_ranges.isEmpty(); }

private:
    QList<std::pair<double, double>> m_ranges;
};

/// The words of a page gathered into lines (by vertical overlap) and each line cut into cells (by
/// the horizontal gaps between its words).
class PdfLineBuilder
{
public:
    /// Lines top to bottom, their words left to right; no cells yet.
    static QList<PdfLine> buildLines(QList<PdfReader::Word> words);
    /// Splits a line into cells: a wide gap always separates; a value next to a value separates
    /// at a narrow gap; a label and a value separate at a gap of a character's width unless the
    /// value sits inside prose (text follows it closely), or at a narrower one when the value
    /// lies in a column of values of other rows.
    static void buildCells(PdfLine &line, const PdfValueColumns &valueColumns = PdfValueColumns());
    /// A number, a percentage, a dash or slash, 无 or 空: what a value cell holds.
    static bool isValueWord(QStringView w);
    /// Does w start a numbered row label: "4.", "（三）", "二、"?
    static bool startsNumberedItem(QStringView w);
};

} // namespace nianbao
