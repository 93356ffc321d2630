// What leaves the window on paper: File ▸ Print (Ctrl+P) of the current report's tables and
// findings, rendered to a PDF printer and read back; File ▸ Print Preview showing its pages; and
// File ▸ Export ▸ Letter, the letter to the body as PDF and Word.
#include "../core/testutil.h"
#include "filedialog.h"
#include "mainwindow.h"
#include "messagebox.h"
#include "printflow.h"
#include "review/review.h"
#include "rules/catalogue.h"
#include "store/outbox.h"
#include "windowtesting.h"

#include "export/exportcells.h"
#include "i18n/language.h"

#include <QAction>
#include <QMenu>
#include <QMenuBar>
#include <QPrintPreviewDialog>
#include <QPrintPreviewWidget>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <poppler-qt6.h>

using namespace nianbao;
using namespace nianbao::ui;
using namespace nianbao::ui::windowtesting;
using namespace Qt::Literals::StringLiterals;

namespace {

QString pdfText(const QString &path, int *pages = nullptr)
{
    std::unique_ptr<Poppler::Document> doc = Poppler::Document::load(path);
    if (!doc)
        return {};
    QString text;
    for (int i = 0; i < doc->numPages(); ++i)
        if (std::unique_ptr<Poppler::Page> p = doc->page(i))
            // In reading order (a title) and in the order it was drawn (a table cell's lines together).
            text += p->text(QRectF()) + u'\n' + p->text(QRectF(), Poppler::Page::RawOrderLayout) + u'\n';
    if (pages)
        *pages = doc->numPages();
    return text.remove(QRegularExpression(u"\\s+"_s));
}

/// A table cell's text of several lines, read in reading order, has the lines of the cells beside it
/// between its own: its characters in order, from where it starts, with little in between.
bool containsInOrder(const QString &text, const QString &needle)
{
    for (qsizetype at = text.indexOf(needle.left(8)); at >= 0; at = text.indexOf(needle.left(8), at + 1)) {
        qsizetype i = at, n = 0;
        for (; n < needle.size() && i < text.size() && i < at + 2 * needle.size(); ++i)
            if (text[i] == needle[n])
                ++n;
        if (n == needle.size())
            return true;
    }
    return false;
}

QString squeeze(QString s)
{
    return s.remove(QRegularExpression(u"\\s+"_s));
}

} // namespace

class TestPrinting : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();
    void printWritesTheTablesAndFindings();
    void previewShowsThePages();
    void letterFromTheExportMenu();

private:
    QAction *action(const QString &name) const { return m_window->findChild<QAction *>(name); }
    QTemporaryDir m_dir;
    QString m_report;
    MainWindow *m_window = nullptr;
};

void TestPrinting::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"nianbao-test"_s);
    QCoreApplication::setApplicationName(u"tst_printing"_s);
    QVERIFY(m_dir.isValid());
    // The Shanghai science commission's report: two errors, each with its proposed fix.
    m_report = m_dir.filePath(u"shanghai_kewei_2024.md"_s);
    QVERIFY(QFile::copy(testutil::dataPath(u"corpus/real/shanghai_kewei_2024.md"_s), m_report));
    QFile::remove(Outbox::defaultPath());
}

void TestPrinting::cleanupTestCase()
{
    QFile::remove(Outbox::defaultPath());
}

void TestPrinting::init()
{
    QSettings().clear();
    QSettings().setValue(u"reviewer"_s, u"张审校"_s);
    QSettings().setValue(u"language"_s, u"zh_CN"_s);
    m_window = new MainWindow;
    m_window->show();
    QVERIFY(QTest::qWaitForWindowActive(m_window));
    QSignalSpy loaded(m_window, &MainWindow::loadFinished);
    drop(m_window, {m_report});
    QTRY_COMPARE(loaded.size(), 1);
    QTRY_VERIFY(m_window->currentReview() != nullptr);
}

void TestPrinting::cleanup()
{
    MessageBox::setNextAnswer(QMessageBox::Yes);
    m_window->close();
    delete m_window;
    m_window = nullptr;
    MessageBox::setNextAnswer(QMessageBox::NoButton);
}

void TestPrinting::printWritesTheTablesAndFindings()
{
    QAction *print = action(u"actionPrint"_s);
    QVERIFY(print);
    QCOMPARE(print->shortcut(), QKeySequence(QKeySequence::Print));
    QVERIFY(print->isEnabled());
    // In the File menu.
    QMenu *file = m_window->menuBar()->actions().first()->menu();
    QVERIFY(file->actions().contains(print));
    QVERIFY(file->actions().contains(action(u"actionPrintPreview"_s)));

    const QString out = m_dir.filePath(u"printed.pdf"_s);
    PrintFlow::setNextPdfFile(out);
    QTest::keySequence(m_window, QKeySequence::Print);
    QTRY_VERIFY(QFileInfo::exists(out));
    int pages = 0;
    const QString text = pdfText(out, &pages);
    QVERIFY(pages >= 1);
    const Review *r = m_window->currentReview();
    const Report &rep = r->report();
    QVERIFY2(text.contains(squeeze(rep.unit)), qPrintable(text.left(300)));
    for (const TableDef &t : rep.tmpl->tables())
        QVERIFY2(text.contains(squeeze(ExportCells::tableTitle(t))), qPrintable(ExportCells::tableTitle(t)));
    // A value of the form where it is printed, and each finding with its rule's name.
    QVERIFY(text.contains(squeeze(rep.tmpl->tables()[1].rows[0].label)));
    for (const Finding &f : r->findings()) {
        QVERIFY2(text.contains(squeeze(RuleCatalogue::name(f.rule))), qPrintable(f.rule));
        QVERIFY2(containsInOrder(text, squeeze(Language::pick(f.message, f.messageEn))),
                 qPrintable(f.message));
    }
}

void TestPrinting::previewShowsThePages()
{
    int pages = -1;
    bool seen = false;
    // The preview is modal: look at it once it is up, then close it.
    QTimer poll;
    connect(&poll, &QTimer::timeout, this, [&] {
        auto *dialog = qobject_cast<QPrintPreviewDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        auto *preview = dialog->findChild<QPrintPreviewWidget *>();
        if (!preview || preview->pageCount() == 0)
            return;
        pages = preview->pageCount();
        seen = true;
        dialog->reject();
    });
    poll.start(50);
    QTest::keySequence(m_window, QKeySequence(u"Ctrl+Shift+P"_s));
    QTRY_VERIFY(seen);
    QVERIFY(pages >= 1);
}

void TestPrinting::letterFromTheExportMenu()
{
    QAction *letter = action(u"actionExportLetter"_s);
    QVERIFY(letter);
    auto *exportMenu = m_window->findChild<QMenu *>(u"menuExport"_s);
    QVERIFY(exportMenu && exportMenu->actions().contains(letter));
    const QString pdf = m_dir.filePath(u"letter.pdf"_s);
    FileDialog::setNextFileName(pdf);
    letter->trigger();
    const QString text = pdfText(pdf);
    QVERIFY2(text.contains(u"审校意见"_s), qPrintable(text.left(300)));
    QVERIFY(text.contains(squeeze(RuleCatalogue::find(u"T3.BALANCE"_s)->name)));
    QVERIFY(text.contains(u"审校人：张审校"_s));
    // As a Word file, chosen by its extension.
    const QString docx = m_dir.filePath(u"letter.docx"_s);
    FileDialog::setNextFileName(docx);
    letter->trigger();
    QFile f(docx);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.read(2), QByteArray("PK"));
}

QTEST_MAIN(TestPrinting)
#include "tst_printing.moc"
