#pragma once

#include <QPointer>
#include <QWidget>

#include <functional>

class QAction;
class QLabel;
class QToolButton;
class QTreeView;

#include "rules/finding.h"

namespace nianbao {
class Review;
}

namespace nianbao::ui {

class FindingsModel;

/// The findings of the current report: a summary line, the list, and the finding chosen in
/// full. The finding chosen stays chosen when the list is checked again after an edit; when it is
/// gone (corrected), F8 goes on with the one that took its place.
///
/// The reviewer's word on the findings selected (one or many): C confirms (the report is wrong), D
/// dismisses with a reason asked in a short dialog, U clears it; one key each where the list has
/// the focus, the same as menu actions and in the list's context menu; each one undo step.
///
/// A finding's proposals (the smallest changes that make every identity hold, best first) are in
/// the detail line; A or the 采纳建议 button takes the best of the finding chosen, the context
/// menu any of them: one undo step, audited as "accept", asked first on a finished report.
class FindingsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit FindingsPanel(QWidget *parent = nullptr);

    QTreeView *view() const { return m_view; }
    void setReview(Review *review);
    /// The summary line: the counts, or why there are none (unreadable: the file is not a report).
    void showSummary(const Review *review, bool unreadable);
    void retranslateUi();
    /// Confirm, Dismiss…, Clear Disposition: for the window's menu.
    QList<QAction *> dispositionActions() const;
    /// Accept Suggestion (A): the best proposal of the finding chosen.
    QAction *acceptAction() const { return m_accept; }
    /// The findings selected in the list, in list order.
    QList<Finding> selectedFindings() const;

public Q_SLOTS:
    /// Chooses a finding: cellsChosen() with its cells, a blank one it names first.
    void selectFinding(int row);
    void nextFinding();
    void previousFinding();
    void confirmSelected();
    /// Asks the reason, then dismisses the findings selected.
    void dismissSelected();
    void clearSelected();
    /// Takes proposal n (1 = the best) of the first finding selected that has one.
    void acceptSuggestion(int proposal = 1);

Q_SIGNALS:
    void cellsChosen(const QStringList &keys);
    /// The findings were checked again.
    void findingsReset();
    /// The reviewer asks what a finding's rule checks (the list's context menu).
    void ruleHelpRequested(const QString &rule);

private:
    void keepChosen();
    void updateDetail();
    void updateActions();
    /// After a disposition: the same findings selected again.
    /// Gives the selected findings the reviewer's word (one undo step), keeping them selected.
    void judgeSelected(const std::function<bool(const QList<Finding> &, QString *)> &judge);
    void reselect(const QStringList &ids);
    void said(bool ok, const QString &error);
    /// The first finding selected with a proposal, or nullptr.
    const Finding *proposingFinding() const;

    FindingsModel *m_model;
    QPointer<Review> m_review;
    QLabel *m_summary;
    QTreeView *m_view;
    QLabel *m_detail;
    int m_last = -1;
    QString m_lastId;
    QAction *m_confirm;
    QAction *m_dismiss;
    QAction *m_clear;
    QAction *m_accept;
    QToolButton *m_acceptButton;
};

} // namespace nianbao::ui
