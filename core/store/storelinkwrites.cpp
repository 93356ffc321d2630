// StoreLink: writes, sent to the server or kept in the outbox, the outbox sent in order, held
// entries, and the cell versions this reviewer saw.
#include "storelink.h"

#include <QFileInfo>
#include <QLocale>
#include <QSet>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;

namespace nianbao {

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
    case OutboxEntry::Kind::Disposition:
        ok = m_store->setDisposition(e.contentHash, e.disposition, error);
        break;
    case OutboxEntry::Kind::DispositionRemove:
        ok = m_store->removeDisposition(e.contentHash, e.disposition, e.reviewer, error);
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

StoreLink::Result StoreLink::setDisposition(const QString &hash, const Disposition &d, QString *error)
{
    OutboxEntry e;
    e.kind = OutboxEntry::Kind::Disposition;
    e.contentHash = hash;
    e.key = d.finding;
    e.disposition = d;
    e.reviewer = d.reviewer;
    return write(e, error, nullptr);
}

StoreLink::Result StoreLink::removeDisposition(const QString &hash, const Disposition &d,
                                               const QString &reviewer, QString *error)
{
    OutboxEntry e;
    e.kind = OutboxEntry::Kind::DispositionRemove;
    e.contentHash = hash;
    e.key = d.finding;
    e.disposition = d;
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

} // namespace nianbao
