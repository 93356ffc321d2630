#pragma once

#include "store/reviewstore.h"
#include "store/storelink.h"

#include <QCoreApplication>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>

namespace nianbao {

class Review;

/// Keeps the reviews of a session in a ReviewStore: a report opened again (or a copy, or after a
/// restart) gets its corrections, state, notes and dispositions of findings back; every
/// correction, undo, disposition and change of state is written the moment it is made; the queue
/// of open reports is remembered; changes that other reviewers make to an open report are loaded
/// when they land.
///
/// With a team's PostgreSQL server, nothing is lost when the server goes away: the changes wait in
/// an outbox on this computer (see StoreLink) and are sent when it is back.
class ReviewKeeper : public QObject
{
    Q_OBJECT
public:
    explicit ReviewKeeper(QObject *parent = nullptr);
    ~ReviewKeeper() override;

    /// "" = the user's SQLite file; a path; or postgresql://user[:password]@host:port/database.
    /// A server that cannot be reached opens offline (true; isOnline() false, *error the reason).
    bool open(const QString &urlOrPath, QString *error);
    /// Offline from the start, without trying the server by itself (a password was refused).
    bool openOffline(const QString &url, const QString &reason, QString *error);
    /// Why the last open failed (a refused password can be asked for).
    ReviewStore::Failure lastFailure() const { return m_link.lastFailure(); }
    /// The database is in use now (false while the server is away).
    bool isOpen() const { return m_store.isOpen(); }
    bool isOnline() const { return m_link.isOnline(); }
    ReviewStore *store() { return &m_store; }
    StoreLink *link() { return &m_link; }
    /// The database's address, without password.
    QString location() const { return m_link.target(); }
    /// Changes waiting on this computer for the server, and changes held back by a conflict.
    int waitingChanges() const { return m_link.waiting(); }
    int heldChanges() const { return m_link.held(); }
    /// The held changes, one sentence each.
    QStringList heldDescriptions() const;
    /// Sends the held changes over the server's values (sendMine) or gives them up; the open
    /// reports are read again.
    bool resolveHeld(bool sendMine, QString *error);

    void setReviewer(const QString &name);

    /// A report was read: restore what was saved of it and save every change from now on.
    /// knownHash: the file's SHA-256 when it was computed already (off the GUI thread).
    void attach(Review *review, const QString &path, const QString &knownHash = {});
    /// A file that could not be read: kept in the queue with the others.
    void remember(const QString &path);
    /// The report was closed: it leaves the queue (its review stays in the store).
    void forget(Review *review, const QString &path);
    /// The files of the queue as it was left, in order.
    QStringList queuedPaths();

Q_SIGNALS:
    /// Something could not be saved or loaded; one sentence for the reviewer.
    void problem(const QString &message);
    /// Another reviewer's changes to an open report were loaded.
    void reloaded(nianbao::Review *review, const QString &reviewer);
    /// The server went away or came back, or changes are waiting or were sent.
    void connectionChanged();
    /// Changes kept while the server was away were sent (count).
    void changesSent(int count);

private:
    void onChanges();
    void onReconnected();
    void report(const QString &error);
    QString conflictText(const Conflict &c) const;
    QString cellName(const QString &hash, const QString &key) const;
    void reload(Review *review);
    void rememberState(Review *review);
    /// Puts a file in the store's queue unless it is known to be there.
    bool enqueue(const QString &path, QString *error);

    ReviewStore m_store;
    StoreLink m_link;
    QString m_reviewer;
    QHash<QString, QPointer<Review>> m_byHash;
    /// The files the store's queue holds, as last read or added here: a report opened again from
    /// the queue is not written to it again (a commit, and a sync to disk, for nothing).
    QSet<QString> m_queued;
    qint64 m_revision = 0;
    bool m_restoring = false; // a review being replaced by what was saved: its signals write nothing
    bool m_wasOnline = false; // the open reviews were read from the server (not only from the outbox)
    int m_waitingBefore = 0;
    QStringList m_heldNews; // held while sending, said once when it is done
};

} // namespace nianbao
