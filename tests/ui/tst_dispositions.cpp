// The reviewer's word on findings: confirm, dismiss with a reason, clear; one undo step each, in
// bulk too; what a store is told; what counts as left; a finding gone and back keeps its word.
#include "../core/testutil.h"
#include "review/review.h"
#include "rules/ruleengine.h"

#include <QSignalSpy>
#include <QTest>

using namespace nianbao;
using namespace Qt::Literals::StringLiterals;

namespace {

const QString seed001 = u"corpus/seeds/001_bff1b9e23c617db0.txt"_s;
const QString total = u"t3.new_received.total"_s;

const QDateTime fixedTime = QDateTime(QDate(2026, 3, 2), QTime(1, 30), Qt::UTC);

/// seed001 with its received total raised: the total no longer adds up.
std::unique_ptr<Review> brokenReview()
{
    const ReadResult rr = ReportReader::read(testutil::dataPath(seed001));
    auto review = std::make_unique<Review>(rr.report, rr.findings);
    review->setReviewer(u"王审校"_s);
    review->setClock([] { return fixedTime; });
    review->setCellText(total, u"60"_s);
    return review;
}

QList<Finding> errorsOf(const Review &r)
{
    QList<Finding> out;
    for (const Finding &f : r.findings())
        if (f.isError())
            out.append(f);
    return out;
}

} // namespace

class TestDispositions : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void dismissIsOneUndoStep();
    void bulkConfirmIsOneUndoStep();
    void dismissNeedsAReason();
    void signalsForAStore();
    void findingGoneAndBackKeepsItsWord();
    void restoreBringsDispositionsBack();
    void judgingAFinishedReportAsksAndUndoGivesItsStateBack();
};

void TestDispositions::dismissIsOneUndoStep()
{
    auto review = brokenReview();
    const QList<Finding> errors = errorsOf(*review);
    QVERIFY(!errors.isEmpty());
    const int before = review->errorCount();
    QCOMPARE(before, int(errors.size()));
    const int steps = review->undoStack()->count();

    QString error;
    QVERIFY2(review->dismiss({errors.first()}, u"已与报送单位核实"_s, &error), qPrintable(error));
    QCOMPARE(review->undoStack()->count(), steps + 1);
    const Disposition *d = review->disposition(errors.first());
    QVERIFY(d);
    QCOMPARE(d->kind, Disposition::Kind::Dismissed);
    QCOMPARE(d->reason, u"已与报送单位核实"_s);
    QCOMPARE(d->reviewer, u"王审校"_s);
    QCOMPARE(d->time, fixedTime);
    QCOMPARE(d->time.timeSpec(), Qt::UTC);
    QCOMPARE(d->rule, errors.first().rule);
    // dismissed: no longer an error left; the rules still find it
    QCOMPARE(review->errorCount(), before - 1);
    QCOMPARE(review->findings().size(), RuleEngine::check(review->report()).size());
    QCOMPARE(review->openFindings().size(), review->findings().size() - 1);

    review->undoStack()->undo();
    QVERIFY(!review->disposition(errors.first()));
    QCOMPARE(review->errorCount(), before);
    review->undoStack()->redo();
    QCOMPARE(review->disposition(errors.first())->kind, Disposition::Kind::Dismissed);

    // a confirmation over it replaces it; its undo brings the dismissal back
    QVERIFY(review->confirm({errors.first()}));
    QCOMPARE(review->disposition(errors.first())->kind, Disposition::Kind::Confirmed);
    QVERIFY(review->disposition(errors.first())->reason.isEmpty());
    QCOMPARE(review->errorCount(), before); // a confirmed error is still an error of the report
    review->undoStack()->undo();
    QCOMPARE(review->disposition(errors.first())->reason, u"已与报送单位核实"_s);

    QVERIFY(review->clearDisposition({errors.first()}));
    QVERIFY(review->dispositions().isEmpty());
    QVERIFY(!review->clearDisposition({errors.first()}, &error));
    QVERIFY(!error.isEmpty());
}

void TestDispositions::bulkConfirmIsOneUndoStep()
{
    auto review = brokenReview();
    const QList<Finding> all = review->findings();
    QVERIFY(all.size() >= 2);
    const int steps = review->undoStack()->count();
    QVERIFY(review->dismiss(all, u"在施行数已清理"_s));
    QCOMPARE(review->undoStack()->count(), steps + 1);
    QCOMPARE(review->dispositions().size(), all.size());
    QCOMPARE(review->errorCount(), 0);
    QCOMPARE(review->warningCount(), 0);

    // confirming two of them, one step; the others stay dismissed
    QVERIFY(review->confirm(all.mid(0, 2)));
    QCOMPARE(review->undoStack()->count(), steps + 2);
    QCOMPARE(review->disposition(all[0])->kind, Disposition::Kind::Confirmed);
    QCOMPARE(review->disposition(all[1])->kind, Disposition::Kind::Confirmed);
    for (qsizetype i = 2; i < all.size(); ++i)
        QCOMPARE(review->disposition(all[i])->kind, Disposition::Kind::Dismissed);

    review->undoStack()->undo();
    review->undoStack()->undo();
    QVERIFY(review->dispositions().isEmpty());
    QCOMPARE(review->errorCount(), int(errorsOf(*review).size()));
}

void TestDispositions::dismissNeedsAReason()
{
    auto review = brokenReview();
    const int steps = review->undoStack()->count();
    QString error;
    QVERIFY(!review->dismiss({review->findings().first()}, u"  "_s, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!review->dismiss({}, u"已与报送单位核实"_s, &error));
    QCOMPARE(review->undoStack()->count(), steps);
    QVERIFY(review->dispositions().isEmpty());
}

void TestDispositions::signalsForAStore()
{
    auto review = brokenReview();
    const QList<Finding> all = review->findings();
    QSignalSpy set(review.get(), &Review::dispositionSet);
    QSignalSpy removed(review.get(), &Review::dispositionRemoved);
    QSignalSpy findings(review.get(), &Review::findingsChanged);

    QVERIFY(review->dismiss(all.mid(0, 2), u"正文只涉及本机关"_s));
    QCOMPARE(set.size(), 2);
    QCOMPARE(removed.size(), 0);
    QCOMPARE(findings.size(), 1);
    QCOMPARE(set[0].first().value<Disposition>().finding, findingKey(all[0]));
    QCOMPARE(set[1].first().value<Disposition>().reason, u"正文只涉及本机关"_s);

    review->undoStack()->undo();
    QCOMPARE(removed.size(), 2);
    QCOMPARE(removed[0].first().value<Disposition>().finding, findingKey(all[0]));
    review->undoStack()->redo();
    QCOMPARE(set.size(), 4);
}

void TestDispositions::findingGoneAndBackKeepsItsWord()
{
    auto review = brokenReview();
    const QList<Finding> errors = errorsOf(*review);
    QVERIFY(review->dismiss(errors, u"已与报送单位核实"_s));
    QCOMPARE(review->errorCount(), 0);

    // corrected back: the findings are gone, their dispositions kept but shown nowhere
    QVERIFY(review->setCellText(total, u"53"_s));
    for (const Finding &f : review->findings())
        QVERIFY(!review->disposition(f));
    QCOMPARE(review->dispositions().size(), errors.size());

    // the same mistake again: the same findings, dismissed again
    QVERIFY(review->setCellText(total, u"60"_s));
    QCOMPARE(errorsOf(*review).size(), errors.size());
    for (const Finding &f : errorsOf(*review))
        QCOMPARE(review->disposition(f)->kind, Disposition::Kind::Dismissed);
    QCOMPARE(review->errorCount(), 0);
}

void TestDispositions::restoreBringsDispositionsBack()
{
    auto review = brokenReview();
    const QList<Finding> errors = errorsOf(*review);
    QVERIFY(review->dismiss({errors.first()}, u"在施行数已清理"_s));
    const ReviewedReport saved = review->reviewed();

    Review second;
    QSignalSpy changed(&second, &Review::dispositionsChanged);
    second.restore(saved);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(second.disposition(errors.first())->reason, u"在施行数已清理"_s);
    QCOMPARE(second.errorCount(), review->errorCount());
    QCOMPARE(second.undoStack()->count(), 0);
}

void TestDispositions::judgingAFinishedReportAsksAndUndoGivesItsStateBack()
{
    auto review = brokenReview();
    const QList<Finding> errors = errorsOf(*review);
    QVERIFY(!errors.isEmpty());
    review->setStatus(ReviewStatus::Reviewed);
    int asked = 0;
    bool answer = false;
    review->setEditGuard([&](const Review &) {
        ++asked;
        return answer;
    });
    // the reviewer says no: nothing changes, the report stays reviewed
    QString error;
    QVERIFY(!review->dismiss({errors.first()}, u"已与报送单位核实"_s, &error));
    QCOMPARE(asked, 1);
    QVERIFY(!error.isEmpty());
    QVERIFY(!review->disposition(errors.first()));
    QCOMPARE(review->status(), ReviewStatus::Reviewed);
    // yes: the word is taken and the report is in review again; undo gives both back
    answer = true;
    QVERIFY2(review->confirm({errors.first()}, &error), qPrintable(error));
    QCOMPARE(asked, 2);
    QCOMPARE(review->status(), ReviewStatus::InReview);
    review->undoStack()->undo();
    QVERIFY(!review->disposition(errors.first()));
    QCOMPARE(review->status(), ReviewStatus::Reviewed);
    // a word that changes nothing asks nothing
    review->setStatus(ReviewStatus::InReview);
    QVERIFY(review->confirm({errors.first()}, &error));
    review->setStatus(ReviewStatus::Sent);
    QVERIFY(!review->confirm({errors.first()}, &error));
    QCOMPARE(asked, 2);
}

QTEST_GUILESS_MAIN(TestDispositions)
#include "tst_dispositions.moc"
