#pragma once

#include "review/correction.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

class QSqlDatabase;
class QSqlQuery;
class QTimer;

namespace nianbao {

/// One line of the audit trail as stored: the correction, the findings around it, and whether it
/// was later undone.
struct AuditEntry
{
    qint64 id = 0;
    qint64 revision = 0; // of the change log (see ReviewStore::changesSince)
    qint64 version = 0;  // the cell's version this change produced
    QString contentHash;
    Correction correction;
    QList<Finding> findingsBefore; // empty when only the counts were given
    QList<Finding> findingsAfter;
    bool undone = false;
    QString undoneBy;
    QDateTime undoneAt;
};

/// The value of a corrected cell as the database holds it now.
struct StoredCell
{
    QString key;
    Cell cell;
    qint64 version = 0; // 0: never corrected
    QString reviewer;   // who wrote this version
    QDateTime time;
};

/// A write that was refused because someone else changed the cell since this reviewer saw it.
struct Conflict
{
    QString contentHash;
    QString key;
    qint64 expectedVersion = 0; // the version the write stated
    StoredCell theirs;          // what the database holds now
};

/// One entry of the change log: what changed, so another reviewer's window can follow.
struct StoreChange
{
    qint64 revision = 0;
    QString contentHash;
    QString kind; // cell, undo, status, notes, disposition, report, queue
    QString key;  // the cell key for cell/undo, the finding key for disposition
    QString reviewer;
    QDateTime time;
    bool own = false; // written by this ReviewStore instance
};

/// What the queue shows of a report, without its cells.
struct ReportSummary
{
    QString contentHash;
    QString path;
    QString unit;
    QString year;
    QString templateName;
    int errors = 0;
    int warnings = 0;

    /// What the queue shows of rr: the counts are those of rr.findings as given (the store checks
    /// nothing), without the dismissed ones.
    static ReportSummary of(const ReviewedReport &rr, const QString &path);
};

/// A report in the queue (the list of open reports), with its review state.
struct QueueItem
{
    qint64 id = 0;
    int position = 0;
    QString path;
    QString folder;      // the batch the report was opened with (its folder by default)
    QString contentHash; // empty until the file was read
    QString unit;
    QString year;
    QString templateName;
    ReviewStatus status = ReviewStatus::New;
    int errors = 0;
    int warnings = 0;
    int corrections = 0; // cells in effect corrected
    QString reviewer;
    QDateTime updated;
};

/// Which reports of the queue to read: what the queue panel narrows by (state, a search typed, the
/// year, errors left).
struct QueueFilter
{
    QList<ReviewStatus> statuses; // empty: any
    QString search;               // part of the unit name or of the path, wildcards taken literally
    QString year;                 // exact, empty: any
    bool withErrorsOnly = false;
};

/// What the queue panel counts of the reports a filter lets through.
struct QueueCounts
{
    int total = 0;
    int byStatus[4] = {0, 0, 0, 0}; // indexed by ReviewStatus
    int withErrors = 0;
    int corrected = 0; // reports with at least one correction in effect
    int count(ReviewStatus s) const { return byStatus[int(s)]; }
};

/// Where reviews are kept: one SQLite file per user by default, or a PostgreSQL database shared by
/// a team. Every write is its own transaction, committed before the call returns. The store keeps
/// what it is given: it never runs the rules (findings and their counts come from the caller).
///
/// A ReviewStore is used from the thread that opened it (it has a connection of its own); open one
/// per thread or process.
///
/// Wiring a review window (Review from core/review):
/// \code
///   rr.contentHash = ReviewStore::fileHash(path, &error);
///   store.restore(&rr, &error);                 // corrections, status, notes come back
///   review->restore(rr);                        // which checks the restored report
///   store.registerReport(rr, path, &error);     // what the queue shows
///   connect(review, &Review::correctionAdded, this, [=](const Correction &c) {
///       if (!store->addCorrection(hash, c, &error, &conflict)) show(error); });
///   connect(review, &Review::correctionRemoved, this, [=](const Correction &c) {
///       if (!store->undoCorrection(hash, c, review->reviewer(), &error)) show(error); });
///   connect(review, &Review::statusChanged, this, [=](ReviewStatus s) {
///       store->setStatus(hash, s, review->reviewer(), &error); });
///   connect(review, &Review::dispositionSet, this, [=](const Disposition &d) {
///       store->setDisposition(hash, d, &error); });
///   connect(review, &Review::dispositionRemoved, this, [=](const Disposition &d) {
///       store->removeDisposition(hash, d, review->reviewer(), &error); });
/// \endcode
///
/// Concurrency: every corrected cell carries a version. A write states the version the writer saw
/// (by default the one this store last read or wrote for that cell); a write over a newer version is
/// refused with a Conflict, never silently applied.
class ReviewStore : public QObject
{
    Q_OBJECT

public:
    enum class Backend { None, SQLite, PostgreSQL };
    /// Why the last open or write failed, for a caller that keeps writes while the server is away.
    enum class Failure {
        None,
        Unreachable, // the server is down, restarting or the network is gone: worth trying again
        Refused,     // the server refused the user name or password
        Other,
    };

    /// The newest schema this version writes; older databases are migrated on open.
    static constexpr int SchemaVersion = 5;
    /// expectedVersion of a write: use the version this store last saw of the cell.
    static constexpr qint64 SeenVersion = -1;

    explicit ReviewStore(QObject *parent = nullptr);
    ~ReviewStore() override;

    /// The default database: reviews.sqlite in the user's data folder.
    static QString defaultPath();
    /// SHA-256 of the bytes, lower-case hex: how a report is known.
    static QString contentHash(const QByteArray &bytes);
    static QString fileHash(const QString &path, QString *error);

    /// Opens (and makes or migrates) the database: empty for defaultPath(), a file path, a
    /// sqlite:// or file:// URL, or postgresql://user:password@host:port/database[?options].
    bool open(const QString &urlOrPath, QString *error);
    void close();
    bool isOpen() const;
    Backend backend() const { return m_backend; }
    /// Where the database is, without a password.
    QString location() const { return m_location; }
    int schemaVersion() const { return m_schemaVersion; }
    /// Before open(): read what is there and write nothing (no file made, no schema migrated; a
    /// database of another schema version is refused). For a reader such as nianbao-cli.
    void setReadOnly(bool on) { m_readOnly = on; }
    bool isReadOnly() const { return m_readOnly; }
    /// How long a write waits for a SQLite file locked by another program (before open).
    void setBusyTimeout(int ms) { m_busyTimeoutMs = ms; }
    /// Identifies this store's own changes in the change log.
    QString clientId() const { return m_clientId; }
    /// What kind of failure the last failed open or write was (None after a success).
    Failure lastFailure() const { return m_lastFailure; }
    /// The next cell, undo, status, notes or disposition write records this id in the database, in the same
    /// transaction. A write whose id the database already holds is not applied again: it
    /// succeeds and lastWriteWasRepeat() is true. How an outbox entry is sent exactly once.
    void setWriteId(const QString &id) { m_writeId = id; }
    bool lastWriteWasRepeat() const { return m_lastWriteWasRepeat; }

    // --- reports ----------------------------------------------------------------------------

    /// Records (or refreshes) what is known of a report: path, unit, year, template, the counts of
    /// rr.findings. Links queue items of that path to the report.
    bool registerReport(const ReviewedReport &rr, const QString &path, QString *error);
    /// The same for many reports in one transaction (a folder opened at once).
    bool registerReports(const QList<ReportSummary> &reports, QString *error);
    /// Restores the saved review of rr->contentHash onto rr (read from the file beforehand):
    /// status, reviewer, notes, the dispositions of findings, the corrections in effect (applied to
    /// rr->current). The store keeps
    /// what it is given and runs no rule: rr->findings are left as they were, for the caller to
    /// check the restored report (Review::restore does). *known tells whether the store had seen
    /// the report. Marks the cells as seen.
    bool restore(ReviewedReport *rr, QString *error, bool *known = nullptr);

    // --- corrections and the audit trail -------------------------------------------------------

    /// Writes one correction, durably, in its own transaction. expectedVersion is the cell version
    /// the writer saw (SeenVersion: the one this store last saw; 0: never corrected). On a
    /// conflicting edit returns false, fills *conflict and *error, and writes nothing.
    bool addCorrection(const QString &hash, const Correction &c, QString *error, Conflict *conflict = nullptr,
                       qint64 expectedVersion = SeenVersion, const QList<Finding> *findingsBefore = nullptr,
                       const QList<Finding> *findingsAfter = nullptr);
    /// The latest correction in effect of c.key is undone: the cell goes back to c.before. The
    /// audit trail keeps the undone line, marked. Conflicts as addCorrection.
    bool undoCorrection(const QString &hash, const Correction &c, const QString &reviewer, QString *error,
                        Conflict *conflict = nullptr, qint64 expectedVersion = SeenVersion);
    bool setStatus(const QString &hash, ReviewStatus status, const QString &reviewer, QString *error);
    bool setNotes(const QString &hash, const QString &notes, const QString &reviewer, QString *error);

    // --- the reviewer's word on findings ------------------------------------------------------

    /// Saves a finding's disposition (replacing the one it had), durably, in its own transaction;
    /// logged as a "disposition" change keyed by the finding.
    bool setDisposition(const QString &hash, const Disposition &d, QString *error);
    /// The finding (d.finding) has no disposition any more.
    bool removeDisposition(const QString &hash, const Disposition &d, const QString &reviewer,
                           QString *error);
    /// The dispositions of a report's findings, in the order they were last made.
    QList<Disposition> dispositions(const QString &hash, QString *error = nullptr);

    /// The corrections in effect, oldest first (what ReviewedReport::corrections holds).
    QList<Correction> corrections(const QString &hash, QString *error = nullptr);
    /// Every change of the report, undone ones too, oldest first; or of one cell.
    QList<AuditEntry> auditTrail(const QString &hash, QString *error = nullptr);
    QList<AuditEntry> cellHistory(const QString &hash, const QString &key, QString *error = nullptr);
    /// The corrected cells as stored now (marks them seen).
    QList<StoredCell> storedCells(const QString &hash, QString *error = nullptr);
    std::optional<StoredCell> storedCell(const QString &hash, const QString &key, QString *error = nullptr);
    /// The version of the cell this store last read or wrote (0 when none).
    qint64 seenVersion(const QString &hash, const QString &key) const;

    // --- others' changes --------------------------------------------------------------------

    /// The change log after a revision (0: from the start), oldest first.
    QList<StoreChange> changesSince(qint64 revision, QString *error = nullptr);
    qint64 latestRevision(QString *error = nullptr);
    /// Emits changesAvailable when others write: LISTEN/NOTIFY on PostgreSQL, polling every
    /// pollMs on SQLite.
    void watchChanges(bool on, int pollMs = 1000);

    // --- the queue ----------------------------------------------------------------------------

    /// Appends files to the queue (a path already queued is kept where it is). folder empty: each
    /// file's folder.
    bool addToQueue(const QStringList &paths, const QString &folder, QString *error);
    /// The queue in the order the files were added, each with its state and counts; filtered and
    /// counted in the database, so a team's queue of thousands is read at once.
    QList<QueueItem> queue(const QueueFilter &filter = {}, QString *error = nullptr);
    QueueCounts queueCounts(const QueueFilter &filter = {}, QString *error = nullptr);
    bool removeFromQueue(const QList<qint64> &ids, QString *error);

    /// Small settings kept with the reviews (the queue's current item, the reviewer name…).
    bool setValue(const QString &key, const QString &value, QString *error);
    QString value(const QString &key, const QString &fallback = {}, QString *error = nullptr);

Q_SIGNALS:
    /// Someone (possibly this store) wrote; call changesSince.
    void changesAvailable();

private:
    class Transaction; // store/transaction.h

    bool connectSqlite(const QString &path, QString *error);
    bool connectPostgres(const QString &url, QString *error);
    bool migrate(QString *error);
    bool exec(QSqlQuery &q, QString *error, const char *what);
    bool execDirect(const QString &sql, QString *error, const char *what);
    QString dbError(const QString &what, const QString &driverText, const QString &code) const;
    bool claimWriteId(const QString &id, bool *repeat, QString *error);
    qint64 reportId(const QString &hash, bool create, QString *error);
    qint64 logChange(qint64 reportId, const QString &kind, const QString &key, const QString &reviewer,
                     QString *error);
    bool writeCell(const QString &hash, const QString &key, const Cell &after, const QString &kind,
                   const QString &reviewer, qint64 expectedVersion,
                   const std::function<bool(qint64, qint64, qint64)> &audit, QString *error,
                   Conflict *conflict);
    bool writeDisposition(const QString &hash, const Disposition &d, bool remove, const QString &reviewer,
                          QString *error);
    std::optional<StoredCell> readCell(const QString &hash, const QString &key, QString *error);
    bool updateReport(const QString &hash, const QString &column, const QVariant &value, const QString &kind,
                      const QString &reviewer, QString *error);
    QList<AuditEntry> readAudit(const QString &where, const QVariantList &binds, QString *error);
    QString queueWhere(const QueueFilter &f, QVariantList *binds) const;
    QSqlDatabase db() const;
    void onNotification(const QString &name);
    void poll();

    Backend m_backend = Backend::None;
    QString m_connection;
    QString m_location;
    QString m_clientId;
    int m_schemaVersion = 0;
    int m_busyTimeoutMs = 5000;
    bool m_readOnly = false;
    QHash<QString, qint64> m_seen; // "hash\nkey" → version
    QTimer *m_pollTimer = nullptr;
    qint64 m_polledRevision = 0;
    mutable Failure m_lastFailure = Failure::None; // set where the error text is made
    QString m_writeId;
    bool m_lastWriteWasRepeat = false;
};

} // namespace nianbao
