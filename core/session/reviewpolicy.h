#pragma once

#include "review/correction.h"

#include <QCoreApplication>
#include <QList>

namespace nianbao {

class Review;

/// What the states of a review (new, in review, reviewed, sent) mean for the reviewer: the one
/// place that says it. A report is "in review" from its first correction, and "reviewed" when the
/// reviewer signs it off; "sent" is reviewed and passed on. A reviewed or sent report that is
/// changed is in review again: the window asks before such a change (Review::setEditGuard), and
/// undoing the change gives the state back.
class ReviewPolicy
{
    Q_DECLARE_TR_FUNCTIONS(ReviewPolicy)
public:
    /// Reviewed or sent: the reviewer is done with it. The queue shows it reviewed (or sent) and
    /// File ▸ Export ▸ Reviewed Reports takes it.
    static bool isFinished(ReviewStatus status);
    /// It has corrections and is not finished: closing it, or quitting, asks first.
    static bool needsConfirmation(const Review &review);
    /// How many of these need it (the question asked when quitting).
    static int needingConfirmation(const QList<Review *> &reviews);

    /// Changing a cell of a report in this state asks the reviewer first (reviewed or sent).
    static bool editAsks(ReviewStatus status);
    /// The question asked before such a change, one paragraph in the current language.
    static QString editQuestion(ReviewStatus status);
    /// The state a change of the report's values leaves it in: in review, whatever it was.
    static ReviewStatus afterEdit(ReviewStatus status);
    /// The state undoing a change gives: the one before the change (before), unless the state was
    /// changed since the change left it (after ≠ now); then a finished report, whose values the
    /// undo changes, is in review again, and any other keeps its state.
    static ReviewStatus afterUndo(ReviewStatus before, ReviewStatus after, ReviewStatus now);

    /// Only a reviewed report can be marked sent.
    static bool canMarkSent(ReviewStatus status);
    /// Why this report cannot be marked sent, one sentence; empty when it can.
    static QString whyNotSent(ReviewStatus status);
    /// The state's name as the window and the exports say it (未审校, 审校中, 已审校, 已报送).
    static QString statusText(ReviewStatus status);
};

} // namespace nianbao
