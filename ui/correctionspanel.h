#pragma once

#include <QPointer>
#include <QWidget>

class QAction;
class QPushButton;
class QTreeView;

namespace nianbao {
class Review;
class ReviewSession;
} // namespace nianbao

namespace nianbao::ui {

class CorrectionsModel;

/// The corrections of the current report, as its audit trail has them (earlier sessions and other
/// reviewers too when a store keeps the reviews). Choosing one (a click, Enter) goes to its cell
/// and changes nothing; any one can be reverted (its context menu, Delete or Ctrl+Backspace, the
/// button): the cell goes back to its value before it, as a new change, asked first when later
/// changes of the cell would be overwritten.
class CorrectionsPanel : public QWidget
{
    Q_OBJECT
public:
    CorrectionsPanel(ReviewSession *session, QWidget *parent = nullptr);

    QTreeView *view() const { return m_view; }
    CorrectionsModel *model() const { return m_model; }
    QAction *revertAction() const { return m_revert; }
    /// Shows the trail of a review (null: none), read again from the session.
    void setReview(Review *review);
    void refresh();
    void retranslateUi();

public Q_SLOTS:
    /// Reverts the correction chosen (the current row).
    void revertCurrent();

Q_SIGNALS:
    /// The reviewer chose a correction: its cell.
    void cellChosen(const QString &key);
    /// One line for the status bar.
    void message(const QString &text, int timeout);

private:
    void updateButtons();

    ReviewSession *m_session;
    QPointer<Review> m_review;
    CorrectionsModel *m_model;
    QTreeView *m_view;
    QPushButton *m_revertButton;
    QAction *m_revert;
};

} // namespace nianbao::ui
