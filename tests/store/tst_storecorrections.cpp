// Corrections in the review store: kept across a restart with their audit trail, undone and
// marked, nothing committed lost when the writer is killed; the store runs no rule.
#include "storetesting.h"

#include "rules/ruleengine.h"
#include "store/reviewstore.h"

#include <QFile>
#include <QProcess>

using namespace nianbao;
using namespace testutil;
using namespace Qt::Literals::StringLiterals;

class TestStoreCorrections : public QObject, private StoreDatabases
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QString problem;
        QVERIFY2(startDatabases(&problem), qPrintable(problem));
    }
    void cleanupTestCase() { stopDatabases(); }

    void correctionsSurviveARestart_data() { backends(); }
    void correctionsSurviveARestart();
    void undoIsKeptInTheAuditTrail_data() { backends(); }
    void undoIsKeptInTheAuditTrail();
    void killedWriterLosesNothingCommitted_data() { backends(); }
    void killedWriterLosesNothingCommitted();
};

void TestStoreCorrections::correctionsSurviveARestart()
{
    FRESH_DATABASE(url);
    const QString seed = seedFiles().first();
    const QString reviewer = u"王审校"_s;
    ReviewedReport rr = readReport(seed);
    QVERIFY(!rr.contentHash.isEmpty());
    const QString key1 = firstNumberKey(rr.current, 0);
    const QString key2 = firstNumberKey(rr.current, 1);
    QVERIFY(!key1.isEmpty() && !key2.isEmpty());
    const double newValue = rr.current.cell(key1)->value + 7;

    QList<Finding> findingsBefore, findingsAfter;
    {
        ReviewStore store;
        QString error;
        QVERIFY2(store.open(url, &error), qPrintable(error));
        bool known = true;
        QVERIFY2(store.restore(&rr, &error, &known), qPrintable(error));
        QVERIFY(!known);
        QVERIFY2(store.registerReport(rr, seed, &error), qPrintable(error));
        const Correction c1 = edit(rr, key1, Cell::number(newValue, QString::number(newValue)), reviewer,
                                   u"与原件核对"_s, &findingsBefore, &findingsAfter);
        QVERIFY2(store.addCorrection(rr.contentHash, c1, &error, nullptr, ReviewStore::SeenVersion,
                                     &findingsBefore, &findingsAfter),
                 qPrintable(error));
        const Correction c2 = edit(rr, key2, Cell::blank(), reviewer, {});
        QVERIFY2(store.addCorrection(rr.contentHash, c2, &error), qPrintable(error));
        QVERIFY2(store.setStatus(rr.contentHash, ReviewStatus::InReview, reviewer, &error),
                 qPrintable(error));
        QVERIFY2(store.setNotes(rr.contentHash, u"第三张表待单位确认"_s, reviewer, &error),
                 qPrintable(error));
    }

    // a copy of the file, after a restart
    const QString copy = m_tmp.filePath(u"copy-%1.txt"_s.arg(m_databases));
    QVERIFY(QFile::copy(seed, copy));
    ReviewedReport again = readReport(copy);
    QCOMPARE(again.contentHash, rr.contentHash);
    QVERIFY(again.current.cell(key1)->value != newValue);

    ReviewStore store;
    QString error;
    QVERIFY2(store.open(url, &error), qPrintable(error));
    // the store runs no rule: the findings it is given come back untouched
    Finding mark;
    mark.rule = u"TEST.UNTOUCHED"_s;
    again.findings = {mark};
    bool known = false;
    QVERIFY2(store.restore(&again, &error, &known), qPrintable(error));
    QVERIFY(known);
    QCOMPARE(again.findings.size(), 1);
    QCOMPARE(again.findings.first().rule, mark.rule);
    QCOMPARE(again.status, ReviewStatus::InReview);
    QCOMPARE(again.reviewer, reviewer);
    QCOMPARE(again.notes, u"第三张表待单位确认"_s);
    QCOMPARE(again.corrections.size(), 2);
    QCOMPARE(again.current.cell(key1)->value, newValue);
    QCOMPARE(again.current.cell(key2)->state, Cell::State::Blank);
    // checked by the caller, the restored report has the findings it had when it was left
    const QList<Finding> rechecked = RuleEngine::check(again.current);
    QCOMPARE(RuleEngine::errorCount(rechecked), RuleEngine::errorCount(rr.findings));
    QCOMPARE(rechecked.size(), rr.findings.size());

    const Correction &c = again.corrections.first();
    const Correction &orig = rr.corrections.first();
    QCOMPARE(c.key, key1);
    QCOMPARE(c.reviewer, reviewer);
    QCOMPARE(c.note, u"与原件核对"_s);
    QCOMPARE(c.action, u"edit"_s);
    QCOMPARE(c.time.toMSecsSinceEpoch(), orig.time.toMSecsSinceEpoch());
    QCOMPARE(c.before.value, orig.before.value);
    QCOMPARE(c.before.start, orig.before.start);
    QCOMPARE(c.extracted.text, orig.extracted.text);
    QCOMPARE(c.after.value, newValue);
    QCOMPARE(c.errorsBefore, orig.errorsBefore);
    QCOMPARE(c.errorsAfter, orig.errorsAfter);

    const QList<AuditEntry> trail = store.cellHistory(again.contentHash, key1, &error);
    QCOMPARE(trail.size(), 1);
    QCOMPARE(trail.first().findingsBefore.size(), findingsBefore.size());
    QCOMPARE(trail.first().findingsAfter.size(), findingsAfter.size());
    for (qsizetype i = 0; i < findingsAfter.size(); ++i) {
        QCOMPARE(trail.first().findingsAfter[i].rule, findingsAfter[i].rule);
        QCOMPARE(trail.first().findingsAfter[i].message, findingsAfter[i].message);
        QCOMPARE(trail.first().findingsAfter[i].difference, findingsAfter[i].difference);
    }
    QCOMPARE(store.auditTrail(again.contentHash).size(), 2);
}

void TestStoreCorrections::undoIsKeptInTheAuditTrail()
{
    FRESH_DATABASE(url);
    ReviewedReport rr = readReport(seedFiles().at(1));
    const QString key = firstNumberKey(rr.current);
    ReviewStore store;
    QString error;
    QVERIFY2(store.open(url, &error), qPrintable(error));
    QVERIFY(store.restore(&rr, &error));
    const Correction c1 = edit(rr, key, Cell::number(11, u"11"_s), u"李"_s, {});
    const Correction c2 = edit(rr, key, Cell::number(12, u"12"_s), u"李"_s, {});
    QVERIFY2(store.addCorrection(rr.contentHash, c1, &error), qPrintable(error));
    QVERIFY2(store.addCorrection(rr.contentHash, c2, &error), qPrintable(error));
    QCOMPARE(store.seenVersion(rr.contentHash, key), 2);

    QVERIFY2(store.undoCorrection(rr.contentHash, c2, u"李"_s, &error), qPrintable(error));
    QCOMPARE(store.corrections(rr.contentHash).size(), 1);
    QCOMPARE(store.storedCell(rr.contentHash, key)->cell.value, 11.0);
    QList<AuditEntry> history = store.cellHistory(rr.contentHash, key);
    QCOMPARE(history.size(), 2);
    QVERIFY(!history[0].undone);
    QVERIFY(history[1].undone);
    QCOMPARE(history[1].undoneBy, u"李"_s);
    QVERIFY(history[1].undoneAt.isValid());

    // redo writes the correction again
    QVERIFY2(store.addCorrection(rr.contentHash, c2, &error), qPrintable(error));
    QCOMPARE(store.corrections(rr.contentHash).size(), 2);
    QCOMPARE(store.cellHistory(rr.contentHash, key).size(), 3);
    QCOMPARE(store.storedCell(rr.contentHash, key)->version, 4);

    // undo everything: the report is as extracted again
    QVERIFY(store.undoCorrection(rr.contentHash, c2, u"李"_s, &error));
    QVERIFY(store.undoCorrection(rr.contentHash, c1, u"李"_s, &error));
    ReviewedReport fresh = readReport(seedFiles().at(1));
    QVERIFY(store.restore(&fresh, &error));
    QVERIFY(fresh.corrections.isEmpty());
    QCOMPARE(fresh.current.cell(key)->value, fresh.extracted.cell(key)->value);
    QVERIFY(!store.undoCorrection(rr.contentHash, c1, u"李"_s, &error));
    QVERIFY(error.contains(u"no saved correction"_s));
}

void TestStoreCorrections::killedWriterLosesNothingCommitted()
{
    FRESH_DATABASE(url);
    // kill at different moments: early, while it runs, later
    const QList<int> moments = {1, 17, 60};
    for (int round = 0; round < moments.size(); ++round) {
        const QString hash =
            ReviewStore::contentHash(QByteArray("killed writer ") + QByteArray::number(round));
        QProcess p;
        const QStringList cmd = helperCommand({u"edit"_s, url, hash, u"100000"_s, u"writer"_s}, false);
        p.start(cmd.first(), cmd.mid(1));
        QVERIFY(p.waitForStarted());
        int committed = -1;
        QStringList seen;
        while (committed < moments[round]) {
            if (!p.canReadLine() && !p.waitForReadyRead(30000))
                break;
            for (const QString &line : readLines(p)) {
                seen.append(line);
                QVERIFY2(!line.startsWith("error"_L1), qPrintable(line));
                if (line.startsWith("committed "_L1))
                    committed = line.mid(10).toInt();
            }
        }
        QVERIFY2(committed >= moments[round], qPrintable(seen.join(u" | ")));
        p.kill(); // SIGKILL
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitStatus(), QProcess::CrashExit);
        // what it printed before dying was committed before it printed
        const QString rest = QString::fromUtf8(p.readAllStandardOutput());
        for (const QString &line : rest.split(u'\n', Qt::SkipEmptyParts))
            if (line.startsWith("committed "_L1))
                committed = std::max(committed, line.mid(10).toInt());

        ReviewStore store;
        QString error;
        QVERIFY2(store.open(url, &error), qPrintable(error));
        const QList<AuditEntry> trail = store.auditTrail(hash, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        // every printed one is there; at most one more was committed without being printed
        QVERIFY2(trail.size() == committed + 1 || trail.size() == committed + 2,
                 qPrintable(u"%1 committed, %2 stored"_s.arg(committed + 1).arg(trail.size())));
        for (int i = 0; i <= committed; ++i) {
            QCOMPARE(trail[i].correction.note, u"edit %1"_s.arg(i));
            QCOMPARE(trail[i].correction.after.value, double(i));
        }
        if (backend == kSqlite) {
            store.close();
            QVariant check;
            QVERIFY2(rawExec(url, {u"PRAGMA integrity_check"_s}, &error, &check), qPrintable(error));
            QCOMPARE(check.toString(), u"ok"_s);
        }
    }
}

QTEST_GUILESS_MAIN(TestStoreCorrections)
#include "tst_storecorrections.moc"
