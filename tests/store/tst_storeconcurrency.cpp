// Reviewers sharing one review database: no update lost between two writers, a conflicting edit
// refused and reported, and every change announced to the others.
#include "storetesting.h"

#include "store/reviewstore.h"

#include <QProcess>
#include <QSignalSpy>

using namespace nianbao;
using namespace testutil;
using namespace Qt::Literals::StringLiterals;

class TestStoreConcurrency : public QObject, private StoreDatabases
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QString problem;
        QVERIFY2(startDatabases(&problem), qPrintable(problem));
    }
    void cleanupTestCase() { stopDatabases(); }

    void concurrentWritersNeverLoseAnUpdate_data() { backends(); }
    void concurrentWritersNeverLoseAnUpdate();
    void conflictingEditIsDetectedAndReported_data() { backends(); }
    void conflictingEditIsDetectedAndReported();
    void othersChangesAreAnnounced_data() { backends(); }
    void othersChangesAreAnnounced();
};

void TestStoreConcurrency::concurrentWritersNeverLoseAnUpdate()
{
    FRESH_DATABASE(url);
    const QString hash = ReviewStore::contentHash("two writers");
    const QString key = u"t3.total.results.granted"_s;
    const int each = 150;
    QProcess a, b;
    const QStringList ca =
        helperCommand({u"increment"_s, url, hash, key, QString::number(each), u"甲"_s}, false);
    const QStringList cb =
        helperCommand({u"increment"_s, url, hash, key, QString::number(each), u"乙"_s}, false);
    a.start(ca.first(), ca.mid(1));
    b.start(cb.first(), cb.mid(1));
    QVERIFY(a.waitForFinished(240000));
    QVERIFY(b.waitForFinished(240000));
    const QString outA = QString::fromUtf8(a.readAllStandardOutput()).trimmed();
    const QString outB = QString::fromUtf8(b.readAllStandardOutput()).trimmed();
    QVERIFY2(a.exitCode() == 0, qPrintable(outA));
    QVERIFY2(b.exitCode() == 0, qPrintable(outB));
    qInfo("%s: %s / %s", qPrintable(backend), qPrintable(outA), qPrintable(outB));

    ReviewStore store;
    QString error;
    QVERIFY2(store.open(url, &error), qPrintable(error));
    const auto cell = store.storedCell(hash, key, &error);
    QVERIFY2(cell.has_value(), qPrintable(error));
    QCOMPARE(cell->cell.value, double(2 * each));
    QCOMPARE(cell->version, qint64(2 * each));
    const QList<AuditEntry> history = store.cellHistory(hash, key);
    QCOMPARE(history.size(), 2 * each);
    int byA = 0;
    for (int i = 0; i < history.size(); ++i) {
        QCOMPARE(history[i].version, qint64(i + 1));
        // the change log numbers the writes in the order they became visible
        QVERIFY(i == 0 || history[i].revision > history[i - 1].revision);
        QCOMPARE(history[i].correction.before.value, double(i));
        QCOMPARE(history[i].correction.after.value, double(i + 1));
        byA += history[i].correction.reviewer == u"甲"_s;
    }
    QCOMPARE(byA, each);
}

void TestStoreConcurrency::conflictingEditIsDetectedAndReported()
{
    FRESH_DATABASE(url);
    const QString seed = seedFiles().at(2);
    ReviewStore first, second;
    QString error;
    QVERIFY2(first.open(url, &error), qPrintable(error));
    QVERIFY2(second.open(url, &error), qPrintable(error));
    ReviewedReport mine = readReport(seed);
    ReviewedReport theirs = readReport(seed);
    QVERIFY(first.restore(&mine, &error));
    QVERIFY(second.restore(&theirs, &error));
    const QString key = firstNumberKey(mine.current);

    QVERIFY2(first.addCorrection(mine.contentHash, edit(mine, key, Cell::number(5), u"甲"_s, {}), &error),
             qPrintable(error));
    Conflict conflict;
    QVERIFY(!second.addCorrection(theirs.contentHash, edit(theirs, key, Cell::number(7), u"乙"_s, {}), &error,
                                  &conflict));
    QCOMPARE(conflict.key, key);
    QCOMPARE(conflict.expectedVersion, 0);
    QCOMPARE(conflict.theirs.version, 1);
    QCOMPARE(conflict.theirs.cell.value, 5.0);
    QCOMPARE(conflict.theirs.reviewer, u"甲"_s);
    QVERIFY2(error.contains(u"甲"_s) && error.contains(u"not saved"_s), qPrintable(error));
    // nothing of the refused write is stored
    QCOMPARE(first.cellHistory(mine.contentHash, key).size(), 1);
    QCOMPARE(first.storedCell(mine.contentHash, key)->cell.value, 5.0);

    // the second reviewer sees the first's change, then corrects on top of it
    const QList<StoreChange> changes = second.changesSince(0, &error);
    QVERIFY(std::any_of(changes.begin(), changes.end(), [&](const StoreChange &c) {
        return !c.own && c.kind == u"cell"_s && c.key == key && c.reviewer == u"甲"_s;
    }));
    QCOMPARE(second.storedCell(theirs.contentHash, key)->cell.value, 5.0);
    QVERIFY2(
        second.addCorrection(theirs.contentHash, edit(theirs, key, Cell::number(7), u"乙"_s, {}), &error),
        qPrintable(error));
    // now the first one is behind
    QVERIFY(!first.addCorrection(mine.contentHash, edit(mine, key, Cell::number(9), u"甲"_s, {}), &error,
                                 &conflict));
    QCOMPARE(conflict.theirs.reviewer, u"乙"_s);
    QCOMPARE(conflict.theirs.version, 2);
    // stating the version seen explicitly overrides on purpose
    QVERIFY2(first.addCorrection(mine.contentHash, edit(mine, key, Cell::number(9), u"甲"_s, {}), &error,
                                 nullptr, conflict.theirs.version),
             qPrintable(error));
    QCOMPARE(second.storedCell(theirs.contentHash, key)->cell.value, 9.0);
}

void TestStoreConcurrency::othersChangesAreAnnounced()
{
    FRESH_DATABASE(url);
    ReviewStore first, second;
    QString error;
    QVERIFY2(first.open(url, &error), qPrintable(error));
    QVERIFY2(second.open(url, &error), qPrintable(error));
    const qint64 start = second.latestRevision(&error);
    QSignalSpy spy(&second, &ReviewStore::changesAvailable);
    second.watchChanges(true, 50);
    const QString hash = ReviewStore::contentHash("announced");
    Correction c;
    c.key = u"t3.total.results.granted"_s;
    c.after = Cell::number(3);
    c.reviewer = u"甲"_s;
    QVERIFY2(first.addCorrection(hash, c, &error), qPrintable(error));
    QVERIFY2(first.setStatus(hash, ReviewStatus::Reviewed, u"甲"_s, &error), qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(spy.count() > 0, 10000);
    const QList<StoreChange> changes = second.changesSince(start, &error);
    QCOMPARE(changes.size(), 2);
    QCOMPARE(changes[0].kind, u"cell"_s);
    QCOMPARE(changes[0].key, c.key);
    QCOMPARE(changes[0].contentHash, hash);
    QVERIFY(!changes[0].own);
    QCOMPARE(changes[1].kind, u"status"_s);
    QCOMPARE(second.changesSince(changes[1].revision).size(), 0);
    QVERIFY(first.changesSince(start).first().own);
}

QTEST_GUILESS_MAIN(TestStoreConcurrency)
#include "tst_storeconcurrency.moc"
