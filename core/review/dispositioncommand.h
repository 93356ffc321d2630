#pragma once

#include "review/review.h"

#include <QUndoCommand>

namespace nianbao {

/// Confirms, dismisses or clears the disposition of one finding or of many at once: one undo step.
/// redo() puts the new dispositions in place, undo() the ones each finding had before.
class DispositionCommand : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(DispositionCommand)
public:
    /// kind empty: the dispositions are cleared.
    DispositionCommand(Review *review, const QList<Finding> &findings, std::optional<Disposition::Kind> kind,
                       const QString &reason, const QString &reviewer, const QDateTime &time,
                       QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;

    bool isEmpty() const { return m_changes.isEmpty(); }

private:
    Review *m_review;
    QList<DispositionChange> m_changes;
    ReviewStatus m_statusBefore = ReviewStatus::New; // the review's state before and after redo()
    ReviewStatus m_statusAfter = ReviewStatus::New;
};

} // namespace nianbao
