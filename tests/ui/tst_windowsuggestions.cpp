// A finding's proposals in the review window, through its real widgets offscreen: a corpus report
// rewritten with one digit typed wrong shows the proposal that repairs it; A (or the 采纳建议
// button, or the context menu) takes it as one undoable, audited change, asked first when the
// report was marked reviewed.
#include "../core/testutil.h"
#include "checks/suggestions.h"
#include "filedialog.h"
#include "findingspanel.h"
#include "formview.h"
#include "mainwindow.h"
#include "messagebox.h"
#include "reporttablemodel.h"
#include "review/review.h"
#include "rules/ruleengine.h"
#include "session/reviewpolicy.h"
#include "store/reviewstore.h"

#include <QAction>
#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

using namespace nianbao;
using namespace nianbao::ui;
using namespace Qt::Literals::StringLiterals;

namespace {

// seed 001's row "1. 本机关不掌握相关政府信息": 39 legal-service applications, total printed 38
const QString kRowLine = u"1. 本机关不掌握相关政府信息\t0\t0\t0\t0\t39\t0\t39"_s;
const QString kBroken = u"1. 本机关不掌握相关政府信息\t0\t0\t0\t0\t39\t0\t38"_s;
const QString kKey = u"t3.unable_not_held.total"_s;

} // namespace

class TestWindowSuggestions : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void oneKeyAcceptsTheProposalAndUndoGivesTheDigitBack();
    void aReviewedReportAsksBeforeAProposalIsAccepted();

private:
    bool openAndWait(MainWindow &w);
    static QTreeView *findingsView(const MainWindow &w)
    {
        return w.findChild<QTreeView *>(u"findingsView"_s);
    }
    /// The first error finding that proposes a change of kKey, or -1.
    static int proposingRow(const Review &r);
    static void selectRow(const MainWindow &w, int row);
    QTemporaryDir m_dir;
    QString m_report;
    QString m_cellKey;
    int m_databases = 0;
};

void TestWindowSuggestions::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"nianbao-test"_s);
    QCoreApplication::setApplicationName(u"tst_windowsuggestions"_s);
    QVERIFY(m_dir.isValid());
    QString text = QString::fromUtf8(
        testutil::readBytes(testutil::dataPath(u"corpus/seeds/001_bff1b9e23c617db0.txt"_s)));
    QCOMPARE(text.count(kRowLine), 1);
    text.replace(kRowLine, kBroken);
    m_report = m_dir.filePath(u"卫东区_2023.txt"_s);
    QFile f(m_report);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(text.toUtf8());
}

void TestWindowSuggestions::init()
{
    QSettings().clear();
}

bool TestWindowSuggestions::openAndWait(MainWindow &w)
{
    QSignalSpy loaded(&w, &MainWindow::loadFinished);
    w.openPaths({m_report});
    return QTest::qWaitFor([&] { return loaded.size() > 0 && !w.isLoading(); }, 20000);
}

int TestWindowSuggestions::proposingRow(const Review &r)
{
    for (int i = 0; i < r.findings().size(); ++i) {
        const Finding &f = r.findings()[i];
        if (f.isError() && !Suggestions::proposal(f, 1).isEmpty() &&
            Suggestions::proposal(f, 1).first().cell == kKey)
            return i;
    }
    return -1;
}

void TestWindowSuggestions::selectRow(const MainWindow &w, int row)
{
    QTreeView *view = findingsView(w);
    view->setFocus();
    const QModelIndex i = view->model()->index(row, 0);
    view->scrollTo(i);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(i).center());
}

void TestWindowSuggestions::oneKeyAcceptsTheProposalAndUndoGivesTheDigitBack()
{
    const QString db = m_dir.filePath(u"one-%1.sqlite"_s.arg(++m_databases));
    MainWindow w;
    TextDialog::setNextText(u"审校员甲"_s);
    QVERIFY(w.setDatabase(db));
    w.show();
    QVERIFY(QTest::qWaitForWindowActive(&w));
    QVERIFY(openAndWait(w));
    Review *r = w.currentReview();
    QVERIFY(r);
    QCOMPARE(r->report().cell(kKey)->value, 38.0);
    const int errors = r->errorCount();
    QVERIFY(errors >= 2); // the row's total and the total column's results
    const int row = proposingRow(*r);
    QVERIFY2(row >= 0, "no finding proposes the total's digit");
    const Finding f = r->findings()[row];
    const QList<Suggestion> best = Suggestions::proposal(f, 1);
    QCOMPARE(best.size(), 1);
    QCOMPARE(best.first().value, 39.0);

    // chosen, the finding shows its proposal, and the button that takes it
    auto *detail = w.findChild<QLabel *>(u"findingDetail"_s);
    auto *button = w.findChild<QToolButton *>(u"acceptSuggestionButton"_s);
    QVERIFY(detail && button);
    selectRow(w, row);
    QTRY_VERIFY2(detail->text().contains(u"38 → 39"_s), qPrintable(detail->text()));
    QVERIFY(detail->text().contains(best.first().why.toHtmlEscaped()) ||
            detail->text().contains(best.first().whyEn.toHtmlEscaped()));
    QVERIFY(button->isVisible());
    QAction *accept = w.findChild<QAction *>(u"actionAcceptSuggestion"_s);
    QVERIFY(accept && accept->isEnabled());
    QCOMPARE(accept->shortcut(), QKeySequence(Qt::Key_A));

    // A takes it: one step, and every identity holds
    const int steps = r->undoStack()->count();
    const int corrections = int(r->corrections().size());
    QTest::keyClick(findingsView(w), Qt::Key_A);
    QCOMPARE(r->report().cell(kKey)->value, 39.0);
    QCOMPARE(r->undoStack()->count(), steps + 1);
    QCOMPARE(r->errorCount(), 0);
    QCOMPARE(RuleEngine::errorCount(RuleEngine::check(r->report())), 0);
    QCOMPARE(r->corrections().size(), corrections + 1);
    const Correction c = r->corrections().last();
    QCOMPARE(c.key, kKey);
    QCOMPARE(c.action, u"accept"_s);
    QCOMPARE(c.reviewer, u"审校员甲"_s);
    QCOMPARE(c.before.value, 38.0);
    QVERIFY(c.note.contains(f.rule));
    QCOMPARE(c.errorsBefore, errors);
    QCOMPARE(c.errorsAfter, 0);
    // the table follows: the cell is corrected and no longer failing
    FormView *t3 = w.tableView(u"t3"_s);
    QCOMPARE(t3->formModel()->indexOf(kKey).data(ReportTableModel::SeverityRole).toInt(),
             int(ReportTableModel::NoFinding));
    QVERIFY(!button->isVisible() || proposingRow(*r) >= 0);
    // saved the moment it was made: another connection reads the audit row
    {
        ReviewStore other;
        QString error;
        QVERIFY2(other.open(db, &error), qPrintable(error));
        const QList<AuditEntry> trail = other.auditTrail(r->reviewed().contentHash, &error);
        QVERIFY2(!trail.isEmpty(), qPrintable(error));
        QCOMPARE(trail.last().correction.key, kKey);
        QCOMPARE(trail.last().correction.action, u"accept"_s);
        QCOMPARE(trail.last().correction.after.value, 39.0);
        QCOMPARE(trail.last().correction.reviewer, u"审校员甲"_s);
        QVERIFY(!trail.last().undone);
    }

    // Ctrl+Z gives the printed digit back, and the findings with it
    QTest::keyClick(findingsView(w), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(r->report().cell(kKey)->value, 38.0);
    QCOMPARE(r->errorCount(), errors);
    QCOMPARE(r->corrections().size(), corrections);
    QVERIFY(proposingRow(*r) >= 0);
    {
        ReviewStore other;
        QString error;
        QVERIFY2(other.open(db, &error), qPrintable(error));
        const QList<AuditEntry> trail = other.auditTrail(r->reviewed().contentHash, &error);
        QVERIFY(!trail.isEmpty());
        QCOMPARE(trail.last().correction.action, u"accept"_s);
        QVERIFY(trail.last().undone);
        QVERIFY(other.corrections(r->reviewed().contentHash).isEmpty());
    }

    // the context menu's action takes it too
    selectRow(w, proposingRow(*r));
    QTRY_VERIFY(accept->isEnabled());
    accept->trigger();
    QCOMPARE(r->report().cell(kKey)->value, 39.0);
    QCOMPARE(r->errorCount(), 0);
    MessageBox::setNextAnswer(QMessageBox::Yes); // quit with a report in review
    w.close();
}

void TestWindowSuggestions::aReviewedReportAsksBeforeAProposalIsAccepted()
{
    MainWindow w;
    TextDialog::setNextText(u"审校员乙"_s);
    QVERIFY(w.setDatabase(m_dir.filePath(u"reviewed-%1.sqlite"_s.arg(++m_databases))));
    w.show();
    QVERIFY(QTest::qWaitForWindowActive(&w));
    QVERIFY(openAndWait(w));
    Review *r = w.currentReview();
    r->setStatus(ReviewStatus::Reviewed);
    const int steps = r->undoStack()->count();

    // No: nothing changes, the report stays reviewed
    selectRow(w, proposingRow(*r));
    MessageBox::setNextAnswer(QMessageBox::No);
    QTest::keyClick(findingsView(w), Qt::Key_A);
    QCOMPARE(MessageBox::lastText(), ReviewPolicy::editQuestion(ReviewStatus::Reviewed));
    QCOMPARE(r->report().cell(kKey)->value, 38.0);
    QCOMPARE(r->status(), ReviewStatus::Reviewed);
    QCOMPARE(r->undoStack()->count(), steps);
    auto *detail = w.findChild<QLabel *>(u"findingDetail"_s);
    QVERIFY2(detail->text().contains(u"Nothing was changed"_s), qPrintable(detail->text()));

    // Yes: taken, in review again; undo gives the reviewed state back
    MessageBox::setNextAnswer(QMessageBox::Yes);
    QTest::keyClick(findingsView(w), Qt::Key_A);
    QCOMPARE(r->report().cell(kKey)->value, 39.0);
    QCOMPARE(r->status(), ReviewStatus::InReview);
    QTest::keyClick(findingsView(w), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(r->report().cell(kKey)->value, 38.0);
    QCOMPARE(r->status(), ReviewStatus::Reviewed);
    w.close();
}

QTEST_MAIN(TestWindowSuggestions)
#include "tst_windowsuggestions.moc"
