#include "correction.h"

using namespace Qt::Literals::StringLiterals;

namespace nianbao {

QString reviewStatusName(ReviewStatus s)
{
    switch (s) {
    case ReviewStatus::New:
        return u"new"_s;
    case ReviewStatus::InReview:
        return u"in_review"_s;
    case ReviewStatus::Reviewed:
        return u"reviewed"_s;
    case ReviewStatus::Sent:
        return u"sent"_s;
    }
    return u"new"_s;
}

ReviewStatus reviewStatusFromName(QStringView s)
{
    if (s == u"in_review")
        return ReviewStatus::InReview;
    if (s == u"reviewed")
        return ReviewStatus::Reviewed;
    if (s == u"sent")
        return ReviewStatus::Sent;
    return ReviewStatus::New;
}

bool ReviewedReport::isCorrected(const QString &key) const
{
    return lastCorrection(key) != nullptr;
}

const Correction *ReviewedReport::lastCorrection(const QString &key) const
{
    for (qsizetype i = corrections.size() - 1; i >= 0; --i)
        if (corrections[i].key == key)
            return &corrections[i];
    return nullptr;
}

QList<Finding> ReviewedReport::openFindings() const
{
    if (dispositions.isEmpty())
        return findings;
    QList<Finding> out;
    for (const Finding &f : findings) {
        const Disposition *d = dispositionOf(dispositions, f);
        if (!d || d->kind != Disposition::Kind::Dismissed)
            out.append(f);
    }
    return out;
}

ReviewedReport ReviewedReport::fromExtracted(const Report &r, const QList<Finding> &findings)
{
    ReviewedReport rr;
    rr.extracted = r;
    rr.current = r;
    rr.findings = findings;
    return rr;
}

} // namespace nianbao
