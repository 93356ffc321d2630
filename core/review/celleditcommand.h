#pragma once

#include "review/review.h"

#include <QUndoCommand>

namespace nianbao {

/// The common part of the edit commands: a list of cell changes applied to a Review. redo()
/// applies them and records one Correction per cell, with the note pending when the command was
/// made (a redo writes the same note again); undo() restores the values, removes the corrections
/// it recorded and gives the review the state it had before (ReviewPolicy::afterUndo).
class CellEditCommand : public QUndoCommand
{
public:
    CellEditCommand(Review *review, QString action, QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;

    bool isEmpty() const { return m_changes.isEmpty(); }
    const QList<CellChange> &changes() const { return m_changes; }
    QString action() const { return m_action; }
    QString note() const { return m_note; }

    /// The same value, as the reviewer sees it (the place in the source aside).
    static bool sameValue(const Cell &a, const Cell &b);

protected:
    /// Adds a change of key to value unless the cell already holds that value; keepSpan keeps the
    /// cell's own source span (typed values), otherwise the value brings its span along.
    void addChange(const QString &key, Cell value, bool keepSpan);

    Review *m_review;
    QString m_action;
    QString m_note;
    QList<CellChange> m_changes;
    int m_recorded = 0;
    bool m_done = false; // redone once: the review's pending note was taken
    ReviewStatus m_statusBefore = ReviewStatus::New;
    ReviewStatus m_statusAfter = ReviewStatus::New;
};

} // namespace nianbao
