// The reviewer's word on findings in the review store: kept across a restart, replaced and cleared,
// logged for other reviewers' windows, sent once; a database of schema 4 migrated to 5.
#include "storetesting.h"

#include "pipeline/reportreader.h"
#include "review/review.h"
#include "session/reviewkeeper.h"
#include "store/reviewstore.h"

#include <QSignalSpy>

using namespace nianbao;
using namespace testutil;
using namespace Qt::Literals::StringLiterals;

namespace {

Disposition word(const QString &finding, Disposition::Kind kind, const QString &reason, const QString &who,
                 int minute)
{
    Disposition d;
    d.finding = finding;
    d.rule = finding.section(u'|', 0, 0);
    d.kind = kind;
    d.reason = reason;
    d.reviewer = who;
    d.time = QDateTime(QDate(2026, 3, 2), QTime(1, minute), Qt::UTC);
    return d;
}

} // namespace

class TestStoreDispositions : public QObject, private StoreDatabases
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QString problem;
        QVERIFY2(startDatabases(&problem), qPrintable(problem));
    }
    void cleanupTestCase() { stopDatabases(); }

    void dispositionsSurviveARestart_data() { backends(); }
    void dispositionsSurviveARestart();
    void aRepeatedWriteIsAppliedOnce_data() { backends(); }
    void aRepeatedWriteIsAppliedOnce();
    void schemaFourIsMigrated_data() { backends(); }
    void schemaFourIsMigrated();
    void anotherReviewersWindowFollows_data() { backends(); }
    void anotherReviewersWindowFollows();
};

void TestStoreDispositions::dispositionsSurviveARestart()
{
    FRESH_DATABASE(url);
    const QString seed = seedFiles().first();
    ReviewedReport rr = readReport(seed);
    const QString a = u"t3.balance|t3|t3.new_received.total"_s;
    const QString b = u"prose.in_force|document|@120"_s;
    const QString c = u"t1.total|t1|t1.rules.issued"_s;
    qint64 revision = 0;
    {
        ReviewStore store;
        QString error;
        QVERIFY2(store.open(url, &error), qPrintable(error));
        QVERIFY2(store.registerReport(rr, seed, &error), qPrintable(error));
        revision = store.latestRevision();
        QVERIFY2(store.setDisposition(rr.contentHash, word(a, Disposition::Kind::Confirmed, {}, u"王"_s, 1),
                                      &error),
                 qPrintable(error));
        QVERIFY2(store.setDisposition(rr.contentHash,
                                      word(b, Disposition::Kind::Dismissed, u"在施行数已清理"_s, u"王"_s, 2),
                                      &error),
                 qPrintable(error));
        QVERIFY2(store.setDisposition(rr.contentHash, word(c, Disposition::Kind::Confirmed, {}, u"王"_s, 3),
                                      &error),
                 qPrintable(error));
        // the confirmation of a is replaced by a dismissal; c is cleared
        QVERIFY2(store.setDisposition(
                     rr.contentHash, word(a, Disposition::Kind::Dismissed, u"已与报送单位核实"_s, u"李"_s, 4),
                     &error),
                 qPrintable(error));
        QVERIFY2(store.removeDisposition(
                     rr.contentHash, word(c, Disposition::Kind::Confirmed, {}, u"王"_s, 3), u"李"_s, &error),
                 qPrintable(error));
    }

    ReviewStore store;
    QString error;
    QVERIFY2(store.open(url, &error), qPrintable(error));
    ReviewedReport again = readReport(seed);
    bool known = false;
    QVERIFY2(store.restore(&again, &error, &known), qPrintable(error));
    QVERIFY(known);
    QCOMPARE(again.dispositions.size(), 2);
    QCOMPARE(again.dispositions[0].finding, b);
    QCOMPARE(again.dispositions[0].kind, Disposition::Kind::Dismissed);
    QCOMPARE(again.dispositions[0].reason, u"在施行数已清理"_s);
    QCOMPARE(again.dispositions[0].rule, u"prose.in_force"_s);
    QCOMPARE(again.dispositions[1].finding, a);
    QCOMPARE(again.dispositions[1].kind, Disposition::Kind::Dismissed);
    QCOMPARE(again.dispositions[1].reason, u"已与报送单位核实"_s);
    QCOMPARE(again.dispositions[1].reviewer, u"李"_s);
    QCOMPARE(again.dispositions[1].time, QDateTime(QDate(2026, 3, 2), QTime(1, 4), Qt::UTC));

    // another reviewer's window is told, finding by finding
    QStringList logged;
    for (const StoreChange &ch : store.changesSince(revision, &error))
        if (ch.kind == u"disposition" && ch.contentHash == rr.contentHash)
            logged.append(ch.key + u' ' + ch.reviewer);
    QCOMPARE(logged, QStringList({a + u" 王"_s, b + u" 王"_s, c + u" 王"_s, a + u" 李"_s, c + u" 李"_s}));
}

void TestStoreDispositions::aRepeatedWriteIsAppliedOnce()
{
    FRESH_DATABASE(url);
    ReviewedReport rr = readReport(seedFiles().first());
    const QString a = u"t3.balance|t3|t3.new_received.total"_s;
    ReviewStore store;
    QString error;
    QVERIFY2(store.open(url, &error), qPrintable(error));
    const qint64 revision = store.latestRevision();
    for (int i = 0; i < 2; ++i) {
        store.setWriteId(u"outbox-entry-1"_s);
        QVERIFY2(store.setDisposition(
                     rr.contentHash, word(a, Disposition::Kind::Dismissed, u"正文只涉及本机关"_s, u"王"_s, 1),
                     &error),
                 qPrintable(error));
        QCOMPARE(store.lastWriteWasRepeat(), i == 1);
    }
    QCOMPARE(store.dispositions(rr.contentHash).size(), 1);
    QCOMPARE(store.changesSince(revision).size(), 1);
}

void TestStoreDispositions::schemaFourIsMigrated()
{
    FRESH_DATABASE(url);
    ReviewedReport rr = readReport(seedFiles().first());
    const QString key = firstNumberKey(rr.current);
    QString error;
    {
        ReviewStore store;
        QVERIFY2(store.open(url, &error), qPrintable(error));
        const Correction c = edit(rr, key, Cell::number(99, u"99"_s), u"张"_s, u"旧库的修改"_s);
        QVERIFY2(store.addCorrection(rr.contentHash, c, &error), qPrintable(error));
        QVERIFY2(store.setStatus(rr.contentHash, ReviewStatus::Reviewed, u"张"_s, &error), qPrintable(error));
    }
    // the database as version 4 left it: no dispositions table
    QVERIFY2(rawExec(url, {u"DROP TABLE dispositions"_s, u"UPDATE schema_version SET version = 4"_s}, &error),
             qPrintable(error));

    ReviewStore store;
    QVERIFY2(store.open(url, &error), qPrintable(error));
    QCOMPARE(store.schemaVersion(), 5);
    QVariant version;
    QVERIFY(rawExec(url, {u"SELECT MAX(version) FROM schema_version"_s}, &error, &version));
    QCOMPARE(version.toInt(), 5);
    ReviewedReport again = readReport(seedFiles().first());
    QVERIFY2(store.restore(&again, &error), qPrintable(error));
    QCOMPARE(again.status, ReviewStatus::Reviewed);
    QCOMPARE(again.corrections.size(), 1);
    QCOMPARE(again.corrections.first().note, u"旧库的修改"_s);
    QCOMPARE(again.current.cell(key)->value, 99.0);
    QVERIFY(again.dispositions.isEmpty());
    // and takes dispositions from now on
    const QString a = u"t3.balance|t3|"_s + key;
    QVERIFY2(store.setDisposition(again.contentHash, word(a, Disposition::Kind::Confirmed, {}, u"王"_s, 5),
                                  &error),
             qPrintable(error));
    QVERIFY2(store.restore(&again, &error), qPrintable(error));
    QCOMPARE(again.dispositions.size(), 1);
    QCOMPARE(again.dispositions.first().kind, Disposition::Kind::Confirmed);
}

void TestStoreDispositions::anotherReviewersWindowFollows()
{
    FRESH_DATABASE(url);
    const QStringList seeds = seedFiles().filter(u"001_bff1b9e23c617db0"_s);
    QCOMPARE(seeds.size(), 1);
    const QString seed = seeds.first();
    const ReadResult read = ReportReader::read(seed);
    QVERIFY(read.ok);
    Review mine(read.report, read.findings), theirs(read.report, read.findings);
    ReviewKeeper mineKeeper, theirKeeper;
    QString error;
    QVERIFY2(mineKeeper.open(url, &error), qPrintable(error));
    QVERIFY2(theirKeeper.open(url, &error), qPrintable(error));
    mineKeeper.setReviewer(u"王"_s);
    theirKeeper.setReviewer(u"李"_s);
    mineKeeper.attach(&mine, seed);
    theirKeeper.attach(&theirs, seed);
    QSignalSpy reloaded(&theirKeeper, &ReviewKeeper::reloaded);

    // a finding to dismiss: a count raised breaks its total
    QVERIFY(mine.setCellText(u"t3.granted.legal_service"_s, u"10"_s));
    QVERIFY(!mine.findings().isEmpty());
    const Finding f = mine.findings().first();
    QTRY_VERIFY_WITH_TIMEOUT(reloaded.size() >= 1, 20000);
    reloaded.clear();
    QVERIFY(mine.dismiss({f}, u"已与报送单位核实"_s));
    QTRY_VERIFY_WITH_TIMEOUT(reloaded.size() >= 1, 20000);
    QCOMPARE(reloaded.first().at(1).toString(), u"王"_s);
    const Disposition *d = theirs.disposition(f);
    QVERIFY(d);
    QCOMPARE(d->kind, Disposition::Kind::Dismissed);
    QCOMPARE(d->reason, u"已与报送单位核实"_s);
    QCOMPARE(theirs.errorCount(), mine.errorCount());
}

QTEST_GUILESS_MAIN(TestStoreDispositions)
#include "tst_storedispositions.moc"
