#include "findingspanel.h"

#include "checks/suggestions.h"
#include "dismissdialog.h"
#include "findingsmodel.h"
#include "i18n/language.h"
#include "palette.h"
#include "review/review.h"
#include "rules/catalogue.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QStyle>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace nianbao::ui {

FindingsPanel::FindingsPanel(QWidget *parent) : QWidget(parent), m_model(new FindingsModel(this))
{
    m_summary = new QLabel(this);
    m_summary->setObjectName(u"findingsSummary"_s);
    m_summary->setContentsMargins(6, 4, 6, 2);
    m_view = new QTreeView(this);
    m_view->setObjectName(u"findingsView"_s);
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->header()->setStretchLastSection(true);
    // wide enough for a severity with its disposition and for the longest rule id, in either language
    const QFontMetrics fm = m_view->fontMetrics();
    int severityWidth = 0;
    for (const QString &s :
         {u"Warning · Dismissed"_s, u"Error · Confirmed"_s, u"警告 · 已排除"_s, u"错误 · 已确认"_s})
        severityWidth = qMax(severityWidth, fm.horizontalAdvance(s));
    const int iconRoom = m_view->style()->pixelMetric(QStyle::PM_SmallIconSize) + 24;
    m_view->setColumnWidth(FindingsModel::SeverityColumn, severityWidth + iconRoom);
    int ruleWidth = 0;
    for (const RuleInfo &r : RuleCatalogue::rules())
        ruleWidth = qMax(ruleWidth, fm.horizontalAdvance(r.id));
    m_view->setColumnWidth(FindingsModel::RuleColumn, ruleWidth + 20);
    connect(m_view, &QTreeView::clicked, this, [this](const QModelIndex &i) { selectFinding(i.row()); });
    connect(m_view, &QTreeView::activated, this, [this](const QModelIndex &i) { selectFinding(i.row()); });
    connect(m_model, &QAbstractItemModel::modelReset, this, &FindingsPanel::keepChosen);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);

    // One key each where the list has the focus; the same actions in the window's menu.
    auto action = [this](const char *name, const QKeySequence &key, void (FindingsPanel::*slot)()) {
        auto *a = new QAction(this);
        a->setObjectName(QString::fromLatin1(name));
        a->setShortcut(key);
        a->setShortcutContext(Qt::WidgetShortcut);
        m_view->addAction(a);
        connect(a, &QAction::triggered, this, slot);
        return a;
    };
    m_confirm = action("actionConfirmFinding", QKeySequence(Qt::Key_C), &FindingsPanel::confirmSelected);
    m_dismiss = action("actionDismissFinding", QKeySequence(Qt::Key_D), &FindingsPanel::dismissSelected);
    m_clear = action("actionClearDisposition", QKeySequence(Qt::Key_U), &FindingsPanel::clearSelected);
    m_accept = new QAction(this);
    m_accept->setObjectName(u"actionAcceptSuggestion"_s);
    m_accept->setShortcut(QKeySequence(Qt::Key_A));
    m_accept->setShortcutContext(Qt::WidgetShortcut);
    m_view->addAction(m_accept);
    connect(m_accept, &QAction::triggered, this, [this] { acceptSuggestion(1); });
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        QMenu menu(this);
        menu.setObjectName(u"findingsContextMenu"_s);
        menu.addAction(m_accept);
        // the other proposals, when there are some: each one taken the same way
        if (const Finding *f = proposingFinding(); f && m_review) {
            for (int n = 2; n <= Suggestions::proposalCount(*f); ++n) {
                QAction *a = menu.addAction(tr("Accept Proposal %1: %2")
                                                .arg(n)
                                                .arg(Suggestions::describe(m_review->report(), *f, n)));
                a->setObjectName(u"actionAcceptProposal%1"_s.arg(n));
                connect(a, &QAction::triggered, this, [this, n] { acceptSuggestion(n); });
            }
        }
        menu.addSeparator();
        menu.addActions(dispositionActions());
        const QModelIndex at = m_view->indexAt(pos);
        if (m_review && at.isValid() && at.row() < m_review->findings().size()) {
            const QString rule = m_review->findings()[at.row()].rule;
            menu.addSeparator();
            QAction *help = menu.addAction(tr("What Rule %1 Checks").arg(rule));
            help->setObjectName(u"actionRuleHelp"_s);
            connect(help, &QAction::triggered, this, [this, rule] { Q_EMIT ruleHelpRequested(rule); });
        }
        menu.exec(m_view->viewport()->mapToGlobal(pos));
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &FindingsPanel::updateActions);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_summary);
    layout->addWidget(m_view, 1);
    m_detail = new QLabel(this);
    m_detail->setObjectName(u"findingDetail"_s);
    m_detail->setWordWrap(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detail->setContentsMargins(8, 4, 8, 6);
    m_detail->setMinimumHeight(QFontMetrics(font()).height() * 2 + 10);
    m_detail->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    // the finding chosen in full, and beside it the button that takes its best proposal
    m_acceptButton = new QToolButton(this);
    m_acceptButton->setObjectName(u"acceptSuggestionButton"_s);
    m_acceptButton->setDefaultAction(m_accept);
    m_acceptButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_acceptButton->setVisible(false);
    auto *detailRow = new QHBoxLayout;
    detailRow->setContentsMargins(0, 0, 6, 0);
    detailRow->addWidget(m_detail, 1);
    detailRow->addWidget(m_acceptButton, 0, Qt::AlignTop);
    layout->addLayout(detailRow);
    retranslateUi();
    updateActions();
}

QList<QAction *> FindingsPanel::dispositionActions() const
{
    return {m_confirm, m_dismiss, m_clear};
}

QList<Finding> FindingsPanel::selectedFindings() const
{
    QList<Finding> out;
    const Review *r = m_review;
    if (!r)
        return out;
    QList<int> rows;
    for (const QModelIndex &i : m_view->selectionModel()->selectedRows())
        rows.append(i.row());
    if (rows.isEmpty() && m_view->currentIndex().isValid())
        rows.append(m_view->currentIndex().row());
    std::sort(rows.begin(), rows.end());
    for (int row : std::as_const(rows))
        if (row >= 0 && row < r->findings().size())
            out.append(r->findings()[row]);
    return out;
}

void FindingsPanel::updateActions()
{
    const bool any = m_review && !m_review->findings().isEmpty();
    for (QAction *a : dispositionActions())
        a->setEnabled(any);
    const Finding *proposing = proposingFinding();
    m_accept->setEnabled(proposing != nullptr);
    m_acceptButton->setVisible(proposing != nullptr);
}

const Finding *FindingsPanel::proposingFinding() const
{
    const Review *r = m_review;
    if (!r)
        return nullptr;
    QList<int> rows;
    for (const QModelIndex &i : m_view->selectionModel()->selectedRows())
        rows.append(i.row());
    if (rows.isEmpty() && m_view->currentIndex().isValid())
        rows.append(m_view->currentIndex().row());
    std::sort(rows.begin(), rows.end());
    for (int row : std::as_const(rows))
        if (row >= 0 && row < r->findings().size() && Suggestions::proposalCount(r->findings()[row]) > 0)
            return &r->findings()[row];
    return nullptr;
}

void FindingsPanel::acceptSuggestion(int proposal)
{
    const Finding *f = proposingFinding();
    if (!m_review || !f)
        return;
    const Finding finding = *f; // the list is checked again by the change
    m_lastId = findingKey(finding);
    QString error;
    const bool ok = m_review->acceptSuggestion(finding, proposal, &error);
    said(ok, error);
}

void FindingsPanel::said(bool ok, const QString &error)
{
    if (!ok && !error.isEmpty())
        m_detail->setText(error.toHtmlEscaped());
}

void FindingsPanel::reselect(const QStringList &ids)
{
    const Review *r = m_review;
    if (!r)
        return;
    QItemSelection selection;
    for (int i = 0; i < r->findings().size(); ++i)
        if (ids.contains(findingKey(r->findings()[i])))
            selection.select(m_model->index(i, 0), m_model->index(i, FindingsModel::ColumnCount - 1));
    if (!selection.isEmpty())
        m_view->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
}

void FindingsPanel::confirmSelected()
{
    judgeSelected([this](const QList<Finding> &fs, QString *error) { return m_review->confirm(fs, error); });
}

void FindingsPanel::dismissSelected()
{
    if (!m_review || selectedFindings().isEmpty())
        return;
    DismissDialog dialog(int(selectedFindings().size()), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString reason = dialog.reason();
    judgeSelected([this, reason](const QList<Finding> &fs, QString *error) {
        return m_review->dismiss(fs, reason, error);
    });
}

void FindingsPanel::clearSelected()
{
    judgeSelected(
        [this](const QList<Finding> &fs, QString *error) { return m_review->clearDisposition(fs, error); });
}

void FindingsPanel::judgeSelected(const std::function<bool(const QList<Finding> &, QString *)> &judge)
{
    const QList<Finding> fs = selectedFindings();
    if (!m_review || fs.isEmpty())
        return;
    QStringList keys;
    for (const Finding &f : fs)
        keys.append(findingKey(f));
    QString error;
    const bool ok = judge(fs, &error);
    reselect(keys); // the same findings stay chosen, wherever the re-check put them
    said(ok, error);
}

void FindingsPanel::setReview(Review *review)
{
    m_review = review;
    m_last = -1;
    m_lastId.clear();
    m_model->setReview(review);
    updateActions();
}

void FindingsPanel::keepChosen()
{
    // Keep the finding the reviewer was on when the list is recomputed after an edit.
    int row = -1;
    const Review *rv = m_review;
    for (int i = 0; rv && i < rv->findings().size(); ++i)
        if (findingKey(rv->findings()[i]) == m_lastId)
            row = i;
    if (row >= 0) {
        m_last = row;
        m_view->selectionModel()->setCurrentIndex(
            m_model->index(row, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    } else if (rv && !m_lastId.isEmpty() && m_last >= 0) {
        // The finding is gone (corrected): F8 goes on with the one that took its place.
        m_last = qMin(m_last, int(rv->findings().size())) - 1;
        m_lastId.clear();
    }
    if (row < 0)
        m_detail->clear();
    else
        updateDetail();
    updateActions();
    Q_EMIT findingsReset();
}

void FindingsPanel::showSummary(const Review *r, bool unreadable)
{
    if (!r) {
        m_summary->setText(unreadable ? tr("This file could not be read as a report.")
                                      : tr("Drop report files or folders here, or open them "
                                           "with File ▸ Open (Ctrl+O)."));
        return;
    }
    const int errors = r->errorCount(), warnings = r->warningCount();
    const int dismissed = int(r->findings().size() - r->openFindings().size());
    QString summary;
    if (errors == 0 && warnings == 0 && dismissed == 0)
        summary = tr("No findings: the tables add up.");
    else
        summary = tr("%n error(s)", nullptr, errors) + u", "_s + tr("%n warning(s)", nullptr, warnings);
    if (dismissed > 0)
        summary += u", "_s + tr("%n dismissed", nullptr, dismissed);
    m_summary->setText(u"<b>%1</b> &nbsp; <span style=\"color:%2\">%3</span>"_s.arg(
        summary.toHtmlEscaped(), Palette::quietText().name(),
        tr("F8 next, Shift+F8 previous; click a finding to select its cells").toHtmlEscaped()));
}

void FindingsPanel::retranslateUi()
{
    m_confirm->setText(tr("&Confirm Finding"));
    m_confirm->setToolTip(tr("The report itself is wrong: the finding goes into the letter to the body (C)"));
    m_dismiss->setText(tr("&Dismiss Finding…"));
    m_dismiss->setToolTip(tr("The finding is explained: give the reason (D)"));
    m_clear->setText(tr("Clear Finding &Disposition"));
    m_clear->setToolTip(tr("Neither confirmed nor dismissed (U)"));
    m_accept->setText(tr("&Accept Suggestion"));
    m_accept->setToolTip(
        tr("Make the change proposed first for the finding chosen: one step, undone with Ctrl+Z (A)"));
    updateDetail();
}

void FindingsPanel::selectFinding(int row)
{
    const Review *r = m_review;
    if (!r || row < 0 || row >= r->findings().size())
        return;
    const Finding &f = r->findings()[row];
    m_last = row;
    m_lastId = findingKey(f);
    const QModelIndex fi = m_model->index(row, 0);
    if (m_view->currentIndex().row() != row)
        m_view->selectionModel()->setCurrentIndex(fi, QItemSelectionModel::ClearAndSelect |
                                                          QItemSelectionModel::Rows);
    m_view->scrollTo(fi);
    updateDetail(); // a finding about the document, without cells, is explained here too
    if (f.cells.isEmpty())
        return;
    // The cell to correct first: a blank one the finding names, else the first cell.
    QStringList keys = f.cells;
    if (!f.blankCells.isEmpty()) {
        keys.removeAll(f.blankCells.first());
        keys.prepend(f.blankCells.first());
    }
    Q_EMIT cellsChosen(keys);
}

void FindingsPanel::updateDetail()
{
    const Review *r = m_review;
    if (!r || m_last < 0 || m_last >= r->findings().size() || m_lastId.isEmpty())
        return;
    const Finding &f = r->findings()[m_last];
    QString word;
    if (const Disposition *d = r->disposition(f)) {
        const QString when = d->time.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s);
        word = u"<br><i>"_s +
               (d->kind == Disposition::Kind::Dismissed
                    ? tr("Dismissed by %1 at %2: %3").arg(d->reviewer, when, d->reason)
                    : tr("Confirmed by %1 at %2: the report itself is wrong").arg(d->reviewer, when))
                   .toHtmlEscaped() +
               u"</i>"_s;
    }
    QString proposals;
    for (int n = 1; n <= Suggestions::proposalCount(f); ++n)
        proposals += u"<br>"_s + (n == 1 ? tr("Proposed (A accepts): %1") : tr("Or: %1"))
                                     .arg(Suggestions::describe(r->report(), f, n))
                                     .toHtmlEscaped();
    if (f.isError() && f.hasSides && Suggestions::proposalCount(f) == 0 && !f.noSuggestion.isEmpty())
        proposals = u"<br>"_s + Language::pick(f.noSuggestion, f.noSuggestionEn).toHtmlEscaped();
    m_detail->setText(u"<span style=\"color:%1\"><b>%2</b></span> %3%4%5"_s.arg(
        (f.isError() ? Palette::errorText() : Palette::warningText()).name(), f.rule.toHtmlEscaped(),
        FindingsModel::findingText(r->report(), f).toHtmlEscaped(), proposals, word));
}

void FindingsPanel::nextFinding()
{
    const Review *r = m_review;
    if (!r || r->findings().isEmpty())
        return;
    const int n = int(r->findings().size());
    selectFinding((m_last + 1 + n) % n);
}

void FindingsPanel::previousFinding()
{
    const Review *r = m_review;
    if (!r || r->findings().isEmpty())
        return;
    const int n = int(r->findings().size());
    selectFinding(m_last < 0 ? n - 1 : (m_last - 1 + n) % n);
}

} // namespace nianbao::ui
