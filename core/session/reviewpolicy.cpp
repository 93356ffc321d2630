#include "reviewpolicy.h"

#include "review/review.h"

namespace nianbao {

bool ReviewPolicy::isFinished(ReviewStatus status)
{
    return status == ReviewStatus::Reviewed || status == ReviewStatus::Sent;
}

bool ReviewPolicy::needsConfirmation(const Review &review)
{
    return !review.corrections().isEmpty() && !isFinished(review.status());
}

int ReviewPolicy::needingConfirmation(const QList<Review *> &reviews)
{
    int n = 0;
    for (const Review *r : reviews)
        n += r && needsConfirmation(*r) ? 1 : 0;
    return n;
}

} // namespace nianbao
