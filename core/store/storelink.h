#pragma once

#include "store/outbox.h"
#include "store/reviewstore.h"

#include <QHash>
#include <QObject>
#include <QTimer>

#include <atomic>

class QThread;

namespace nianbao {

/// The keeper's way to a review database. For a team's PostgreSQL server, a write made while the
/// server cannot be reached (or while earlier ones still wait) goes to the Outbox on this
/// computer; the server is tried again with a growing delay and, once back, the outbox is sent in
/// order, each entry once (the server records its id in the same transaction). A queued edit
/// states the cell version the reviewer saw: if another reviewer changed the cell meanwhile, the
/// edit is not applied but held, visibly, until the reviewer decides. A server that cannot be
/// reached at start-up gives the same offline mode, with the reviews as this computer last knew
/// them. A SQLite file is written directly.
class StoreLink : public QObject
{
    Q_OBJECT
public:
    enum class Result {
        Saved,    // in the database
        Queued,   // in the outbox, to be sent
        Conflict, // refused: the cell changed since it was seen (*conflict filled)
        Failed,   // nothing kept (*error says why)
    };

    explicit StoreLink(ReviewStore *store, QObject *parent = nullptr);
    ~StoreLink() override;

    /// Before open(): the outbox file (default Outbox::defaultPath()).
    void setOutboxPath(const QString &path) { m_outboxPath = path; }
    /// The delay before the first new attempt to reach the server, doubled up to maxMs.
    void setRetryDelays(int firstMs, int maxMs);

    /// Opens the database. A PostgreSQL server that cannot be reached gives offline mode: true,
    /// isOnline() false and *error the reason. False for any other failure (lastFailure() tells
    /// a refused password).
    bool open(const QString &url, QString *error);
    /// Offline mode without trying the server again by itself (the password was refused and
    /// none given): writes go to the outbox until the database is opened again.
    bool openOffline(const QString &url, const QString &reason, QString *error);
    ReviewStore::Failure lastFailure() const { return m_lastFailure; }

    bool isOnline() const { return m_online; }
    /// Writes can be kept while the server is away (a PostgreSQL database with its outbox).
    bool usesOutbox() const { return m_outbox.isOpen(); }
    /// The database's address without password.
    QString target() const { return m_target; }
    /// Why the server is not in use now (empty when online).
    QString offlineReason() const { return m_reason; }
    /// The server is tried again by itself (not after a refused password).
    bool isRetrying() const { return !m_online && m_retrying; }
    int waiting() const;
    int held() const;
    QList<OutboxEntry> heldEntries() const;
    Outbox *outbox() { return &m_outbox; }

    Result addCorrection(const QString &hash, const Correction &c, QString *error, Conflict *conflict);
    Result undoCorrection(const QString &hash, const Correction &c, const QString &reviewer, QString *error,
                          Conflict *conflict);
    Result setStatus(const QString &hash, ReviewStatus status, const QString &reviewer, QString *error);
    Result setNotes(const QString &hash, const QString &notes, const QString &reviewer, QString *error);
    Result setDisposition(const QString &hash, const Disposition &d, QString *error);
    Result removeDisposition(const QString &hash, const Disposition &d, const QString &reviewer,
                             QString *error);
    Result registerReport(const ReviewedReport &rr, const QString &path, QString *error);
    Result addToQueue(const QString &path, const QString &folder, QString *error);
    Result removeFromQueue(const QString &path, QString *error);

    /// The saved review of rr->contentHash onto rr: from the server when online (and kept as
    /// what is known of it), from what was last known when offline; the waiting entries of the
    /// report on top in both cases. Like ReviewStore::restore, rr->findings are left as they were:
    /// the caller checks the restored report.
    bool restore(ReviewedReport *rr, QString *error, bool *known = nullptr);
    /// After a write that reached the server: what this computer knows of the report now.
    void remember(const ReviewedReport &rr);
    /// The queue's files, from the server or as last known (with the waiting changes).
    QStringList queuedPaths(QString *error);
    void setCurrentPath(const QString &path, QString *error);
    QString currentPath();

    /// Tries the server now instead of at the next attempt (offline only).
    void retryNow();
    /// Sends the waiting entries, oldest first (online only). False when the server went away
    /// again (the rest waits) or the outbox failed.
    bool flush(QString *error = nullptr);
    /// The held entries: sent over the server's value (sendMine) or given up (theirs stays).
    bool resolveHeld(bool sendMine, QString *error);

Q_SIGNALS:
    /// Online or offline, or the numbers of waiting or held entries changed.
    void stateChanged();
    /// A queued write was not applied: the server's cell changed meanwhile, or it was refused.
    void entryHeld(const nianbao::OutboxEntry &entry);
    /// The server is back and the outbox was sent: the open reviews should be read again.
    void reconnected();

private:
    enum class Sent { Done, Conflict, Unreachable, Failed };
    /// How a cell is known in m_versions.
    static QString cellId(const QString &hash, const QString &key) { return hash + u'\n' + key; }
    Result write(OutboxEntry entry, QString *error, Conflict *conflict);
    Sent send(const OutboxEntry &e, qint64 expectedVersion, QString *error, Conflict *conflict);
    bool queue(OutboxEntry *entry, QString *error);
    void goOffline(const QString &reason, bool retry);
    void scheduleRetry();
    void probe();
    void onProbed();
    bool probing() const;
    void reconnect();
    void applyWaiting(ReviewedReport *rr) const;
    void noteVersions(const QString &hash, const QList<Correction> &corrections);
    qint64 versionOf(const QString &hash, const QString &key) const;
    QString heldText(const Conflict *conflict, const QString &error) const;

    ReviewStore *m_store;
    Outbox m_outbox;
    QString m_outboxPath;
    QString m_url; // with its password: memory only
    QString m_target;
    QString m_reason;
    bool m_online = false;
    bool m_retrying = false;
    bool m_flushing = false;
    ReviewStore::Failure m_lastFailure = ReviewStore::Failure::None;
    QHash<QString, qint64> m_versions; // "hash\nkey" → the cell version this reviewer saw
    QTimer m_retryTimer;
    int m_firstDelayMs = 2000;
    int m_maxDelayMs = 60000;
    int m_delayMs = 2000;
    QThread *m_probe = nullptr;
    std::atomic<int> m_probeResult{0};
};

} // namespace nianbao
