// The tables on a small screen, driven through the real window offscreen at 1366×768: the header
// rows and label columns stay in view while the values scroll, the tables zoom (Ctrl+wheel, the
// View menu's keys) and fit the width, the zoom is kept across a restart, and table 3's 总计 and
// table 4's third group can be reached.
#include "../core/testutil.h"
#include "formview.h"
#include "mainwindow.h"
#include "messagebox.h"
#include "reporttablemodel.h"
#include "review/review.h"
#include "tablespanel.h"
#include "windowtesting.h"

#include <QAction>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>
#include <QWheelEvent>

using namespace nianbao;
using namespace nianbao::ui;
using namespace Qt::Literals::StringLiterals;

namespace {

const QString t3Total = u"t3.new_received.total"_s;
const QString t4ThirdGroupTotal = u"t4.litigation_after_reconsideration.total"_s;

/// Is the cell wholly in the part of the view the reviewer sees, and not under the rows and
/// columns that stay in view?
bool cellIsVisible(FormView *v, const QString &key)
{
    const QRect r = v->visualRect(v->formModel()->indexOf(key));
    QRect seen = v->viewport()->rect();
    if (v->frozenRows()->isVisible())
        seen.setTop(v->frozenHeight());
    if (v->frozenColumns()->isVisible())
        seen.setLeft(v->frozenWidth());
    return r.isValid() && seen.contains(r);
}

} // namespace

class TestGrids : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void headerRowsAndLabelColumnsStayInView();
    void zoomFromTheWheelAndTheMenuIsKept();
    void fitWidthShowsEveryColumnOfTables3And4();

private:
    void newWindow();
    void openReport();
    FormView *view(const QString &table) const { return m_window->tableView(table); }
    QAction *action(const QString &name) const { return m_window->findChild<QAction *>(name); }
    void showTable(const QString &table);

    MainWindow *m_window = nullptr;
};

void TestGrids::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"nianbao-test"_s);
    QCoreApplication::setApplicationName(u"tst_grids"_s);
}

void TestGrids::init()
{
    QSettings().clear();
    newWindow();
    openReport();
}

void TestGrids::newWindow()
{
    m_window = new MainWindow;
    // A 1366×768 laptop: the window as large as the screen leaves, less the panel.
    m_window->resize(1366, 728);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
}

void TestGrids::openReport()
{
    QSignalSpy loaded(m_window, &MainWindow::loadFinished);
    windowtesting::drop(m_window, {testutil::dataPath(u"corpus/seeds/001_bff1b9e23c617db0.txt"_s)});
    QTRY_COMPARE(loaded.size(), 1);
    QTRY_VERIFY(m_window->currentReview() != nullptr);
}

void TestGrids::cleanup()
{
    MessageBox::setNextAnswer(QMessageBox::Yes);
    m_window->close();
    delete m_window;
    m_window = nullptr;
    MessageBox::setNextAnswer(QMessageBox::NoButton);
}

void TestGrids::showTable(const QString &table)
{
    auto *tabs = m_window->findChild<QTabWidget *>(u"tables"_s);
    tabs->setCurrentWidget(view(table));
    QTRY_VERIFY(view(table)->isVisible());
}

void TestGrids::headerRowsAndLabelColumnsStayInView()
{
    showTable(u"t3"_s);
    FormView *v = view(u"t3"_s);
    m_window->tablesPanel()->setZoom(1.5); // larger than the room there is, on any font
    QTRY_VERIFY(v->verticalScrollBar()->maximum() > 0 && v->horizontalScrollBar()->maximum() > 0);
    QTRY_VERIFY(v->frozenRows()->isVisible());
    QVERIFY(v->frozenColumns()->isVisible());
    const ReportTableModel *m = v->formModel();
    const int headerRows = m->layout().headerRows(), labelColumns = m->layout().labelColumns();
    QVERIFY(headerRows > 0 && labelColumns > 0);

    // Scrolled to the far corner: the cell is in view, clear of the frozen parts.
    const QString last = m->layout().keys().last();
    v->selectKeys({last});
    QVERIFY(cellIsVisible(v, last));
    QVERIFY(v->verticalScrollBar()->value() > 0 && v->horizontalScrollBar()->value() > 0);
    // The header rows are still at the top, over the column the cell is in.
    QTableView *rows = v->frozenRows();
    QCOMPARE(rows->geometry().top(), v->viewport()->geometry().top());
    QCOMPARE(rows->height(), v->frozenHeight());
    const QModelIndex cell = m->indexOf(last);
    QCOMPARE(rows->horizontalScrollBar()->value(), v->horizontalScrollBar()->value());
    QCOMPARE(rows->columnViewportPosition(cell.column()), v->columnViewportPosition(cell.column()));
    QVERIFY(rows->rowViewportPosition(0) == 0);
    // The label of its row is still on the left, at the row's height.
    QTableView *labels = v->frozenColumns();
    QCOMPARE(labels->width(), v->frozenWidth());
    QCOMPARE(labels->verticalScrollBar()->value(), v->verticalScrollBar()->value());
    QCOMPARE(labels->rowViewportPosition(cell.row()), v->rowViewportPosition(cell.row()));
    QVERIFY(labels->columnViewportPosition(0) == 0);
    QVERIFY(!m->index(cell.row(), labelColumns - 1).data().toString().isEmpty() ||
            !m->index(cell.row(), 0).data().toString().isEmpty());

    // A click on a label of the frozen column selects through the one selection.
    QCOMPARE(labels->selectionModel(), v->selectionModel());
    // The first cell again: scrolled back, clear of the frozen parts.
    const QString first = m->layout().keys().first();
    v->selectKeys({first});
    QVERIFY(cellIsVisible(v, first));
}

void TestGrids::zoomFromTheWheelAndTheMenuIsKept()
{
    showTable(u"t3"_s);
    FormView *v = view(u"t3"_s);
    TablesPanel *tables = m_window->tablesPanel();
    QVERIFY(tables->fitsWidth()); // the first start fits the width
    tables->setZoom(1.0);
    QVERIFY(!tables->fitsWidth());
    const int width = v->columnWidth(v->formModel()->columnCount() - 1);

    // Ctrl+wheel one notch up: 110 %, every table, wider columns.
    const QPointF at = v->viewport()->rect().center();
    QWheelEvent up(at, v->viewport()->mapToGlobal(at), {}, {0, 120}, Qt::NoButton, Qt::ControlModifier,
                   Qt::NoScrollPhase, false);
    QApplication::sendEvent(v->viewport(), &up);
    QCOMPARE(tables->zoom(), 1.1);
    for (FormView *other : tables->views())
        QCOMPARE(other->zoom(), 1.1);
    QVERIFY(v->columnWidth(v->formModel()->columnCount() - 1) > width);
    // A plain wheel scrolls, it does not zoom.
    QWheelEvent plain(at, v->viewport()->mapToGlobal(at), {}, {0, -120}, Qt::NoButton, Qt::NoModifier,
                      Qt::NoScrollPhase, false);
    QApplication::sendEvent(v->viewport(), &plain);
    QCOMPARE(tables->zoom(), 1.1);

    // The View menu's keys: Ctrl+= in, Ctrl+- out, Ctrl+0 back.
    QCOMPARE(action(u"actionZoomIn"_s)->shortcuts().value(0), QKeySequence(u"Ctrl+="_s));
    QCOMPARE(action(u"actionZoomOut"_s)->shortcut(), QKeySequence(QKeySequence::ZoomOut));
    QCOMPARE(action(u"actionZoomReset"_s)->shortcut(), QKeySequence(u"Ctrl+0"_s));
    v->setFocus();
    QTest::keyClick(m_window, Qt::Key_Equal, Qt::ControlModifier);
    QCOMPARE(tables->zoom(), 1.2);
    QTest::keyClick(m_window, Qt::Key_Minus, Qt::ControlModifier);
    QTest::keyClick(m_window, Qt::Key_Minus, Qt::ControlModifier);
    QTest::keyClick(m_window, Qt::Key_Minus, Qt::ControlModifier);
    QCOMPARE(tables->zoom(), 0.9);
    QTest::keyClick(m_window, Qt::Key_0, Qt::ControlModifier);
    QCOMPARE(tables->zoom(), 1.0);
    QCOMPARE(v->columnWidth(v->formModel()->columnCount() - 1), width);

    // Kept: a new window opens at the zoom left.
    action(u"actionZoomIn"_s)->trigger();
    action(u"actionZoomIn"_s)->trigger();
    QCOMPARE(tables->zoom(), 1.2);
    cleanup();
    newWindow();
    QCOMPARE(m_window->tablesPanel()->zoom(), 1.2);
    QCOMPARE(view(u"t4"_s)->zoom(), 1.2);
}

void TestGrids::fitWidthShowsEveryColumnOfTables3And4()
{
    TablesPanel *tables = m_window->tablesPanel();
    tables->setZoom(1.5);
    QAction *fit = action(u"actionFitWidth"_s);
    QVERIFY(fit && fit->isCheckable());
    fit->trigger();
    QVERIFY(tables->fitsWidth());
    QVERIFY(fit->isChecked());
    for (const QString &table : {u"t3"_s, u"t4"_s}) {
        showTable(table);
        FormView *v = view(table);
        QTRY_COMPARE(v->horizontalScrollBar()->maximum(), 0); // nothing to scroll sideways
        QVERIFY(v->zoom() < 1.5);
    }
    // Table 3's 总计 and table 4's third group: in view once scrolled to.
    showTable(u"t3"_s);
    view(u"t3"_s)->selectKeys({t3Total});
    QVERIFY(cellIsVisible(view(u"t3"_s), t3Total));
    showTable(u"t4"_s);
    view(u"t4"_s)->selectKeys({t4ThirdGroupTotal});
    QVERIFY(cellIsVisible(view(u"t4"_s), t4ThirdGroupTotal));

    // Kept across a restart; a zoom step ends it.
    cleanup();
    newWindow();
    openReport();
    QVERIFY(m_window->tablesPanel()->fitsWidth());
    showTable(u"t3"_s);
    QTRY_COMPARE(view(u"t3"_s)->horizontalScrollBar()->maximum(), 0);
    action(u"actionZoomIn"_s)->trigger();
    QVERIFY(!m_window->tablesPanel()->fitsWidth());
    QVERIFY(!action(u"actionFitWidth"_s)->isChecked());
}

QTEST_MAIN(TestGrids)
#include "tst_grids.moc"
