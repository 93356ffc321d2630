// The review window driven through its real widgets on the offscreen platform: widgets found by
// objectName, waits with QTRY_*.
#include "../core/testutil.h"
#include "filedialog.h"
#include "findingsmodel.h"
#include "formview.h"
#include "i18n/language.h"
#include "json/reportjson.h"
#include "mainwindow.h"
#include "messagebox.h"
#include "palette.h"
#include "pipeline/reportreader.h"
#include "reportqueuemodel.h"
#include "reporttablemodel.h"
#include "review/review.h"
#include "rules/ruleengine.h"
#include "sourcepane.h"
#include "windowtesting.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDockWidget>
#include <QHelpEvent>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QScreen>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolTip>
#include <QTreeView>

using namespace nianbao;
using namespace nianbao::ui;
using windowtesting::drop;
using namespace Qt::Literals::StringLiterals;

namespace {

QString seedPath(const QString &name)
{
    return testutil::dataPath(u"corpus/seeds/"_s + name);
}

const QString seed001 = u"001_bff1b9e23c617db0.txt"_s;

} // namespace

class TestReviewWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void theFirstWindowFitsTheScreen();
    void dropSeedFillsTablesAndFindings_data();
    void dropSeedFillsTablesAndFindings();
    void editBreaksTotalTurnsRedF8ReachesItUndoCleans();
    void selectingCellSelectsItsSourceSpan_data();
    void selectingCellSelectsItsSourceSpan();
    void cursorOnNumberInSourceSelectsItsCell();
    void shiftRowMovesValuesAndUndoRestores();
    void pasteFromSpreadsheetAndClear();
    void openDialogListsUnreadableWithReason();
    void dropFolderOpensEveryReport();
    void markReviewedAsksWhenErrorsRemain();
    void droppingAnOpenReportAgainKeepsItsCorrections();
    void undecidedCellOffersItsCandidates();
    void ctrlFFindsInTheSource();
    void languageSwitchChangesEveryPaneTogether();
    void settingsRememberRecentFilesAndSplitter();

private:
    void openSeed(const QString &name);
    FormView *view(const QString &table) const;
    QTreeView *findingsView() const { return m_window->findChild<QTreeView *>(u"findingsView"_s); }
    QPlainTextEdit *sourceText() const { return m_window->findChild<QPlainTextEdit *>(u"sourceText"_s); }
    void selectCell(FormView *v, const QString &key);
    MainWindow *m_window = nullptr;
};

void TestReviewWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"nianbao-test"_s);
    QCoreApplication::setApplicationName(u"nianbao-test"_s);
}

void TestReviewWindow::init()
{
    QSettings().clear();
    m_window = new MainWindow;
    m_window->show();
    QVERIFY(QTest::qWaitForWindowActive(m_window));
}

void TestReviewWindow::theFirstWindowFitsTheScreen()
{
    // no layout saved (init clears the settings): the window is placed inside the screen's free
    // area, whatever its size (the offscreen screen is smaller than the window's preferred size)
    const QRect free = m_window->screen()->availableGeometry();
    QVERIFY2(free.contains(m_window->frameGeometry()),
             qPrintable(u"%1×%2 at %3,%4 on a screen of %5×%6"_s.arg(m_window->frameGeometry().width())
                            .arg(m_window->frameGeometry().height())
                            .arg(m_window->x())
                            .arg(m_window->y())
                            .arg(free.width())
                            .arg(free.height())));
}

void TestReviewWindow::cleanup()
{
    MessageBox::setNextAnswer(QMessageBox::Yes);
    m_window->close();
    delete m_window;
    m_window = nullptr;
    MessageBox::setNextAnswer(QMessageBox::NoButton);
}

FormView *TestReviewWindow::view(const QString &table) const
{
    return m_window->findChild<FormView *>(u"table_"_s + table);
}

void TestReviewWindow::openSeed(const QString &name)
{
    QSignalSpy loaded(m_window, &MainWindow::loadFinished);
    drop(m_window, {seedPath(name)});
    QTRY_COMPARE(loaded.size(), 1);
    QTRY_VERIFY(m_window->currentReview() != nullptr);
}

void TestReviewWindow::selectCell(FormView *v, const QString &key)
{
    windowtesting::selectCell(m_window, v, key);
}

void TestReviewWindow::dropSeedFillsTablesAndFindings_data()
{
    QTest::addColumn<QString>("seed");
    QTest::newRow("a report with |-separated rows") << u"000_cfbc7d1a3e19f347.txt"_s;
    QTest::newRow("a report with tab-separated rows") << seed001;
    QTest::newRow("a report with one cell per line") << u"003_2ee7e895fb2dacb9.txt"_s;
    QTest::newRow("a report whose （六） is one row") << u"004_c7d8b163796d4c79.txt"_s;
    QTest::newRow("a report whose digits ran together") << u"../real/pingtan_2022.txt"_s;
}

void TestReviewWindow::dropSeedFillsTablesAndFindings()
{
    QFETCH(QString, seed);
    const ReadResult expected = ReportReader::read(seedPath(seed));
    QVERIFY(expected.ok);
    openSeed(seed);

    auto *queue = m_window->findChild<QTreeView *>(u"reportQueue"_s);
    QCOMPARE(queue->model()->rowCount(), 1);
    for (const QString &t : {u"t2"_s, u"t3"_s, u"t4"_s}) {
        ReportTableModel *m = view(t)->formModel();
        QVERIFY(m->rowCount() > 0);
        for (const QString &k : m->layout().keys()) {
            const Cell *c = expected.report.cell(k);
            const QString shown = m->indexOf(k).data().toString();
            if (!c || c->state == Cell::State::Uncertain)
                continue;
            QCOMPARE(shown, c->displayText());
        }
    }
    QCOMPARE(findingsView()->model()->rowCount(), expected.findings.size());
    const QString summary = m_window->findChild<QLabel *>(u"findingsSummary"_s)->text();
    if (expected.findings.isEmpty())
        QVERIFY(summary.contains(u"No findings"_s));
    else
        QVERIFY2(summary.contains(u"%1 error"_s.arg(expected.errors())) &&
                     summary.contains(u"%1 warning"_s.arg(expected.warnings())),
                 qPrintable(summary));
    QCOMPARE(sourceText()->toPlainText().size(),
             expected.report.text.size() - expected.report.text.count(u"\r\n"_s));
}

void TestReviewWindow::editBreaksTotalTurnsRedF8ReachesItUndoCleans()
{
    openSeed(seed001);
    Review *review = m_window->currentReview();
    QCOMPARE(review->errorCount(), 0);
    const int findingsBefore = findingsView()->model()->rowCount();
    FormView *t3 = view(u"t3"_s);
    const QString key = u"t3.granted.legal_service"_s;
    selectCell(t3, key);

    // Type 12 over the 9 and press Enter, as a reviewer does.
    QTest::keyClick(t3, Qt::Key_1);
    QTRY_VERIFY(qobject_cast<QLineEdit *>(QApplication::focusWidget()));
    QTest::keyClicks(QApplication::focusWidget(), u"2"_s);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QTRY_COMPARE(t3->formModel()->indexOf(key).data().toString(), u"12"_s);
    QTRY_COMPARE(t3->currentKey(), u"t3.partially_granted.legal_service"_s); // Enter goes down the column

    QStringList identity;
    for (const Finding &f : review->findings())
        if (f.isError() && f.cells.contains(key))
            identity += f.cells;
    QVERIFY(identity.contains(u"t3.total_processed.legal_service"_s)); // the results sum of its column
    for (const QString &k : identity) {
        const QModelIndex i = t3->formModel()->indexOf(k);
        QTRY_COMPARE(i.data(Qt::BackgroundRole).value<QColor>(), Palette::errorBackground());
    }
    QVERIFY(t3->formModel()->indexOf(key).data(ReportTableModel::CorrectedRole).toBool());
    QVERIFY(t3->formModel()->indexOf(key).data(Qt::ToolTipRole).toString().contains(u"9"_s));
    QTRY_VERIFY(findingsView()->model()->rowCount() > findingsBefore);

    // F8 goes to the first finding, which names the edited cell, and selects its cells.
    t3->setCurrentIndex(t3->formModel()->indexOf(u"t2.regulations.issued"_s));
    QTest::keyClick(m_window, Qt::Key_F8);
    QTRY_COMPARE(findingsView()->currentIndex().row(), 0);
    const QStringList firstCells = review->findings().first().cells;
    QVERIFY(firstCells.contains(key));
    QTRY_COMPARE(t3->selectedKeys().size(), firstCells.size());
    QVERIFY(t3->selectedKeys().contains(key));
    // Shift+F8 from the first wraps to the last.
    QTest::keyClick(m_window, Qt::Key_F8, Qt::ShiftModifier);
    QTRY_COMPARE(findingsView()->currentIndex().row(), findingsView()->model()->rowCount() - 1);

    // Undo: clean again.
    QTest::keyClick(t3, Qt::Key_Z, Qt::ControlModifier);
    QTRY_COMPARE(review->errorCount(), 0);
    QCOMPARE(t3->formModel()->indexOf(key).data().toString(), u"9"_s);
    for (const QString &k : identity)
        QVERIFY(t3->formModel()->indexOf(k).data(Qt::BackgroundRole).value<QColor>() !=
                Palette::errorBackground());
    QCOMPARE(findingsView()->model()->rowCount(), findingsBefore);
    QVERIFY(review->corrections().isEmpty());
    // Redo with Ctrl+Shift+Z.
    QTest::keyClick(t3, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_COMPARE(t3->formModel()->indexOf(key).data().toString(), u"12"_s);
}

void TestReviewWindow::selectingCellSelectsItsSourceSpan_data()
{
    QTest::addColumn<QString>("key");
    QTest::newRow("a cell of table 2") << u"t2.normative_documents.in_force"_s;
    QTest::newRow("a cell of table 3 in the applicants' group") << u"t3.new_received.legal_service"_s;
    QTest::newRow("a total of table 3") << u"t3.total_processed.total"_s;
    QTest::newRow("a cell of table 4") << u"t4.litigation_direct.total"_s;
}

void TestReviewWindow::selectingCellSelectsItsSourceSpan()
{
    QFETCH(QString, key);
    openSeed(seed001);
    const Report &report = m_window->currentReview()->report();
    const Cell *cell = report.cell(key);
    QVERIFY(cell && cell->start >= 0);
    selectCell(view(key.section(u'.', 0, 0)), key);
    const auto [start, length] = m_window->sourcePane()->selection();
    QCOMPARE(start, cell->start);
    QCOMPARE(length, cell->length);
    QCOMPARE(sourceText()->textCursor().selectedText(), report.text.mid(cell->start, cell->length));
}

void TestReviewWindow::cursorOnNumberInSourceSelectsItsCell()
{
    openSeed(seed001);
    const Report &report = m_window->currentReview()->report();
    const QString key = u"t3.unable_not_held.legal_service"_s;
    const Cell *cell = report.cell(key);
    QVERIFY(cell && cell->start >= 0);
    // The reader clicks inside the number in the source.
    QPlainTextEdit *src = sourceText();
    QTextCursor c = src->textCursor();
    c.setPosition(int(cell->start));
    src->setTextCursor(c);
    src->ensureCursorVisible();
    const QRect r = src->cursorRect(c);
    QTest::mouseClick(src->viewport(), Qt::LeftButton, {}, r.center() + QPoint(2, 0));
    QTRY_COMPARE(view(u"t3"_s)->currentKey(), key);
    QCOMPARE(m_window->findChild<QTabWidget *>(u"tables"_s)->currentWidget(), view(u"t3"_s));
}

void TestReviewWindow::shiftRowMovesValuesAndUndoRestores()
{
    openSeed(seed001);
    Review *review = m_window->currentReview();
    FormView *t3 = view(u"t3"_s);
    const QStringList keys = review->rowCells(u"t3.new_received"_s);
    auto shown = [&] {
        QStringList out;
        for (const QString &k : keys)
            out.append(t3->formModel()->indexOf(k).data().toString());
        return out;
    };
    const QStringList before = shown();
    QCOMPARE(before, (QStringList{u"0"_s, u"0"_s, u"0"_s, u"0"_s, u"53"_s, u"0"_s, u"53"_s}));
    selectCell(t3, keys.first());
    MessageBox::setNextAnswer(QMessageBox::Yes); // the total 53 is pushed out: asked
    QTest::keyClick(t3, Qt::Key_Right, Qt::ControlModifier | Qt::AltModifier);
    QTRY_COMPARE(shown(), (QStringList{QString(), u"0"_s, u"0"_s, u"0"_s, u"0"_s, u"53"_s, u"0"_s}));
    QVERIFY(review->errorCount() > 0);
    QTest::keyClick(t3, Qt::Key_Left, Qt::ControlModifier | Qt::AltModifier);
    QTRY_COMPARE(shown(), (QStringList{u"0"_s, u"0"_s, u"0"_s, u"0"_s, u"53"_s, u"0"_s, QString()}));
    QTest::keyClick(t3, Qt::Key_Z, Qt::ControlModifier);
    QTest::keyClick(t3, Qt::Key_Z, Qt::ControlModifier);
    QTRY_COMPARE(shown(), before);
    QCOMPARE(review->errorCount(), 0);
    QVERIFY(review->corrections().isEmpty());

    // Move a row's values to another row through the (pre-answered) row chooser.
    const QStringList rows = review->tableRows(u"t3"_s);
    selectCell(t3, u"t3.granted.legal_service"_s);
    QStringList others = rows;
    others.removeAll(u"t3.granted"_s);
    ItemDialog::setNextIndex(int(others.indexOf(u"t3.denied_inquiry"_s)));
    MessageBox::setNextAnswer(QMessageBox::Yes); // the target's values are overwritten: asked
    m_window->findChild<QAction *>(u"actionMoveRow"_s)->trigger();
    QTRY_COMPARE(t3->formModel()->indexOf(u"t3.denied_inquiry.legal_service"_s).data().toString(), u"9"_s);
    QCOMPARE(t3->formModel()->indexOf(u"t3.granted.legal_service"_s).data().toString(), QString());
}

void TestReviewWindow::pasteFromSpreadsheetAndClear()
{
    openSeed(seed001);
    Review *review = m_window->currentReview();
    FormView *t3 = view(u"t3"_s);
    selectCell(t3, u"t3.granted.natural_person"_s);
    QGuiApplication::clipboard()->setText(u"1\t2\n3\t4\n"_s);
    QTest::keyClick(t3, Qt::Key_V, Qt::ControlModifier);
    QTRY_COMPARE(t3->formModel()->indexOf(u"t3.partially_granted.commercial"_s).data().toString(), u"4"_s);
    QCOMPARE(review->undoStack()->count(), 1);
    QVERIFY(review->errorCount() > 0);
    // Delete clears the selection to blank.
    t3->selectKeys({u"t3.granted.natural_person"_s, u"t3.granted.commercial"_s});
    QTest::keyClick(t3, Qt::Key_Delete);
    QTRY_COMPARE(t3->formModel()->indexOf(u"t3.granted.commercial"_s).data().toString(), QString());
    QCOMPARE(review->report().cell(u"t3.granted.commercial"_s)->state, Cell::State::Blank);
    // Ctrl+C copies the block as a spreadsheet takes it.
    t3->selectKeys({u"t3.partially_granted.natural_person"_s, u"t3.partially_granted.commercial"_s});
    QTest::keyClick(t3, Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(QGuiApplication::clipboard()->text(), u"3\t4\n"_s);
}

void TestReviewWindow::openDialogListsUnreadableWithReason()
{
    QTemporaryDir dir;
    const QString bad = dir.filePath(u"notes.txt"_s);
    QFile f(bad);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("会议纪要：今天讨论了食堂的菜单。\n");
    f.close();
    QSignalSpy loaded(m_window, &MainWindow::loadFinished);
    FileDialog::setNextFileNames({seedPath(seed001), bad});
    m_window->findChild<QAction *>(u"actionOpen"_s)->trigger();
    QTRY_COMPARE(loaded.size(), 1);
    ReportQueueModel *q = m_window->queue();
    QCOMPARE(q->rowCount(), 2);
    const int badRow = q->rowOf(bad);
    QCOMPARE(q->state(badRow), ReportQueueModel::Unreadable);
    const QString reason = ReportReader::read(bad).error;
    QVERIFY(!reason.isEmpty());
    QVERIFY(q->index(badRow).data().toString().contains(reason));
    // Choosing it shows the reason instead of a report.
    m_window->setCurrentRow(badRow);
    QCOMPARE(sourceText()->toPlainText(), reason);
    QCOMPARE(view(u"t3"_s)->formModel()->rowCount(), 0);
}

void TestReviewWindow::dropFolderOpensEveryReport()
{
    QSignalSpy loaded(m_window, &MainWindow::loadFinished);
    drop(m_window, {testutil::dataPath(u"corpus/seeds"_s)});
    QTRY_COMPARE(loaded.size(), 1);
    QCOMPARE(m_window->queue()->rowCount(), 5);
    QVERIFY(m_window->currentReview());
    // Ctrl+PgDown walks the queue.
    QTest::keyClick(m_window, Qt::Key_PageDown, Qt::ControlModifier);
    QTRY_COMPARE(m_window->currentRow(), 1);
}

void TestReviewWindow::markReviewedAsksWhenErrorsRemain()
{
    openSeed(seed001);
    Review *review = m_window->currentReview();
    QVERIFY(review->setCellText(u"t3.new_received.total"_s, u"50"_s));
    QAction *mark = m_window->findChild<QAction *>(u"actionMarkReviewed"_s);
    MessageBox::setNextAnswer(QMessageBox::No);
    mark->trigger();
    QCOMPARE(review->status(), ReviewStatus::InReview);
    MessageBox::setNextAnswer(QMessageBox::Yes);
    mark->trigger();
    QCOMPARE(review->status(), ReviewStatus::Reviewed);
    QCOMPARE(m_window->queue()->state(0), ReportQueueModel::Reviewed);
    QVERIFY(mark->isChecked());
}

void TestReviewWindow::droppingAnOpenReportAgainKeepsItsCorrections()
{
    openSeed(seed001);
    Review *review = m_window->currentReview();
    QVERIFY(review->setCellText(u"t3.new_received.total"_s, u"50"_s));
    QSignalSpy loaded(m_window, &MainWindow::loadFinished);
    drop(m_window, {seedPath(seed001)});
    QTRY_COMPARE(loaded.size(), 1);
    QCOMPARE(m_window->queue()->rowCount(), 1);
    QCOMPARE(m_window->currentReview(), review);
    QCOMPARE(review->corrections().size(), 1);
}

void TestReviewWindow::undecidedCellOffersItsCandidates()
{
    openSeed(u"../real/pingtan_2019_t2019.txt"_s);
    Review *review = m_window->currentReview();
    const QStringList undecided = review->report().uncertainKeys();
    QVERIFY(!undecided.isEmpty());
    const QString key = undecided.first();
    const QList<double> candidates = review->report().cell(key)->candidates;
    QVERIFY(candidates.size() >= 2);
    FormView *v = view(key.section(u'.', 0, 0));
    QVERIFY(v->formModel()->indexOf(key).data(ReportTableModel::UncertainRole).toBool());
    // Hovering the cell shows why it is uncertain and what it may be, as the JSON says it.
    const QJsonObject why = ReportJson::toJson(review->report(), review->findings())
                                .value("uncertain_reasons"_L1)
                                .toObject()
                                .value(key)
                                .toObject();
    QCOMPARE(why.value("reason"_L1).toString(), u"split"_s);
    const QString message = why.value(Language::isEnglish() ? "message_en"_L1 : "message"_L1).toString();
    QVERIFY(!message.isEmpty());
    selectCell(v, key);
    const QRect cellRect = v->visualRect(v->formModel()->indexOf(key));
    QVERIFY(v->viewport()->rect().contains(cellRect.center()));
    QHelpEvent hover(QEvent::ToolTip, cellRect.center(), v->viewport()->mapToGlobal(cellRect.center()));
    QApplication::sendEvent(v->viewport(), &hover);
    QTRY_VERIFY(QToolTip::isVisible());
    const QString shown = QToolTip::text();
    QVERIFY2(shown.contains(message.toHtmlEscaped()), qPrintable(shown));
    for (double c : candidates)
        QVERIFY2(shown.contains(QString::number(c)), qPrintable(shown));
    QToolTip::hideText();
    QTest::keyClick(v, Qt::Key_F2);
    QComboBox *combo = nullptr;
    QTRY_VERIFY((combo = v->findChild<QComboBox *>(u"cellEditor"_s)) != nullptr);
    QCOMPARE(combo->count(), candidates.size());
    const QString chosen = combo->itemText(1);
    QCOMPARE(chosen.toDouble(), candidates[1]);
    combo->setCurrentIndex(1);
    QTest::keyClick(combo, Qt::Key_Return);
    QTRY_COMPARE(review->report().cell(key)->state, Cell::State::Number);
    QCOMPARE(review->report().cell(key)->value, candidates[1]);
    QVERIFY(!review->report().uncertainKeys().contains(key));
    for (const Finding &f : review->findings())
        QVERIFY(!(f.rule == u"CELL.UNCERTAIN" && f.cells.contains(key)));
}

void TestReviewWindow::ctrlFFindsInTheSource()
{
    openSeed(seed001);
    const QString text = m_window->currentReview()->report().text;
    const QString needle = u"申请"_s;
    const qsizetype first = text.indexOf(needle), second = text.indexOf(needle, first + 1);
    QVERIFY(first >= 0 && second > first);
    QTest::keyClick(m_window, Qt::Key_F, Qt::ControlModifier);
    auto *find = m_window->findChild<QLineEdit *>(u"findEdit"_s);
    QTRY_VERIFY(find->isVisible() && find->hasFocus());
    find->insert(needle); // typed (QTest types ASCII only)
    QTRY_COMPARE(m_window->sourcePane()->selection().first, first);
    QTest::keyClick(find, Qt::Key_Return);
    QTRY_COMPARE(m_window->sourcePane()->selection().first, second);
    QTest::keyClick(find, Qt::Key_Return, Qt::ShiftModifier);
    QTRY_COMPARE(m_window->sourcePane()->selection().first, first);
    QCOMPARE(sourceText()->textCursor().selectedText(), needle);
    QTest::keyClick(find, Qt::Key_Escape);
    QTRY_VERIFY(!find->isVisible());
}

void TestReviewWindow::languageSwitchChangesEveryPaneTogether()
{
    openSeed(seed001);
    Review *review = m_window->currentReview();
    QVERIFY(review->setCellText(u"t3.new_received.total"_s, u"50"_s));
    FormView *t3 = view(u"t3"_s);
    const QString key = u"t3.granted.legal_service"_s;
    selectCell(t3, key);
    QTest::keyClick(m_window, Qt::Key_F8); // a finding shown in the detail line
    QTRY_COMPARE(findingsView()->currentIndex().row(), 0);
    const Finding finding = review->findings().first();
    QVERIFY(!finding.message.isEmpty() && !finding.messageEn.isEmpty());

    auto *tabs = m_window->findChild<QTabWidget *>(u"tables"_s);
    auto *detail = m_window->findChild<QLabel *>(u"findingDetail"_s);
    auto *summary = m_window->findChild<QLabel *>(u"findingsSummary"_s);
    auto *historyDock = m_window->findChild<QDockWidget *>(u"cellHistoryDock"_s);
    const QModelIndex message = findingsView()->model()->index(0, FindingsModel::MessageColumn);
    const Template &tmpl = *review->report().tmpl;
    enum class Speaks { Chinese, English };
    auto everyPaneSpeaks = [&](Speaks language) {
        const bool inEnglish = language == Speaks::English;
        QCOMPARE(Language::isEnglish(), inEnglish);
        const QString text = inEnglish ? finding.messageEn : finding.message;
        QVERIFY2(message.data().toString().startsWith(text), qPrintable(message.data().toString()));
        QVERIFY2(detail->text().contains(text.toHtmlEscaped()), qPrintable(detail->text()));
        QCOMPARE(findingsView()->model()->headerData(FindingsModel::MessageColumn, Qt::Horizontal).toString(),
                 inEnglish ? u"Finding"_s : u"检查结果"_s);
        QCOMPARE(m_window->menuBar()->actions().first()->text(), inEnglish ? u"&File"_s : u"文件(&F)"_s);
        QVERIFY2(tabs->tabText(tabs->indexOf(t3))
                     .startsWith(inEnglish ? u"Table 3 · Applications"_s : u"表三 · 依申请公开"_s),
                 qPrintable(tabs->tabText(tabs->indexOf(t3))));
        QVERIFY2(summary->text().contains(inEnglish ? u"error"_s : u"个错误"_s), qPrintable(summary->text()));
        const QString current = t3->currentKey(); // the finding's first cell
        QVERIFY(!current.isEmpty());
        const QString name = RuleEngine::cellName(tmpl, current);
        QVERIFY(inEnglish ? name.contains(u" / "_s) : name.contains(u"·"_s));
        QCOMPARE(historyDock->windowTitle(), inEnglish ? u"History of "_s + name : name + u" 的修改记录"_s);
        const QString tip = t3->formModel()->indexOf(current).data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(name.toHtmlEscaped()), qPrintable(tip));
        // undo and redo too, in the menu and the toolbar
        for (const char *actionName : {"actionUndo", "actionRedo"}) {
            const QAction *a = m_window->findChild<QAction *>(QString::fromLatin1(actionName));
            QVERIFY(a);
            const bool english = a->text().contains(u"Undo"_s) || a->text().contains(u"Redo"_s);
            QVERIFY2(english == inEnglish, qPrintable(a->text()));
            QVERIFY2((a->iconText().contains(u"Undo"_s) || a->iconText().contains(u"Redo"_s)) == inEnglish,
                     qPrintable(a->iconText()));
        }
    };
    // “System” on an English machine (the tests run in C.UTF-8): English everywhere.
    m_window->setLanguage(QString());
    everyPaneSpeaks(Speaks::English);
    m_window->setLanguage(u"zh_CN"_s);
    everyPaneSpeaks(Speaks::Chinese);
    m_window->setLanguage(u"en"_s);
    everyPaneSpeaks(Speaks::English);
    m_window->setLanguage(u"zh_CN"_s);
    everyPaneSpeaks(Speaks::Chinese);
    QCOMPARE(QSettings().value(u"language"_s).toString(), u"zh_CN"_s);
}

void TestReviewWindow::settingsRememberRecentFilesAndSplitter()
{
    openSeed(seed001);
    m_window->close();
    QSettings s;
    QCOMPARE(s.value(u"recentFiles"_s).toStringList().value(0),
             QFileInfo(seedPath(seed001)).absoluteFilePath());
    QVERIFY(!s.value(u"mainSplitter"_s).toByteArray().isEmpty());
    QVERIFY(!s.value(u"geometry"_s).toByteArray().isEmpty());
}

QTEST_MAIN(TestReviewWindow)
#include "tst_reviewwindow.moc"
