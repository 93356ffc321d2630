// The review session (core): the reports it opens, the checks across them kept through edits,
// undo and a store's restore, the policy for states, the cell history it gives.
#include "../core/testutil.h"
#include "review/review.h"
#include "session/reviewpolicy.h"
#include "session/reviewsession.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoGroup>

using namespace nianbao;
using namespace Qt::Literals::StringLiterals;

namespace {

QStringList yearFindings(const Review *r)
{
    QStringList out;
    for (const Finding &f : r->findings())
        if (f.rule.startsWith(u"YEAR."_s))
            out.append(f.rule + u':' + f.cells.value(0));
    return out;
}

} // namespace

class TestSession : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void readingAddsEveryFileInOrder();
    void editsKeepTheChecksAcrossReports();
    void aRestoredReviewIsCheckedAgainstLastYear();
    void closingAskedAndQuitAskedByOneRule_data();
    void closingAskedAndQuitAskedByOneRule();

private:
    QTemporaryDir m_dir;
    QStringList m_pair;
};

void TestSession::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    m_pair = testutil::writeConsecutiveReports(m_dir.path());
    QCOMPARE(m_pair.size(), 2);
}

void TestSession::readingAddsEveryFileInOrder()
{
    ReviewSession session;
    QSignalSpy added(&session, &ReviewSession::reportAdded);
    QSignalSpy finished(&session, &ReviewSession::loadFinished);
    const QString missing = m_dir.filePath(u"missing.txt"_s);
    session.setJobs(2);
    session.read({m_pair[1], missing, m_pair[0]});
    QVERIFY(session.isLoading());
    session.waitForLoaded();
    QVERIFY(!session.isLoading());
    QCOMPARE(added.size(), 3);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.first().first().toStringList(),
             (QStringList{QFileInfo(m_pair[1]).absoluteFilePath(), QFileInfo(m_pair[0]).absoluteFilePath()}));
    QCOMPARE(session.count(), 3);
    QCOMPARE(session.path(1), missing);
    QVERIFY(!session.review(1));
    QVERIFY(!session.error(1).isEmpty());
    // Read first, the 2023 report was compared with 2022 once that one came in.
    QVERIFY(yearFindings(session.review(0)).contains(u"YEAR.CARRYOVER:t3.carried_over.natural_person"_s));
    QVERIFY(yearFindings(session.review(2)).isEmpty());
    // Every review's undo stack is in the session's group.
    QCOMPARE(session.undoGroup()->stacks().size(), 2);
    // Opening a file open already reads nothing.
    const ReviewSession::Opening again = session.open({m_pair[0]});
    QCOMPARE(again.reading, 0);
    QCOMPARE(again.alreadyOpen, 2);
}

void TestSession::editsKeepTheChecksAcrossReports()
{
    ReviewSession session;
    session.read(m_pair);
    session.waitForLoaded();
    Review *last = session.review(0);
    Review *now = session.review(1);
    const QStringList before = yearFindings(now);
    QVERIFY(before.contains(u"YEAR.CARRYOVER:t3.carried_over.natural_person"_s));
    // An edit of the report itself: its own rules are checked again, last year's comparisons kept.
    QVERIFY(now->setCellText(u"t3.granted.legal_service"_s, u"12"_s));
    QCOMPARE(yearFindings(now), before);
    now->undoStack()->undo();
    QCOMPARE(yearFindings(now), before);
    // Correcting this year's carried-over number to last year's: that warning goes.
    QVERIFY(now->setCellText(u"t3.carried_over.natural_person"_s, u"0"_s));
    QVERIFY(!yearFindings(now).join(u' ').contains(u"YEAR.CARRYOVER"_s));
    now->undoStack()->undo();
    QCOMPARE(yearFindings(now), before);
    // An edit of last year's report re-checks this year's, which says so.
    QSignalSpy changed(now, &Review::findingsChanged);
    QVERIFY(last->setCellText(u"t3.carried_forward.natural_person"_s, u"2"_s));
    QCOMPARE(changed.size(), 1);
    QVERIFY(!yearFindings(now).join(u' ').contains(u"YEAR.CARRYOVER"_s));
    // An edit of last year's that changes nothing of the comparison leaves this year's alone.
    QVERIFY(last->setCellText(u"t3.granted.legal_service"_s, u"12"_s));
    QCOMPARE(changed.size(), 1);
    last->undoStack()->undo();
    last->undoStack()->undo();
    QCOMPARE(yearFindings(now), before);
    // Last year's report closed: nothing left to compare with.
    session.close(0);
    QCOMPARE(session.count(), 1);
    QVERIFY(yearFindings(now).isEmpty());
}

void TestSession::aRestoredReviewIsCheckedAgainstLastYear()
{
    const QString db = m_dir.filePath(u"reviews.sqlite"_s);
    QString error;
    {
        ReviewSession session;
        QCOMPARE(session.openStore(db, &error), ReviewSession::StoreOpening::Opened);
        session.setReviewer(u"审校员甲"_s);
        session.read(m_pair);
        session.waitForLoaded();
        QVERIFY(session.review(1)->setCellText(u"t3.granted.legal_service"_s, u"12"_s));
        // The history of the cell, from the store's audit trail.
        const QList<CellHistoryEntry> history =
            session.cellHistory(session.review(1), u"t3.granted.legal_service"_s);
        QCOMPARE(history.size(), 1);
        QCOMPARE(history.first().correction.reviewer, u"审校员甲"_s);
        QCOMPARE(history.first().correction.after.value, 12.0);
        QVERIFY(!history.first().undone);
    }
    ReviewSession session;
    QCOMPARE(session.openStore(db, &error), ReviewSession::StoreOpening::Opened);
    QCOMPARE(session.savedQueue(),
             (QStringList{QFileInfo(m_pair[0]).absoluteFilePath(), QFileInfo(m_pair[1]).absoluteFilePath()}));
    session.read(session.savedQueue());
    session.waitForLoaded();
    Review *now = session.review(1);
    QCOMPARE(now->report().cell(u"t3.granted.legal_service"_s)->value, 12.0); // restored
    QCOMPARE(now->corrections().size(), 1);
    QVERIFY(yearFindings(now).contains(u"YEAR.CARRYOVER:t3.carried_over.natural_person"_s));
    // Without a store, the history is the session's own.
    ReviewSession bare;
    bare.read({m_pair[1]});
    bare.waitForLoaded();
    QVERIFY(bare.cellHistory(bare.review(0), u"t3.granted.legal_service"_s).isEmpty());
    QVERIFY(bare.review(0)->setCellText(u"t3.granted.legal_service"_s, u"13"_s));
    QCOMPARE(bare.cellHistory(bare.review(0), u"t3.granted.legal_service"_s).size(), 1);
    // An undo marks the change undone, a redo records it again, in effect.
    bare.review(0)->undoStack()->undo();
    QList<CellHistoryEntry> trail = bare.auditTrail(bare.review(0));
    QCOMPARE(trail.size(), 1);
    QVERIFY(trail.first().undone);
    QVERIFY(trail.first().undoneAt.isValid());
    bare.review(0)->undoStack()->redo();
    trail = bare.auditTrail(bare.review(0));
    QCOMPARE(trail.size(), 2);
    QVERIFY(trail.first().undone);
    QVERIFY(!trail.last().undone);
    QCOMPARE(trail.last().correction.after.value, 13.0);
}

void TestSession::closingAskedAndQuitAskedByOneRule_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("corrected");
    QTest::addColumn<bool>("asks");
    QTest::newRow("a new report without corrections closes without a question")
        << int(ReviewStatus::New) << false << false;
    QTest::newRow("a report in review with corrections asks") << int(ReviewStatus::InReview) << true << true;
    QTest::newRow("a reviewed report with corrections closes")
        << int(ReviewStatus::Reviewed) << true << false;
    QTest::newRow("a sent report with corrections closes, as quitting does")
        << int(ReviewStatus::Sent) << true << false;
}

void TestSession::closingAskedAndQuitAskedByOneRule()
{
    QFETCH(int, status);
    QFETCH(bool, corrected);
    QFETCH(bool, asks);
    ReviewSession session;
    session.read({m_pair[0]});
    session.waitForLoaded();
    Review *r = session.review(0);
    if (corrected)
        QVERIFY(r->setCellText(u"t3.granted.legal_service"_s, u"12"_s));
    r->setStatus(ReviewStatus(status));
    QCOMPARE(ReviewPolicy::needsConfirmation(*r), asks);
    QCOMPARE(session.unfinishedCount(), asks ? 1 : 0);
    QCOMPARE(ReviewPolicy::isFinished(r->status()),
             status == int(ReviewStatus::Reviewed) || status == int(ReviewStatus::Sent));
}

QTEST_GUILESS_MAIN(TestSession)
#include "tst_session.moc"
