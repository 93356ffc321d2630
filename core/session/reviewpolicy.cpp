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

bool ReviewPolicy::editAsks(ReviewStatus status)
{
    return isFinished(status);
}

QString ReviewPolicy::editQuestion(ReviewStatus status)
{
    if (status == ReviewStatus::Sent)
        return tr("This report is marked sent. Changing it returns it to “in review”: it has to be "
                  "reviewed and sent again. Change it?");
    return tr("This report is marked reviewed. Changing it returns it to “in review”: it has to be "
              "reviewed again. Change it?");
}

ReviewStatus ReviewPolicy::afterEdit(ReviewStatus)
{
    return ReviewStatus::InReview;
}

ReviewStatus ReviewPolicy::afterUndo(ReviewStatus before, ReviewStatus after, ReviewStatus now)
{
    if (now == after)
        return before;
    return isFinished(now) ? ReviewStatus::InReview : now;
}

bool ReviewPolicy::canMarkSent(ReviewStatus status)
{
    return status == ReviewStatus::Reviewed || status == ReviewStatus::Sent;
}

QString ReviewPolicy::whyNotSent(ReviewStatus status)
{
    if (canMarkSent(status))
        return {};
    return tr("Only a reviewed report can be marked sent. Mark it reviewed first (Ctrl+Return).");
}

QString ReviewPolicy::statusText(ReviewStatus status)
{
    switch (status) {
    case ReviewStatus::New:
        return tr("not reviewed");
    case ReviewStatus::InReview:
        return tr("in review");
    case ReviewStatus::Reviewed:
        return tr("reviewed");
    case ReviewStatus::Sent:
        return tr("sent");
    }
    return {};
}

} // namespace nianbao
