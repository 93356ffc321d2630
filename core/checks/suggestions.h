#pragma once

#include "report/report.h"
#include "rules/finding.h"

#include <QList>

namespace nianbao {

/// Where a wrong cell probably is, and what it should be (Fellegi–Holt): for the error findings of
/// a report together, the fewest cell changes that make every identity hold at once, kept only
/// when each is an edit people and readers make — one digit replaced, a digit lost or added, two
/// adjacent digits swapped, a value booked in the wrong column, a total left as 0 or blank — and
/// ranked by how plausible that edit is. A cell changed by d repairs every identity it is in only
/// if all of them are off by the same d (and it is in no identity that holds), so the candidates
/// follow from the identities' residuals; a value in the wrong column is two cells of a row moved
/// by d and −d. Undecided cells (digit runs) are free: an identity with one is not a constraint.
class Suggestions
{
public:
    static constexpr int MostProposals = 3;

    enum class Edit {
        None,
        TotalLeftBlank, // a total printed as 0 or left blank while its parts are not
        Swapped,        // two adjacent digits swapped
        Replaced,       // one digit replaced
        Lost,           // the report lost a digit (305 for 3050)
        Added,          // the report has a digit too many (30500 for 3050)
        WrongColumn,    // a value booked in the wrong column (two cells of a row)
    };

    /// Adds suggestions (or the reason there are none) to every error finding of an identity.
    static void propose(const Report &report, QList<Finding> *findings);
    /// What kind of edit turns the cell as printed into value; None when it is no small edit.
    static Edit classify(const Cell *printed, double value, bool isTotal);

    /// The cells of a finding's proposal n (1 = the best); empty when there is none.
    static QList<Suggestion> proposal(const Finding &finding, int n);
    /// How many proposals a finding has (at most MostProposals).
    static int proposalCount(const Finding &finding);
    /// Proposal n in words, in the language in use: "cell 38 → 39（why）", the cells joined.
    /// Empty when there is no such proposal.
    static QString describe(const Report &report, const Finding &finding, int n);
    /// Every proposal of a finding, one a line: "方案1：…" / "Proposal 1: …".
    static QString describeAll(const Report &report, const Finding &finding);
};

} // namespace nianbao
