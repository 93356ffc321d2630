// The checks across reports in the window: last year's report of the same body compared with
// this year's, as nianbao-cli check compares them, and kept through edits, undo and closing.
#include "../core/testutil.h"
#include "windowtesting.h"

#include "findingsmodel.h"
#include "formview.h"
#include "mainwindow.h"
#include "messagebox.h"
#include "reportqueuemodel.h"
#include "reporttablemodel.h"
#include "review/review.h"

#include <QApplication>
#include <QJsonArray>
#include <QLineEdit>
#include <QMimeData>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace nianbao;
using namespace nianbao::ui;
using windowtesting::drop;
using namespace Qt::Literals::StringLiterals;

class TestWindowYears : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void lastYearsReportIsComparedAsOnTheCommandLineAndAfterEdits();

private:
    FormView *view(const QString &table) const
    {
        return m_window->findChild<FormView *>(u"table_"_s + table);
    }
    QTreeView *findingsView() const { return m_window->findChild<QTreeView *>(u"findingsView"_s); }
    void selectCell(FormView *v, const QString &key);
    MainWindow *m_window = nullptr;
};

void TestWindowYears::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"nianbao-test"_s);
    QCoreApplication::setApplicationName(u"nianbao-test-years"_s);
}

void TestWindowYears::init()
{
    QSettings().clear();
    m_window = new MainWindow;
    m_window->show();
    QVERIFY(QTest::qWaitForWindowActive(m_window));
}

void TestWindowYears::cleanup()
{
    MessageBox::setNextAnswer(QMessageBox::Yes);
    m_window->close();
    delete m_window;
    m_window = nullptr;
    MessageBox::setNextAnswer(QMessageBox::NoButton);
}

void TestWindowYears::selectCell(FormView *v, const QString &key)
{
    windowtesting::selectCell(m_window, v, key);
}

void TestWindowYears::lastYearsReportIsComparedAsOnTheCommandLineAndAfterEdits()
{
    QTemporaryDir dir;
    const QStringList pair = testutil::writeConsecutiveReports(dir.path());
    QCOMPARE(pair.size(), 2);
    // What the command line finds in the same two files.
    QProcess cli;
    cli.start(QStringLiteral(NIANBAO_CLI), {u"check"_s, u"--json"_s, pair[0], pair[1]});
    QVERIFY(cli.waitForFinished(60000));
    const QJsonArray reports =
        QJsonDocument::fromJson(cli.readAllStandardOutput()).object().value("reports"_L1).toArray();
    QCOMPARE(reports.size(), 2);
    auto cliFindings = [&](int i) {
        QStringList out;
        for (const QJsonValue &v : reports[i].toObject().value("findings"_L1).toArray()) {
            const QJsonObject f = v.toObject();
            QStringList cells;
            for (const QJsonValue &c : f.value("cells"_L1).toArray())
                cells.append(c.toString());
            // The checks across reports have no hint: their message is compared whole.
            const QString rule = f.value("rule"_L1).toString();
            out.append(
                rule + u' ' + cells.join(u',') +
                (rule.startsWith(u"YEAR."_s) ? u' ' + f.value("message_en"_L1).toString() : QString()));
        }
        return out;
    };
    auto shown = [&] { // the findings list as the reviewer sees it, with each finding's cells
        QStringList out;
        QAbstractItemModel *m = findingsView()->model();
        for (int r = 0; r < m->rowCount(); ++r) {
            const QString rule = m->index(r, FindingsModel::RuleColumn).data().toString();
            out.append(rule + u' ' + m->index(r, 0).data(FindingsModel::CellsRole).toStringList().join(u',') +
                       (rule.startsWith(u"YEAR."_s)
                            ? u' ' + m->index(r, FindingsModel::MessageColumn).data().toString()
                            : QString()));
        }
        return out;
    };
    auto years = [](const QStringList &findings) {
        return findings.filter(QRegularExpression(u"^YEAR\\."_s));
    };
    QVERIFY(!years(cliFindings(1)).isEmpty());
    QVERIFY(years(cliFindings(0)).isEmpty());

    QSignalSpy loaded(m_window, &MainWindow::loadFinished);
    drop(m_window, pair);
    QTRY_COMPARE(loaded.size(), 1);
    ReportQueueModel *q = m_window->queue();
    const int lastRow = q->rowOf(pair[0]), nowRow = q->rowOf(pair[1]);
    m_window->setCurrentRow(nowRow);
    QCOMPARE(shown(), cliFindings(1));
    QVERIFY(shown().join(u'\n').contains(u"YEAR.CARRYOVER t3.carried_over.natural_person"_s));
    m_window->setCurrentRow(lastRow);
    QCOMPARE(shown(), cliFindings(0));

    // An edit of this year's report keeps them.
    m_window->setCurrentRow(nowRow);
    FormView *t3 = view(u"t3"_s);
    selectCell(t3, u"t3.granted.legal_service"_s);
    QTest::keyClick(t3, Qt::Key_1);
    QTRY_VERIFY(qobject_cast<QLineEdit *>(QApplication::focusWidget()));
    QTest::keyClicks(QApplication::focusWidget(), u"2"_s);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QTRY_COMPARE(t3->formModel()->indexOf(u"t3.granted.legal_service"_s).data().toString(), u"12"_s);
    QCOMPARE(years(shown()), years(cliFindings(1)));

    // Last year's report corrected to carry forward what this year's carried over: the warning goes,
    // and comes back with the undo.
    Review *last = q->review(lastRow);
    QVERIFY(last->setCellText(u"t3.carried_forward.natural_person"_s, u"2"_s));
    QTRY_VERIFY(!shown().join(u'\n').contains(u"YEAR.CARRYOVER"_s));
    QVERIFY(!years(shown()).isEmpty()); // the other comparisons stay
    last->undoStack()->undo();
    QTRY_COMPARE(years(shown()), years(cliFindings(1)));
    // Closing last year's report leaves nothing to compare with.
    m_window->setCurrentRow(lastRow);
    MessageBox::setNextAnswer(QMessageBox::Yes);
    m_window->closeReport();
    m_window->setCurrentRow(q->rowOf(pair[1]));
    QTRY_VERIFY(years(shown()).isEmpty());
}

QTEST_MAIN(TestWindowYears)
#include "tst_windowyears.moc"
