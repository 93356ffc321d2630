#pragma once

#include "review/review.h"

#include <QUndoCommand>

namespace nianbao {

/// The common part of the edit commands: a list of cell changes applied to a Review. redo()
/// applies them and records one Correction per cell; undo() restores the values and removes
/// the corrections it recorded.
class CellEditCommand : public QUndoCommand
{
public:
    CellEditCommand(Review *review, QString action, QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;

    bool isEmpty() const { return m_changes.isEmpty(); }
    const QList<CellChange> &changes() const { return m_changes; }
    QString action() const { return m_action; }

protected:
    /// Adds a change of key to value unless the cell already holds it; keepSpan keeps the
    /// cell's own source span (typed values), otherwise the value brings its span along.
    void addChange(const QString &key, Cell value, bool keepSpan);

    Review *m_review;
    QString m_action;
    QList<CellChange> m_changes;
    int m_recorded = 0;
};

} // namespace nianbao
