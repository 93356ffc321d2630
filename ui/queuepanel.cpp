#include "queuepanel.h"

#include "queuefiltermodel.h"
#include "reportqueuemodel.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace nianbao::ui {

QueuePanel::QueuePanel(ReportQueueModel *queue, QWidget *parent)
    : QWidget(parent), m_queue(queue), m_filter(new QueueFilterModel(this))
{
    m_view = new QListView(this);
    m_view->setObjectName(u"reportQueue"_s);
    m_filter->setSourceModel(m_queue);
    m_view->setModel(m_filter);
    m_view->setUniformItemSizes(false);
    m_view->setSpacing(2);
    m_view->setIconSize(QSize(16, 16));
    m_view->setWordWrap(true);
    m_view->setTextElideMode(Qt::ElideMiddle);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &i) {
                if (i.isValid())
                    Q_EMIT rowChosen(m_filter->mapToSource(i).row());
            });
    // Above the queue: search by body, year or file, and the state; below it, the batch's counts.
    m_search = new QLineEdit(this);
    m_search->setObjectName(u"queueSearch"_s);
    m_search->setClearButtonEnabled(true);
    connect(m_search, &QLineEdit::textChanged, m_filter, &QueueFilterModel::setSearch);
    m_state = new QComboBox(this);
    m_state->setObjectName(u"queueState"_s);
    connect(m_state, &QComboBox::currentIndexChanged, this,
            [this](int) { m_filter->setState(m_state->currentData().toInt()); });
    m_counts = new QLabel(this);
    m_counts->setObjectName(u"queueCounts"_s);
    m_counts->setWordWrap(true);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_queue, signal, this, &QueuePanel::updateCounts);
    connect(m_queue, &QAbstractItemModel::dataChanged, this, &QueuePanel::updateCounts);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_search);
    layout->addWidget(m_state);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_counts);
}

void QueuePanel::showRow(int row)
{
    if (row < 0)
        return;
    const QModelIndex qi = m_filter->mapFromSource(m_queue->index(row));
    if (qi.isValid() && m_view->currentIndex() != qi)
        m_view->selectionModel()->setCurrentIndex(qi, QItemSelectionModel::ClearAndSelect);
}

void QueuePanel::retranslateUi()
{
    m_search->setPlaceholderText(tr("Search body, year or file"));
    const int current = m_state->currentIndex();
    const QSignalBlocker block(m_state);
    m_state->clear();
    m_state->addItem(tr("All reports"), -1);
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
    int errors = 0, reviewed = 0, sent = 0, unreadable = 0;
    const int total = m_queue->rowCount();
    for (int i = 0; i < total; ++i) {
        switch (m_queue->state(i)) {
        case ReportQueueModel::Errors:
            ++errors;
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
        default:
            break;
        }
    }
    QString text = tr("%n report(s)", nullptr, total) + u" · "_s + tr("%n with errors", nullptr, errors) +
                   u" · "_s + tr("%n reviewed", nullptr, reviewed);
    if (sent > 0)
        text += u" · "_s + tr("%n sent", nullptr, sent);
    if (unreadable > 0)
        text += u" · "_s + tr("%n unreadable", nullptr, unreadable);
    if (m_filter->rowCount() != total)
        text += u" · "_s + tr("%n shown", nullptr, m_filter->rowCount());
    m_counts->setText(text);
}

} // namespace nianbao::ui
