// ReviewStore: the change feed, the log of every write that lets other reviewers' windows follow.
#include "reviewstore.h"

#include "store/storecodec.h"

#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;

namespace nianbao {

namespace {

const QString kChannel = u"nianbao_changes"_s;

} // namespace

qint64 ReviewStore::logChange(qint64 reportId, const QString &kind, const QString &key,
                              const QString &reviewer, QString *error)
{
    QSqlQuery q(db());
    if (m_backend == Backend::PostgreSQL) {
        // Revisions must become visible in their order, or a reader polling "after N" could
        // miss one committed late: hold the log until this transaction ends.
        q.prepare(u"SELECT pg_advisory_xact_lock(780132)"_s);
        if (!exec(q, error, QT_TR_NOOP("log a change")))
            return -1;
    }
    q.prepare(u"INSERT INTO changes (report_id, kind, cell_key, reviewer, client, changed_at) "
              u"VALUES (?, ?, ?, ?, ?, ?) RETURNING revision"_s);
    q.addBindValue(reportId > 0 ? QVariant(reportId) : QVariant());
    q.addBindValue(kind);
    q.addBindValue(key);
    q.addBindValue(reviewer);
    q.addBindValue(m_clientId);
    q.addBindValue(StoreCodec::nowText());
    if (!exec(q, error, QT_TR_NOOP("log a change")) || !q.next())
        return -1;
    const qint64 revision = q.value(0).toLongLong();
    q.finish();
    if (m_backend == Backend::PostgreSQL) {
        // delivered when the transaction commits
        QSqlQuery n(db());
        n.prepare(u"SELECT pg_notify(?, ?)"_s);
        n.addBindValue(kChannel);
        n.addBindValue(QString::number(revision));
        if (!exec(n, error, QT_TR_NOOP("announce a change")))
            return -1;
    }
    return revision;
}

QList<StoreChange> ReviewStore::changesSince(qint64 revision, QString *error)
{
    QList<StoreChange> out;
    QSqlQuery q(db());
    q.prepare(u"SELECT ch.revision, r.content_hash, ch.kind, ch.cell_key, ch.reviewer, "
              u"ch.changed_at, ch.client FROM changes ch LEFT JOIN reports r ON r.id = "
              u"ch.report_id WHERE ch.revision > ? ORDER BY ch.revision"_s);
    q.addBindValue(revision);
    if (!exec(q, error, QT_TR_NOOP("read the changes")))
        return out;
    while (q.next()) {
        StoreChange c;
        c.revision = q.value(0).toLongLong();
        c.contentHash = q.value(1).toString();
        c.kind = q.value(2).toString();
        c.key = q.value(3).toString();
        c.reviewer = q.value(4).toString();
        c.time = StoreCodec::timeFromText(q.value(5).toString());
        c.own = q.value(6).toString() == m_clientId;
        out.append(c);
    }
    return out;
}

qint64 ReviewStore::latestRevision(QString *error)
{
    QSqlQuery q(db());
    q.prepare(u"SELECT COALESCE(MAX(revision), 0) FROM changes"_s);
    if (!exec(q, error, QT_TR_NOOP("read the changes")) || !q.next())
        return 0;
    return q.value(0).toLongLong();
}

void ReviewStore::watchChanges(bool on, int pollMs)
{
    if (m_backend == Backend::PostgreSQL) {
        QSqlDriver *driver = db().driver();
        if (!driver)
            return;
        if (on && !driver->subscribedToNotifications().contains(kChannel)) {
            driver->subscribeToNotification(kChannel);
            connect(driver, &QSqlDriver::notification, this,
                    [this](const QString &name) { onNotification(name); });
        } else if (!on) {
            driver->unsubscribeFromNotification(kChannel);
            driver->disconnect(this);
        }
        return;
    }
    if (!on) {
        delete m_pollTimer;
        m_pollTimer = nullptr;
        return;
    }
    if (!m_pollTimer) {
        m_pollTimer = new QTimer(this);
        connect(m_pollTimer, &QTimer::timeout, this, &ReviewStore::poll);
    }
    m_polledRevision = latestRevision();
    m_pollTimer->start(pollMs);
}

void ReviewStore::onNotification(const QString &name)
{
    if (name == kChannel)
        Q_EMIT changesAvailable();
}

void ReviewStore::poll()
{
    const qint64 latest = latestRevision();
    if (latest > m_polledRevision) {
        m_polledRevision = latest;
        Q_EMIT changesAvailable();
    }
}

} // namespace nianbao
