#pragma once

#include "report/report.h"
#include "review/disposition.h"
#include "rules/finding.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace nianbao {

/// One change of one cell by a reviewer: the audit trail's line.
struct Correction
{
    QString key;    // cell key
    Cell extracted; // the value as read from the source
    Cell before;    // the value just before this change
    Cell after;     // the value after it (state Blank = cleared)
    QString action; // edit, clear, shift, move, paste
    QString reviewer;
    QDateTime time; // UTC
    QString note;
    int errorsBefore = 0; // error findings of the report before and after the change
    int errorsAfter = 0;
};

enum class ReviewStatus { New, InReview, Reviewed, Sent };

QString reviewStatusName(ReviewStatus s); // "new", "in_review", "reviewed", "sent"
ReviewStatus reviewStatusFromName(QStringView s);

/// A report as the reviewer left it: what was extracted, what it is now, and how it got there.
/// What the exporters write and the store keeps.
struct ReviewedReport
{
    Report extracted;                // as read from the source
    Report current;                  // with the corrections applied
    QList<Finding> findings;         // of current
    QList<Correction> corrections;   // oldest first; the latest per cell is the one in effect
    QList<Disposition> dispositions; // the reviewer's word on findings, one per finding key
    ReviewStatus status = ReviewStatus::New;
    QString reviewer;
    QString notes;
    QString contentHash; // SHA-256 of the file's bytes, hex

    bool isCorrected(const QString &key) const;
    /// The latest correction of a cell, or nullptr.
    const Correction *lastCorrection(const QString &key) const;
    /// The findings left to deal with: those not dismissed (what the window, the queue and the
    /// exports count as errors and warnings).
    QList<Finding> openFindings() const;
    static ReviewedReport fromExtracted(const Report &r, const QList<Finding> &findings);
};

} // namespace nianbao
