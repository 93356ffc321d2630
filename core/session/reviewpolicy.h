#pragma once

#include "review/correction.h"

#include <QList>

namespace nianbao {

class Review;

/// What the states of a review (new, in review, reviewed, sent) mean for the reviewer: the one
/// place that says it. A report is "in review" from its first correction (Review does that), and
/// "reviewed" when the reviewer signs it off; "sent" is reviewed and passed on.
class ReviewPolicy
{
public:
    /// Reviewed or sent: the reviewer is done with it. The queue shows it reviewed and
    /// File ▸ Export ▸ Reviewed Reports takes it.
    static bool isFinished(ReviewStatus status);
    /// It has corrections and is not finished: closing it, or quitting, asks first.
    static bool needsConfirmation(const Review &review);
    /// How many of these need it (the question asked when quitting).
    static int needingConfirmation(const QList<Review *> &reviews);
};

} // namespace nianbao
