// The record of a review in the window, driven through its real widgets offscreen: the history of
// the selected cell follows every change, the corrections list goes to a cell without changing it,
// reverts any one correction as a new change, and is complete after a restart with a store.
#include "../core/testutil.h"
#include "correctionsmodel.h"
#include "correctionspanel.h"
#include "filedialog.h"
#include "formview.h"
#include "mainwindow.h"
#include "messagebox.h"
#include "review/review.h"
#include "rules/ruleengine.h"
#include "session/reviewsession.h"
#include "store/outbox.h"
#include "store/reviewstore.h"
#include "tablespanel.h"
#include "windowtesting.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QDockWidget>
#include <QListWidget>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace nianbao;
using namespace nianbao::ui;
using namespace Qt::Literals::StringLiterals;

namespace {

const QString kGranted = u"t3.granted.legal_service"_s;         // 9 in seed 001
const QString kNotHeld = u"t3.unable_not_held.legal_service"_s; // read from the source too
const QString kIssued = u"t2.regulations.issued"_s;

/// Every cell of the report as shown: key, state, value; for comparing before and after.
QStringList cells(const Review *r)
{
    QStringList out;
    for (auto it = r->report().cells.constBegin(); it != r->report().cells.constEnd(); ++it)
        out.append(it.key().toString() + u'=' + Cell::stateName(it->state) + u':' + it->displayText());
    out.sort();
    return out;
}

} // namespace

class TestRecord : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void theCellHistoryFollowsEveryChange_data();
    void theCellHistoryFollowsEveryChange();
    void aClickInTheCorrectionsListGoesToTheCellAndChangesNothing();
    void aCorrectionIsRevertedAsANewChangeAskedWhenLaterOnesExist();
    void afterARestartTheListIsCompleteAndARestoredCorrectionIsReverted();
    void theCellHistoryIsReopenedFromViewAndItsVisibilityKept();

private:
    /// A window as the program starts it, with the settings as they were left.
    void startWindow();
    void open(const QStringList &paths);
    QListWidget *history() const { return m_window->findChild<QListWidget *>(u"cellHistory"_s); }
    QTreeView *list() const { return m_window->findChild<QTreeView *>(u"correctionsView"_s); }
    QStringList historyLines() const;
    FormView *view(const QString &table) const { return m_window->tableView(table); }
    void clickRow(int row);

    QTemporaryDir m_dir;
    QString m_report; // seed 001
    QString m_other;  // seed 000
    MainWindow *m_window = nullptr;
};

void TestRecord::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"nianbao-test"_s);
    QCoreApplication::setApplicationName(u"tst_record"_s);
    QVERIFY(m_dir.isValid());
    m_report = m_dir.filePath(u"卫东区_2023.txt"_s);
    m_other = m_dir.filePath(u"other_2023.txt"_s);
    QVERIFY(QFile::copy(testutil::dataPath(u"corpus/seeds/001_bff1b9e23c617db0.txt"_s), m_report));
    QVERIFY(QFile::copy(testutil::dataPath(u"corpus/seeds/000_cfbc7d1a3e19f347.txt"_s), m_other));
    QFile::remove(Outbox::defaultPath());
}

void TestRecord::init()
{
    QSettings().clear();
    QSettings().setValue(u"reviewer"_s, u"审校员甲"_s); // known: a store asks nothing
    startWindow();
}

void TestRecord::startWindow()
{
    m_window = new MainWindow;
    m_window->session()->setReviewer(u"审校员甲"_s);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowActive(m_window));
}

void TestRecord::cleanup()
{
    MessageBox::setNextAnswer(QMessageBox::Yes);
    m_window->close();
    delete m_window;
    m_window = nullptr;
    MessageBox::setNextAnswer(QMessageBox::NoButton);
}

void TestRecord::open(const QStringList &paths)
{
    QSignalSpy loaded(m_window, &MainWindow::loadFinished);
    windowtesting::drop(m_window, paths);
    QTRY_COMPARE(loaded.size(), 1);
    QTRY_VERIFY(!m_window->isLoading() && m_window->currentReview());
}

QStringList TestRecord::historyLines() const
{
    QStringList out;
    for (int i = 0; i < history()->count(); ++i)
        out.append(history()->item(i)->text());
    return out;
}

void TestRecord::clickRow(int row)
{
    QTreeView *v = list();
    QTRY_VERIFY(v->isVisible());
    const QModelIndex i = v->model()->index(row, CorrectionsModel::CellColumn);
    v->scrollTo(i);
    QTest::mouseClick(v->viewport(), Qt::LeftButton, {}, v->visualRect(i).center());
    QTRY_COMPARE(v->currentIndex().row(), row);
}

void TestRecord::theCellHistoryFollowsEveryChange_data()
{
    QTest::addColumn<bool>("store");
    QTest::newRow("this session's trail, without a store") << false;
    QTest::newRow("the store's audit trail") << true;
}

void TestRecord::theCellHistoryFollowsEveryChange()
{
    QFETCH(bool, store);
    if (store)
        QVERIFY(m_window->setDatabase(m_dir.filePath(u"history.sqlite"_s)));
    open({m_report, m_other});
    QTRY_COMPARE(m_window->session()->count(), 2);
    m_window->setCurrentRow(0);
    Review *review = m_window->currentReview();
    QCOMPARE(QFileInfo(review->report().source).fileName(), QFileInfo(m_report).fileName());
    auto *dock = m_window->cellHistoryDock();
    const QString name = RuleEngine::cellName(*review->report().tmpl, kGranted);
    FormView *t3 = view(u"t3"_s);
    windowtesting::selectCell(m_window, t3, kGranted);
    QCOMPARE(historyLines(), QStringList{u"As extracted: 9"_s});
    QCOMPARE(dock->windowTitle(), u"History of "_s + name);

    // An edit: the history has it at once, the cell still selected.
    QVERIFY(review->setCellText(kGranted, u"12"_s));
    QCOMPARE(history()->count(), 1);
    QVERIFY2(historyLines().first().contains(u"审校员甲 · 9 → 12"_s), qPrintable(historyLines().join(u'|')));
    // Delete in the table clears it: a second change.
    t3->setFocus();
    QTest::keyClick(t3, Qt::Key_Delete);
    QTRY_COMPARE(history()->count(), 2);
    QVERIFY(historyLines().last().contains(u"12 → (blank)"_s));
    // Undo: the change stays in the trail, struck through and labelled with who undid it.
    QTest::keyClick(t3, Qt::Key_Z, Qt::ControlModifier);
    QTRY_COMPARE(review->report().cell(kGranted)->value, 12.0);
    QCOMPARE(history()->count(), 2);
    QVERIFY2(historyLines().last().contains(u"Undone by 审校员甲 at "_s), qPrintable(historyLines().last()));
    QVERIFY(history()->item(1)->font().strikeOut());
    QVERIFY(!history()->item(0)->font().strikeOut());
    // Redo: in effect again, as a new line; the undone one keeps its label.
    QTest::keyClick(t3, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_COMPARE(review->report().cell(kGranted)->state, Cell::State::Blank);
    QCOMPARE(history()->count(), 3);
    QVERIFY(historyLines()[1].contains(u"Undone by"_s));
    QVERIFY(historyLines()[2].contains(u"12 → (blank)"_s));
    QVERIFY(!historyLines()[2].contains(u"Undone"_s));
    QVERIFY(!history()->item(2)->font().strikeOut());

    // A click on a number in the source selects its cell, and the history is that cell's.
    const Cell *other = review->report().cell(kNotHeld);
    QVERIFY(other && other->start >= 0);
    auto *src = m_window->findChild<QPlainTextEdit *>(u"sourceText"_s);
    QTextCursor c = src->textCursor();
    c.setPosition(int(other->start));
    src->setTextCursor(c);
    src->ensureCursorVisible();
    QTest::mouseClick(src->viewport(), Qt::LeftButton, {}, src->cursorRect(c).center() + QPoint(2, 0));
    QTRY_COMPARE(t3->currentKey(), kNotHeld);
    QCOMPARE(historyLines(), QStringList{u"As extracted: "_s + other->displayText()});
    QCOMPARE(dock->windowTitle(), u"History of "_s + RuleEngine::cellName(*review->report().tmpl, kNotHeld));

    // Back to the edited cell, then another report: never the first report's history.
    windowtesting::selectCell(m_window, t3, kGranted);
    QCOMPARE(history()->count(), 3);
    QTest::keyClick(m_window, Qt::Key_PageDown, Qt::ControlModifier);
    QTRY_COMPARE(m_window->currentRow(), 1);
    Review *second = m_window->currentReview();
    QVERIFY(second != review);
    const QString key = m_window->tablesPanel()->currentKey();
    QVERIFY(!historyLines().join(u'|').contains(u"→"_s));
    if (!key.isEmpty())
        QCOMPARE(historyLines(), QStringList{u"As extracted: "_s +
                                             CorrectionsModel::valueText(*second->extracted().cell(key))});
    QCOMPARE(list()->model()->rowCount(), 0); // nor its corrections
    QTest::keyClick(m_window, Qt::Key_PageUp, Qt::ControlModifier);
    QTRY_COMPARE(m_window->currentRow(), 0);
    windowtesting::selectCell(m_window, t3, kGranted);
    QCOMPARE(history()->count(), 3);
    QCOMPARE(list()->model()->rowCount(), 3);
}

void TestRecord::aClickInTheCorrectionsListGoesToTheCellAndChangesNothing()
{
    open({m_report});
    Review *review = m_window->currentReview();
    QVERIFY(review->setCellText(kGranted, u"12"_s));
    QVERIFY(review->clearCells({kIssued}));
    QVERIFY(review->setCellText(kGranted, u"15"_s));
    QTreeView *v = list();
    QCOMPARE(v->model()->rowCount(), 3);
    new QAbstractItemModelTester(v->model(), QAbstractItemModelTester::FailureReportingMode::QtTest, v);
    // One row per change: cell, before → after, reviewer.
    const Template &tmpl = *review->report().tmpl;
    auto text = [v](int row, int column) { return v->model()->index(row, column).data().toString(); };
    QCOMPARE(text(0, CorrectionsModel::CellColumn), RuleEngine::cellName(tmpl, kGranted));
    QCOMPARE(text(0, CorrectionsModel::ChangeColumn), u"9 → 12"_s);
    QCOMPARE(text(0, CorrectionsModel::ReviewerColumn), u"审校员甲"_s);
    QCOMPARE(text(1, CorrectionsModel::CellColumn), RuleEngine::cellName(tmpl, kIssued));
    QVERIFY(text(1, CorrectionsModel::ChangeColumn).endsWith(u" → (blank)"_s));
    QCOMPARE(text(2, CorrectionsModel::ChangeColumn), u"12 → 15"_s);
    QCOMPARE(text(0, CorrectionsModel::TimeColumn),
             review->corrections().first().time.toLocalTime().toString(u"MM-dd HH:mm"_s));

    const QStringList before = cells(review);
    const int index = review->undoStack()->index();
    // A click on the table 2 correction: table 2 shown, its cell selected, nothing changed.
    clickRow(1);
    QTRY_COMPARE(m_window->tablesPanel()->currentView(), view(u"t2"_s));
    QCOMPARE(view(u"t2"_s)->currentKey(), kIssued);
    QCOMPARE(view(u"t2"_s)->selectedKeys(), QStringList{kIssued});
    QCOMPARE(cells(review), before);
    QCOMPARE(review->undoStack()->index(), index);
    QCOMPARE(review->undoStack()->count(), 3);
    QCOMPARE(review->corrections().size(), 3);
    QCOMPARE(v->model()->rowCount(), 3);
    QCOMPARE(history()->count(), 1); // the history is the chosen cell's
    // The first row, chosen with the keyboard (Enter): table 3 and its cell; still nothing changed.
    v->setFocus();
    v->setCurrentIndex(v->model()->index(0, 0));
    QTest::keyClick(v, Qt::Key_Return);
    QTRY_COMPARE(m_window->tablesPanel()->currentView(), view(u"t3"_s));
    QCOMPARE(view(u"t3"_s)->currentKey(), kGranted);
    QCOMPARE(cells(review), before);
    QCOMPARE(review->undoStack()->index(), index);
    QCOMPARE(history()->count(), 2);
}

void TestRecord::aCorrectionIsRevertedAsANewChangeAskedWhenLaterOnesExist()
{
    open({m_report});
    Review *review = m_window->currentReview();
    QVERIFY(review->setCellText(kGranted, u"12"_s));
    QVERIFY(review->clearCells({kIssued}));
    QVERIFY(review->setCellText(kGranted, u"15"_s));
    QTreeView *v = list();
    auto *panel = m_window->correctionsPanel();
    QVERIFY(v->actions().contains(panel->revertAction())); // its context menu
    auto *button = m_window->findChild<QPushButton *>(u"revertCorrection"_s);
    QVERIFY(button);

    // The first change of a cell changed again later: asked, and No changes nothing.
    clickRow(0);
    v->setFocus();
    QTRY_VERIFY(v->hasFocus());
    const QStringList before = cells(review);
    MessageBox::setNextAnswer(QMessageBox::No);
    QTest::keyClick(v, Qt::Key_Delete);
    QCOMPARE(cells(review), before);
    QCOMPARE(review->undoStack()->count(), 3);
    // Yes: back to 9, its value before that change, as a fourth change; the row is kept.
    MessageBox::setNextAnswer(QMessageBox::Yes);
    QTest::keyClick(v, Qt::Key_Backspace, Qt::ControlModifier);
    QTRY_COMPARE(review->report().cell(kGranted)->value, 9.0);
    QCOMPARE(review->undoStack()->count(), 4);
    QCOMPARE(review->corrections().last().action, u"revert"_s);
    QCOMPARE(review->corrections().last().before.value, 15.0);
    QCOMPARE(v->model()->rowCount(), 4);
    QVERIFY(v->model()->index(3, CorrectionsModel::ChangeColumn).data().toString().startsWith(u"15 → 9"_s));
    QCOMPARE(review->report().cell(kIssued)->state, Cell::State::Blank); // the other cell untouched
    QCOMPARE(v->currentIndex().row(), 0);

    // A correction with no later change of its cell: reverted by the button, not asked.
    clickRow(1);
    MessageBox::setNextAnswer(QMessageBox::No); // would refuse, were it asked
    QVERIFY(button->isEnabled());
    button->click();
    QTRY_VERIFY(review->report().cell(kIssued)->isNumber());
    QCOMPARE(review->report().cell(kIssued)->value, review->extracted().cell(kIssued)->value);
    QCOMPARE(review->undoStack()->count(), 5);
    MessageBox::setNextAnswer(QMessageBox::NoButton);

    // Undone like any edit (Ctrl+Z): the revert is struck in the list, the cell blank again.
    QTest::keyClick(view(u"t2"_s), Qt::Key_Z, Qt::ControlModifier);
    QTRY_COMPARE(review->report().cell(kIssued)->state, Cell::State::Blank);
    QCOMPARE(v->model()->rowCount(), 5);
    QVERIFY(v->model()->index(4, 0).data(CorrectionsModel::UndoneRole).toBool());
    // An undone correction cannot be reverted.
    clickRow(4);
    QVERIFY(!button->isEnabled());
    QVERIFY(!panel->revertAction()->isEnabled());
}

void TestRecord::afterARestartTheListIsCompleteAndARestoredCorrectionIsReverted()
{
    const QString db = m_dir.filePath(u"restart.sqlite"_s);
    QString hash;
    {
        QVERIFY(m_window->setDatabase(db));
        open({m_report});
        Review *r = m_window->currentReview();
        hash = r->reviewed().contentHash;
        QVERIFY(r->setCellText(kGranted, u"12"_s));
        QVERIFY(r->clearCells({kIssued}));
        r->undoStack()->undo(); // undone: in the trail, marked
        QVERIFY(r->setCellText(kGranted, u"10"_s));
        QCOMPARE(list()->model()->rowCount(), 3);
    }
    cleanup(); // the window closes; a new one opens the queue as it was left
    startWindow();
    QVERIFY(m_window->setDatabase(db));
    open(m_window->savedQueue());
    Review *r = m_window->currentReview();
    QCOMPARE(r->reviewed().contentHash, hash);
    QCOMPARE(r->undoStack()->count(), 0); // no undo for an earlier session's corrections
    QCOMPARE(r->report().cell(kGranted)->value, 10.0);
    QTreeView *v = list();
    QTRY_COMPARE(v->model()->rowCount(), 3);
    auto row = [v](int i, int column) { return v->model()->index(i, column).data().toString(); };
    QCOMPARE(row(0, CorrectionsModel::ChangeColumn), u"9 → 12"_s);
    QVERIFY(row(1, CorrectionsModel::ChangeColumn).contains(u"undone"_s));
    QVERIFY(v->model()->index(1, 0).data(CorrectionsModel::UndoneRole).toBool());
    QCOMPARE(row(2, CorrectionsModel::ChangeColumn), u"12 → 10"_s);
    QCOMPARE(row(2, CorrectionsModel::ReviewerColumn), u"审校员甲"_s);

    // The last restored correction reverted (no later change: not asked): back to 12, in the
    // store's audit trail as a revert.
    clickRow(2);
    m_window->findChild<QPushButton *>(u"revertCorrection"_s)->click();
    QTRY_COMPARE(r->report().cell(kGranted)->value, 12.0);
    QCOMPARE(v->model()->rowCount(), 4);
    ReviewStore other;
    QString error;
    QVERIFY2(other.open(db, &error), qPrintable(error));
    const QList<AuditEntry> trail = other.auditTrail(hash, &error);
    QCOMPARE(trail.size(), 4);
    QCOMPARE(trail.last().correction.action, u"revert"_s);
    QCOMPARE(trail.last().correction.before.value, 10.0);
    QCOMPARE(trail.last().correction.after.value, 12.0);
    QCOMPARE(trail.last().correction.reviewer, u"审校员甲"_s);
    QVERIFY(trail.last().correction.note.contains(u"12 → 10"_s));
    QVERIFY(!trail.last().undone);
    // And undone like any edit of this session: marked undone in the store.
    r->undoStack()->undo();
    QCOMPARE(r->report().cell(kGranted)->value, 10.0);
    QVERIFY(other.auditTrail(hash).last().undone);
    QTRY_VERIFY(v->model()->index(3, 0).data(CorrectionsModel::UndoneRole).toBool());
}

void TestRecord::theCellHistoryIsReopenedFromViewAndItsVisibilityKept()
{
    QDockWidget *dock = m_window->cellHistoryDock();
    QTRY_VERIFY(dock->isVisible());
    QAction *toggle = dock->toggleViewAction();
    QMenu *viewMenu = nullptr;
    for (QAction *a : m_window->menuBar()->actions())
        if (a->menu() && a->menu()->actions().contains(toggle))
            viewMenu = a->menu();
    QVERIFY(viewMenu);
    QCOMPARE(viewMenu->title(), u"&View"_s);
    QCOMPARE(toggle->text(), u"Cell &History"_s);
    open({m_report});
    windowtesting::selectCell(m_window, view(u"t3"_s), kGranted);
    QVERIFY(dock->windowTitle().startsWith(u"History of "_s));
    QCOMPARE(toggle->text(), u"Cell &History"_s); // the menu item keeps its name
    dock->close();
    QTRY_VERIFY(!dock->isVisible());
    QVERIFY(!toggle->isChecked());
    // Closed it stays closed at the next start, and View ▸ Cell History brings it back.
    cleanup();
    startWindow();
    dock = m_window->cellHistoryDock();
    QVERIFY(!dock->isVisible());
    dock->toggleViewAction()->trigger();
    QTRY_VERIFY(dock->isVisible());
    cleanup();
    startWindow();
    QTRY_VERIFY(m_window->cellHistoryDock()->isVisible());
}

QTEST_MAIN(TestRecord)
#include "tst_record.moc"
