#include "statusbar.h"

#include "palette.h"
#include "review/review.h"
#include "session/reviewsession.h"

#include <QFileInfo>
#include <QLabel>
#include <QProgressBar>
#include <QToolButton>

using namespace Qt::Literals::StringLiterals;

namespace nianbao::ui {

StatusBar::StatusBar(QWidget *parent)
    : QStatusBar(parent), m_counts(new QLabel(this)), m_totals(new QLabel(this)),
      m_progress(new QProgressBar(this)), m_cancel(new QToolButton(this)), m_store(new QLabel(this))
{
    m_cancel->setObjectName(u"cancelReading"_s);
    m_cancel->setAutoRaise(true);
    m_cancel->hide();
    connect(m_cancel, &QToolButton::clicked, this, &StatusBar::cancelRequested);
    m_counts->setObjectName(u"statusCounts"_s);
    m_totals->setObjectName(u"statusTotals"_s);
    m_progress->setObjectName(u"loadProgress"_s);
    m_progress->setMaximumWidth(220);
    m_progress->setTextVisible(true);
    m_progress->hide();
    m_store->setObjectName(u"storeStatus"_s);
    m_store->hide();
    addPermanentWidget(m_store);
    addPermanentWidget(m_progress);
    addPermanentWidget(m_cancel);
    addPermanentWidget(m_totals);
    addPermanentWidget(m_counts);
}

void StatusBar::showReview(const Review *r)
{
    if (!r) {
        m_counts->clear();
        m_totals->clear();
        return;
    }
    const Report &rep = r->report();
    const int errors = r->errorCount(), warnings = r->warningCount();
    const int corrections = int(r->corrections().size());
    m_counts->setText(u"<span style=\"color:%1\">%2</span> · %3 · %4"_s.arg(
        errors ? Palette::errorText().name() : Palette::clean().name(), tr("%n error(s)", nullptr, errors),
        tr("%n warning(s)", nullptr, warnings), tr("%n correction(s)", nullptr, corrections)));
    auto total = [&](const QString &key) {
        const Cell *c = rep.cell(key);
        return !c ? u"–"_s : c->state == Cell::State::Blank ? tr("blank") : c->displayText();
    };
    m_totals->setText(tr("Received %1 · carried over %2 · processed %3 · carried forward %4")
                          .arg(total(u"t3.new_received.total"_s), total(u"t3.carried_over.total"_s),
                               total(u"t3.total_processed.total"_s), total(u"t3.carried_forward.total"_s)));
}

void StatusBar::showStore(const StoreState &store)
{
    QStringList parts;
    if (store.open) {
        const int waiting = store.waiting;
        if (!store.online && store.retrying)
            parts.append(
                tr("Server cannot be reached: %n change(s) kept on this computer, sent automatically "
                   "when the connection is back",
                   nullptr, waiting));
        else if (!store.online)
            parts.append(tr("Not connected to the server: %n change(s) kept on this computer; choose File ▸ "
                            "Review Database to connect again",
                            nullptr, waiting));
        else if (waiting > 0)
            parts.append(tr("%n change(s) waiting to be sent to the server", nullptr, waiting));
        if (store.held > 0)
            parts.append(tr("%n change(s) not sent because others changed the same cells (File ▸ Unsent "
                            "Changes)",
                            nullptr, store.held));
    }
    m_store->setText(parts.join(u" · "_s));
    m_store->setToolTip(store.offlineReason);
    m_store->setVisible(!parts.isEmpty());
}

void StatusBar::showProgress(int done, int total)
{
    m_progress->setRange(0, total);
    m_progress->setValue(done);
    m_progress->setVisible(total > 1);
}

void StatusBar::hideProgress()
{
    m_progress->hide();
    m_cancel->hide();
    clearMessage();
}

void StatusBar::showPageProgress(const QString &path, int page, int total)
{
    showMessage(tr("Recognising %1: page %2 of %3").arg(QFileInfo(path).fileName()).arg(page).arg(total));
    m_cancel->show();
}

void StatusBar::retranslateUi()
{
    m_progress->setFormat(tr("Reading %v of %m"));
    m_cancel->setText(tr("Stop"));
    m_cancel->setToolTip(tr("Stop reading: the scan being recognised is left unread"));
}

} // namespace nianbao::ui
