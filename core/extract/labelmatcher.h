#pragma once

#include "template/template.h"

#include <QStringView>

namespace nianbao {

/// The row or the group of a table that a label names, and how well (the larger the surer).
struct LabelMatch
{
    int row = -1;
    int group = -1;
    double score = 0;
    bool fuzzy = false; // found only with a typo or a lost character: the evidence for the row is weak
    bool isRow() const { return row >= 0; }
    /// An alias found whole at the label's end, four characters or more: no closer one is looked for.
    bool isSure() const { return score >= 4; }
};

/// Matches a label (its letters only, Template::matchKey) to the aliases of a table's rows and
/// groups: an alias at the end of the label first; failing a sure one, an alias the label's tail
/// holds with a typo or a lost character (their longest common subsequence).
class LabelMatcher
{
public:
    static LabelMatch match(const TableDef &t, QStringView key);

private:
    static LabelMatch matchUncached(const TableDef &t, QStringView key);
};

} // namespace nianbao
