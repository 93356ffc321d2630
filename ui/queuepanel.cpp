#include "queuepanel.h"

#include "queuefiltermodel.h"
#include "reportqueuemodel.h"
#include "session/reviewsession.h"

#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace nianbao::ui {

QueuePanel::QueuePanel(ReportQueueModel *queue, QWidget *parent)
    : QWidget(parent), m_queue(queue), m_filter(new QueueFilterModel(this))
{
    m_view = new QTreeView(this);
    m_view->setObjectName(u"reportQueue"_s);
    m_filter->setSourceModel(m_queue);
    m_view->setModel(m_filter);
    m_view->setRootIsDecorated(false);
    m_view->setItemsExpandable(false);
    m_view->setUniformRowHeights(false);
    m_view->setAllColumnsShowFocus(true);
    m_view->setIconSize(QSize(16, 16));
    m_view->setWordWrap(true);
    m_view->setTextElideMode(Qt::ElideMiddle);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    // Sorted from the header; until a column is chosen, in the order the reports were opened.
    QHeaderView *h = m_view->header();
    h->setStretchLastSection(false);
    h->setSectionResizeMode(ReportQueueModel::ReportColumn, QHeaderView::Stretch);
    h->setSectionResizeMode(ReportQueueModel::UnitColumn, QHeaderView::Interactive);
    h->setSectionResizeMode(ReportQueueModel::YearColumn, QHeaderView::ResizeToContents);
    h->resizeSection(ReportQueueModel::UnitColumn, fontMetrics().horizontalAdvance(u"某某市某某"_s) + 12);
    h->setSortIndicator(-1, Qt::AscendingOrder);
    m_view->setSortingEnabled(true);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &i) {
                if (i.isValid())
                    Q_EMIT rowChosen(m_filter->mapToSource(i).row());
            });
    // Above the queue: search by body, year or file, and the state; below it, the batch's counts.
    m_search = new QLineEdit(this);
    m_search->setObjectName(u"queueSearch"_s);
    m_search->setClearButtonEnabled(true);
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_filter->setSearch(text);
        updateCounts(); // how many are shown
    });
    m_state = new QComboBox(this);
    m_state->setObjectName(u"queueState"_s);
    connect(m_state, &QComboBox::currentIndexChanged, this, [this](int) {
        m_filter->setState(m_state->currentData().toInt());
        updateCounts();
    });
    m_counts = new QLabel(this);
    m_counts->setObjectName(u"queueCounts"_s);
    m_counts->setWordWrap(true);
    // Reports coming in by the hundred are counted once a slice of them is in; a change of one
    // report, and the end of a reading, at once.
    m_countsLater = new QTimer(this);
    m_countsLater->setSingleShot(true);
    m_countsLater->setInterval(0);
    connect(m_countsLater, &QTimer::timeout, this, &QueuePanel::updateCounts);
    connect(m_queue, &QAbstractItemModel::rowsInserted, m_countsLater, qOverload<>(&QTimer::start));
    connect(m_queue, &QAbstractItemModel::rowsRemoved, this, &QueuePanel::updateCounts);
    connect(m_queue, &QAbstractItemModel::modelReset, this, &QueuePanel::updateCounts);
    connect(m_queue, &QAbstractItemModel::dataChanged, this, &QueuePanel::updateCounts);
    connect(m_queue->session(), &ReviewSession::loadFinished, this, &QueuePanel::updateCounts);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_search);
    layout->addWidget(m_state);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_counts);
}

QHeaderView *QueuePanel::header() const
{
    return m_view->header();
}

void QueuePanel::applySort()
{
    m_view->sortByColumn(header()->sortIndicatorSection(), header()->sortIndicatorOrder());
}

void QueuePanel::showRow(int row)
{
    if (row < 0)
        return;
    const QModelIndex qi = m_filter->mapFromSource(m_queue->index(row));
    if (qi.isValid() && m_view->currentIndex() != qi)
        m_view->selectionModel()->setCurrentIndex(qi, QItemSelectionModel::ClearAndSelect |
                                                          QItemSelectionModel::Rows);
}

int QueuePanel::nextToReview(int row) const
{
    const int shown = m_filter->rowCount();
    const QModelIndex at = m_filter->mapFromSource(m_queue->index(row));
    const int from = at.isValid() ? at.row() : -1;
    for (int step = 1; step <= shown; ++step) {
        const int p = (from + step) % shown;
        const int source = m_filter->mapToSource(m_filter->index(p, 0)).row();
        if (source != row && ReportQueueModel::toReview(m_queue->state(source)))
            return source;
    }
    return -1;
}

void QueuePanel::retranslateUi()
{
    m_search->setPlaceholderText(tr("Search body, year or file"));
    const int current = m_state->currentIndex();
    const QSignalBlocker block(m_state);
    m_state->clear();
    m_state->addItem(tr("All reports"), int(QueueFilterModel::AllStates));
    m_state->addItem(tr("To review (not reviewed yet)"), int(QueueFilterModel::ToReview));
    m_state->addItem(tr("With errors"), int(ReportQueueModel::Errors));
    m_state->addItem(tr("With warnings"), int(ReportQueueModel::Warnings));
    m_state->addItem(tr("Clean"), int(ReportQueueModel::Clean));
    m_state->addItem(tr("Reviewed"), int(ReportQueueModel::Reviewed));
    m_state->addItem(tr("Sent"), int(ReportQueueModel::Sent));
    m_state->addItem(tr("Unreadable"), int(ReportQueueModel::Unreadable));
    m_state->setCurrentIndex(qMax(0, current));
    updateCounts();
}

void QueuePanel::updateCounts()
{
    m_countsLater->stop();
    // Each report is counted once, in the state the list shows: to review (of which some with
    // errors), reviewed, sent, unreadable. The four add up to the total.
    int toReview = 0, errors = 0, reviewed = 0, sent = 0, unreadable = 0;
    const int total = m_queue->rowCount();
    for (int i = 0; i < total; ++i) {
        switch (m_queue->state(i)) {
        case ReportQueueModel::Errors:
            ++errors;
            ++toReview;
            break;
        case ReportQueueModel::Warnings:
        case ReportQueueModel::Clean:
            ++toReview;
            break;
        case ReportQueueModel::Reviewed:
            ++reviewed;
            break;
        case ReportQueueModel::Sent:
            ++sent;
            break;
        case ReportQueueModel::Unreadable:
            ++unreadable;
            break;
        }
    }
    QString text = tr("%n report(s)", nullptr, total) + u": "_s + tr("%n to review", nullptr, toReview);
    if (errors > 0)
        text += u" ("_s + tr("%n with errors", nullptr, errors) + u')';
    text += u" · "_s + tr("%n reviewed", nullptr, reviewed);
    if (sent > 0)
        text += u" · "_s + tr("%n sent", nullptr, sent);
    if (unreadable > 0)
        text += u" · "_s + tr("%n unreadable", nullptr, unreadable);
    if (m_filter->rowCount() != total)
        text += u" · "_s + tr("%n shown", nullptr, m_filter->rowCount());
    m_counts->setText(text);
    m_counts->setToolTip(tr("Every report is counted once: to review (those with errors among them), "
                            "reviewed, sent or unreadable."));
}

} // namespace nianbao::ui
