// The queue for a day's work, driven through the real window offscreen: the 未审校 filter and
// counts that add up, sorting by body and year from the list's header (kept across a restart),
// Mark Reviewed and Next, files named at start added to the queue that was left, and the report
// shown last shown again.
#include "../core/testutil.h"
#include "filedialog.h"
#include "mainwindow.h"
#include "messagebox.h"
#include "queuefiltermodel.h"
#include "queuepanel.h"
#include "reportqueuemodel.h"
#include "review/review.h"
#include "session/reviewsession.h"
#include "store/outbox.h"
#include "windowtesting.h"

#include <QAction>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressDialog>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>

using namespace nianbao;
using namespace nianbao::ui;
using namespace Qt::Literals::StringLiterals;

namespace {

/// Corpus reports of different bodies and years, copied so that the store knows them by path.
const QStringList corpusFiles = {
    u"corpus/seeds/001_bff1b9e23c617db0.txt"_s, // 卫东区人民政府办公室 2023, title
    u"corpus/real/hangzhou_style_2025.html"_s,  // 测试市 2025, title
    u"corpus/real/pingtan_2022.txt"_s,          // 平潭综合实验区 2022, title
    u"corpus/seeds/000_cfbc7d1a3e19f347.txt"_s, // 鞍山市铁东区新兴街道办事处 2023, signature
    u"corpus/real/shanghai_kewei_2024.md"_s,    // 上海市科委 2024, title after the year
};

} // namespace

class TestQueue : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();
    void toReviewFilterShowsOnlyWhatIsLeftAndTheCountsAddUp();
    void sortingByBodyAndYearIsKeptAcrossARestart();
    void markReviewedAndNextWalksTheListAsShown();
    void filesNamedAtStartAreAddedToTheQueueLeft();
    void exportOfManyReportsShowsProgressAndCanBeCancelled();

private:
    void open(const QStringList &paths);
    QTreeView *list() const { return m_window->findChild<QTreeView *>(u"reportQueue"_s); }
    QComboBox *stateFilter() const { return m_window->findChild<QComboBox *>(u"queueState"_s); }
    QAction *action(const QString &name) const { return m_window->findChild<QAction *>(name); }
    /// The column's text of every report the list shows, top to bottom.
    QStringList shown(int column) const;
    void newWindow();

    QTemporaryDir m_dir;
    QStringList m_files;
    MainWindow *m_window = nullptr;
};

void TestQueue::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"nianbao-test"_s);
    QCoreApplication::setApplicationName(u"tst_queue"_s);
    QVERIFY(m_dir.isValid());
    for (const QString &f : corpusFiles) {
        const QString copy = m_dir.filePath(QFileInfo(f).fileName());
        QVERIFY(QFile::copy(testutil::dataPath(f), copy));
        m_files.append(copy);
    }
    QFile::remove(Outbox::defaultPath());
}

void TestQueue::cleanupTestCase()
{
    QFile::remove(Outbox::defaultPath());
}

void TestQueue::init()
{
    QSettings().clear();
    newWindow();
}

void TestQueue::newWindow()
{
    m_window = new MainWindow;
    m_window->show();
    QVERIFY(QTest::qWaitForWindowActive(m_window));
}

void TestQueue::cleanup()
{
    MessageBox::setNextAnswer(QMessageBox::Yes); // quit with reports in review
    m_window->close();
    delete m_window;
    m_window = nullptr;
    MessageBox::setNextAnswer(QMessageBox::NoButton);
    TextDialog::clearNextText();
}

void TestQueue::open(const QStringList &paths)
{
    QSignalSpy loaded(m_window, &MainWindow::loadFinished);
    windowtesting::drop(m_window, paths);
    QTRY_COMPARE(loaded.size(), 1);
    QTRY_VERIFY(m_window->currentReview() != nullptr);
}

QStringList TestQueue::shown(int column) const
{
    QStringList out;
    const QAbstractItemModel *m = list()->model();
    for (int r = 0; r < m->rowCount(); ++r)
        out.append(m->index(r, column).data().toString());
    return out;
}

void TestQueue::toReviewFilterShowsOnlyWhatIsLeftAndTheCountsAddUp()
{
    open(m_files);
    QCOMPARE(m_window->queue()->rowCount(), m_files.size());
    // Two reviewed (one of them sent), the rest to review.
    for (int row : {1, 3}) {
        m_window->setCurrentRow(row);
        MessageBox::setNextAnswer(QMessageBox::Yes); // asked only when errors are left
        action(u"actionMarkReviewed"_s)->trigger();
        QCOMPARE(m_window->currentReview()->status(), ReviewStatus::Reviewed);
    }
    action(u"actionMarkSent"_s)->trigger();
    QCOMPARE(m_window->currentReview()->status(), ReviewStatus::Sent);

    QComboBox *filter = stateFilter();
    const int toReview = filter->findData(int(QueueFilterModel::ToReview));
    QVERIFY(toReview > 0);
    filter->setCurrentIndex(toReview);
    QCOMPARE(list()->model()->rowCount(), m_files.size() - 2);
    for (int r = 0; r < list()->model()->rowCount(); ++r) {
        const auto state =
            ReportQueueModel::State(list()->model()->index(r, 0).data(ReportQueueModel::StateRole).toInt());
        QVERIFY(ReportQueueModel::toReview(state));
    }
    // The counts: each report once, and what is shown.
    const QString counts = m_window->findChild<QLabel *>(u"queueCounts"_s)->text();
    QVERIFY2(counts.contains(QueuePanel::tr("%n report(s)", nullptr, 5)), qPrintable(counts));
    QVERIFY2(counts.contains(QueuePanel::tr("%n to review", nullptr, 3)), qPrintable(counts));
    QVERIFY2(counts.contains(QueuePanel::tr("%n reviewed", nullptr, 1)), qPrintable(counts));
    QVERIFY2(counts.contains(QueuePanel::tr("%n sent", nullptr, 1)), qPrintable(counts));
    QVERIFY2(counts.contains(QueuePanel::tr("%n shown", nullptr, 3)), qPrintable(counts));
    // A reviewed report back in review comes back into the list at once.
    m_window->setCurrentRow(1);
    action(u"actionMarkReviewed"_s)->trigger();
    QCOMPARE(m_window->currentReview()->status(), ReviewStatus::InReview);
    QCOMPARE(list()->model()->rowCount(), m_files.size() - 1);
}

void TestQueue::sortingByBodyAndYearIsKeptAcrossARestart()
{
    open(m_files);
    // Every report has its body and year, from the title or the signature.
    const QStringList units = shown(ReportQueueModel::UnitColumn);
    QCOMPARE(units, (QStringList{u"卫东区人民政府办公室"_s, u"测试市"_s, u"平潭综合实验区"_s,
                                 u"鞍山市铁东区新兴街道办事处"_s, u"上海市科委"_s}));
    QCOMPARE(shown(ReportQueueModel::YearColumn),
             (QStringList{u"2023"_s, u"2025"_s, u"2022"_s, u"2023"_s, u"2024"_s}));
    // Searching a body finds it.
    auto *search = m_window->findChild<QLineEdit *>(u"queueSearch"_s);
    search->setText(u"新兴街道"_s);
    QCOMPARE(list()->model()->rowCount(), 1);
    search->clear();

    // A click on the header sorts by its column, a second click the other way.
    QHeaderView *header = list()->header();
    auto clickHeader = [&](int column) {
        const QPoint at(header->sectionViewportPosition(column) + header->sectionSize(column) / 2,
                        header->height() / 2);
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, at);
    };
    clickHeader(ReportQueueModel::YearColumn);
    QCOMPARE(shown(ReportQueueModel::YearColumn),
             (QStringList{u"2022"_s, u"2023"_s, u"2023"_s, u"2024"_s, u"2025"_s}));
    clickHeader(ReportQueueModel::YearColumn);
    QCOMPARE(shown(ReportQueueModel::YearColumn),
             (QStringList{u"2025"_s, u"2024"_s, u"2023"_s, u"2023"_s, u"2022"_s}));
    clickHeader(ReportQueueModel::UnitColumn);
    const QStringList byBody = shown(ReportQueueModel::UnitColumn);
    QVERIFY(byBody != units);
    for (int i = 1; i < byBody.size(); ++i)
        QVERIFY2(QString::localeAwareCompare(byBody[i - 1], byBody[i]) <= 0, qPrintable(byBody.join(u' ')));
    // The current report stays current whatever the order.
    m_window->setCurrentRow(2);
    QCOMPARE(list()->currentIndex().data(ReportQueueModel::PathRole).toString(),
             m_window->session()->path(2));

    // Kept: after a restart the list is sorted by body again.
    cleanup();
    newWindow();
    open(m_files);
    QCOMPARE(list()->header()->sortIndicatorSection(), int(ReportQueueModel::UnitColumn));
    QCOMPARE(shown(ReportQueueModel::UnitColumn), byBody);
}

void TestQueue::markReviewedAndNextWalksTheListAsShown()
{
    open(m_files);
    QAction *next = action(u"actionMarkReviewedAndNext"_s);
    QVERIFY(next);
    QCOMPARE(next->shortcut(), QKeySequence(u"Ctrl+Return"_s));
    QVERIFY(list()->actions().contains(next)); // in the list's menu too
    // Only what is left to review, sorted by year: 2022, 2023, 2023, 2024, 2025.
    stateFilter()->setCurrentIndex(stateFilter()->findData(int(QueueFilterModel::ToReview)));
    list()->sortByColumn(ReportQueueModel::YearColumn, Qt::AscendingOrder);
    const QStringList order = [&] {
        QStringList out;
        for (int r = 0; r < list()->model()->rowCount(); ++r)
            out.append(list()->model()->index(r, 0).data(ReportQueueModel::PathRole).toString());
        return out;
    }();
    QCOMPARE(order.size(), m_files.size());
    m_window->setCurrentRow(m_window->session()->indexOf(order[0]));

    // Declined (errors left): nothing changes. Reports without errors are not asked about.
    for (int i = 0; i < order.size(); ++i) {
        Review *r = m_window->currentReview();
        QCOMPARE(m_window->session()->path(m_window->currentRow()), order[i]);
        if (r->errorCount() > 0) {
            MessageBox::setNextAnswer(QMessageBox::No);
            QTest::keyClick(m_window, Qt::Key_Return, Qt::ControlModifier);
            QCOMPARE(r->status(), ReviewStatus::New);
            QCOMPARE(m_window->currentReview(), r);
            MessageBox::setNextAnswer(QMessageBox::Yes);
        }
        QTest::keyClick(m_window, Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(r->status(), ReviewStatus::Reviewed);
        QCOMPARE(list()->model()->rowCount(), order.size() - i - 1); // it left the 未审校 list
        if (i + 1 < order.size()) {
            QCOMPARE(m_window->session()->path(m_window->currentRow()), order[i + 1]);
            QCOMPARE(list()->currentIndex().data(ReportQueueModel::PathRole).toString(), order[i + 1]);
        }
    }
    // None left: the last one stays, and the status bar says so.
    QCOMPARE(m_window->session()->path(m_window->currentRow()), order.last());
    QCOMPARE(m_window->statusBar()->currentMessage(),
             MainWindow::tr("No other report in the list is left to review."));
}

void TestQueue::filesNamedAtStartAreAddedToTheQueueLeft()
{
    const QString db = m_dir.filePath(u"queue.sqlite"_s);
    TextDialog::setNextText(u"审校员甲"_s);
    QVERIFY(m_window->setDatabase(db));
    open(m_files.mid(0, 3));
    m_window->setCurrentRow(1);
    cleanup();

    // Started again without files: the queue as left, on the report shown last.
    newWindow();
    QVERIFY(m_window->setDatabase(db));
    QSignalSpy loaded(m_window, &MainWindow::loadFinished);
    m_window->openQueue({});
    QTRY_COMPARE(loaded.size(), 1);
    QCOMPARE(m_window->queue()->rowCount(), 3);
    QTRY_COMPARE(m_window->session()->path(m_window->currentRow()), QFileInfo(m_files[1]).absoluteFilePath());
    cleanup();

    // Started with two files: added to the queue, the first of them shown.
    newWindow();
    QVERIFY(m_window->setDatabase(db));
    QSignalSpy loaded2(m_window, &MainWindow::loadFinished);
    m_window->openQueue({m_files[4], m_files[3]});
    QTRY_COMPARE(loaded2.size(), 1);
    QCOMPARE(m_window->queue()->rowCount(), 5);
    for (const QString &f : m_files)
        QVERIFY2(m_window->session()->indexOf(QFileInfo(f).absoluteFilePath()) >= 0, qPrintable(f));
    QCOMPARE(m_window->session()->path(m_window->currentRow()), QFileInfo(m_files[4]).absoluteFilePath());
    cleanup();

    // A file of the queue named again is not added twice; it is shown.
    newWindow();
    QVERIFY(m_window->setDatabase(db));
    QSignalSpy loaded3(m_window, &MainWindow::loadFinished);
    m_window->openQueue({m_files[0]});
    QTRY_COMPARE(loaded3.size(), 1);
    QCOMPARE(m_window->queue()->rowCount(), 5);
    QCOMPARE(m_window->session()->path(m_window->currentRow()), QFileInfo(m_files[0]).absoluteFilePath());
}

void TestQueue::exportOfManyReportsShowsProgressAndCanBeCancelled()
{
    open(m_files);
    QTemporaryDir out;
    QVERIFY(out.isValid());
    // The reviewer watches the progress and cancels after the second report.
    QStringList labels;
    int shownAt = -1;
    QTimer watcher;
    connect(&watcher, &QTimer::timeout, this, [&] {
        auto *progress = m_window->findChild<QProgressDialog *>(u"exportProgress"_s);
        if (!progress || !progress->isVisible())
            return;
        if (shownAt < 0)
            shownAt = progress->value();
        if (!labels.contains(progress->labelText()))
            labels.append(progress->labelText());
        if (progress->value() >= 2)
            progress->cancel();
    });
    watcher.start(0);
    FileDialog::setNextFileName(out.filePath(u"season.xlsx"_s));
    const QString before = MessageBox::lastText();
    QVERIFY(!m_window->exportScope(MainWindow::ExportScope::All));
    watcher.stop();
    // Shown from the first report on, not after a delay, naming the report being written.
    QCOMPARE(shownAt, 2);
    QVERIFY2(!labels.isEmpty() && labels.first().contains(QFileInfo(m_files[2]).fileName()),
             qPrintable(labels.join(u" | "_s)));
    // Stopped: no box, a word in the status bar, the files written before whole, no batch file.
    QCOMPARE(MessageBox::lastText(), before);
    QVERIFY(m_window->statusBar()->currentMessage().contains(QDir::toNativeSeparators(out.path())));
    const QStringList written = QDir(out.path()).entryList(QDir::Files | QDir::Hidden);
    QCOMPARE(written.size(), 2); // the two reports written before Cancel, nothing half-written
    for (const QString &f : written)
        QVERIFY2(f.endsWith(u".xlsx"_s) && f != u"season.xlsx"_s, qPrintable(f));
}

QTEST_MAIN(TestQueue)
#include "tst_queue.moc"
