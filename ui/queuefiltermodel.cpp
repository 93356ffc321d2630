#include "queuefiltermodel.h"

#include "reportqueuemodel.h"

namespace nianbao::ui {

QueueFilterModel::QueueFilterModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
    setSortRole(ReportQueueModel::SortRole);
    setSortLocaleAware(true); // bodies in the collation of the language (拼音 for Chinese)
}

void QueueFilterModel::setSearch(const QString &text)
{
    m_words = text.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    invalidateRowsFilter();
}

void QueueFilterModel::setState(int state)
{
    m_state = state;
    invalidateRowsFilter();
}

bool QueueFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex i = sourceModel()->index(sourceRow, 0, sourceParent);
    const auto state = ReportQueueModel::State(i.data(ReportQueueModel::StateRole).toInt());
    if (m_state == ToReview ? !ReportQueueModel::toReview(state) : m_state >= 0 && state != m_state)
        return false;
    const QString haystack = i.data(ReportQueueModel::SearchRole).toString();
    for (const QString &w : m_words)
        if (!haystack.contains(w, Qt::CaseInsensitive))
            return false;
    return true;
}

} // namespace nianbao::ui
