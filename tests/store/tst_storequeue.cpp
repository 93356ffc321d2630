// The queue of open reports in the review store: its order, the states and counts it shows, its
// filters, all kept across a restart.
#include "storetesting.h"

#include "rules/ruleengine.h"
#include "store/reviewstore.h"

#include <QFileInfo>

using namespace nianbao;
using namespace testutil;
using namespace Qt::Literals::StringLiterals;

class TestStoreQueue : public QObject, private StoreDatabases
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QString problem;
        QVERIFY2(startDatabases(&problem), qPrintable(problem));
    }
    void cleanupTestCase() { stopDatabases(); }

    void queueKeepsItsOrderAndState_data() { backends(); }
    void queueKeepsItsOrderAndState();
};

void TestStoreQueue::queueKeepsItsOrderAndState()
{
    FRESH_DATABASE(url);
    const QStringList seeds = seedFiles();
    const QStringList real = realTextFiles();
    QVERIFY(seeds.size() >= 3 && !real.isEmpty());
    ReviewStore store;
    QString error;
    QVERIFY2(store.open(url, &error), qPrintable(error));
    QVERIFY2(store.addToQueue(seeds, {}, &error), qPrintable(error));
    QVERIFY2(store.addToQueue(real, u"第二批"_s, &error), qPrintable(error));
    QVERIFY2(store.addToQueue({seeds.first()}, {}, &error), qPrintable(error)); // already there
    const QStringList all = seeds + real;

    QList<ReviewedReport> reports;
    for (const QString &p : all) {
        ReviewedReport rr = readReport(p);
        QVERIFY2(store.registerReport(rr, p, &error), qPrintable(error));
        reports.append(rr);
    }
    QVERIFY(store.setStatus(reports[0].contentHash, ReviewStatus::Reviewed, u"甲"_s, &error));
    QVERIFY(store.setStatus(reports[1].contentHash, ReviewStatus::InReview, u"甲"_s, &error));
    QVERIFY(store.setStatus(reports[2].contentHash, ReviewStatus::Sent, u"乙"_s, &error));
    ReviewedReport &corrected = reports[1];
    QVERIFY(store.addCorrection(
        corrected.contentHash,
        edit(corrected, firstNumberKey(corrected.current), Cell::number(1), u"甲"_s, {}), &error));

    QList<QueueItem> items = store.queue({}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(items.size(), all.size());
    for (qsizetype i = 0; i < items.size(); ++i) {
        QCOMPARE(items[i].path, QFileInfo(all[i]).absoluteFilePath());
        QCOMPARE(items[i].contentHash, reports[i].contentHash);
        QCOMPARE(items[i].unit, reports[i].current.unit);
        QCOMPARE(items[i].year, reports[i].current.year);
        QCOMPARE(items[i].errors, RuleEngine::errorCount(reports[i].findings));
    }
    QCOMPARE(items[0].status, ReviewStatus::Reviewed);
    QCOMPARE(items[0].reviewer, u"甲"_s);
    QCOMPARE(items[1].corrections, 1);
    QCOMPARE(items[0].folder, QFileInfo(seeds.first()).absolutePath());
    QCOMPARE(items.last().folder, u"第二批"_s);

    // filters and search, checked against what was read from the files
    auto expected = [&](auto pred) {
        int n = 0;
        for (qsizetype i = 0; i < reports.size(); ++i)
            n += pred(i, reports[i]) ? 1 : 0;
        return n;
    };
    QueueFilter f;
    f.statuses = {ReviewStatus::New};
    QCOMPARE(store.queue(f).size(), all.size() - 3);
    f.statuses = {ReviewStatus::Reviewed, ReviewStatus::Sent};
    QCOMPARE(store.queue(f).size(), 2);
    f = {};
    f.withErrorsOnly = true;
    const int withErrors =
        expected([&](qsizetype, const ReviewedReport &r) { return RuleEngine::errorCount(r.findings) > 0; });
    QVERIFY(withErrors > 0 && withErrors < all.size());
    QCOMPARE(store.queue(f).size(), withErrors);
    f.statuses = {ReviewStatus::New};
    QCOMPARE(store.queue(f).size(), expected([&](qsizetype i, const ReviewedReport &r) {
                 return i >= 3 && RuleEngine::errorCount(r.findings) > 0;
             }));
    QString unit;
    for (const ReviewedReport &r : reports)
        if (r.current.unit.size() >= 3)
            unit = r.current.unit;
    QVERIFY2(!unit.isEmpty(), "no report names its unit");
    f = {};
    f.search = unit.mid(1, 2);
    QCOMPARE(store.queue(f).size(), expected([&](qsizetype i, const ReviewedReport &r) {
                 return r.current.unit.contains(f.search) ||
                        QFileInfo(all[i]).absoluteFilePath().contains(f.search);
             }));
    QVERIFY(store.queue(f).size() >= 1);
    QString year;
    for (const ReviewedReport &r : reports)
        if (!r.current.year.isEmpty())
            year = r.current.year;
    QVERIFY(!year.isEmpty());
    f = {};
    f.year = year;
    QCOMPARE(store.queue(f).size(),
             expected([&](qsizetype, const ReviewedReport &r) { return r.current.year == year; }));
    f.search = u"不存在的单位"_s;
    QCOMPARE(store.queue(f).size(), 0);
    f = {};
    f.search = u"100%_"_s; // wildcards are taken literally
    QCOMPARE(store.queue(f).size(), 0);

    const QueueCounts counts = store.queueCounts({}, &error);
    QCOMPARE(counts.total, all.size());
    QCOMPARE(counts.count(ReviewStatus::New), all.size() - 3);
    QCOMPARE(counts.count(ReviewStatus::InReview), 1);
    QCOMPARE(counts.count(ReviewStatus::Reviewed), 1);
    QCOMPARE(counts.count(ReviewStatus::Sent), 1);
    QCOMPARE(counts.corrected, 1);
    QCOMPARE(counts.withErrors, expected([&](qsizetype, const ReviewedReport &r) {
                 return RuleEngine::errorCount(r.findings) > 0;
             }));

    // remove, remember the current item: all there after a restart
    QVERIFY2(store.removeFromQueue({items[1].id}, &error), qPrintable(error));
    QVERIFY2(store.setValue(u"queue/current"_s, QString::number(items[2].id), &error), qPrintable(error));
    const QList<QueueItem> before = store.queue();
    QCOMPARE(before.size(), all.size() - 1);
    QCOMPARE(before.first().id, items.first().id);
    QCOMPARE(before[1].id, items[2].id);
    store.close();

    ReviewStore again;
    QVERIFY2(again.open(url, &error), qPrintable(error));
    const QList<QueueItem> after = again.queue();
    QCOMPARE(after.size(), before.size());
    for (qsizetype i = 0; i < after.size(); ++i) {
        QCOMPARE(after[i].id, before[i].id);
        QCOMPARE(after[i].status, before[i].status);
    }
    QCOMPARE(again.value(u"queue/current"_s), QString::number(items[2].id));
    QList<qint64> ids;
    for (const QueueItem &item : after)
        ids.append(item.id);
    QVERIFY(again.removeFromQueue(ids, &error));
    QVERIFY(again.queue().isEmpty());
    QCOMPARE(again.corrections(corrected.contentHash).size(), 1); // reviews outlive the queue
}

QTEST_GUILESS_MAIN(TestStoreQueue)
#include "tst_storequeue.moc"
