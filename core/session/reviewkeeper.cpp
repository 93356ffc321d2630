#include "reviewkeeper.h"

#include "review/review.h"
#include "rules/ruleengine.h"

#include <QFileInfo>

using namespace Qt::Literals::StringLiterals;

namespace nianbao {

ReviewKeeper::ReviewKeeper(QObject *parent) : QObject(parent), m_link(&m_store)
{
    connect(&m_store, &ReviewStore::changesAvailable, this, &ReviewKeeper::onChanges);
    connect(&m_link, &StoreLink::reconnected, this, &ReviewKeeper::onReconnected);
    connect(&m_link, &StoreLink::stateChanged, this, [this] {
        const int waiting = m_link.waiting();
        if (m_link.isOnline() && waiting < m_waitingBefore)
            Q_EMIT changesSent(m_waitingBefore - waiting);
        m_waitingBefore = waiting;
        Q_EMIT connectionChanged();
    });
    connect(&m_link, &StoreLink::entryHeld, this, [this](const OutboxEntry &e) {
        const QString what =
            e.touchesCell() ? cellName(e.contentHash, e.key)
            : e.kind == OutboxEntry::Kind::Disposition || e.kind == OutboxEntry::Kind::DispositionRemove
                ? tr("A finding's disposition")
                : tr("The review's state");
        m_heldNews.append(tr("%1: your change made while the server could not be reached was not sent. %2")
                              .arg(what, e.reason));
        if (m_heldNews.size() == 1)
            QMetaObject::invokeMethod(
                this,
                [this] {
                    const QStringList news = std::exchange(m_heldNews, {});
                    report(news.join(u'\n') + u'\n' +
                           tr("Your changes are kept: File ▸ Unsent Changes sends them over the others' "
                              "values or gives them up."));
                },
                Qt::QueuedConnection);
    });
}

ReviewKeeper::~ReviewKeeper() = default;

bool ReviewKeeper::open(const QString &urlOrPath, QString *error)
{
    if (!m_link.open(urlOrPath, error))
        return false;
    m_waitingBefore = m_link.waiting();
    m_wasOnline = m_link.isOnline();
    if (m_link.isOnline()) {
        m_revision = m_store.latestRevision();
        m_store.watchChanges(true);
    }
    return true;
}

bool ReviewKeeper::openOffline(const QString &url, const QString &reason, QString *error)
{
    if (!m_link.openOffline(url, reason, error))
        return false;
    m_waitingBefore = m_link.waiting();
    return true;
}

void ReviewKeeper::setReviewer(const QString &name)
{
    if (name.trimmed().isEmpty())
        return; // every change names who made it
    m_reviewer = name.trimmed();
    for (const QPointer<Review> &r : std::as_const(m_byHash))
        if (r)
            r->setReviewer(m_reviewer);
}

void ReviewKeeper::report(const QString &error)
{
    if (!error.isEmpty())
        Q_EMIT problem(error);
}

QString ReviewKeeper::cellName(const QString &hash, const QString &key) const
{
    const Report *r = nullptr;
    if (const Review *rv = m_byHash.value(hash))
        r = &rv->report();
    return r && r->tmpl ? RuleEngine::cellName(*r->tmpl, key) : key;
}

QString ReviewKeeper::conflictText(const Conflict &c) const
{
    return tr("%1 was changed by %2 to “%3” at %4; your change was not saved. The report has been "
              "reloaded.")
        .arg(cellName(c.contentHash, c.key),
             c.theirs.reviewer.isEmpty() ? tr("another reviewer") : c.theirs.reviewer,
             c.theirs.cell.displayText(), c.theirs.time.toLocalTime().toString(u"HH:mm"_s));
}

QStringList ReviewKeeper::heldDescriptions() const
{
    QStringList out;
    for (const OutboxEntry &e : m_link.heldEntries()) {
        if (e.touchesCell())
            out.append(tr("%1: yours “%2” (%3). %4")
                           .arg(cellName(e.contentHash, e.key),
                                e.kind == OutboxEntry::Kind::Undo ? e.correction.before.displayText()
                                                                  : e.correction.after.displayText(),
                                e.created.toLocalTime().toString(u"MM-dd HH:mm"_s), e.reason));
        else
            out.append(tr("The review's state (%1). %2")
                           .arg(e.created.toLocalTime().toString(u"MM-dd HH:mm"_s), e.reason));
    }
    return out;
}

bool ReviewKeeper::resolveHeld(bool sendMine, QString *error)
{
    if (!m_link.resolveHeld(sendMine, error))
        return false;
    if (m_link.isOnline())
        for (const QPointer<Review> &r : std::as_const(m_byHash))
            if (r)
                reload(r);
    return true;
}

void ReviewKeeper::reload(Review *review)
{
    ReviewedReport fresh = review->reviewed();
    QString error;
    if (!m_link.restore(&fresh, &error)) {
        report(error);
        return;
    }
    m_restoring = true;
    review->restore(fresh);
    m_restoring = false;
}

void ReviewKeeper::rememberState(Review *review)
{
    m_link.remember(review->reviewed());
}

void ReviewKeeper::attach(Review *review, const QString &path, const QString &knownHash)
{
    if (!review || (!m_link.isOnline() && !m_link.usesOutbox()))
        return;
    QString error;
    const QString hash = !knownHash.isEmpty() ? knownHash : ReviewStore::fileHash(path, &error);
    if (hash.isEmpty()) {
        report(error);
        return;
    }
    ReviewedReport rr = review->reviewed();
    rr.contentHash = hash;
    bool known = false;
    if (!m_link.restore(&rr, &error, &known)) {
        report(error);
        return;
    }
    m_restoring = true;
    review->restore(rr); // with the hash, and what was saved when the report is known
    m_restoring = false;
    if (!m_reviewer.isEmpty())
        review->setReviewer(m_reviewer); // who corrects from now on
    if (m_link.registerReport(review->reviewed(), path, &error) == StoreLink::Result::Failed ||
        !enqueue(path, &error))
        report(error);
    m_byHash.insert(hash, review);

    connect(review, &Review::correctionAdded, this, [this, review, hash](const Correction &c) {
        QString err;
        Conflict conflict;
        switch (m_link.addCorrection(hash, c, &err, &conflict)) {
        case StoreLink::Result::Saved:
            rememberState(review);
            break;
        case StoreLink::Result::Queued:
            break;
        case StoreLink::Result::Conflict:
            report(conflictText(conflict));
            reload(review);
            break;
        case StoreLink::Result::Failed:
            report(err);
            break;
        }
    });
    connect(review, &Review::correctionRemoved, this, [this, review, hash](const Correction &c) {
        QString err;
        Conflict conflict;
        switch (m_link.undoCorrection(hash, c, review->reviewer(), &err, &conflict)) {
        case StoreLink::Result::Saved:
            rememberState(review);
            break;
        case StoreLink::Result::Queued:
            break;
        case StoreLink::Result::Conflict:
            report(conflictText(conflict));
            break;
        case StoreLink::Result::Failed:
            report(err);
            break;
        }
    });
    // a finding's disposition, saved the moment it is made (or kept in the outbox)
    auto dispositionWritten = [this, review](StoreLink::Result r, const QString &err) {
        if (r == StoreLink::Result::Saved)
            rememberState(review);
        else if (r == StoreLink::Result::Failed)
            report(err);
    };
    connect(review, &Review::dispositionSet, this, [this, hash, dispositionWritten](const Disposition &d) {
        QString err;
        dispositionWritten(m_link.setDisposition(hash, d, &err), err);
    });
    connect(review, &Review::dispositionRemoved, this,
            [this, review, hash, dispositionWritten](const Disposition &d) {
                QString err;
                dispositionWritten(m_link.removeDisposition(hash, d, review->reviewer(), &err), err);
            });
    // the queue's counts leave out what was dismissed
    connect(review, &Review::dispositionsChanged, this, [this, review, path] {
        if (m_restoring)
            return;
        QString err;
        if (m_link.registerReport(review->reviewed(), path, &err) == StoreLink::Result::Failed)
            report(err);
    });
    connect(review, &Review::statusChanged, this, [this, review, hash](ReviewStatus s) {
        if (m_restoring)
            return; // what was saved coming back, not a change
        QString err;
        const StoreLink::Result r = m_link.setStatus(hash, s, review->reviewer(), &err);
        if (r == StoreLink::Result::Saved)
            rememberState(review);
        else if (r == StoreLink::Result::Failed)
            report(err);
    });
}

void ReviewKeeper::remember(const QString &path)
{
    QString error;
    if ((m_link.isOnline() || m_link.usesOutbox()) && !enqueue(path, &error))
        report(error);
}

bool ReviewKeeper::enqueue(const QString &path, QString *error)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (m_queued.contains(absolute))
        return true;
    if (m_link.addToQueue(path, QFileInfo(path).absolutePath(), error) == StoreLink::Result::Failed)
        return false;
    m_queued.insert(absolute);
    return true;
}

void ReviewKeeper::forget(Review *review, const QString &path)
{
    if (review)
        m_byHash.remove(review->reviewed().contentHash);
    if (!m_link.isOnline() && !m_link.usesOutbox())
        return;
    QString error;
    m_queued.remove(QFileInfo(path).absoluteFilePath());
    if (m_link.removeFromQueue(path, &error) == StoreLink::Result::Failed)
        report(error);
}

QStringList ReviewKeeper::queuedPaths()
{
    if (!m_link.isOnline() && !m_link.usesOutbox())
        return {};
    QString error;
    const QStringList out = m_link.queuedPaths(&error);
    report(error);
    if (error.isEmpty())
        m_queued = QSet<QString>(out.begin(), out.end());
    return out;
}

void ReviewKeeper::onReconnected()
{
    m_store.watchChanges(true);
    if (m_wasOnline) {
        // What others changed while the server was away comes into the reports they touched;
        // the others keep their undo steps.
        onChanges();
        return;
    }
    // Opened offline: the reports came from what this computer last knew; read them all now.
    m_wasOnline = true;
    m_revision = m_store.latestRevision();
    for (const QPointer<Review> &r : std::as_const(m_byHash))
        if (r)
            reload(r);
}

void ReviewKeeper::onChanges()
{
    if (!m_link.isOnline())
        return;
    QString error;
    const QList<StoreChange> changes = m_store.changesSince(m_revision, &error);
    QHash<QString, QString> touched; // hash → reviewer
    for (const StoreChange &c : changes) {
        m_revision = qMax(m_revision, c.revision);
        if (c.own ||
            (c.kind != u"cell" && c.kind != u"undo" && c.kind != u"status" && c.kind != u"disposition"))
            continue;
        if (m_byHash.value(c.contentHash))
            touched.insert(c.contentHash, c.reviewer);
    }
    for (auto it = touched.constBegin(); it != touched.constEnd(); ++it) {
        Review *review = m_byHash.value(it.key());
        reload(review);
        Q_EMIT reloaded(review, it.value());
    }
}

} // namespace nianbao
