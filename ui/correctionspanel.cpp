#include "correctionspanel.h"

#include "correctionsmodel.h"
#include "messagebox.h"
#include "review/review.h"
#include "rules/ruleengine.h"
#include "session/reviewsession.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace nianbao::ui {

CorrectionsPanel::CorrectionsPanel(ReviewSession *session, QWidget *parent)
    : QWidget(parent), m_session(session), m_model(new CorrectionsModel(this))
{
    m_view = new QTreeView(this);
    m_view->setObjectName(u"correctionsView"_s);
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setTextElideMode(Qt::ElideMiddle);
    m_view->header()->setStretchLastSection(true);
    m_view->header()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);

    // Choosing a correction goes to its cell; nothing else happens.
    auto choose = [this](const QModelIndex &index) {
        if (index.isValid())
            Q_EMIT cellChosen(index.data(CorrectionsModel::KeyRole).toString());
    };
    connect(m_view, &QAbstractItemView::clicked, this, choose);
    connect(m_view, &QAbstractItemView::activated, this, choose);

    m_revert = new QAction(this);
    m_revert->setObjectName(u"actionRevertCorrection"_s);
    m_revert->setShortcuts({QKeySequence::Delete, QKeySequence(u"Ctrl+Backspace"_s)});
    m_revert->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_revert, &QAction::triggered, this, &CorrectionsPanel::revertCurrent);
    m_view->addAction(m_revert);

    m_revertButton = new QPushButton(this);
    m_revertButton->setObjectName(u"revertCorrection"_s);
    connect(m_revertButton, &QPushButton::clicked, this, &CorrectionsPanel::revertCurrent);

    connect(m_model, &QAbstractItemModel::modelReset, this, &CorrectionsPanel::updateButtons);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &CorrectionsPanel::updateButtons);

    auto *buttons = new QHBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->addStretch(1);
    buttons->addWidget(m_revertButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);
    updateButtons();
}

void CorrectionsPanel::setReview(Review *review)
{
    m_review = review;
    refresh();
}

void CorrectionsPanel::refresh()
{
    // The row chosen stays chosen: the trail of a report only grows.
    const int row = m_view->currentIndex().row();
    const bool same = m_model->review() == m_review.data();
    const int before = m_model->rowCount();
    m_model->setTrail(m_review, m_session->auditTrail(m_review));
    if (!same || m_model->rowCount() > before) {
        // The cell's name and the change read whole, as far as the panel allows: a column only
        // grows (a width the reviewer chose is kept).
        for (int c : {CorrectionsModel::CellColumn, CorrectionsModel::ChangeColumn}) {
            const int width = m_view->columnWidth(c);
            m_view->resizeColumnToContents(c);
            m_view->setColumnWidth(c,
                                   qMax(width, qMin(m_view->columnWidth(c), qMax(120, m_view->width() / 3))));
        }
    }
    if (same && row >= 0 && row < m_model->rowCount())
        m_view->setCurrentIndex(m_model->index(row, 0));
    else
        m_view->scrollToBottom(); // the newest
    updateButtons();
}

void CorrectionsPanel::retranslateUi()
{
    m_revert->setText(tr("&Revert This Correction…"));
    m_revert->setToolTip(
        tr("Put the cell back to its value before this correction, as a new change (Delete)"));
    m_revertButton->setText(tr("Revert"));
    m_revertButton->setToolTip(m_revert->toolTip());
    m_view->header()->resizeSection(CorrectionsModel::TimeColumn,
                                    fontMetrics().horizontalAdvance(u"00-00 00:00__"_s));
}

void CorrectionsPanel::updateButtons()
{
    const QModelIndex i = m_view->currentIndex();
    const bool can = m_review && i.isValid() && !i.data(CorrectionsModel::UndoneRole).toBool();
    m_revert->setEnabled(can);
    m_revertButton->setEnabled(can);
}

void CorrectionsPanel::revertCurrent()
{
    const int row = m_view->currentIndex().row();
    Review *r = m_review;
    if (!r || row < 0 || row >= m_model->rowCount())
        return;
    const CellHistoryEntry &e = m_model->entry(row);
    const QString name =
        r->report().tmpl ? RuleEngine::cellName(*r->report().tmpl, e.correction.key) : e.correction.key;
    if (e.undone) {
        Q_EMIT message(tr("This correction was undone: there is nothing to revert."), 5000);
        return;
    }
    if (const int later = m_model->laterChanges(row); later > 0) {
        const Cell *now = r->report().cell(e.correction.key);
        const auto answer = MessageBox::question(
            this, tr("Revert Correction"),
            tr("%1 was changed %n more time(s) after this correction; it holds %2 now. Put it back to %3, "
               "its value before this correction?",
               nullptr, later)
                .arg(name, now ? CorrectionsModel::valueText(*now) : tr("(not found)"),
                     CorrectionsModel::valueText(e.correction.before)),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
        if (answer != QMessageBox::Yes)
            return;
    }
    const Correction c = e.correction;
    QString error;
    if (!r->revertCorrection(c, &error)) {
        Q_EMIT message(error, 5000);
        return;
    }
    Q_EMIT message(tr("%1 is back to %2.").arg(name, CorrectionsModel::valueText(c.before)), 5000);
}

} // namespace nianbao::ui
