// The source pane shows a PDF as its pages: the selected cell framed on the page it was printed on,
// a click on a number of the page selecting its cell, the findings naming their pages, the text one
// toggle away and the choice remembered. Driven through the real window, offscreen, on the
// corpus's PDFs.

#include "../core/testutil.h"
#include "findingsmodel.h"
#include "formview.h"
#include "mainwindow.h"
#include "messagebox.h"
#include "ocr/scanreader.h"
#include "pageview.h"
#include "pipeline/reportreader.h"
#include "review/review.h"
#include "scanmaker.h"
#include "sourcepane.h"
#include "windowtesting.h"

#include <poppler-qt6.h>

#include <algorithm>

#include <QAction>
#include <QDockWidget>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

using namespace Qt::Literals::StringLiterals;
using namespace nianbao;
using namespace nianbao::ui;
using namespace testutil;

namespace {

QString corpusPdf(const QString &name)
{
    return dataPath(u"corpus/real/"_s + name);
}

/// Digits of a text, so a cell's text and what poppler finds in its box compare whatever the spaces.
QString digits(const QString &s)
{
    QString out;
    for (QChar c : s)
        if (c.isDigit())
            out += c;
    return out;
}

} // namespace

class TestPageView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void everyCellsBoxHoldsItsDigitsOnItsPage_data();
    void everyCellsBoxHoldsItsDigitsOnItsPage();
    void aPdfOpensAsItsPagesWithTheSelectedCellFramed();
    void clickingANumberOnThePageSelectsItsCell_data();
    void clickingANumberOnThePageSelectsItsCell();
    void findingsSayThePage();
    void theTextIsOneToggleAwayAndTheChoiceIsRemembered();
    void aWebPageKeepsTheTextView();
    void aScanShowsItsPagesWithTheDoubtfulValuesMarked();

private:
    void open(const QString &path);
    FormView *view(const QString &table) const
    {
        return m_window->findChild<FormView *>(u"table_"_s + table);
    }
    MainWindow *m_window = nullptr;
};

void TestPageView::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"nianbao-test"_s);
    QCoreApplication::setApplicationName(u"nianbao-test-pages"_s);
}

void TestPageView::init()
{
    QSettings().clear();
    m_window = new MainWindow;
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowActive(m_window));
}

void TestPageView::cleanup()
{
    MessageBox::setNextAnswer(QMessageBox::Yes);
    m_window->close();
    delete m_window;
    m_window = nullptr;
    MessageBox::setNextAnswer(QMessageBox::NoButton);
}

void TestPageView::open(const QString &path)
{
    QSignalSpy loaded(m_window, &MainWindow::loadFinished);
    windowtesting::drop(m_window, {path});
    QTRY_COMPARE(loaded.size(), 1);
    QTRY_VERIFY(m_window->currentReview() != nullptr);
}

void TestPageView::everyCellsBoxHoldsItsDigitsOnItsPage_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("hongze 2023") << u"hongze_2023.pdf"_s;
    QTest::newRow("hongze 2024") << u"hongze_2024.pdf"_s;
    QTest::newRow("huaian 2024") << u"huaian_2024.pdf"_s;
}

void TestPageView::everyCellsBoxHoldsItsDigitsOnItsPage()
{
    // What poppler finds inside each cell's box on its page is the cell's number: the boxes are
    // where the values are printed, not a guess.
    QFETCH(QString, file);
    const ReadResult r = ReportReader::read(corpusPdf(file));
    QVERIFY2(r.ok, qPrintable(r.error));
    const std::unique_ptr<Poppler::Document> pdf = Poppler::Document::load(corpusPdf(file));
    QVERIFY(pdf);
    int checked = 0;
    for (const QString &key : r.report.cellKeys()) {
        const Cell *c = r.report.cell(key);
        if (!c || c->state != Cell::State::Number || c->fromRun)
            continue;
        const SourceBox *b = r.report.boxOf(key);
        QVERIFY2(b, qPrintable(key));
        QVERIFY(b->page >= 0 && b->page < pdf->numPages());
        const std::unique_ptr<Poppler::Page> page = pdf->page(b->page);
        const QString there = page->text(b->box.adjusted(-0.5, -0.5, 0.5, 0.5));
        QVERIFY2(digits(there) == digits(c->text),
                 qPrintable(u"%1: %2 in the report, %3 in its box"_s.arg(key, c->text, there)));
        QCOMPARE(b->method, u"text"_s);
        ++checked;
    }
    QVERIFY(checked > 150);
}

void TestPageView::aPdfOpensAsItsPagesWithTheSelectedCellFramed()
{
    open(corpusPdf(u"hongze_2024.pdf"_s));
    SourcePane *pane = m_window->sourcePane();
    PageView *pages = pane->pageView();
    QTRY_VERIFY(pages->isVisible());
    QVERIFY(pane->showingPages());
    QVERIFY(!pane->editor()->isVisible());
    QVERIFY(pages->pageCount() > 1);

    const Report &report = m_window->currentReview()->report();
    const QString key = u"t3.granted.total"_s;
    const SourceBox *box = report.boxOf(key);
    QVERIFY(box);
    windowtesting::selectCell(m_window, view(u"t3"_s), key);
    QTRY_VERIFY(pages->currentBox() != nullptr);
    QCOMPARE(pages->currentBox()->start, box->start);
    QCOMPARE(m_window->findChild<QLabel *>(u"pageLabel"_s)->text(),
             u"Page %1 of %2"_s.arg(box->page + 1).arg(pages->pageCount()));

    // The page is drawn (its print is dark on white) and the box is framed in the selection's
    // colour, in view.
    const QPoint at = pages->canvasPoint(*box);
    QVERIFY(pages->viewport()->rect().contains(pages->canvas()->mapTo(pages->viewport(), at)));
    const QImage shot = pages->canvas()->grab().toImage();
    const QRect frame = QRect(at, at).adjusted(-60, -20, 60, 20) & shot.rect();
    int framed = 0, dark = 0;
    for (int y = frame.top(); y <= frame.bottom(); ++y)
        for (int x = frame.left(); x <= frame.right(); ++x) {
            const QColor c = shot.pixelColor(x, y);
            if (c.blue() > 150 && c.red() < 90)
                ++framed;
            if (c.lightness() < 80)
                ++dark;
        }
    QVERIFY2(framed > 20, qPrintable(QString::number(framed)));
    QVERIFY2(dark > 5, qPrintable(QString::number(dark)));

    // Another cell of another page is framed there.
    const QString other = u"t2.regulations.in_force"_s;
    const SourceBox *otherBox = report.boxOf(other);
    QVERIFY(otherBox);
    windowtesting::selectCell(m_window, view(u"t2"_s), other);
    QTRY_VERIFY(pages->currentBox() && pages->currentBox()->start == otherBox->start);
}

void TestPageView::clickingANumberOnThePageSelectsItsCell_data()
{
    QTest::addColumn<QString>("key");
    QTest::newRow("a cell of table 2") << u"t2.administrative_penalty.count"_s;
    QTest::newRow("a cell of table 3") << u"t3.new_received.natural_person"_s;
    QTest::newRow("a total of table 3") << u"t3.total_processed.total"_s;
    QTest::newRow("a cell of table 4") << u"t4.litigation_direct.upheld"_s;
}

void TestPageView::clickingANumberOnThePageSelectsItsCell()
{
    QFETCH(QString, key);
    open(corpusPdf(u"huaian_2024.pdf"_s));
    PageView *pages = m_window->sourcePane()->pageView();
    QTRY_VERIFY(pages->isVisible());
    const SourceBox *box = m_window->currentReview()->report().boxOf(key);
    QVERIFY(box);
    const QPoint at = pages->canvasPoint(*box);
    pages->ensureVisible(at.x(), at.y(), 80, 80);
    QTest::mouseClick(pages->canvas(), Qt::LeftButton, {}, at);
    FormView *v = view(key.section(u'.', 0, 0));
    QTRY_COMPARE(v->currentKey(), key);
    QCOMPARE(m_window->findChild<QTabWidget *>(u"tables"_s)->currentWidget(), v);
    // The click frames what it chose.
    QTRY_VERIFY(pages->currentBox() && pages->currentBox()->start == box->start);
}

void TestPageView::findingsSayThePage()
{
    open(corpusPdf(u"hongze_2023.pdf"_s));
    const Review *r = m_window->currentReview();
    auto *findings = m_window->findChild<QTreeView *>(u"findingsView"_s);
    QVERIFY(findings);
    int withPage = 0;
    for (int row = 0; row < findings->model()->rowCount(); ++row) {
        const Finding &f = r->findings()[row];
        if (f.rule != u"T4.TOTAL"_s)
            continue;
        const int page = r->report().boxOf(f.cells.first())->page + 1;
        const QString shown = findings->model()->index(row, FindingsModel::MessageColumn).data().toString();
        QVERIFY2(shown.endsWith(u" · page %1"_s.arg(page)), qPrintable(shown));
        ++withPage;
    }
    QCOMPARE(withPage, 2);
}

void TestPageView::theTextIsOneToggleAwayAndTheChoiceIsRemembered()
{
    open(corpusPdf(u"hongze_2024.pdf"_s));
    SourcePane *pane = m_window->sourcePane();
    QTRY_VERIFY(pane->pageView()->isVisible());
    auto *toggle = m_window->findChild<QToolButton *>(u"pagesToggle"_s);
    QVERIFY(toggle && toggle->isVisible());
    QTest::mouseClick(toggle, Qt::LeftButton);
    QTRY_VERIFY(pane->editor()->isVisible());
    QVERIFY(!pane->pageView()->isVisible());

    // The text still follows the selected cell.
    const QString key = u"t3.granted.total"_s;
    windowtesting::selectCell(m_window, view(u"t3"_s), key);
    const Cell *c = m_window->currentReview()->report().cell(key);
    QTRY_COMPARE(pane->selection().first, c->start);

    // A new window opens the next PDF as text; Ctrl+Shift+T brings the pages back.
    MessageBox::setNextAnswer(QMessageBox::Yes);
    m_window->close();
    delete m_window;
    m_window = new MainWindow; // the settings kept
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowActive(m_window));
    open(corpusPdf(u"hongze_2024.pdf"_s));
    pane = m_window->sourcePane();
    QTRY_VERIFY(pane->editor()->isVisible());
    QVERIFY(!pane->showingPages());
    QTest::keyClick(m_window, Qt::Key_T, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY(pane->pageView()->isVisible());
    QVERIFY(QSettings().value(u"source/pages"_s).toBool());

    // The View menu holds the same toggle.
    QMenu *viewMenu = nullptr;
    for (QAction *a : m_window->menuBar()->actions())
        if (a->menu() && a->menu()->actions().contains(pane->pagesAction()))
            viewMenu = a->menu();
    QVERIFY(viewMenu);
    QVERIFY(viewMenu->actions().contains(m_window->queueDock()->toggleViewAction()));
    pane->pagesAction()->trigger();
    QTRY_VERIFY(pane->editor()->isVisible());
}

void TestPageView::aWebPageKeepsTheTextView()
{
    open(dataPath(u"formats/libreoffice_2021.html"_s));
    SourcePane *pane = m_window->sourcePane();
    QTRY_VERIFY(pane->editor()->isVisible());
    QVERIFY(!pane->pageView()->isVisible());
    QVERIFY(!m_window->findChild<QToolButton *>(u"pagesToggle"_s)->isVisible());
    QVERIFY(!pane->pagesAction()->isEnabled());
    QCOMPARE(pane->pageView()->pageCount(), 0);
}

void TestPageView::aScanShowsItsPagesWithTheDoubtfulValuesMarked()
{
    if (!ScanReader::available())
        QSKIP("this build reads no scans (no libtesseract)");
    // The Hongze 2023 report as a county office scans it: 300 dpi, turned 1.2°, blurred, JPEG.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QList<QSizeF> sizes;
    const QList<QImage> scans =
        scanmaker::scanPages(corpusPdf(u"hongze_2023.pdf"_s), {300, 1.2, 1, 75}, &sizes);
    QVERIFY(!scans.isEmpty());
    const QString path = dir.filePath(u"hongze_2023_scan.pdf"_s);
    QVERIFY(scanmaker::writeImagePdf(path, scans, sizes));

    QSignalSpy loaded(m_window, &MainWindow::loadFinished);
    windowtesting::drop(m_window, {path});
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 300000);
    QTRY_VERIFY(m_window->currentReview() != nullptr);
    SourcePane *pane = m_window->sourcePane();
    PageView *pages = pane->pageView();
    QTRY_VERIFY(pages->isVisible());
    QCOMPARE(pages->pageCount(), scans.size());

    // An undecided recognised value: its box is marked on the page in the uncertain colour, and
    // selecting its cell frames it there.
    const Report &report = m_window->currentReview()->report();
    QString doubtful;
    for (const QString &k : report.uncertainKeys())
        if (report.cell(k)->recognised && report.boxOf(k) &&
            PageView::marksDoubt(*report.boxOf(k), report.text)) {
            doubtful = k;
            break;
        }
    QVERIFY2(!doubtful.isEmpty(), qPrintable(report.uncertainKeys().join(u", "_s)));
    const SourceBox *box = report.boxOf(doubtful);
    const QString table = doubtful.section(u'.', 0, 0);
    windowtesting::selectCell(m_window, view(table), doubtful);
    QTRY_VERIFY(pages->currentBox() && pages->currentBox()->start == box->start);
    const QImage shot = pages->canvas()->grab().toImage();
    auto count = [&shot](const QRect &around, auto pred) {
        int n = 0;
        const QRect r = around & shot.rect();
        for (int y = r.top(); y <= r.bottom(); ++y)
            for (int x = r.left(); x <= r.right(); ++x)
                n += pred(shot.pixelColor(x, y)) ? 1 : 0;
        return n;
    };
    auto orange = [](const QColor &c) {
        return c.red() > 180 && c.green() > 80 && c.green() < 170 && c.blue() < 90;
    };
    auto nearDoubt = [&](const SourceBox &b) {
        for (const SourceBox &o : report.boxes)
            if (o.page == b.page && PageView::marksDoubt(o, report.text) &&
                pages->canvasRect(o).adjusted(-8, -8, 8, 8).intersects(pages->canvasRect(b)))
                return true;
        return false;
    };
    // a doubtful value other than the selected one shows its dashed mark; a sure one none, nor a
    // word of the prose the recogniser doubts (it holds no value)
    int marked = 0, sure = 0, doubtfulWords = 0;
    for (const SourceBox &b : report.boxes) {
        if (b.start == box->start || b.page != box->page)
            continue;
        const int n = count(pages->canvasRect(b).adjusted(-3, -3, 3, 3), orange);
        const QStringView text = QStringView(report.text).mid(b.start, b.length);
        const bool word = b.method == u"ocr"_s && b.confidence < ScanReader::MarkedConfidence &&
                          b.candidates.isEmpty() &&
                          std::none_of(text.begin(), text.end(), [](QChar c) { return c.isDigit(); });
        QVERIFY(!(word && PageView::marksDoubt(b, report.text)));
        doubtfulWords += word ? 1 : 0;
        if (PageView::marksDoubt(b, report.text))
            marked += n > 4 ? 1 : 0;
        else if (b.method == u"ocr"_s && !nearDoubt(b))
            sure += n > 4 ? 1 : 0;
    }
    QVERIFY2(marked > 0, "no doubtful value is marked on the page");
    QVERIFY2(doubtfulWords > 0, "the page has no doubtful word of prose to leave unmarked");
    QCOMPARE(sure, 0);
    // the finding says the value was read from a scan
    bool said = false;
    for (const Finding &fd : m_window->currentReview()->findings())
        said = said || (fd.rule == u"CELL.UNCERTAIN"_s && fd.cells.contains(doubtful) &&
                        fd.message.contains(u"扫描"_s));
    QVERIFY(said);
}

QTEST_MAIN(TestPageView)
#include "tst_pageview.moc"
