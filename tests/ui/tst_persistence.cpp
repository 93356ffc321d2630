// The window keeps reviews in the store and exports them: driven through the real window
// (offscreen), with a real SQLite file.
#include "../core/testutil.h"

#include "export/exporter.h"
#include "filedialog.h"
#include "formview.h"
#include "mainwindow.h"
#include "messagebox.h"
#include "reportqueuemodel.h"
#include "review/review.h"
#include "store/reviewkeeper.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

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

private:
    bool openAndWait(MainWindow &w, const QStringList &paths);
    QTemporaryDir m_dir;
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
}

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
        auto *queueView = w.findChild<QListView *>(u"reportQueue"_s);
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
    QVERIFY(!w.keeper());
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
    QVERIFY(!w.keeper());
    TextDialog::setNextText(other);
    w.chooseDatabase();
    QVERIFY(w.keeper());
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

QTEST_MAIN(TestPersistence)
#include "tst_persistence.moc"
