#pragma once

#include <QListWidget>

namespace nianbao {
class Review;
class ReviewSession;
} // namespace nianbao

namespace nianbao::ui {

/// Every change of one cell, oldest first: from the store's audit trail when reviews are kept
/// (earlier sessions and other reviewers too, undone ones struck through), else this session's.
class CellHistoryView : public QListWidget
{
    Q_OBJECT
public:
    explicit CellHistoryView(QWidget *parent = nullptr);
    /// Shows the history of a cell; returns the cell's name for a title (empty when none).
    QString showCell(const Review *review, const QString &key, const ReviewSession *session);
};

} // namespace nianbao::ui
