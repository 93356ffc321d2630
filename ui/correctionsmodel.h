#pragma once

#include "session/reviewsession.h"

#include <QAbstractTableModel>
#include <QPointer>

namespace nianbao {
class Review;
}

namespace nianbao::ui {

/// The corrections of one report as its audit trail has them, oldest first, one row per change of
/// a cell: when (local time), which cell, the value before and after, who, the note; undone
/// changes marked. In the language in use (it follows nianbao::Language).
class CorrectionsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TimeColumn, CellColumn, ChangeColumn, ReviewerColumn, NoteColumn, ColumnCount };
    enum Role { KeyRole = Qt::UserRole + 1, UndoneRole };

    explicit CorrectionsModel(QObject *parent = nullptr);
    /// Shows the trail of a review (ReviewSession::auditTrail); null clears.
    void setTrail(const Review *review, const QList<CellHistoryEntry> &trail);
    const Review *review() const { return m_review; }
    const CellHistoryEntry &entry(int row) const { return m_trail.at(row); }
    /// The changes of the same cell after a row that are in effect (a revert would overwrite them).
    int laterChanges(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// A value as the trail shows it: the number or text, or “(blank)”.
    static QString valueText(const Cell &c);
    /// The kind of change in words: edit, clear, shift, move, paste, revert.
    static QString actionText(const QString &action);
    /// “Undone by X at T” (local time).
    static QString undoneText(const CellHistoryEntry &e);

private:
    QString cellName(const QString &key) const;

    QPointer<const Review> m_review;
    QList<CellHistoryEntry> m_trail;
};

} // namespace nianbao::ui
