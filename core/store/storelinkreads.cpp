// StoreLink: reading the reviews and the queue, from the server or as this computer last knew them,
// with the waiting entries on top.
#include "storelink.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

using namespace Qt::Literals::StringLiterals;

namespace nianbao {

namespace {

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
        case OutboxEntry::Kind::Disposition:
        case OutboxEntry::Kind::DispositionRemove:
            for (qsizetype i = 0; i < rr->dispositions.size(); ++i)
                if (rr->dispositions[i].finding == e.disposition.finding) {
                    rr->dispositions.removeAt(i);
                    break;
                }
            if (e.kind == OutboxEntry::Kind::Disposition)
                rr->dispositions.append(e.disposition);
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
        rr->dispositions = k->dispositions;
        rr->corrections = k->corrections;
        rr->current = rr->extracted;
        CellTable stored;
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
    const qsizetype words = rr->dispositions.size();
    const ReviewStatus status = rr->status;
    applyWaiting(rr);
    if (known &&
        (rr->corrections.size() != before || rr->dispositions.size() != words || rr->status != status))
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
    k.dispositions = rr.dispositions;
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
