#pragma once

#include <QSortFilterProxyModel>

namespace nianbao::ui {

/// The report queue as the reviewer narrows it: by state, and by words that must all appear in
/// the file name, the reporting body or the year.
class QueueFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit QueueFilterModel(QObject *parent = nullptr);

    void setSearch(const QString &text);
    /// A ReportQueueModel::State, or -1 for every state.
    void setState(int state);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QStringList m_words;
    int m_state = -1;
};

} // namespace nianbao::ui
