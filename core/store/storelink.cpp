#include "storelink.h"

#include "store/databaseurl.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QSet>
#include <QThread>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;

namespace nianbao {

namespace {

QString cellId(const QString &hash, const QString &key)
{
    return hash + u'\n' + key;
}

const QString kQueue = u"queue"_s;
const QString kCurrent = u"current_path"_s;

QStringList pathsFromText(const QString &s)
{
    QStringList out;
    for (const QJsonValue &v : QJsonDocument::fromJson(s.toUtf8()).array())
        out.append(v.toString());
    return out;
}

QString pathsToText(const QStringList &paths)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(paths)).toJson(QJsonDocument::Compact));
}

} // namespace

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

qint64 StoreLink::versionOf(const QString &hash, const QString &key) const
{
    const auto it = m_versions.constFind(cellId(hash, key));
    if (it != m_versions.constEnd())
        return *it;
    return m_online ? m_store->seenVersion(hash, key) : 0;
}

void StoreLink::noteVersions(const QString &hash, const QList<Correction> &corrections)
{
    for (const Correction &c : corrections)
        m_versions.insert(cellId(hash, c.key), m_store->seenVersion(hash, c.key));
}

StoreLink::Sent StoreLink::send(const OutboxEntry &e, qint64 expectedVersion, QString *error,
                                Conflict *conflict)
{
    m_store->setWriteId(e.id);
    bool ok = false;
    switch (e.kind) {
    case OutboxEntry::Kind::Cell:
        ok = m_store->addCorrection(e.contentHash, e.correction, error, conflict, expectedVersion);
        break;
    case OutboxEntry::Kind::Undo:
        ok = m_store->undoCorrection(e.contentHash, e.correction, e.reviewer, error, conflict,
                                     expectedVersion);
        break;
    case OutboxEntry::Kind::Status:
        ok = m_store->setStatus(e.contentHash, e.status, e.reviewer, error);
        break;
    case OutboxEntry::Kind::Notes:
        ok = m_store->setNotes(e.contentHash, e.text, e.reviewer, error);
        break;
    case OutboxEntry::Kind::Register:
        ok = m_store->registerReports({e.summary}, error);
        break;
    case OutboxEntry::Kind::QueueAdd:
        ok = m_store->addToQueue({e.path}, e.text, error);
        break;
    case OutboxEntry::Kind::QueueRemove: {
        QList<qint64> ids;
        const QString absolute = QFileInfo(e.path).absoluteFilePath();
        QString readError;
        const QList<QueueItem> items = m_store->queue({}, &readError);
        ok = readError.isEmpty();
        if (!ok)
            *error = readError;
        for (const QueueItem &item : items)
            if (item.path == absolute)
                ids.append(item.id);
        if (ok && !ids.isEmpty())
            ok = m_store->removeFromQueue(ids, error);
        break;
    }
    }
    m_store->setWriteId({});
    if (ok)
        return Sent::Done;
    if (conflict && !conflict->key.isEmpty())
        return Sent::Conflict;
    return m_store->lastFailure() == ReviewStore::Failure::Unreachable ? Sent::Unreachable : Sent::Failed;
}

bool StoreLink::queue(OutboxEntry *e, QString *error)
{
    if (e->touchesCell()) {
        e->expectedVersion = versionOf(e->contentHash, e->key);
        m_versions.insert(cellId(e->contentHash, e->key), e->expectedVersion + 1);
    }
    e->target = m_target;
    if (!m_outbox.add(e, error)) {
        *error = tr("The change could not be kept on this computer either; it is lost unless made "
                    "again: %1")
                     .arg(*error);
        return false;
    }
    Q_EMIT stateChanged();
    return true;
}

StoreLink::Result StoreLink::write(OutboxEntry e, QString *errorOut, Conflict *conflict)
{
    QString local;
    QString *error = errorOut ? errorOut : &local;
    e.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (m_online && (!usesOutbox() || waiting() == 0)) {
        // the version this reviewer saw, kept across the store's reconnections
        const qint64 expected = e.touchesCell() ? versionOf(e.contentHash, e.key) : 0;
        const Sent sent = send(e, expected, error, conflict);
        if (sent == Sent::Done) {
            if (e.touchesCell())
                m_versions.insert(cellId(e.contentHash, e.key), m_store->seenVersion(e.contentHash, e.key));
            return Result::Saved;
        }
        if (sent == Sent::Conflict)
            return Result::Conflict;
        if (sent == Sent::Failed || !usesOutbox())
            return Result::Failed;
        // The server went away: the same entry (same id) waits, so that if this write did
        // commit before the connection broke, it is not applied a second time.
        goOffline(*error, true);
    }
    if (!usesOutbox()) {
        if (error->isEmpty())
            *error = tr("No review database is open.");
        return Result::Failed;
    }
    if (!queue(&e, error))
        return Result::Failed;
    if (m_online)
        flush();
    return Result::Queued;
}

StoreLink::Result StoreLink::addCorrection(const QString &hash, const Correction &c, QString *error,
                                           Conflict *conflict)
{
    OutboxEntry e;
    e.kind = OutboxEntry::Kind::Cell;
    e.contentHash = hash;
    e.key = c.key;
    e.correction = c;
    e.reviewer = c.reviewer;
    return write(e, error, conflict);
}

StoreLink::Result StoreLink::undoCorrection(const QString &hash, const Correction &c, const QString &reviewer,
                                            QString *error, Conflict *conflict)
{
    OutboxEntry e;
    e.kind = OutboxEntry::Kind::Undo;
    e.contentHash = hash;
    e.key = c.key;
    e.correction = c;
    e.reviewer = reviewer;
    return write(e, error, conflict);
}

StoreLink::Result StoreLink::setStatus(const QString &hash, ReviewStatus status, const QString &reviewer,
                                       QString *error)
{
    OutboxEntry e;
    e.kind = OutboxEntry::Kind::Status;
    e.contentHash = hash;
    e.status = status;
    e.reviewer = reviewer;
    return write(e, error, nullptr);
}

StoreLink::Result StoreLink::setNotes(const QString &hash, const QString &notes, const QString &reviewer,
                                      QString *error)
{
    OutboxEntry e;
    e.kind = OutboxEntry::Kind::Notes;
    e.contentHash = hash;
    e.text = notes;
    e.reviewer = reviewer;
    return write(e, error, nullptr);
}

StoreLink::Result StoreLink::registerReport(const ReviewedReport &rr, const QString &path, QString *error)
{
    OutboxEntry e;
    e.kind = OutboxEntry::Kind::Register;
    e.contentHash = rr.contentHash;
    e.path = QFileInfo(path).absoluteFilePath();
    e.summary = ReportSummary::of(rr, e.path);
    return write(e, error, nullptr);
}

StoreLink::Result StoreLink::addToQueue(const QString &path, const QString &folder, QString *error)
{
    OutboxEntry e;
    e.kind = OutboxEntry::Kind::QueueAdd;
    e.path = QFileInfo(path).absoluteFilePath();
    e.text = folder;
    return write(e, error, nullptr);
}

StoreLink::Result StoreLink::removeFromQueue(const QString &path, QString *error)
{
    OutboxEntry e;
    e.kind = OutboxEntry::Kind::QueueRemove;
    e.path = QFileInfo(path).absoluteFilePath();
    return write(e, error, nullptr);
}

bool StoreLink::flush(QString *error)
{
    if (!m_online || !usesOutbox() || m_flushing)
        return m_online;
    m_flushing = true;
    const QList<OutboxEntry> entries = m_outbox.entries(m_target, error);
    // A cell with a held entry keeps every later entry of it too: sending those would put them
    // over the other reviewer's value.
    QSet<QString> blocked;
    for (const OutboxEntry &e : entries)
        if (e.state == OutboxEntry::State::Conflict && e.touchesCell())
            blocked.insert(cellId(e.contentHash, e.key));
    bool ok = true;
    for (const OutboxEntry &e : entries) {
        if (e.state != OutboxEntry::State::Waiting)
            continue;
        QString err;
        if (e.touchesCell() && blocked.contains(cellId(e.contentHash, e.key))) {
            const std::optional<StoredCell> theirs = m_store->storedCell(e.contentHash, e.key, &err);
            OutboxEntry h = e;
            h.state = OutboxEntry::State::Conflict;
            h.theirs = theirs.value_or(StoredCell{});
            h.reason = tr("An earlier change of this cell was not sent either.");
            if (!m_outbox.hold(e.id, h.theirs, h.reason, &err)) {
                ok = false;
                break;
            }
            Q_EMIT entryHeld(h);
            continue;
        }
        Conflict conflict;
        const Sent sent = send(e, e.expectedVersion, &err, &conflict);
        if (sent == Sent::Done) {
            // a repeat was applied before: it made the version after the one it stated
            if (e.touchesCell())
                m_versions.insert(cellId(e.contentHash, e.key),
                                  m_store->lastWriteWasRepeat() ? e.expectedVersion + 1
                                                                : m_store->seenVersion(e.contentHash, e.key));
            if (!m_outbox.remove(e.id, &err)) {
                // sent but still listed: the server knows its id and will not apply it again
                if (error)
                    *error = err;
                ok = false;
                break;
            }
            continue;
        }
        if (sent == Sent::Unreachable) {
            m_flushing = false;
            goOffline(err, true);
            return false;
        }
        OutboxEntry h = e;
        h.state = OutboxEntry::State::Conflict;
        h.theirs = conflict.theirs;
        h.reason = heldText(sent == Sent::Conflict ? &conflict : nullptr, err);
        if (!m_outbox.hold(e.id, h.theirs, h.reason, &err)) {
            ok = false;
            break;
        }
        if (e.touchesCell())
            blocked.insert(cellId(e.contentHash, e.key));
        Q_EMIT entryHeld(h);
    }
    m_flushing = false;
    Q_EMIT stateChanged();
    return ok;
}

QString StoreLink::heldText(const Conflict *conflict, const QString &error) const
{
    if (!conflict)
        return tr("The server refused it: %1").arg(error);
    const QString who =
        conflict->theirs.reviewer.isEmpty() ? tr("another reviewer") : conflict->theirs.reviewer;
    return tr("Meanwhile %1 changed it to “%2” at %3.")
        .arg(who, conflict->theirs.cell.displayText(),
             QLocale().toString(conflict->theirs.time.toLocalTime(), QLocale::ShortFormat));
}

bool StoreLink::resolveHeld(bool sendMine, QString *error)
{
    const QList<OutboxEntry> all = m_outbox.entries(m_target, error);
    QHash<QString, qint64> next; // cell → the version the next released entry states
    for (const OutboxEntry &e : all) {
        if (e.state != OutboxEntry::State::Conflict)
            continue;
        if (!sendMine) {
            if (!m_outbox.remove(e.id, error))
                return false;
            continue;
        }
        qint64 expected = e.expectedVersion;
        if (e.touchesCell()) {
            const QString id = cellId(e.contentHash, e.key);
            expected = next.value(id, e.theirs.version);
            next.insert(id, expected + 1);
        }
        if (!m_outbox.release(e.id, expected, error))
            return false;
    }
    for (auto it = next.constBegin(); it != next.constEnd(); ++it)
        m_versions.insert(it.key(), it.value());
    if (!sendMine) {
        // the cells are the server's again: their versions are read with the reviews
        for (const OutboxEntry &e : all)
            if (e.touchesCell())
                m_versions.remove(cellId(e.contentHash, e.key));
    }
    Q_EMIT stateChanged();
    if (m_online)
        flush(error);
    return true;
}

void StoreLink::applyWaiting(ReviewedReport *rr) const
{
    if (!usesOutbox())
        return;
    for (const OutboxEntry &e : m_outbox.entries(m_target)) {
        if (e.state != OutboxEntry::State::Waiting || e.contentHash != rr->contentHash)
            continue;
        switch (e.kind) {
        case OutboxEntry::Kind::Cell:
            rr->current.cells.insert(e.key, e.correction.after);
            rr->corrections.append(e.correction);
            break;
        case OutboxEntry::Kind::Undo:
            for (qsizetype i = rr->corrections.size() - 1; i >= 0; --i)
                if (rr->corrections[i].key == e.key) {
                    rr->corrections.removeAt(i);
                    break;
                }
            rr->current.cells.insert(e.key, e.correction.before);
            break;
        case OutboxEntry::Kind::Status:
            rr->status = e.status;
            if (!e.reviewer.isEmpty())
                rr->reviewer = e.reviewer;
            break;
        case OutboxEntry::Kind::Notes:
            rr->notes = e.text;
            break;
        default:
            break;
        }
    }
}

bool StoreLink::restore(ReviewedReport *rr, QString *errorOut, bool *known)
{
    QString local;
    QString *error = errorOut ? errorOut : &local;
    if (known)
        *known = false;
    if (m_online) {
        bool fromServer = false;
        if (m_store->restore(rr, error, &fromServer)) {
            noteVersions(rr->contentHash, rr->corrections);
            if (fromServer)
                remember(*rr);
            if (known)
                *known = fromServer;
            if (usesOutbox() && waiting() > 0)
                applyWaiting(rr);
            return true;
        }
        if (!usesOutbox() || m_store->lastFailure() != ReviewStore::Failure::Unreachable)
            return false;
        goOffline(*error, true);
        error->clear();
    }
    if (!usesOutbox()) {
        *error = tr("No review database is open.");
        return false;
    }
    if (const std::optional<KnownReport> k = m_outbox.known(m_target, rr->contentHash)) {
        rr->status = k->status;
        rr->reviewer = k->reviewer;
        rr->notes = k->notes;
        rr->corrections = k->corrections;
        rr->current = rr->extracted;
        QHash<QString, Cell> stored;
        for (const StoredCell &sc : k->cells) {
            stored.insert(sc.key, sc.cell);
            if (!m_versions.contains(cellId(rr->contentHash, sc.key)))
                m_versions.insert(cellId(rr->contentHash, sc.key), sc.version);
        }
        for (const Correction &c : std::as_const(rr->corrections))
            rr->current.cells.insert(c.key, stored.value(c.key, c.after));
        if (known)
            *known = true;
    }
    const qsizetype before = rr->corrections.size();
    const ReviewStatus status = rr->status;
    applyWaiting(rr);
    if (known && (rr->corrections.size() != before || rr->status != status))
        *known = true;
    return true;
}

void StoreLink::remember(const ReviewedReport &rr)
{
    if (!usesOutbox() || !m_online || rr.contentHash.isEmpty())
        return;
    KnownReport k;
    k.contentHash = rr.contentHash;
    k.status = rr.status;
    k.reviewer = rr.reviewer;
    k.notes = rr.notes;
    k.corrections = rr.corrections;
    QSet<QString> keys;
    for (const Correction &c : rr.corrections) {
        if (keys.contains(c.key))
            continue;
        keys.insert(c.key);
        StoredCell sc;
        sc.key = c.key;
        sc.cell = rr.current.cells.value(c.key, c.after);
        sc.version = versionOf(rr.contentHash, c.key);
        k.cells.append(sc);
    }
    QString error;
    if (!m_outbox.saveKnown(m_target, k, &error))
        qWarning("%s", qPrintable(error)); // a cache: the server has it all
}

QStringList StoreLink::queuedPaths(QString *error)
{
    QStringList paths;
    if (m_online) {
        for (const QueueItem &item : m_store->queue({}, error))
            paths.append(item.path);
        if (usesOutbox() && error->isEmpty())
            m_outbox.setKnownValue(m_target, kQueue, pathsToText(paths), nullptr);
    } else if (usesOutbox()) {
        paths = pathsFromText(m_outbox.knownValue(m_target, kQueue));
    }
    if (!usesOutbox())
        return paths;
    for (const OutboxEntry &e : m_outbox.entries(m_target)) {
        if (e.state != OutboxEntry::State::Waiting)
            continue;
        if (e.kind == OutboxEntry::Kind::QueueAdd && !paths.contains(e.path))
            paths.append(e.path);
        else if (e.kind == OutboxEntry::Kind::QueueRemove)
            paths.removeAll(e.path);
    }
    return paths;
}

void StoreLink::setCurrentPath(const QString &path, QString *error)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (usesOutbox())
        m_outbox.setKnownValue(m_target, kCurrent, absolute, nullptr);
    if (m_online)
        m_store->setValue(kCurrent, absolute, error);
}

QString StoreLink::currentPath()
{
    if (m_online)
        return m_store->value(kCurrent);
    return usesOutbox() ? m_outbox.knownValue(m_target, kCurrent) : QString();
}

} // namespace nianbao
