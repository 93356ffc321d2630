// Confirming and dismissing findings in the review window, through its real widgets offscreen:
// one key each in the findings list, the reason asked, undo, a multi-selection at once, and a
// dismissed finding still dismissed after a restart.
#include "../core/testutil.h"
#include "dismissdialog.h"
#include "filedialog.h"
#include "findingsmodel.h"
#include "findingspanel.h"
#include "formview.h"
#include "mainwindow.h"
#include "messagebox.h"
#include "reporttablemodel.h"
#include "review/review.h"
#include "store/reviewstore.h"
#include "windowtesting.h"

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>

using namespace nianbao;
using namespace nianbao::ui;
using namespace Qt::Literals::StringLiterals;

namespace {

// raised from 9 to 10: the row total and the results sum no longer hold
const QString kKey = u"t3.granted.legal_service"_s;

/// Answers the next reason dialog as a reviewer does: OK is disabled while the reason is empty;
/// then the reason is typed and OK clicked. *seen tells that the dialog came and refused empty.
void answerReason(const QString &reason, bool *seen)
{
    *seen = false;
    auto *timer = new QTimer;
    timer->setInterval(10);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, reason, seen] {
        auto *dialog = qobject_cast<DismissDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        timer->stop();
        timer->deleteLater();
        auto *combo = dialog->findChild<QComboBox *>(u"dismissReason"_s);
        QPushButton *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        const bool refusedEmpty = !ok->isEnabled();
        QTest::keyClicks(combo->lineEdit(), u"  "_s);
        const bool refusedBlank = !ok->isEnabled();
        combo->lineEdit()->clear();
        combo->lineEdit()->insert(reason); // as an input method puts Chinese text in
        *seen = refusedEmpty && refusedBlank && ok->isEnabled() && combo->count() >= 3;
        ok->click();
    });
    timer->start();
}

/// The window is active again once the dialog is gone, as a window manager makes it (the offscreen
/// platform leaves no window active).
void backFromTheDialog(QWidget &w)
{
    w.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&w));
}

} // namespace

class TestWindowDispositions : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void oneKeyDismissesAndUndoBringsItBack();
    void aMultiSelectionIsConfirmedAtOnce();
    void aDismissedFindingStaysDismissedAfterARestart();
    void aFindingWithoutCellsIsExplainedInTheDetailLine();

private:
    bool openAndWait(MainWindow &w);
    static QTreeView *findingsView(const MainWindow &w)
    {
        return w.findChild<QTreeView *>(u"findingsView"_s);
    }
    static int rowOf(const MainWindow &w, const Finding &f);
    static void selectRow(const MainWindow &w, int row);
    QTemporaryDir m_dir;
    QString m_report;
    int m_databases = 0;
};

void TestWindowDispositions::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"nianbao-test"_s);
    QCoreApplication::setApplicationName(u"tst_windowdispositions"_s);
    QVERIFY(m_dir.isValid());
    m_report = m_dir.filePath(u"卫东区_2023.txt"_s);
    QVERIFY(QFile::copy(testutil::dataPath(u"corpus/seeds/001_bff1b9e23c617db0.txt"_s), m_report));
}

void TestWindowDispositions::init()
{
    QSettings().clear();
}

bool TestWindowDispositions::openAndWait(MainWindow &w)
{
    QSignalSpy loaded(&w, &MainWindow::loadFinished);
    w.openPaths({m_report});
    return QTest::qWaitFor([&] { return loaded.size() > 0 && !w.isLoading(); }, 20000);
}

int TestWindowDispositions::rowOf(const MainWindow &w, const Finding &f)
{
    const QList<Finding> &fs = w.currentReview()->findings();
    for (int i = 0; i < fs.size(); ++i)
        if (findingKey(fs[i]) == findingKey(f))
            return i;
    return -1;
}

void TestWindowDispositions::selectRow(const MainWindow &w, int row)
{
    QTreeView *view = findingsView(w);
    view->setFocus();
    const QModelIndex i = view->model()->index(row, 0);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(i).center());
}

void TestWindowDispositions::oneKeyDismissesAndUndoBringsItBack()
{
    MainWindow w;
    TextDialog::setNextText(u"审校员甲"_s);
    QVERIFY(w.setDatabase(m_dir.filePath(u"one-%1.sqlite"_s.arg(++m_databases))));
    w.show();
    QVERIFY(QTest::qWaitForWindowActive(&w));
    QVERIFY(openAndWait(w));
    Review *r = w.currentReview();
    QVERIFY(r->setCellText(kKey, u"10"_s));
    const int errors = r->errorCount();
    QVERIFY(errors > 0);
    const Finding f = r->findings().first();
    QVERIFY(f.isError() && f.cells.contains(kKey));
    FormView *t3 = w.tableView(u"t3"_s);
    const QModelIndex cell = t3->formModel()->indexOf(kKey);
    QCOMPARE(cell.data(ReportTableModel::SeverityRole).toInt(), int(ReportTableModel::ErrorFinding));

    // D in the findings list asks the reason and dismisses
    selectRow(w, rowOf(w, f));
    bool asked = false;
    answerReason(u"已与报送单位核实"_s, &asked);
    QTest::keyClick(findingsView(w), Qt::Key_D);
    QVERIFY(asked);
    backFromTheDialog(w);
    const Disposition *d = r->disposition(f);
    QVERIFY(d);
    QCOMPARE(d->kind, Disposition::Kind::Dismissed);
    QCOMPARE(d->reason, u"已与报送单位核实"_s);
    QCOMPARE(d->reviewer, u"审校员甲"_s);
    QCOMPARE(r->errorCount(), errors - 1);
    // shown quiet, with who and why in the tooltip; its cells no longer failing by it
    const QModelIndex row = findingsView(w)->model()->index(rowOf(w, f), FindingsModel::MessageColumn);
    QCOMPARE(row.data(FindingsModel::DispositionRole).toString(), u"dismissed"_s);
    QVERIFY(row.data(Qt::FontRole).value<QFont>().strikeOut());
    QVERIFY(row.data(Qt::ToolTipRole).toString().contains(u"已与报送单位核实"_s));
    QVERIFY(row.data(Qt::ToolTipRole).toString().contains(u"审校员甲"_s));
    QVERIFY(findingsView(w)->model()->index(rowOf(w, f), 0).data().toString().contains(u"Dismissed"_s));
    bool othersFail = false;
    for (const Finding &o : r->openFindings())
        othersFail |= o.cells.contains(kKey);
    QCOMPARE(t3->formModel()->indexOf(kKey).data(ReportTableModel::SeverityRole).toInt() > 0, othersFail);
    // saved the moment it was made
    {
        ReviewStore other;
        QString error;
        QVERIFY2(other.open(m_dir.filePath(u"one-%1.sqlite"_s.arg(m_databases)), &error), qPrintable(error));
        QCOMPARE(other.dispositions(r->reviewed().contentHash).size(), 1);
    }

    // Ctrl+Z brings it back; the store follows
    QTest::keyClick(findingsView(w), Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(!r->disposition(f));
    QCOMPARE(r->errorCount(), errors);
    QCOMPARE(t3->formModel()->indexOf(kKey).data(ReportTableModel::SeverityRole).toInt(),
             int(ReportTableModel::ErrorFinding));
    {
        ReviewStore other;
        QString error;
        QVERIFY2(other.open(m_dir.filePath(u"one-%1.sqlite"_s.arg(m_databases)), &error), qPrintable(error));
        QVERIFY(other.dispositions(r->reviewed().contentHash).isEmpty());
    }

    // C confirms: marked, still an error of the report
    selectRow(w, rowOf(w, f));
    QTest::keyClick(findingsView(w), Qt::Key_C);
    QCOMPARE(r->disposition(f)->kind, Disposition::Kind::Confirmed);
    QCOMPARE(r->errorCount(), errors);
    QVERIFY(findingsView(w)->model()->index(rowOf(w, f), 0).data().toString().contains(u"Confirmed"_s));
    // U clears it
    QTest::keyClick(findingsView(w), Qt::Key_U);
    QVERIFY(!r->disposition(f));
    MessageBox::setNextAnswer(QMessageBox::Yes);
    w.close();
}

void TestWindowDispositions::aMultiSelectionIsConfirmedAtOnce()
{
    MainWindow w;
    TextDialog::setNextText(u"审校员甲"_s);
    QVERIFY(w.setDatabase(m_dir.filePath(u"bulk-%1.sqlite"_s.arg(++m_databases))));
    w.show();
    QVERIFY(QTest::qWaitForWindowActive(&w));
    QVERIFY(openAndWait(w));
    Review *r = w.currentReview();
    QVERIFY(r->setCellText(kKey, u"10"_s));
    const QList<Finding> all = r->findings();
    QVERIFY(all.size() >= 2);
    const int steps = r->undoStack()->count();

    // every finding selected, one key: all dismissed in one undo step
    selectRow(w, 0);
    QTest::keyClick(findingsView(w), Qt::Key_A, Qt::ControlModifier);
    QCOMPARE(findingsView(w)->selectionModel()->selectedRows().size(), all.size());
    bool asked = false;
    answerReason(u"在施行数已清理"_s, &asked);
    QTest::keyClick(findingsView(w), Qt::Key_D);
    QVERIFY(asked);
    backFromTheDialog(w);
    QCOMPARE(r->undoStack()->count(), steps + 1);
    for (const Finding &f : all)
        QCOMPARE(r->disposition(f)->kind, Disposition::Kind::Dismissed);
    QCOMPARE(r->errorCount(), 0);
    QCOMPARE(r->warningCount(), 0);
    // the selection stays: the menu's Confirm turns them all to confirmed, one step again
    QCOMPARE(findingsView(w)->selectionModel()->selectedRows().size(), all.size());
    QAction *confirm = w.findChild<QAction *>(u"actionConfirmFinding"_s);
    QVERIFY(confirm && confirm->isEnabled());
    QCOMPARE(confirm->shortcut(), QKeySequence(Qt::Key_C));
    confirm->trigger();
    QCOMPARE(r->undoStack()->count(), steps + 2);
    for (const Finding &f : all)
        QCOMPARE(r->disposition(f)->kind, Disposition::Kind::Confirmed);

    // undone twice: none has a disposition
    QTest::keyClick(findingsView(w), Qt::Key_Z, Qt::ControlModifier);
    for (const Finding &f : all)
        QCOMPARE(r->disposition(f)->kind, Disposition::Kind::Dismissed);
    QTest::keyClick(findingsView(w), Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(r->dispositions().isEmpty());
    MessageBox::setNextAnswer(QMessageBox::Yes);
    w.close();
}

void TestWindowDispositions::aDismissedFindingStaysDismissedAfterARestart()
{
    const QString db = m_dir.filePath(u"restart.sqlite"_s);
    QString dismissedKey;
    int errorsLeft = 0;
    {
        MainWindow w;
        TextDialog::setNextText(u"审校员甲"_s);
        QVERIFY(w.setDatabase(db));
        w.show();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        QVERIFY(openAndWait(w));
        Review *r = w.currentReview();
        QVERIFY(r->setCellText(kKey, u"10"_s));
        const Finding f = r->findings().first();
        dismissedKey = findingKey(f);
        selectRow(w, 0);
        bool asked = false;
        answerReason(u"正文只涉及本机关"_s, &asked);
        QTest::keyClick(findingsView(w), Qt::Key_D);
        QVERIFY(asked);
        backFromTheDialog(w);
        QVERIFY(r->disposition(f));
        errorsLeft = r->errorCount();
        MessageBox::setNextAnswer(QMessageBox::Yes); // quit with corrections not marked reviewed
        w.close();
    }
    MainWindow w;
    QVERIFY(w.setDatabase(db));
    w.show();
    QVERIFY(QTest::qWaitForWindowActive(&w));
    QCOMPARE(w.savedQueue(), QStringList{QFileInfo(m_report).absoluteFilePath()});
    QVERIFY(openAndWait(w));
    Review *r = w.currentReview();
    QVERIFY(r);
    QCOMPARE(r->report().cell(kKey)->value, 10.0);
    const int row = [&] {
        for (int i = 0; i < r->findings().size(); ++i)
            if (findingKey(r->findings()[i]) == dismissedKey)
                return i;
        return -1;
    }();
    QVERIFY(row >= 0);
    const Disposition *d = r->disposition(r->findings()[row]);
    QVERIFY(d);
    QCOMPARE(d->kind, Disposition::Kind::Dismissed);
    QCOMPARE(d->reason, u"正文只涉及本机关"_s);
    QCOMPARE(d->reviewer, u"审校员甲"_s);
    QCOMPARE(r->errorCount(), errorsLeft);
    const QModelIndex index = findingsView(w)->model()->index(row, FindingsModel::MessageColumn);
    QCOMPARE(index.data(FindingsModel::DispositionRole).toString(), u"dismissed"_s);
    QVERIFY(index.data(Qt::FontRole).value<QFont>().strikeOut());
    MessageBox::setNextAnswer(QMessageBox::Yes);
    w.close();
}

void TestWindowDispositions::aFindingWithoutCellsIsExplainedInTheDetailLine()
{
    // a report whose findings include checks of the document (a part missing), which name no cell
    const QString report = m_dir.filePath(u"上海市科委_2024.md"_s);
    QVERIFY(QFile::exists(report) ||
            QFile::copy(testutil::dataPath(u"corpus/real/shanghai_kewei_2024.md"_s), report));
    MainWindow w;
    TextDialog::setNextText(u"审校员甲"_s);
    QVERIFY(w.setDatabase(m_dir.filePath(u"detail-%1.sqlite"_s.arg(++m_databases))));
    w.show();
    QVERIFY(QTest::qWaitForWindowActive(&w));
    QSignalSpy loaded(&w, &MainWindow::loadFinished);
    w.openPaths({report});
    QVERIFY(QTest::qWaitFor([&] { return loaded.size() > 0 && !w.isLoading(); }, 20000));
    const QList<Finding> &fs = w.currentReview()->findings();
    int withCells = -1, without = -1;
    for (int i = 0; i < fs.size(); ++i) {
        int &first = fs[i].cells.isEmpty() ? without : withCells;
        if (first < 0)
            first = i;
    }
    QVERIFY(withCells >= 0 && without >= 0);
    auto *detail = w.findChild<QLabel *>(u"findingDetail"_s);
    QVERIFY(detail);
    selectRow(w, withCells);
    QTRY_VERIFY2(detail->text().contains(fs[withCells].rule), qPrintable(detail->text()));
    selectRow(w, without);
    QTRY_VERIFY2(detail->text().contains(fs[without].rule), qPrintable(detail->text()));
    QVERIFY(detail->text().contains(fs[without].text().toHtmlEscaped()));
}

QTEST_MAIN(TestWindowDispositions)
#include "tst_windowdispositions.moc"
