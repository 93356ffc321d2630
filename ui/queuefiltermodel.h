#pragma once

#include <QSortFilterProxyModel>

namespace nianbao::ui {

/// The report queue as the reviewer narrows it (by state, and by words that must all appear in
/// the file name, the reporting body or the year) and sorts it (by file, body or year; unsorted,
/// in the order the reports were opened).
class QueueFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit QueueFilterModel(QObject *parent = nullptr);

    /// What setState() takes besides a ReportQueueModel::State.
    enum StateFilter { AllStates = -1, ToReview = -2 };
    void setSearch(const QString &text);
    /// A ReportQueueModel::State, AllStates, or ToReview (未审校: read, neither reviewed nor sent).
    void setState(int state);
    int stateFilter() const { return m_state; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QStringList m_words;
    int m_state = AllStates;
};

} // namespace nianbao::ui
