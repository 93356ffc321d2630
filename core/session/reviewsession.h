#pragma once

#include "pipeline/reportreader.h"
#include "review/correction.h"
#include "review/review.h"
#include "rules/yearcheck.h"

#include <QDateTime>
#include <QFutureWatcher>
#include <QHash>
#include <QList>
#include <QObject>
#include <QStringList>
#include <QTimer>

#include <atomic>
#include <memory>

class QThreadPool;
class QUndoGroup;

namespace nianbao {

class Review;
class ReviewKeeper;

/// One change of a cell as the audit trail keeps it (the store's, or this session's when reviews
/// are not kept).
struct CellHistoryEntry
{
    Correction correction;
    bool undone = false;
    QString undoneBy;
    QDateTime undoneAt;
};

/// What the store is doing, for the reviewer to see.
struct StoreState
{
    bool open = false;     // a store keeps the reviews
    bool online = false;   // its database answers now
    bool retrying = false; // the server is tried again by itself
    int waiting = 0;       // changes kept on this computer for the server
    int held = 0;          // changes held back: others changed the same cells meanwhile
    QString location;      // where, without password
    QString offlineReason; // why the server cannot be used, when it cannot
};

/// The reviewer's working set: the reports open, in the order they were opened (a file that
/// could not be read keeps its place, with the reason), the review of each with its undo stack in
/// one undo group, the reviewer's name, the store's keeper, and the checks across reports: a
/// report is checked against the same body's report of the year before whenever either changes
/// (YEAR.*). The window and the command line both read reports through a session, so both show
/// the same findings.
///
/// Reports are read off the calling thread (every core, or setJobs()); they come in, in the
/// order given, as reportAdded(); waitForLoaded() waits for them without an event loop. The
/// reading has a thread pool of its own: Qt's global pool stays free for the work Qt itself
/// hands it on the GUI thread's behalf (scaling and converting images while painting), which
/// would otherwise wait behind the whole queue.
class ReviewSession : public QObject
{
    Q_OBJECT
public:
    explicit ReviewSession(QObject *parent = nullptr);
    ~ReviewSession() override;

    // ---- the open reports

    int count() const { return int(m_entries.size()); }
    /// The review of a report; null for a file that could not be read (or out of range).
    Review *review(int index) const;
    QString path(int index) const;
    /// Why a file could not be read (one line); empty for a report.
    QString error(int index) const;
    /// The index of a file (by its absolute path) or of a review; −1 when it is not open.
    int indexOf(const QString &path) const;
    int indexOf(const Review *review) const;
    QList<Review *> reviews() const;

    // ---- reading

    struct Opening
    {
        int alreadyOpen = -1; // the first file named that is open already (it keeps its corrections)
        int reading = 0;      // files being read now
        QStringList problems; // folders without reports: in the list as unreadable, one line each
    };
    /// Opens files and folders (recursively): the files not open yet are read.
    Opening open(const QStringList &paths);
    /// Reads these files as they are (no folder is expanded, nothing is skipped).
    void read(const QStringList &files);
    bool isLoading() const;
    /// Returns when every file asked for is read and added.
    void waitForLoaded();
    /// Files read at once: 0 = every core.
    void setJobs(int jobs);
    /// Stops the reading under way: files not started are not read, a scan stops between pages
    /// (refused as cancelled); what was read stays.
    void cancelLoading();
    /// A file read: added at the end, or in the place of the same file that could not be read
    /// before. Returns its index.
    int add(const ReadResult &result);
    void close(int index);
    void closeAll();

    QUndoGroup *undoGroup() const { return m_undoGroup; }

    /// At first the system's user name (Review::systemUserName()).
    QString reviewer() const { return m_reviewer; }
    /// The name recorded with every correction from now on; an empty name is refused.
    void setReviewer(const QString &name);
    /// Asked before a change of a reviewed or sent report, for every report open and opened
    /// (Review::setEditGuard): the window asks the reviewer.
    void setEditGuard(Review::EditGuard guard);

    // ---- the store (sessionstore.cpp)

    enum class StoreOpening { Opened, Failed, PasswordWanted, PasswordRefused };
    /// Keeps the reviews in a store from now on: "" = the user's SQLite file, a path, or
    /// postgresql://user@host:port/database (a password in the address, or given, is kept in
    /// memory for the program's run; one typed before is used again). The open reports get what
    /// was saved of them back. A server that cannot be reached opens offline (Opened): the
    /// changes wait on this computer. PasswordWanted / PasswordRefused: ask for one and call
    /// again with it. Nothing changes unless Opened.
    StoreOpening openStore(const QString &urlOrPath, QString *error, const QString &password = {});
    /// Offline from the start, the changes kept on this computer, the server not tried by itself.
    bool openStoreOffline(const QString &urlOrPath, const QString &reason, QString *error);
    bool hasStore() const { return m_keeper != nullptr; }
    ReviewKeeper *keeper() const { return m_keeper.get(); }
    StoreState storeState() const;
    /// The changes held back, one sentence each.
    QStringList heldChanges() const;
    /// Sends the held changes over the others' values (sendMine) or gives them up.
    bool resolveHeld(bool sendMine, QString *error);
    /// The files of the queue as it was left (needs a store).
    QStringList savedQueue() const;
    /// Every change of an open report, oldest first, undone ones marked: the store's audit trail
    /// (earlier sessions and other reviewers too) while the store can be read, else this
    /// session's.
    QList<CellHistoryEntry> auditTrail(const Review *review) const;
    /// Every change of a cell of an open report, oldest first.
    QList<CellHistoryEntry> cellHistory(const Review *review, const QString &key) const;
    /// An address as it may be written down: without its password, which is kept in memory.
    static QString addressToKeep(const QString &urlOrPath);
    /// How a server is named to the reviewer: postgresql://user@host:port/database.
    static QString storeLocation(const QString &url);

    // ---- the state of the reviews

    /// The open reports with corrections that are not finished (ReviewPolicy).
    int unfinishedCount() const;

Q_SIGNALS:
    void reportAboutToBeAdded(int index);
    void reportAdded(int index);
    void reportAboutToBeRemoved(int index);
    void reportRemoved(int index);
    void reportsAboutToBeCleared();
    void reportsCleared();
    /// Its findings or state changed, or the file could be read this time.
    void reportChanged(int index);
    /// A file being read has come in (after reportAdded or reportChanged).
    void reportRead(int index);
    void loadProgress(int done, int total);
    /// A scanned page of the file at path is being recognised: page (1-based) of its total pages.
    void pageProgress(const QString &path, int page, int total);
    /// Every file asked for is read; the absolute paths of those read as reports.
    void loadFinished(const QStringList &opened);

    /// Something could not be saved or loaded; one sentence for the reviewer.
    void storeProblem(const QString &message);
    /// Another reviewer's changes to an open report were loaded.
    void storeReloaded(const QString &reviewer);
    /// The server went away or came back, or changes are waiting or were sent.
    void storeStateChanged();
    /// Changes kept while the server was away were sent.
    void changesSent(int count);

private:
    struct Entry
    {
        QString path;
        QString absolutePath; // what indexOf() compares
        QString error;
        Review *review = nullptr;
        // The report's year and body (YearCheck::bodyOf), kept while its year and unit read the
        // same: each report of a batch is compared with every other (bodyOf). Before the first,
        // they are what bodyOf gives a report with neither.
        mutable QString bodyYear, bodyUnit;
        mutable YearCheck::Body body;
    };
    static const YearCheck::Body &bodyOf(const Entry &e);
    void watch(Review *review);
    QList<Finding> acrossFindings(const Report &current) const;
    QList<Review *> partnersOf(const Report &report) const;
    void recheckPartners(const Review *review);
    void startLoading();
    void takeResults();
    void finishLoading();
    void installKeeper(std::unique_ptr<ReviewKeeper> keeper);

    QList<Entry> m_entries;
    QHash<const Review *, QList<CellHistoryEntry>> m_trails; // this session's changes, undone ones too
    QUndoGroup *m_undoGroup;
    QString m_reviewer;
    Review::EditGuard m_editGuard;
    std::unique_ptr<ReviewKeeper> m_keeper;

    QFutureWatcher<ReadResult> *m_watcher;
    std::unique_ptr<QThreadPool> m_pool; // the reading's own, never Qt's global pool
    QStringList m_pending;
    QStringList m_loading;
    QStringList m_opened;
    int m_nextResult = 0;
    /// Adds the results that are in, a slice at a time: a timer, not a posted call, so that the
    /// window's paints (posted at low priority) are not held behind a stream of results.
    QTimer *m_takeTimer;
    /// The longest the GUI thread spends adding reports before it paints again.
    static constexpr int SliceMilliseconds = 25;
    std::shared_ptr<std::atomic_bool> m_cancel; // the reading under way stops between pages
};

} // namespace nianbao
