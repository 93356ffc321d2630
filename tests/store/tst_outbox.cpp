// Nothing lost when the team's server goes away: the outbox, against a real PostgreSQL cluster that
// the test stops and starts again.
#include "pgcluster.h"

#include "pipeline/reportreader.h"
#include "review/review.h"
#include "rules/ruleengine.h"
#include "session/reviewkeeper.h"
#include "store/outbox.h"
#include "store/reviewstore.h"
#include "store/storelink.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace nianbao;
using namespace Qt::Literals::StringLiterals;

namespace {

const QString kSeed = u"corpus/seeds/001_bff1b9e23c617db0.txt"_s;

QString dataPath(const QString &rel)
{
    return QStringLiteral(NIANBAO_TEST_DATA) + u'/' + rel;
}

ReviewedReport readReport(const QString &path)
{
    const ReadResult r = ReportReader::read(path);
    ReviewedReport rr = ReviewedReport::fromExtracted(r.report, r.findings);
    QString error;
    rr.contentHash = ReviewStore::fileHash(path, &error);
    return rr;
}

QStringList numberKeys(const Report &r, int n)
{
    QStringList out;
    for (const QString &k : r.cellKeys()) {
        const Cell *c = r.cell(k);
        if (c && c->isNumber() && out.size() < n)
            out.append(k);
    }
    return out;
}

/// A change of one cell of rr, as the review window makes it.
Correction edit(ReviewedReport &rr, const QString &key, double value, const QString &reviewer,
                const QString &note)
{
    Correction c;
    c.key = key;
    c.extracted = rr.extracted.cells.value(key);
    c.before = rr.current.cells.value(key);
    c.after = Cell::number(value, QString::number(value));
    c.action = u"edit"_s;
    c.reviewer = reviewer;
    c.time = QDateTime::currentDateTimeUtc();
    c.note = note;
    rr.current.cells.insert(key, c.after);
    rr.corrections.append(c);
    rr.findings = RuleEngine::check(rr.current);
    return c;
}

void copyOutbox(const QString &from, const QString &to)
{
    for (const QString &suffix : {QString(), u"-wal"_s, u"-shm"_s}) {
        QFile::remove(to + suffix);
        if (QFile::exists(from + suffix))
            QFile::copy(from + suffix, to + suffix);
    }
}

} // namespace

class TestOutbox : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();

    void theOutboxKeepsEntriesInOrderAcrossAReopen();

    void changesMadeWhileTheServerIsDownArriveOnceAndConflictsAreHeld();
    void anEntrySentTwiceIsAppliedOnce();
    void heldChangesOfACellCanBeGivenUp();
    void theKeeperStartsOfflineAndSendsWhenTheServerIsBack();
    void aDispositionWaitsForTheServerAndIsSentOnce();

private:
    QString freshDatabase();

    QTemporaryDir m_tmp;
    testutil::PgCluster m_pg;
    bool m_down = false;
    int m_databases = 0;
};

#define NEED_CLUSTER()                                                                                       \
    do {                                                                                                     \
        if (m_pg.missing())                                                                                  \
            QSKIP("PostgreSQL server binaries are not installed (Debian package postgresql)");               \
        if (!m_pg.controllable())                                                                            \
            QSKIP("the server of NIANBAO_TEST_PG_URL is not stopped by the tests");                          \
        QVERIFY2(!m_pg.url().isEmpty(),                                                                      \
                 qPrintable(u"the PostgreSQL test cluster did not start: "_s + m_pg.problem()));             \
    } while (false)

#define SERVER(command)                                                                                      \
    do {                                                                                                     \
        QString serverError_;                                                                                \
        QVERIFY2(m_pg.control(QString::fromLatin1(command), &serverError_), qPrintable(serverError_));       \
        m_down = QString::fromLatin1(command) == u"down"_s;                                                  \
    } while (false)

void TestOutbox::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    // the cluster may run as nobody (when the tests run as root): it must reach its folder
    QFile::setPermissions(m_tmp.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                            QFileDevice::ExeOwner | QFileDevice::ExeGroup |
                                            QFileDevice::ExeOther);
    m_pg.start(m_tmp.filePath(u"pg"_s));
}

void TestOutbox::cleanupTestCase()
{
    m_pg.stop();
}

void TestOutbox::cleanup()
{
    // a failed test leaves the server up for the next one
    if (m_down) {
        m_pg.control(u"up"_s);
        m_down = false;
    }
}

QString TestOutbox::freshDatabase()
{
    QString error;
    const QString url = m_pg.createDatabase(u"nianbao_outbox_%1"_s.arg(++m_databases), &error);
    if (url.isEmpty())
        qWarning("%s", qPrintable(error));
    return url;
}

void TestOutbox::theOutboxKeepsEntriesInOrderAcrossAReopen()
{
    const QString path = m_tmp.filePath(u"order/outbox.sqlite"_s);
    const QString target = u"postgresql://nianbao@db:5432/reviews"_s;
    const QString hash = ReviewStore::contentHash("order");
    QStringList ids;
    {
        Outbox box;
        QString error;
        QVERIFY2(box.open(path, &error), qPrintable(error));
        for (int i = 0; i < 5; ++i) {
            OutboxEntry e;
            e.kind = i == 3 ? OutboxEntry::Kind::Status : OutboxEntry::Kind::Cell;
            e.contentHash = hash;
            e.key = u"t3.new_received.natural_person"_s;
            e.expectedVersion = i;
            e.correction.key = e.key;
            e.correction.after = Cell::number(i * 10);
            e.correction.note = u"第%1次"_s.arg(i);
            e.status = ReviewStatus::Reviewed;
            e.reviewer = u"甲"_s;
            e.target = i == 4 ? u"postgresql://other@db:5432/reviews"_s : target;
            QVERIFY2(box.add(&e, &error), qPrintable(error));
            QVERIFY(!e.id.isEmpty() && e.seq > 0);
            ids.append(e.id);
        }
        StoredCell theirs;
        theirs.key = u"t3.new_received.natural_person"_s;
        theirs.cell = Cell::number(99);
        theirs.version = 7;
        theirs.reviewer = u"乙"_s;
        QVERIFY2(box.hold(ids[1], theirs, u"changed by 乙"_s, &error), qPrintable(error));
        QVERIFY2(box.remove(ids[0], &error), qPrintable(error));
    }
    // the file is what counts: written in WAL mode, read by a second instance
    Outbox box;
    QString error;
    QVERIFY2(box.open(path, &error), qPrintable(error));
    const QList<OutboxEntry> entries = box.entries(target, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(entries.size(), 3); // one removed, one for another database
    QCOMPARE(entries[0].id, ids[1]);
    QCOMPARE(entries[1].id, ids[2]);
    QCOMPARE(entries[2].id, ids[3]);
    QVERIFY(entries[0].seq < entries[1].seq && entries[1].seq < entries[2].seq);
    QCOMPARE(entries[0].state, OutboxEntry::State::Conflict);
    QCOMPARE(entries[0].theirs.cell.value, 99.0);
    QCOMPARE(entries[0].theirs.version, 7);
    QCOMPARE(entries[0].reason, u"changed by 乙"_s);
    QCOMPARE(entries[1].state, OutboxEntry::State::Waiting);
    QCOMPARE(entries[1].correction.after.value, 20.0);
    QCOMPARE(entries[1].correction.note, u"第2次"_s);
    QCOMPARE(entries[1].expectedVersion, 2);
    QCOMPARE(entries[2].kind, OutboxEntry::Kind::Status);
    QCOMPARE(entries[2].status, ReviewStatus::Reviewed);
    QCOMPARE(box.count(target, OutboxEntry::State::Waiting), 2);
    QCOMPARE(box.count(target, OutboxEntry::State::Conflict), 1);
    QVERIFY(box.release(ids[1], 8, &error));
    QCOMPARE(box.entries(target).first().expectedVersion, 8);
    QCOMPARE(box.count(target, OutboxEntry::State::Waiting), 3);
    box.close();

    QSqlDatabase d = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"outbox-check"_s);
    d.setDatabaseName(path);
    QVERIFY(d.open());
    {
        QSqlQuery q(d);
        QVERIFY(q.exec(u"PRAGMA journal_mode"_s) && q.next());
        QCOMPARE(q.value(0).toString(), u"wal"_s);
    }
    d.close();
    d = QSqlDatabase();
    QSqlDatabase::removeDatabase(u"outbox-check"_s);
}

void TestOutbox::changesMadeWhileTheServerIsDownArriveOnceAndConflictsAreHeld()
{
    NEED_CLUSTER();
    const QString url = freshDatabase();
    QVERIFY(!url.isEmpty());
    const QString seed = dataPath(kSeed);
    ReviewedReport rr = readReport(seed);
    const QString hash = rr.contentHash;
    const QStringList keys = numberKeys(rr.current, 3);
    QVERIFY(keys.size() == 3);
    const QString a = keys[0], b = keys[1], c = keys[2];
    const QString outbox = m_tmp.filePath(u"arrive/outbox.sqlite"_s);
    const QString me = u"审校员甲"_s;

    {
        ReviewStore store;
        StoreLink link(&store);
        link.setOutboxPath(outbox);
        link.setRetryDelays(600000, 600000); // only retryNow() reaches for the server here
        QString error;
        Conflict conflict;
        QVERIFY2(link.open(url, &error), qPrintable(error));
        QVERIFY(link.isOnline());
        QCOMPARE(link.addCorrection(hash, edit(rr, a, 1, me, u"online 1"_s), &error, &conflict),
                 StoreLink::Result::Saved);
        link.remember(rr);
        QCOMPARE(link.addCorrection(hash, edit(rr, b, 10, me, u"online 2"_s), &error, &conflict),
                 StoreLink::Result::Saved);
        link.remember(rr);

        SERVER("down");
        QSignalSpy state(&link, &StoreLink::stateChanged);
        // the first write finds the server gone; it and every later one wait on this computer
        QCOMPARE(link.addCorrection(hash, edit(rr, c, 5, me, u"offline 1"_s), &error, &conflict),
                 StoreLink::Result::Queued);
        QVERIFY(!link.isOnline());
        QVERIFY2(link.offlineReason().contains(u"cannot be reached"_s), qPrintable(link.offlineReason()));
        QVERIFY(link.isRetrying());
        const Correction c2 = edit(rr, c, 6, me, u"offline 2"_s);
        QCOMPARE(link.addCorrection(hash, c2, &error, &conflict), StoreLink::Result::Queued);
        QCOMPARE(link.undoCorrection(hash, c2, me, &error, &conflict), StoreLink::Result::Queued);
        QCOMPARE(link.addCorrection(hash, edit(rr, b, 11, me, u"offline 3"_s), &error, &conflict),
                 StoreLink::Result::Queued);
        QCOMPARE(link.setStatus(hash, ReviewStatus::Reviewed, me, &error), StoreLink::Result::Queued);
        QCOMPARE(link.setNotes(hash, u"离线时写的备注"_s, me, &error), StoreLink::Result::Queued);
        QCOMPARE(link.waiting(), 6);
        QVERIFY(state.count() >= 6);
    }

    // The program starts again while the server is still away: offline from the start, with the
    // report as this computer last knew it and the waiting changes on top.
    ReviewStore store;
    StoreLink link(&store);
    link.setOutboxPath(outbox);
    link.setRetryDelays(600000, 600000);
    QString error;
    QVERIFY2(link.open(url, &error), qPrintable(error));
    QVERIFY(!link.isOnline());
    QVERIFY2(error.contains(u"cannot be reached"_s), qPrintable(error));
    QVERIFY(!error.contains(m_pg.password()));
    QCOMPARE(link.waiting(), 6);
    ReviewedReport again = readReport(seed);
    Finding mark; // the findings are the caller's to refresh: the link runs no rule either
    mark.rule = u"TEST.UNTOUCHED"_s;
    again.findings = {mark};
    bool known = false;
    QVERIFY2(link.restore(&again, &error, &known), qPrintable(error));
    QVERIFY(known);
    QCOMPARE(again.findings.size(), 1);
    QCOMPARE(again.findings.first().rule, mark.rule);
    QCOMPARE(again.current.cell(a)->value, 1.0);
    QCOMPARE(again.current.cell(b)->value, 11.0);
    QCOMPARE(again.current.cell(c)->value, 5.0); // the second offline edit was undone
    QCOMPARE(again.status, ReviewStatus::Reviewed);
    QCOMPARE(again.notes, u"离线时写的备注"_s);
    QCOMPARE(again.corrections.size(), 4);

    // The server comes back, and another reviewer changes cell b before this one's outbox is sent.
    SERVER("up");
    {
        ReviewStore other;
        QVERIFY2(other.open(url, &error), qPrintable(error));
        const auto seen = other.storedCell(hash, b, &error);
        QVERIFY(seen && seen->version == 1);
        Correction theirs;
        theirs.key = b;
        theirs.before = seen->cell;
        theirs.after = Cell::number(99, u"99"_s);
        theirs.reviewer = u"审校员乙"_s;
        theirs.time = QDateTime::currentDateTimeUtc();
        QVERIFY2(other.addCorrection(hash, theirs, &error), qPrintable(error));
    }
    QSignalSpy held(&link, &StoreLink::entryHeld);
    QSignalSpy back(&link, &StoreLink::reconnected);
    link.retryNow();
    QTRY_VERIFY_WITH_TIMEOUT(link.isOnline(), 30000);
    QCOMPARE(back.count(), 1);
    QCOMPARE(link.waiting(), 0);
    QCOMPARE(link.held(), 1);
    QCOMPARE(held.count(), 1);
    const QList<OutboxEntry> kept = link.heldEntries();
    QCOMPARE(kept.size(), 1);
    QCOMPARE(kept.first().key, b);
    QCOMPARE(kept.first().correction.after.value, 11.0);
    QCOMPARE(kept.first().theirs.cell.value, 99.0);
    QCOMPARE(kept.first().theirs.reviewer, u"审校员乙"_s);
    QVERIFY2(kept.first().reason.contains(u"审校员乙"_s), qPrintable(kept.first().reason));

    // What the server holds: every change once, in the order made; the conflicting one not applied.
    {
        ReviewStore check;
        QVERIFY2(check.open(url, &error), qPrintable(error));
        const QList<AuditEntry> audit = check.auditTrail(hash, &error);
        QStringList notes;
        for (const AuditEntry &e : audit)
            notes.append(e.correction.note + (e.undone ? u" (undone)"_s : QString()));
        // the other reviewer's change (no note) landed before the outbox was sent
        QCOMPARE(notes, QStringList({u"online 1"_s, u"online 2"_s, QString(), u"offline 1"_s,
                                     u"offline 2 (undone)"_s}));
        QCOMPARE(check.storedCell(hash, a)->cell.value, 1.0);
        QCOMPARE(check.storedCell(hash, b)->cell.value, 99.0);
        QCOMPARE(check.storedCell(hash, c)->cell.value, 5.0);
        QCOMPARE(check.storedCell(hash, c)->version, 3);
        ReviewedReport onServer = readReport(seed);
        QVERIFY(check.restore(&onServer, &error));
        QCOMPARE(onServer.status, ReviewStatus::Reviewed);
        QCOMPARE(onServer.reviewer, me);
        QCOMPARE(onServer.notes, u"离线时写的备注"_s);
    }

    // The reviewer decides to send theirs over: it goes, stating the version now seen.
    QVERIFY2(link.resolveHeld(true, &error), qPrintable(error));
    QCOMPARE(link.held(), 0);
    QCOMPARE(link.waiting(), 0);
    ReviewStore check;
    QVERIFY2(check.open(url, &error), qPrintable(error));
    QCOMPARE(check.storedCell(hash, b)->cell.value, 11.0);
    QCOMPARE(check.storedCell(hash, b)->version, 3);
    QCOMPARE(check.auditTrail(hash).size(), 6);
}

void TestOutbox::anEntrySentTwiceIsAppliedOnce()
{
    NEED_CLUSTER();
    const QString url = freshDatabase();
    QVERIFY(!url.isEmpty());
    ReviewedReport rr = readReport(dataPath(kSeed));
    const QStringList keys = numberKeys(rr.current, 2);
    const QString outbox = m_tmp.filePath(u"twice/outbox.sqlite"_s);
    const QString copy = m_tmp.filePath(u"twice/copy.sqlite"_s);
    QString error;
    {
        ReviewStore store;
        StoreLink link(&store);
        link.setOutboxPath(outbox);
        link.setRetryDelays(600000, 600000);
        QVERIFY2(link.open(url, &error), qPrintable(error));
        SERVER("down");
        Conflict conflict;
        QCOMPARE(
            link.addCorrection(rr.contentHash, edit(rr, keys[0], 3, u"甲"_s, u"one"_s), &error, &conflict),
            StoreLink::Result::Queued);
        QCOMPARE(
            link.addCorrection(rr.contentHash, edit(rr, keys[1], 4, u"甲"_s, u"two"_s), &error, &conflict),
            StoreLink::Result::Queued);
        QCOMPARE(link.waiting(), 2);
    }
    // The outbox as it was before it was sent: as if the program died after the server
    // committed and before the entries were removed.
    copyOutbox(outbox, copy);
    SERVER("up");
    {
        ReviewStore store;
        StoreLink link(&store);
        link.setOutboxPath(outbox);
        QVERIFY2(link.open(url, &error), qPrintable(error));
        QVERIFY(link.isOnline());
        QCOMPARE(link.waiting(), 0); // sent on opening
    }
    copyOutbox(copy, outbox);
    ReviewStore store;
    StoreLink link(&store);
    link.setOutboxPath(outbox);
    QVERIFY2(link.open(url, &error), qPrintable(error));
    QVERIFY(link.isOnline());
    QCOMPARE(link.waiting(), 0);
    QCOMPARE(link.held(), 0); // known by their ids: not taken for conflicting edits either
    ReviewStore check;
    QVERIFY2(check.open(url, &error), qPrintable(error));
    const QList<AuditEntry> audit = check.auditTrail(rr.contentHash, &error);
    QCOMPARE(audit.size(), 2);
    QCOMPARE(audit[0].correction.note, u"one"_s);
    QCOMPARE(audit[1].correction.note, u"two"_s);
    QCOMPARE(check.storedCell(rr.contentHash, keys[0])->version, 1);
}

void TestOutbox::heldChangesOfACellCanBeGivenUp()
{
    NEED_CLUSTER();
    const QString url = freshDatabase();
    QVERIFY(!url.isEmpty());
    ReviewedReport rr = readReport(dataPath(kSeed));
    const QString key = numberKeys(rr.current, 1).first();
    const QString hash = rr.contentHash;
    QString error;
    Conflict conflict;
    ReviewStore store;
    StoreLink link(&store);
    link.setOutboxPath(m_tmp.filePath(u"giveup/outbox.sqlite"_s));
    link.setRetryDelays(600000, 600000);
    QVERIFY2(link.open(url, &error), qPrintable(error));
    QCOMPARE(link.addCorrection(hash, edit(rr, key, 1, u"甲"_s, {}), &error, &conflict),
             StoreLink::Result::Saved);
    SERVER("down");
    QCOMPARE(link.addCorrection(hash, edit(rr, key, 2, u"甲"_s, {}), &error, &conflict),
             StoreLink::Result::Queued);
    QCOMPARE(link.addCorrection(hash, edit(rr, key, 3, u"甲"_s, {}), &error, &conflict),
             StoreLink::Result::Queued);
    SERVER("up");
    {
        ReviewStore other;
        QVERIFY2(other.open(url, &error), qPrintable(error));
        Correction theirs;
        theirs.key = key;
        theirs.before = other.storedCell(hash, key)->cell;
        theirs.after = Cell::number(50);
        theirs.reviewer = u"乙"_s;
        QVERIFY2(other.addCorrection(hash, theirs, &error), qPrintable(error));
    }
    link.retryNow();
    QTRY_VERIFY_WITH_TIMEOUT(link.isOnline(), 30000);
    // the first met the other's value; the second, stating the version the first would have
    // made, must not slip over it either
    QCOMPARE(link.held(), 2);
    QCOMPARE(link.waiting(), 0);
    QVERIFY2(link.resolveHeld(false, &error), qPrintable(error));
    QCOMPARE(link.held(), 0);
    QCOMPARE(link.waiting(), 0);
    QVERIFY(link.outbox()->entries(link.target()).isEmpty());
    ReviewStore check;
    QVERIFY2(check.open(url, &error), qPrintable(error));
    QCOMPARE(check.storedCell(hash, key)->cell.value, 50.0);
    QCOMPARE(check.auditTrail(hash).size(), 2);
}

void TestOutbox::theKeeperStartsOfflineAndSendsWhenTheServerIsBack()
{
    NEED_CLUSTER();
    const QString url = freshDatabase();
    QVERIFY(!url.isEmpty());
    const QString seed = dataPath(kSeed);
    const ReadResult read = ReportReader::read(seed);
    QVERIFY(read.ok);
    Review review(read.report, read.findings);
    const QString key = numberKeys(read.report, 1).first();
    const QString hash = ReviewStore::fileHash(seed, nullptr);

    SERVER("down");
    ReviewKeeper keeper;
    keeper.link()->setOutboxPath(m_tmp.filePath(u"keeper/outbox.sqlite"_s));
    keeper.link()->setRetryDelays(50, 400);
    QSignalSpy problems(&keeper, &ReviewKeeper::problem);
    QSignalSpy sent(&keeper, &ReviewKeeper::changesSent);
    QString error;
    QVERIFY2(keeper.open(url, &error), qPrintable(error));
    QVERIFY(!keeper.isOnline());
    keeper.setReviewer(u"审校员甲"_s);
    keeper.attach(&review, seed);
    QVERIFY(review.setCellText(key, u"123"_s));
    QCOMPARE(review.status(), ReviewStatus::InReview);
    // the report's summary, its place in the queue, the correction and the new state
    QCOMPARE(keeper.waitingChanges(), 4);
    QCOMPARE(keeper.queuedPaths(), QStringList{QFileInfo(seed).absoluteFilePath()});
    QCOMPARE(problems.count(), 0); // waiting is not a problem: the window says it in its status

    SERVER("up");
    QTRY_VERIFY_WITH_TIMEOUT(keeper.isOnline(), 30000);
    QCOMPARE(keeper.waitingChanges(), 0);
    QCOMPARE(sent.count(), 1);
    QCOMPARE(sent.first().first().toInt(), 4);
    QCOMPARE(problems.count(), 0);
    QCOMPARE(review.report().cell(key)->value, 123.0);
    QVERIFY(review.isCorrected(key));

    ReviewStore check;
    QVERIFY2(check.open(url, &error), qPrintable(error));
    const QList<Correction> saved = check.corrections(hash, &error);
    QCOMPARE(saved.size(), 1);
    QCOMPARE(saved.first().after.value, 123.0);
    QCOMPARE(saved.first().reviewer, u"审校员甲"_s);
    const QList<QueueItem> queue = check.queue({}, &error);
    QCOMPARE(queue.size(), 1);
    QCOMPARE(queue.first().contentHash, hash);
    QCOMPARE(queue.first().status, ReviewStatus::InReview);
    QCOMPARE(queue.first().unit, read.report.unit);

    // online again: the next correction goes straight to the server
    QVERIFY(review.setCellText(key, u"124"_s));
    QCOMPARE(keeper.waitingChanges(), 0);
    QCOMPARE(check.corrections(hash).size(), 2);
}

void TestOutbox::aDispositionWaitsForTheServerAndIsSentOnce()
{
    NEED_CLUSTER();
    const QString url = freshDatabase();
    QVERIFY(!url.isEmpty());
    const QString seed = dataPath(kSeed);
    const ReadResult read = ReportReader::read(seed);
    QVERIFY(read.ok);
    Review review(read.report, read.findings);
    const QString hash = ReviewStore::fileHash(seed, nullptr);

    ReviewKeeper keeper;
    keeper.link()->setOutboxPath(m_tmp.filePath(u"disposition/outbox.sqlite"_s));
    keeper.link()->setRetryDelays(50, 400);
    QSignalSpy problems(&keeper, &ReviewKeeper::problem);
    QString error;
    QVERIFY2(keeper.open(url, &error), qPrintable(error));
    QVERIFY(keeper.isOnline());
    keeper.setReviewer(u"审校员甲"_s);
    keeper.attach(&review, seed);
    // a finding to dismiss: a count raised breaks its total
    QVERIFY(review.setCellText(numberKeys(read.report, 1).first(), u"123"_s));
    QVERIFY(!review.findings().isEmpty());
    const Finding finding = review.findings().first();
    const int warningsBefore = review.warningCount();
    QCOMPARE(keeper.waitingChanges(), 0);

    SERVER("down");
    QVERIFY(review.dismiss({finding}, u"已与报送单位核实"_s));
    QVERIFY(!keeper.isOnline());
    QCOMPARE(keeper.waitingChanges(), 2); // the dismissal, and the report's counts without it
    // reopened while the server is away: the dismissal is there, from the outbox
    ReviewedReport offline = review.reviewed();
    offline.dispositions.clear();
    QVERIFY2(keeper.link()->restore(&offline, &error), qPrintable(error));
    QVERIFY(dispositionOf(offline.dispositions, finding));
    QCOMPARE(dispositionOf(offline.dispositions, finding)->reason, u"已与报送单位核实"_s);

    SERVER("up");
    QTRY_VERIFY_WITH_TIMEOUT(keeper.isOnline(), 30000);
    QCOMPARE(keeper.waitingChanges(), 0);
    QCOMPARE(problems.count(), 0);

    ReviewStore check;
    QVERIFY2(check.open(url, &error), qPrintable(error));
    const QList<Disposition> saved = check.dispositions(hash, &error);
    QCOMPARE(saved.size(), 1);
    QCOMPARE(saved.first().finding, findingKey(finding));
    QCOMPARE(saved.first().kind, Disposition::Kind::Dismissed);
    QCOMPARE(saved.first().reviewer, u"审校员甲"_s);
    int logged = 0;
    for (const StoreChange &c : check.changesSince(0, &error))
        logged += c.kind == u"disposition" ? 1 : 0;
    QCOMPARE(logged, 1); // sent once
    const QList<QueueItem> queue = check.queue({}, &error);
    QCOMPARE(queue.size(), 1);
    // the queue's counts leave the dismissed finding out
    QCOMPARE(review.warningCount(), warningsBefore - (finding.isError() ? 0 : 1));
    QCOMPARE(queue.first().errors, review.errorCount());
    QCOMPARE(queue.first().warnings, review.warningCount());

    // online again: its undo goes straight to the server
    review.undoStack()->undo();
    QCOMPARE(keeper.waitingChanges(), 0);
    QVERIFY(check.dispositions(hash).isEmpty());
}

QTEST_GUILESS_MAIN(TestOutbox)
#include "tst_outbox.moc"
