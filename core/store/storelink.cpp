// StoreLink: the way to the database, online or offline, and the server tried again while away.
#include "storelink.h"

#include "store/databaseurl.h"

#include <QThread>

using namespace Qt::Literals::StringLiterals;

namespace nianbao {

StoreLink::StoreLink(ReviewStore *store, QObject *parent) : QObject(parent), m_store(store)
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &StoreLink::probe);
}

StoreLink::~StoreLink()
{
    m_retryTimer.stop();
    if (m_probe) {
        m_probe->disconnect(this);
        m_probe->wait();
        delete m_probe;
    }
}

void StoreLink::setRetryDelays(int firstMs, int maxMs)
{
    m_firstDelayMs = qMax(1, firstMs);
    m_maxDelayMs = qMax(m_firstDelayMs, maxMs);
    m_delayMs = m_firstDelayMs;
}

bool StoreLink::open(const QString &url, QString *error)
{
    m_retryTimer.stop();
    m_url = url;
    m_online = false;
    m_retrying = false;
    m_reason.clear();
    m_versions.clear();
    m_lastFailure = ReviewStore::Failure::None;
    m_outbox.close();
    if (!DatabaseUrl::isPostgres(url)) {
        m_online = m_store->open(url, error);
        m_target = m_store->location();
        m_lastFailure = m_store->lastFailure();
        return m_online;
    }
    QString outboxError;
    const bool outbox = m_outbox.open(m_outboxPath, &outboxError);
    if (m_store->open(url, error)) {
        m_target = m_store->location();
        m_online = true;
        if (!outbox)
            qWarning("%s", qPrintable(outboxError)); // the server works; only going offline would not
        else if (waiting() > 0)
            flush();
        Q_EMIT stateChanged();
        return true;
    }
    m_target = m_store->location();
    m_lastFailure = m_store->lastFailure();
    if (m_lastFailure != ReviewStore::Failure::Unreachable)
        return false;
    if (!outbox) {
        *error += u' ' + outboxError;
        return false;
    }
    goOffline(*error, true);
    return true;
}

bool StoreLink::openOffline(const QString &url, const QString &reason, QString *error)
{
    m_retryTimer.stop();
    m_url = url;
    m_store->close();
    m_versions.clear();
    m_online = false;
    m_outbox.close();
    if (!DatabaseUrl::isPostgres(url) || !m_outbox.open(m_outboxPath, error))
        return false;
    m_target = DatabaseUrl::location(url);
    goOffline(reason, false);
    return true;
}

int StoreLink::waiting() const
{
    return m_outbox.count(m_target, OutboxEntry::State::Waiting);
}

int StoreLink::held() const
{
    return m_outbox.count(m_target, OutboxEntry::State::Conflict);
}

QList<OutboxEntry> StoreLink::heldEntries() const
{
    QList<OutboxEntry> out;
    for (const OutboxEntry &e : m_outbox.entries(m_target))
        if (e.state == OutboxEntry::State::Conflict)
            out.append(e);
    return out;
}

void StoreLink::goOffline(const QString &reason, bool retry)
{
    m_store->close(); // reads fail fast from now on; writes go to the outbox
    m_online = false;
    m_reason = reason;
    m_retrying = retry;
    m_delayMs = m_firstDelayMs;
    if (retry)
        scheduleRetry();
    Q_EMIT stateChanged();
}

void StoreLink::scheduleRetry()
{
    if (!m_retrying || m_online || probing())
        return;
    m_retryTimer.start(m_delayMs);
    m_delayMs = qMin(m_delayMs * 2, m_maxDelayMs);
}

void StoreLink::retryNow()
{
    if (m_online || probing())
        return;
    m_retryTimer.stop();
    probe();
}

void StoreLink::probe()
{
    if (m_online || probing())
        return;
    // Reaching a server that is away can take the whole connect timeout: try it on a thread of
    // its own, with a connection of its own, and reopen here only once it answers.
    // A thread that ends with the attempt (not a pooled one): libpq's and OpenSSL's state of the
    // thread goes with it.
    const QString url = m_url;
    delete m_probe;
    m_probe = QThread::create([this, url] {
        ReviewStore s;
        QString error;
        m_probeResult = int(s.open(url, &error) ? ReviewStore::Failure::None : s.lastFailure());
    });
    connect(m_probe, &QThread::finished, this, &StoreLink::onProbed);
    m_probe->start();
}

bool StoreLink::probing() const
{
    return m_probe && !m_probe->isFinished();
}

void StoreLink::onProbed()
{
    m_probe->wait(); // finished is said just before the thread ends
    const auto failure = ReviewStore::Failure(m_probeResult.load());
    if (m_online)
        return;
    if (failure == ReviewStore::Failure::None) {
        reconnect();
        return;
    }
    if (failure != ReviewStore::Failure::Unreachable) {
        // the server answers but refuses: trying again changes nothing
        m_lastFailure = failure;
        m_retrying = false;
        Q_EMIT stateChanged();
        return;
    }
    scheduleRetry();
}

void StoreLink::reconnect()
{
    QString error;
    if (!m_store->open(m_url, &error)) {
        m_lastFailure = m_store->lastFailure();
        m_reason = error;
        m_retrying = m_lastFailure == ReviewStore::Failure::Unreachable;
        scheduleRetry();
        Q_EMIT stateChanged();
        return;
    }
    m_online = true;
    m_reason.clear();
    m_lastFailure = ReviewStore::Failure::None;
    m_delayMs = m_firstDelayMs;
    if (!flush())
        return; // gone again: flush() went offline
    Q_EMIT reconnected();
    Q_EMIT stateChanged();
}

} // namespace nianbao
