#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListView;

namespace nianbao::ui {

class QueueFilterModel;
class ReportQueueModel;

/// The queue of open reports: searched by body, year or file and filtered by state above the
/// list, the batch's counts below it.
class QueuePanel : public QWidget
{
    Q_OBJECT
public:
    explicit QueuePanel(ReportQueueModel *queue, QWidget *parent = nullptr);

    QListView *view() const { return m_view; }
    /// Shows a report of the queue as the current one.
    void showRow(int row);
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
    QListView *m_view;
    QLabel *m_counts;
};

} // namespace nianbao::ui
