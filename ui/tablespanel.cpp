#include "tablespanel.h"

#include "filedialog.h"
#include "formview.h"
#include "icons.h"
#include "messagebox.h"
#include "palette.h"
#include "reporttablemodel.h"
#include "review/review.h"
#include "rules/ruleengine.h"
#include "session/reviewpolicy.h"

#include <QApplication>
#include <QClipboard>
#include <QFileInfo>
#include <QLabel>
#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace nianbao::ui {

namespace {

const QStringList tableKeys = {u"t2"_s, u"t3"_s, u"t4"_s};

QString tableOf(const QString &key)
{
    return key.section(u'.', 0, 0);
}

} // namespace

TablesPanel::TablesPanel(QWidget *parent) : QWidget(parent)
{
    for (const QString &t : tableKeys)
        m_models.append(new ReportTableModel(t, this));
    m_title = new QLabel(this);
    m_title->setObjectName(u"reportTitle"_s);
    m_title->setTextFormat(Qt::RichText);
    m_title->setWordWrap(true);
    m_title->setContentsMargins(6, 4, 6, 4);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(u"tables"_s);
    m_tabs->setDocumentMode(true);
    for (int i = 0; i < tableKeys.size(); ++i) {
        auto *view = new FormView(m_tabs);
        view->setObjectName(u"table_"_s + tableKeys[i]);
        view->setFormModel(m_models[i]);
        view->setContextMenuPolicy(Qt::ActionsContextMenu);
        connect(view, &FormView::currentKeyChanged, this, [this, view](const QString &key) {
            if (!m_syncing)
                Q_EMIT cellChanged(key, view->selectedKeys());
            Q_EMIT currentChanged();
        });
        connect(view, &FormView::selectionKeysChanged, this, [this, view](const QStringList &keys) {
            if (!m_syncing)
                Q_EMIT cellChanged(view->currentKey(), keys);
        });
        connect(view, &FormView::zoomRequested, this, &TablesPanel::zoomBy);
        connect(view, &FormView::resized, this, [this, view] {
            if (m_fitWidth)
                fitToWidth(view);
        });
        connect(m_models[i], &ReportTableModel::layoutRebuilt, this, [this, view] {
            if (m_fitWidth)
                fitToWidth(view);
        });
        connect(m_models[i], &ReportTableModel::editRejected, this,
                [this](const QString &reason) { Q_EMIT message(reason, 6000); });
        m_views.append(view);
        m_tabs->addTab(view, QString());
    }
    connect(m_tabs, &QTabWidget::currentChanged, this, &TablesPanel::currentChanged);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_title);
    layout->addWidget(m_tabs, 1);
}

FormView *TablesPanel::tableView(const QString &tableKey) const
{
    const qsizetype i = tableKeys.indexOf(tableKey);
    return i >= 0 ? m_views[i] : nullptr;
}

FormView *TablesPanel::currentView() const
{
    return m_views.value(m_tabs->currentIndex());
}

QString TablesPanel::currentKey() const
{
    return currentView() ? currentView()->currentKey() : QString();
}

void TablesPanel::setReview(Review *review)
{
    m_review = review;
    for (ReportTableModel *m : std::as_const(m_models))
        m->setReview(review);
}

void TablesPanel::showFirstTableWithError()
{
    if (!m_review)
        return;
    for (int i = 0; i < tableKeys.size(); ++i) {
        bool err = false;
        for (const Finding &f : m_review->findings())
            err |= f.isError() && !f.cells.isEmpty() && tableOf(f.cells.first()) == tableKeys[i];
        if (err) {
            m_tabs->setCurrentIndex(i);
            return;
        }
    }
}

void TablesPanel::updateTabs()
{
    const QStringList names = {tr("Table 2 · Proactive"), tr("Table 3 · Applications"),
                               tr("Table 4 · Reconsideration, litigation")};
    const Review *r = m_review;
    for (int i = 0; i < tableKeys.size(); ++i) {
        int errors = 0, warnings = 0;
        if (r) {
            for (const Finding &f : r->findings())
                if (!f.cells.isEmpty() && tableOf(f.cells.first()) == tableKeys[i])
                    (f.isError() ? errors : warnings)++;
        }
        QString text = names[i];
        if (errors > 0)
            text += u" (%1)"_s.arg(errors);
        m_tabs->setTabText(i, text);
        m_tabs->setTabIcon(i, errors     ? Icons::dot(Palette::errorText())
                              : warnings ? Icons::dot(Palette::warningMark())
                              : r        ? Icons::dot(Palette::clean())
                                         : QIcon());
    }
}

void TablesPanel::showTitle(const Review *r, const QString &path)
{
    if (!r) {
        m_title->setText(path.isEmpty() ? QString()
                                        : u"<b>%1</b>"_s.arg(QFileInfo(path).fileName().toHtmlEscaped()));
        return;
    }
    const Report &rep = r->report();
    QStringList facts;
    if (!rep.year.isEmpty())
        facts.append(tr("year %1").arg(rep.year));
    facts.append(tr("template %1").arg(rep.templateName()));
    facts.append(rep.format + (rep.encoding.isEmpty() ? QString() : u" · "_s + rep.encoding));
    if (r->status() != ReviewStatus::New)
        facts.append(ReviewPolicy::statusText(r->status()));
    const QString title = rep.unit.isEmpty() ? QFileInfo(rep.source).fileName() : rep.unit;
    m_title->setText(
        u"<span style=\"font-size:larger\"><b>%1</b></span> &nbsp; <span style=\"color:%2\">%3</span>"_s.arg(
            title.toHtmlEscaped(), Palette::quietText().name(), facts.join(u" · "_s).toHtmlEscaped()));
    if (!rep.encodingNote.isEmpty())
        m_title->setToolTip(rep.encodingNote);
}

void TablesPanel::showCells(const QStringList &keys)
{
    FormView *v = keys.isEmpty() ? nullptr : tableView(tableOf(keys.first()));
    if (!v)
        return;
    m_tabs->setCurrentWidget(v);
    v->selectKeys(keys);
}

void TablesPanel::showCellOfSource(const QString &key)
{
    m_syncing = true;
    showCells({key});
    m_syncing = false;
}

void TablesPanel::setZoom(qreal zoom)
{
    m_fitWidth = false;
    m_zoom = qBound(0.5, zoom, 3.0);
    for (FormView *v : std::as_const(m_views))
        v->setZoom(m_zoom);
    Q_EMIT zoomChanged();
}

void TablesPanel::zoomBy(int steps)
{
    // From what is shown: in fit-to-width, the zoom the current table fits at.
    const qreal from = m_fitWidth && currentView() ? currentView()->zoom() : m_zoom;
    setZoom(qRound((from + 0.1 * steps) * 10) / 10.0);
}

void TablesPanel::setFitWidth(bool fit)
{
    if (!fit) {
        setZoom(m_zoom);
        return;
    }
    m_fitWidth = true;
    for (FormView *v : std::as_const(m_views))
        fitToWidth(v);
    Q_EMIT zoomChanged();
}

void TablesPanel::fitToWidth(FormView *view)
{
    if (view->viewport()->width() < 100)
        return; // not laid out yet: its first resize fits it
    // The columns' widths follow the font's, not quite in proportion (their padding stays, the
    // font's sizes come in steps): approached, then stepped down until they fit.
    for (int i = 0; i < 4; ++i) {
        const qreal z = qBound(0.5, view->zoomToFitWidth(), 2.0);
        if (view->contentWidth() <= view->widthRoom() && z - view->zoom() < 0.03)
            break;
        view->setZoom(z);
    }
    while (view->contentWidth() > view->widthRoom() && view->zoom() > 0.5)
        view->setZoom(view->zoom() - 0.02);
}

void TablesPanel::showTable(int index)
{
    m_tabs->setCurrentIndex(index);
    m_views[index]->setFocus();
}

// ---- editing ------------------------------------------------------------------------------

void TablesPanel::clearSelectedCells()
{
    FormView *v = currentView();
    QString error;
    if (m_review && v && !m_review->clearCells(v->selectedKeys(), &error))
        Q_EMIT message(error, 4000);
}

void TablesPanel::copySelectedCells()
{
    FormView *v = currentView();
    if (!m_review || !v || v->selectedKeys().isEmpty())
        return;
    QGuiApplication::clipboard()->setText(m_review->copyText(v->formModel()->layout(), v->selectedKeys()));
}

void TablesPanel::pasteCells()
{
    FormView *v = currentView();
    QString error;
    if (m_review && v && !v->currentKey().isEmpty() &&
        !m_review->paste(v->currentKey(), QGuiApplication::clipboard()->text(), &error))
        Q_EMIT message(error, 4000);
}

void TablesPanel::pasteFromSource(const QString &text)
{
    FormView *v = currentView();
    if (!m_review || !v || v->currentKey().isEmpty())
        return;
    QString error;
    if (text.trimmed().isEmpty())
        Q_EMIT message(tr("Select numbers in the source first."), 4000);
    else if (!m_review->paste(v->currentKey(), text, &error))
        Q_EMIT message(error, 4000);
}

void TablesPanel::shiftRowLeft()
{
    shiftRow(-1);
}

void TablesPanel::shiftRowRight()
{
    shiftRow(1);
}

bool TablesPanel::confirmLoss(const QString &title, const QString &what, const QList<Review::LostValue> &lost)
{
    if (lost.isEmpty())
        return true; // nothing is lost: no question
    QStringList lines;
    for (const Review::LostValue &l : lost)
        lines.append(tr("%1: %2").arg(l.name, l.value));
    const auto answer = MessageBox::question(this, title,
                                             what + u"\n\n"_s + lines.join(u'\n') + u"\n\n"_s +
                                                 tr("Undo brings them back. Go ahead?"),
                                             QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    return answer == QMessageBox::Yes;
}

void TablesPanel::shiftRow(int direction)
{
    FormView *v = currentView();
    if (!m_review || !v)
        return;
    const QString row = Review::rowIdOf(v->currentKey());
    const QList<Review::LostValue> lost = m_review->shiftRowLosses(row, direction);
    if (!confirmLoss(direction < 0 ? tr("Shift Row Left") : tr("Shift Row Right"),
                     tr("Shifting the row pushes this value out of the row:"), lost))
        return;
    QString error;
    if (!m_review->shiftRow(row, direction, &error))
        Q_EMIT message(error, 4000);
}

void TablesPanel::moveRow()
{
    Review *r = m_review;
    FormView *v = currentView();
    if (!r || !v || v->currentKey().isEmpty())
        return;
    const QString from = Review::rowIdOf(v->currentKey());
    QStringList rows = r->tableRows(tableOf(from));
    rows.removeAll(from);
    QStringList labels;
    for (const QString &row : std::as_const(rows))
        labels.append(RuleEngine::rowName(*r->report().tmpl, r->rowCells(row).value(0)));
    const int i =
        ItemDialog::getItem(this, tr("Move Row Values"), tr("Move the values of this row to:"), labels, 0);
    if (i < 0 || i >= rows.size())
        return;
    const QList<Review::LostValue> lost = r->moveRowLosses(from, rows[i]);
    if (!confirmLoss(tr("Move Row Values"),
                     tr("Moving the values to “%1” overwrites what it holds:").arg(labels[i]), lost))
        return;
    QString error;
    if (!r->moveRow(from, rows[i], &error))
        Q_EMIT message(error, 4000);
    else
        v->selectKeys(r->rowCells(rows[i]));
}

} // namespace nianbao::ui
