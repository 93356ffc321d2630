// The window keeps reviews in the store and exports them: driven through the real window
// (offscreen), with a real SQLite file and a throw-away PostgreSQL cluster that goes away and
// comes back.
#include "../core/testutil.h"
#include "../store/pgcluster.h"

#include "export/exporter.h"
#include "filedialog.h"
#include "formview.h"
#include "mainwindow.h"
#include "messagebox.h"
#include "reportqueuemodel.h"
#include "review/review.h"
#include "session/reviewkeeper.h"
#include "session/reviewsession.h"
#include "store/databaseurl.h"
#include "store/outbox.h"

#include <QAction>
#include <QApplication>
#include <QEventLoop>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProcess>
#include <QScopeGuard>
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
const QString kKey = u"t3.granted.legal_service"_s;
}

class TestPersistence : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void correctionsSurviveAWindowRestart();
    void aCopyOfTheFileIsKnownByItsContent();
    void closingAReportTakesItOutOfTheQueue();
    void anUnusableStoreIsSaidAndTheWindowStillWorks();
    void theDatabaseIsChosenInTheMenuAndRemembered();
    void exportWritesTheCurrentReport();
    void exportAllWritesTheBatchAndOneFileEach();
    void changesWhileTheServerIsAwayAreCountedAndSent();
    void unsentChangesAreShownAndCanBeGivenUp();
    void thePasswordIsAskedOnceAndNeverSaved();
    void aCommandLinePasswordIsHiddenAndNeverSaved();
    void aLargeQueueIsPaintedWhileItIsStillBeingRead();
    void cleanupTestCase();
    void cleanup();

private:
    bool openAndWait(MainWindow &w, const QStringList &paths);
    QString freshServerDatabase();
    QTemporaryDir m_dir;
    testutil::PgCluster m_pg;
    bool m_down = false;
    int m_databases = 0;
    QString m_report;
    QString m_db;
};

void TestPersistence::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"nianbao-test"_s);
    QCoreApplication::setApplicationName(u"tst_persistence"_s);
    QSettings().clear();
    QVERIFY(m_dir.isValid());
    m_report = m_dir.filePath(u"卫东区_2023.txt"_s);
    QVERIFY(QFile::copy(testutil::dataPath(u"corpus/seeds/001_bff1b9e23c617db0.txt"_s), m_report));
    m_db = m_dir.filePath(u"reviews.sqlite"_s);
    QFile::remove(Outbox::defaultPath());
    // the cluster may run as nobody (when the tests run as root): it must reach its folder
    QFile::setPermissions(m_dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                            QFileDevice::ExeOwner | QFileDevice::ExeGroup |
                                            QFileDevice::ExeOther);
    m_pg.start(m_dir.filePath(u"pg"_s));
}

void TestPersistence::cleanupTestCase()
{
    m_pg.stop();
    QFile::remove(Outbox::defaultPath());
}

void TestPersistence::cleanup()
{
    if (m_down) { // a failed test leaves the server up for the next one
        m_pg.control(u"up"_s);
        m_down = false;
    }
}

QString TestPersistence::freshServerDatabase()
{
    QString error;
    const QString url = m_pg.createDatabase(u"nianbao_window_%1"_s.arg(++m_databases), &error);
    if (url.isEmpty())
        qWarning("%s", qPrintable(error));
    return url;
}

#define NEED_CLUSTER()                                                                                       \
    do {                                                                                                     \
        if (m_pg.missing())                                                                                  \
            QSKIP("PostgreSQL server binaries are not installed (Debian package postgresql)");               \
        if (!m_pg.controllable())                                                                            \
            QSKIP("the server of NIANBAO_TEST_PG_URL is not stopped by the tests");                          \
        QVERIFY2(!m_pg.url().isEmpty(),                                                                      \
                 qPrintable(u"the PostgreSQL test cluster did not start: "_s + m_pg.problem()));             \
    } while (false)

#define SERVER(command)                                                                                      \
    do {                                                                                                     \
        QString serverError_;                                                                                \
        QVERIFY2(m_pg.control(QString::fromLatin1(command), &serverError_), qPrintable(serverError_));       \
        m_down = QString::fromLatin1(command) == u"down"_s;                                                  \
    } while (false)

bool TestPersistence::openAndWait(MainWindow &w, const QStringList &paths)
{
    QSignalSpy loaded(&w, &MainWindow::loadFinished);
    w.openPaths(paths);
    return QTest::qWaitFor([&] { return loaded.size() > 0 && !w.isLoading(); }, 20000);
}

void TestPersistence::correctionsSurviveAWindowRestart()
{
    {
        MainWindow w;
        TextDialog::setNextText(u"审校员甲"_s); // asked once
        QVERIFY(w.setDatabase(m_db));
        QVERIFY(openAndWait(w, {m_report}));
        Review *r = w.currentReview();
        QVERIFY(r);
        QCOMPARE(r->reviewer(), u"审校员甲"_s);
        auto *note = w.findChild<QLineEdit *>(u"correctionNote"_s);
        QVERIFY(note);
        note->setText(u"原表误将9写成10，核对原件"_s);
        QVERIFY(r->setCellText(kKey, u"10"_s));
        QVERIFY(note->text().isEmpty()); // one note, one correction
        QVERIFY(r->errorCount() > 0);
        r->setStatus(ReviewStatus::InReview);
        // Written the moment it was made: another connection sees it now.
        ReviewStore other;
        QString error;
        QVERIFY2(other.open(m_db, &error), qPrintable(error));
        const QList<Correction> saved = other.corrections(r->reviewed().contentHash, &error);
        QCOMPARE(saved.size(), 1);
        QCOMPARE(saved.first().after.value, 10.0);
        QCOMPARE(saved.first().reviewer, u"审校员甲"_s);
        QCOMPARE(saved.first().note, u"原表误将9写成10，核对原件"_s);
        MessageBox::setNextAnswer(QMessageBox::Yes); // quit with corrections not marked reviewed
        w.close();
    }
    {
        MainWindow w;
        QVERIFY(w.setDatabase(m_db)); // the name is remembered: no question
        const QStringList queue = w.savedQueue();
        QCOMPARE(queue, QStringList{QFileInfo(m_report).absoluteFilePath()});
        QVERIFY(openAndWait(w, queue));
        Review *r = w.currentReview();
        QVERIFY(r);
        QCOMPARE(r->report().cell(kKey)->value, 10.0);
        QVERIFY(r->isCorrected(kKey));
        QCOMPARE(r->status(), ReviewStatus::InReview);
        QCOMPARE(r->reviewed().corrections.size(), 1);
        QCOMPARE(r->reviewed().corrections.first().extracted.value, 9.0);
        QVERIFY(r->errorCount() > 0);
        // The selected cell's history, from the audit trail.
        w.tableView(u"t3"_s)->selectKeys({kKey});
        auto *history = w.findChild<QListWidget *>(u"cellHistory"_s);
        QVERIFY(history);
        QTRY_COMPARE(history->count(), 1);
        QVERIFY2(history->item(0)->text().contains(u"审校员甲 · 9 → 10"_s),
                 qPrintable(history->item(0)->text()));
        // The queue narrows by body and state, and counts the batch.
        auto *search = w.findChild<QLineEdit *>(u"queueSearch"_s);
        auto *queueView = w.findChild<QTreeView *>(u"reportQueue"_s);
        QVERIFY(search && queueView);
        QCOMPARE(queueView->model()->rowCount(), 1);
        search->setText(u"卫东区 2023"_s);
        QCOMPARE(queueView->model()->rowCount(), 1);
        search->setText(u"2019"_s);
        QCOMPARE(queueView->model()->rowCount(), 0);
        search->clear();
        auto *counts = w.findChild<QLabel *>(u"queueCounts"_s);
        QVERIFY(counts && counts->text().contains(u"1"_s));
        // Undo of a restored correction is not offered; a new edit and its undo are saved.
        QVERIFY(r->setCellText(kKey, u"9"_s));
        QCOMPARE(r->errorCount(), 0);
        r->undoStack()->undo();
        QCOMPARE(r->report().cell(kKey)->value, 10.0);
    }
}

namespace {
/// Has a widget painted since it was last reset?
class PaintWatch : public QObject
{
public:
    bool painted = false;
    bool loadingWhenPainted = false;
    int rowsWhenPainted = 0;
    MainWindow *window = nullptr;
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !painted && window && window->currentReview()) {
            painted = true;
            loadingWhenPainted = window->isLoading();
            rowsWhenPainted = window->queue()->rowCount();
        }
        return false;
    }
};
} // namespace

// A restart on a large queue: the window paints the first report while the rest are still read
// and added; it does not wait for the whole queue. (How long it takes is bench_ui's.)
void TestPersistence::aLargeQueueIsPaintedWhileItIsStillBeingRead()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile seed(m_report);
    QVERIFY(seed.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(seed.readAll());
    QVERIFY(text.contains(u"卫东区"_s));
    constexpr int Reports = 400;
    for (int i = 0; i < Reports; ++i) {
        QFile f(dir.filePath(u"report_%1.txt"_s.arg(i, 4, 10, QChar(u'0'))));
        QVERIFY(f.open(QIODevice::WriteOnly));
        QString body = text;
        body.replace(u"卫东区"_s, u"卫东区第%1"_s.arg(i));
        QVERIFY(f.write(body.toUtf8()) > 0);
    }
    const QString db = dir.filePath(u"queue.sqlite"_s);
    QSettings().setValue(u"reviewer"_s, u"审校员丁"_s);
    {
        MainWindow w;
        QVERIFY(w.setDatabase(db));
        QVERIFY(openAndWait(w, {dir.path()}));
        QCOMPARE(w.queue()->rowCount(), Reports);
    }
    MainWindow w;
    w.resize(1366, 728);
    w.show(); // and the queue asked for at once, as at a start
    QVERIFY(w.setDatabase(db));
    PaintWatch watch;
    watch.window = &w;
    for (const QString &t : {u"t2"_s, u"t3"_s, u"t4"_s})
        if (FormView *v = w.tableView(t))
            v->viewport()->installEventFilter(&watch);
    // the event loop as the application runs it
    QEventLoop loop;
    connect(&w, &MainWindow::loadFinished, &loop, &QEventLoop::quit);
    QTimer::singleShot(60000, &loop, &QEventLoop::quit);
    w.openQueue({});
    if (w.isLoading())
        loop.exec();
    QVERIFY(!w.isLoading());
    QVERIFY2(watch.rowsWhenPainted < Reports, "the queue was whole before the first paint");
    QVERIFY2(watch.painted, "the tables never painted a report");
    QVERIFY2(watch.loadingWhenPainted, "the first report was painted only once the whole queue was in");
    QCOMPARE(w.queue()->rowCount(), Reports);
}

void TestPersistence::aCopyOfTheFileIsKnownByItsContent()
{
    const QString copy = m_dir.filePath(u"copy/renamed.txt"_s);
    QVERIFY(QDir().mkpath(QFileInfo(copy).absolutePath()));
    QVERIFY(QFile::copy(m_report, copy));
    MainWindow w;
    QVERIFY(w.setDatabase(m_db));
    QVERIFY(openAndWait(w, {copy}));
    QVERIFY(w.currentReview());
    QCOMPARE(w.currentReview()->report().cell(kKey)->value, 10.0);
    QVERIFY(w.savedQueue().contains(QFileInfo(copy).absoluteFilePath()));
}

void TestPersistence::closingAReportTakesItOutOfTheQueue()
{
    MainWindow w;
    QVERIFY(w.setDatabase(m_db));
    const QStringList before = w.savedQueue();
    QVERIFY(before.size() >= 2);
    QVERIFY(openAndWait(w, before));
    const int rows = w.queue()->rowCount();
    MessageBox::setNextAnswer(QMessageBox::Yes);
    w.closeReport();
    QCOMPARE(w.queue()->rowCount(), rows - 1);
    QCOMPARE(w.savedQueue().size(), before.size() - 1);
}

void TestPersistence::anUnusableStoreIsSaidAndTheWindowStillWorks()
{
    const QString notADatabase = m_dir.filePath(u"not-a-database.sqlite"_s);
    QFile f(notADatabase);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QByteArray(4096, 'x'));
    f.close();
    MainWindow w;
    MessageBox::setNextAnswer(QMessageBox::Ok);
    QVERIFY(!w.setDatabase(notADatabase));
    QVERIFY(!w.session()->keeper());
    QVERIFY(openAndWait(w, {m_report}));
    QVERIFY(w.currentReview());
    QCOMPARE(w.currentReview()->report().cell(kKey)->value, 9.0); // as extracted: nothing restored
}

void TestPersistence::theDatabaseIsChosenInTheMenuAndRemembered()
{
    const QString other = m_dir.filePath(u"team.sqlite"_s);
    QSettings().setValue(u"reviewer"_s, u"审校员乙"_s); // known: the switch asks only for the database
    MainWindow w;
    QVERIFY(openAndWait(w, {m_report}));
    QVERIFY(!w.session()->keeper());
    TextDialog::setNextText(other);
    w.findChild<QAction *>(u"actionDatabase"_s)->trigger();
    QVERIFY(w.session()->keeper());
    QCOMPARE(QSettings().value(u"database"_s).toString(), other);
    // The report open at the switch is kept there now: its next correction lands in the new file.
    QVERIFY(w.currentReview()->setCellText(kKey, u"11"_s));
    ReviewStore store;
    QString error;
    QVERIFY(store.open(other, &error));
    QCOMPARE(store.corrections(w.currentReview()->reviewed().contentHash).size(), 1);
    QCOMPARE(store.queue().size(), 1);
}

void TestPersistence::exportWritesTheCurrentReport()
{
    MainWindow w;
    QVERIFY(w.setDatabase(m_db));
    QVERIFY(openAndWait(w, {m_report}));
    const QString out = m_dir.filePath(u"out/current.xlsx"_s);
    QVERIFY(QDir().mkpath(QFileInfo(out).absolutePath()));
    FileDialog::setNextFileName(out);
    QVERIFY(w.exportScope(MainWindow::ExportScope::Current));
    QFile x(out);
    QVERIFY(x.open(QIODevice::ReadOnly));
    QVERIFY(x.read(2) == "PK"); // a workbook: a ZIP archive
    // Nothing is marked reviewed yet.
    MessageBox::setNextAnswer(QMessageBox::Ok);
    QVERIFY(!w.exportScope(MainWindow::ExportScope::Reviewed));
}

void TestPersistence::exportAllWritesTheBatchAndOneFileEach()
{
    MainWindow w;
    QVERIFY(openAndWait(w, {m_report, testutil::dataPath(u"corpus/seeds/000_cfbc7d1a3e19f347.txt"_s)}));
    QCOMPARE(w.queue()->rowCount(), 2);
    const QString folder = m_dir.filePath(u"batch"_s);
    QVERIFY(QDir().mkpath(folder));
    FileDialog::setNextFileName(folder + u"/region.csv"_s);
    QVERIFY(w.exportScope(MainWindow::ExportScope::All));
    const QStringList files = QDir(folder).entryList({u"*.csv"_s}, QDir::Files);
    QVERIFY2(files.contains(u"region.csv"_s), qPrintable(files.join(u", "_s)));
    QCOMPARE(files.size(), 3);
    QFile batch(folder + u"/region.csv"_s);
    QVERIFY(batch.open(QIODevice::ReadOnly));
    const QByteArray bytes = batch.readAll();
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF")); // UTF-8 with BOM for Excel
    QCOMPARE(bytes.count('\n'), 3);            // header and two reports
}

void TestPersistence::changesWhileTheServerIsAwayAreCountedAndSent()
{
    NEED_CLUSTER();
    const QString url = freshServerDatabase();
    QVERIFY(!url.isEmpty());
    QSettings().setValue(u"reviewer"_s, u"审校员丙"_s);
    MainWindow w;
    QVERIFY(w.setDatabase(url));
    QVERIFY(w.session()->keeper()->isOnline());
    w.session()->keeper()->link()->setRetryDelays(50, 400);
    QVERIFY(openAndWait(w, {m_report}));
    Review *r = w.currentReview();
    QVERIFY(r);
    r->setStatus(ReviewStatus::InReview);
    const QString hash = r->reviewed().contentHash;
    auto *status = w.findChild<QLabel *>(u"storeStatus"_s);
    QVERIFY(status);
    QVERIFY(status->isHidden());

    SERVER("down");
    const QStringList keys = {kKey, u"t3.new_received.natural_person"_s, u"t3.granted.total"_s};
    for (int i = 0; i < keys.size(); ++i)
        QVERIFY(r->setCellText(keys[i], QString::number(20 + i)));
    // shown as kept, not as saved: the count waits on this computer
    QCOMPARE(w.session()->keeper()->waitingChanges(), 3);
    QVERIFY(!status->isHidden());
    QVERIFY2(status->text().contains(u"cannot be reached: 3 change(s) kept on this computer"_s),
             qPrintable(status->text()));
    w.setLanguage(u"zh_CN"_s);
    QVERIFY2(status->text().contains(u"服务器无法连接：3 处修改暂存在本机，连接恢复后自动发送"_s),
             qPrintable(status->text()));
    w.setLanguage(QString());
    QCOMPARE(r->report().cell(kKey)->value, 20.0);

    SERVER("up");
    QTRY_VERIFY_WITH_TIMEOUT(w.session()->keeper()->isOnline(), 30000);
    QTRY_COMPARE(w.session()->keeper()->waitingChanges(), 0);
    QTRY_VERIFY(status->isHidden());
    QVERIFY2(w.statusBar()->currentMessage().contains(u"3 change(s) kept on this computer were sent"_s),
             qPrintable(w.statusBar()->currentMessage()));
    ReviewStore server;
    QString error;
    QVERIFY2(server.open(url, &error), qPrintable(error));
    const QList<Correction> saved = server.corrections(hash, &error);
    QCOMPARE(saved.size(), 3);
    for (int i = 0; i < keys.size(); ++i) {
        QCOMPARE(saved[i].key, keys[i]);
        QCOMPARE(saved[i].after.value, double(20 + i));
        QCOMPARE(saved[i].reviewer, u"审校员丙"_s);
    }
    QCOMPARE(r->report().cell(kKey)->value, 20.0);
    QVERIFY(r->isCorrected(kKey));
    // the edits made while the server was away are still undoable, and the undo reaches it
    QVERIFY(r->undoStack()->canUndo());
    r->undoStack()->undo();
    QCOMPARE(w.session()->keeper()->waitingChanges(), 0);
    QCOMPARE(w.session()->keeper()->heldChanges(), 0);
    QCOMPARE(server.corrections(hash).size(), 2);
    QVERIFY(r->report().cell(keys[2])->value != 22.0);
    QCOMPARE(server.storedCell(hash, keys[2])->cell.value, r->report().cell(keys[2])->value);
}

void TestPersistence::unsentChangesAreShownAndCanBeGivenUp()
{
    NEED_CLUSTER();
    const QString url = freshServerDatabase();
    QVERIFY(!url.isEmpty());
    QSettings().setValue(u"reviewer"_s, u"审校员丙"_s);
    MainWindow w;
    QVERIFY(w.setDatabase(url));
    w.session()->keeper()->link()->setRetryDelays(600000, 600000); // the server is tried when the test says
    QVERIFY(openAndWait(w, {m_report}));
    Review *r = w.currentReview();
    r->setStatus(ReviewStatus::InReview);
    const QString hash = r->reviewed().contentHash;
    auto *unsent = w.findChild<QAction *>(u"actionUnsentChanges"_s);
    QVERIFY(unsent && !unsent->isEnabled());

    SERVER("down");
    QVERIFY(r->setCellText(kKey, u"8"_s));
    QCOMPARE(w.session()->keeper()->waitingChanges(), 1);
    SERVER("up");
    // meanwhile another reviewer corrects the same cell on the server
    {
        ReviewStore other;
        QString error;
        QVERIFY2(other.open(url, &error), qPrintable(error));
        Correction theirs;
        theirs.key = kKey;
        theirs.before = Cell::number(9);
        theirs.after = Cell::number(7, u"7"_s);
        theirs.reviewer = u"审校员丁"_s;
        theirs.time = QDateTime::currentDateTimeUtc();
        QVERIFY2(other.addCorrection(hash, theirs, &error), qPrintable(error));
    }
    MessageBox::setNextAnswer(QMessageBox::Ok); // the warning that says what was not sent
    w.session()->keeper()->link()->retryNow();
    QTRY_VERIFY_WITH_TIMEOUT(w.session()->keeper()->isOnline(), 30000);
    QCOMPARE(w.session()->keeper()->heldChanges(), 1);
    QCOMPARE(w.session()->keeper()->waitingChanges(), 0);
    QTRY_VERIFY2(w.statusBar()->currentMessage().contains(u"was not sent"_s),
                 qPrintable(w.statusBar()->currentMessage()));
    QVERIFY(w.statusBar()->currentMessage().contains(u"审校员丁"_s));
    auto *status = w.findChild<QLabel *>(u"storeStatus"_s);
    QVERIFY2(status->text().contains(u"1 change(s) not sent"_s), qPrintable(status->text()));
    QVERIFY(unsent->isEnabled());
    QCOMPARE(r->report().cell(kKey)->value, 7.0); // the server's value; the reviewer's is kept aside
    const QStringList held = w.session()->keeper()->heldDescriptions();
    QCOMPARE(held.size(), 1);
    QVERIFY2(held.first().contains(u"“8”"_s) && held.first().contains(u"审校员丁"_s),
             qPrintable(held.first()));

    MessageBox::setNextAnswer(QMessageBox::Discard); // give mine up, keep theirs
    unsent->trigger();
    QCOMPARE(w.session()->keeper()->heldChanges(), 0);
    QVERIFY(status->isHidden());
    QVERIFY(!unsent->isEnabled());
    QCOMPARE(r->report().cell(kKey)->value, 7.0);
    ReviewStore server;
    QString error;
    QVERIFY2(server.open(url, &error), qPrintable(error));
    QCOMPARE(server.corrections(hash).size(), 1);
}

void TestPersistence::thePasswordIsAskedOnceAndNeverSaved()
{
    NEED_CLUSTER();
    const bool hadFile = qEnvironmentVariableIsSet("PGPASSFILE");
    const QByteArray oldFile = qgetenv("PGPASSFILE");
    auto restoreEnvironment = qScopeGuard([&] {
        hadFile ? qputenv("PGPASSFILE", oldFile) : qunsetenv("PGPASSFILE");
        TextDialog::clearNextText();
    });
    qputenv("PGPASSFILE", QFile::encodeName(m_dir.filePath(u"no-pgpass"_s)));
    qunsetenv("PGPASSWORD");
    DatabaseUrl::forgetPasswords();
    QSettings().setValue(u"reviewer"_s, u"审校员丙"_s);
    const QString url = m_pg.urlWithoutPassword();
    const QString password = m_pg.password();
    {
        MainWindow w;
        TextDialog::setNextText(password); // the server wants one: asked
        QVERIFY(w.setDatabase(url));
        QVERIFY(!TextDialog::hasNextText());
        QVERIFY(w.session()->keeper()->isOnline());
        // the same server again in this session: not asked (a cancel would go offline)
        TextDialog::setNextText(QString());
        QVERIFY(w.setDatabase(url));
        QVERIFY(TextDialog::hasNextText());
        QVERIFY(w.session()->keeper()->isOnline());
        TextDialog::clearNextText();
        // typed with its password in File ▸ Review Database: used, never written
        TextDialog::setNextText(m_pg.url());
        w.findChild<QAction *>(u"actionDatabase"_s)->trigger();
        QVERIFY(w.session()->keeper()->isOnline());
        QCOMPARE(QSettings().value(u"database"_s).toString(), url);
    }
    // a password saved by an older version is taken out of the file at the next start
    DatabaseUrl::forgetPasswords();
    QSettings().setValue(u"database"_s, m_pg.url());
    {
        MainWindow w;
        QCOMPARE(QSettings().value(u"database"_s).toString(), url);
        QCOMPARE(DatabaseUrl::rememberedPassword(url), password);
        QVERIFY(w.setDatabase(QSettings().value(u"database"_s).toString())); // not asked
        QVERIFY(w.session()->keeper()->isOnline());
    }
    QSettings().sync();
    QFile file(QSettings().fileName());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.contains(QUrl(url).host().toUtf8()));
    QVERIFY(!bytes.contains(password.toUtf8()));
    // cancelled: offline, nothing lost, not asked again by itself
    DatabaseUrl::forgetPasswords();
    MainWindow w;
    TextDialog::setNextText(QString());
    QVERIFY(w.setDatabase(url));
    QVERIFY(!w.session()->keeper()->isOnline());
    QVERIFY(!w.session()->keeper()->link()->isRetrying());
    auto *status = w.findChild<QLabel *>(u"storeStatus"_s);
    QVERIFY2(status->text().contains(u"Not connected to the server"_s), qPrintable(status->text()));
}

void TestPersistence::aCommandLinePasswordIsHiddenAndNeverSaved()
{
    QTemporaryDir home;
    QVERIFY(home.isValid());
    {
        QSettings settings(home.filePath(u"config/nianbao/nianbao.conf"_s), QSettings::IniFormat);
        settings.setValue(u"reviewer"_s, u"审校员甲"_s); // known: no question blocks the start
    }
    const QByteArray secret = "s3cret-Pw0rd";
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"HOME"_s, home.path());
    env.insert(u"XDG_CONFIG_HOME"_s, home.filePath(u"config"_s));
    env.insert(u"XDG_DATA_HOME"_s, home.filePath(u"data"_s));
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    env.insert(u"PGPASSFILE"_s, home.filePath(u"no-pgpass"_s));
    p.setProcessEnvironment(env);
    // nothing listens on port 1: the window starts offline, its store kept on this computer
    p.start(
        QStringLiteral(NIANBAO_GUI),
        {u"--database"_s, u"postgresql://tester:%1@127.0.0.1:1/nianbao"_s.arg(QString::fromLatin1(secret))});
    QVERIFY(p.waitForStarted());
    auto stop = qScopeGuard([&] {
        p.kill();
        p.waitForFinished();
    });
    auto cmdline = [&] {
        QFile f(u"/proc/%1/cmdline"_s.arg(p.processId()));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    };
    const QByteArray hidden = QByteArray("postgresql://tester:") + QByteArray(secret.size(), '*') +
                              QByteArray("@127.0.0.1:1/nianbao");
    QTRY_VERIFY_WITH_TIMEOUT(cmdline().contains(hidden), 30000);
    QVERIFY(!cmdline().contains(secret));
    QCOMPARE(p.state(), QProcess::Running);
    const QString conf = home.filePath(u"config/nianbao/nianbao.conf"_s);
    auto readConf = [&] {
        QFile f(conf);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    };
    QTRY_VERIFY_WITH_TIMEOUT(readConf().contains("database=\"postgresql://tester@127.0.0.1:1/nianbao\"") ||
                                 readConf().contains("database=postgresql://tester@127.0.0.1:1/nianbao"),
                             30000);
    QVERIFY(!readConf().contains(secret));
    QByteArray err;
    QTRY_VERIFY_WITH_TIMEOUT((err += p.readAllStandardError()).contains("can be seen by other users"), 30000);
    QVERIFY(!err.contains(secret));
    QCOMPARE(p.state(), QProcess::Running);
}

QTEST_MAIN(TestPersistence)
#include "tst_persistence.moc"
