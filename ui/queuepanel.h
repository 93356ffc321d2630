#pragma once

#include <QWidget>

class QComboBox;
class QHeaderView;
class QLabel;
class QLineEdit;
class QTimer;
class QTreeView;

namespace nianbao::ui {

class QueueFilterModel;
class ReportQueueModel;

/// The queue of open reports: searched by body, year or file and filtered by state (未审校
/// among them) above the list, sorted by report, body or year from its header, the batch's
/// counts below it.
class QueuePanel : public QWidget
{
    Q_OBJECT
public:
    explicit QueuePanel(ReportQueueModel *queue, QWidget *parent = nullptr);

    QTreeView *view() const { return m_view; }
    /// The list's columns and the sort chosen from it (kept by Settings).
    QHeaderView *header() const;
    /// Sorts as the header says (after its state was restored); no column: the order opened.
    void applySort();
    /// Shows a report of the queue as the current one.
    void showRow(int row);
    /// The report to review after the one in a row, as the list shows them (its filter, its
    /// sort): the next one still to be reviewed below it, else the first above it; −1 when no
    /// other report in the list is left to review.
    int nextToReview(int row) const;
    void retranslateUi();

Q_SIGNALS:
    /// The reviewer chose a report (its row in the queue).
    void rowChosen(int row);

private:
    void updateCounts();

    ReportQueueModel *m_queue;
    QueueFilterModel *m_filter;
    QLineEdit *m_search;
    QComboBox *m_state;
    QTreeView *m_view;
    QLabel *m_counts;
    QTimer *m_countsLater;
};

} // namespace nianbao::ui
