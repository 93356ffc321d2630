#pragma once

#include "store/reviewstore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace nianbao {

/// One write kept on this computer while the team's server cannot be reached, in the order it
/// was made.
struct OutboxEntry
{
    enum class Kind {
        Cell,
        Undo,
        Status,
        Notes,
        Register,
        QueueAdd,
        QueueRemove,
        Disposition,
        DispositionRemove
    };
    enum class State {
        Waiting,  // to be sent when the server is back
        Conflict, // not sent: the server's cell changed since this reviewer saw it, or refused it
    };

    qint64 seq = 0; // order of the outbox
    QString id;     // unique; the server records it, so an entry sent twice is applied once
    QString target; // the database it is for (its address without password)
    Kind kind = Kind::Cell;
    QString contentHash;
    QString key;                             // Cell, Undo
    qint64 expectedVersion = 0;              // Cell, Undo: the cell version the reviewer saw
    Correction correction;                   // Cell, Undo
    QString reviewer;                        // who made it
    ReviewStatus status = ReviewStatus::New; // Status
    QString text;                            // Notes: the notes; QueueAdd: the folder
    QString path;                            // Register, QueueAdd, QueueRemove
    ReportSummary summary;                   // Register
    nianbao::Disposition disposition;        // Disposition, DispositionRemove (the one cleared)
    QDateTime created;
    State state = State::Waiting;
    StoredCell theirs; // Conflict: what the server held
    QString reason;    // Conflict: why it was not sent, in a sentence

    bool touchesCell() const { return kind == Kind::Cell || kind == Kind::Undo; }
    static QString kindName(Kind k);
    static Kind kindFromName(QStringView name);
};

/// What this computer last knew of a report on the server: enough to reopen it while the server
/// cannot be reached.
struct KnownReport
{
    QString contentHash;
    ReviewStatus status = ReviewStatus::New;
    QString reviewer;
    QString notes;
    QList<Correction> corrections;
    QList<StoredCell> cells; // the corrected cells with their versions
    QList<Disposition> dispositions;
    QDateTime saved;
};

/// The outbox: a SQLite file in the user's data folder (WAL, synchronous=FULL) that keeps the
/// writes meant for a server while it cannot be reached, one synced transaction per entry, and
/// what was last known of the server's reviews and queue. Several databases can share it: each
/// entry names its target.
class Outbox
{
    Q_DECLARE_TR_FUNCTIONS(nianbao::Outbox)
public:
    Outbox();
    ~Outbox();
    Outbox(const Outbox &) = delete;
    Outbox &operator=(const Outbox &) = delete;

    /// outbox.sqlite in the user's data folder.
    static QString defaultPath();

    bool open(const QString &path, QString *error);
    void close();
    bool isOpen() const;
    QString path() const { return m_path; }

    /// Appends an entry, durably; fills its id (unless set), seq and time.
    bool add(OutboxEntry *entry, QString *error);
    /// The entries for a target, oldest first (waiting and held ones).
    QList<OutboxEntry> entries(const QString &target, QString *error = nullptr) const;
    int count(const QString &target, OutboxEntry::State state) const;
    /// Sent (or given up by the reviewer): gone from the outbox.
    bool remove(const QString &id, QString *error);
    /// Held: the server has a newer value (theirs) or refused the entry (reason).
    bool hold(const QString &id, const StoredCell &theirs, const QString &reason, QString *error);
    /// Back to waiting, stating the version the reviewer now saw (send it over theirs).
    bool release(const QString &id, qint64 expectedVersion, QString *error);

    /// What was last known of a report on the server (written without a sync of its own: it is a
    /// cache, the entries are what must not be lost).
    bool saveKnown(const QString &target, const KnownReport &report, QString *error);
    std::optional<KnownReport> known(const QString &target, const QString &hash) const;
    bool setKnownValue(const QString &target, const QString &name, const QString &value, QString *error);
    QString knownValue(const QString &target, const QString &name) const;

private:
    bool exec(const QString &connection, const QString &sql, const QVariantList &binds, QString *error,
              const char *what) const;
    QString sqlError(const char *what, const QString &text) const;

    QString m_path;
    QString m_connection;      // the entries: synchronous=FULL
    QString m_cacheConnection; // what was last known: synchronous=NORMAL
};

} // namespace nianbao
