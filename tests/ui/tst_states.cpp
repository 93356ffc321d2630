// The states of a review in the window, driven through its real widgets offscreen: a reviewed or
// sent report asks before it is changed and is in review again; Mark Sent; the state kept in the
// store across a restart; the reviewer's name asked once; the row tools ask before they lose a
// value. The questions are real message boxes, answered as a reviewer would click them.
#include "../core/testutil.h"
#include "filedialog.h"
#include "formview.h"
#include "mainwindow.h"
#include "messagebox.h"
#include "queuepanel.h"
#include "reportqueuemodel.h"
#include "review/review.h"
#include "rules/ruleengine.h"
#include "session/reviewpolicy.h"
#include "session/reviewsession.h"
#include "settings.h"
#include "store/outbox.h"
#include "store/reviewstore.h"
#include "tablespanel.h"
#include "windowtesting.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
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
using windowtesting::drop;
using namespace Qt::Literals::StringLiterals;

namespace {

const QString seed001 = u"corpus/seeds/001_bff1b9e23c617db0.txt"_s;

/// Answers the message boxes that come up, in order, by clicking their buttons, and keeps what
/// they said. A box that comes when no answer is left is closed (rejected) and counted, so a
/// question that should not be asked fails the test instead of blocking it.
class BoxAnswerer : public QObject
{
public:
    explicit BoxAnswerer(QList<QMessageBox::StandardButton> answers = {}) : m_answers(std::move(answers))
    {
        connect(&m_timer, &QTimer::timeout, this, [this] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box || box == m_last)
                return;
            m_last = box;
            texts.append(box->text());
            if (m_answers.isEmpty()) {
                ++unexpected;
                box->reject();
                return;
            }
            QAbstractButton *button = box->button(m_answers.takeFirst());
            if (button)
                button->click();
            else
                box->reject();
        });
        m_timer.start(0);
    }
    QStringList texts;
    int unexpected = 0;

private:
    QList<QMessageBox::StandardButton> m_answers;
    QTimer m_timer;
    QPointer<QMessageBox> m_last;
};

/// Every cell of the report as shown, with its state.
QStringList cellsOf(const Review *review)
{
    QStringList out;
    for (const QString &k : review->report().cellKeys()) {
        const Cell *c = review->report().cell(k);
        out.append(k + u'=' + (c ? QString::number(int(c->state)) + c->displayText() : u"-"_s));
    }
    return out;
}

QString queueText(MainWindow *w, int row)
{
    return w->queue()->index(row).data(ReportQueueModel::SummaryRole).toString();
}

} // namespace

class TestStates : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();
    void changingAReviewedReportAsksFirst_data();
    void changingAReviewedReportAsksFirst();
    void markingSentShowsInTheQueueAndComesBackAfterARestart();
    void aNoteIsInTheStoreAfterUndoAndRedo();
    void cancellingTheFirstNameDialogRecordsTheSystemUserName();
    void rowToolsAskOnlyWhenAValueIsLost();

private:
    void openReport(MainWindow *w, const QString &path);
    FormView *view(const QString &table) const { return m_window->tableView(table); }
    QAction *action(MainWindow *w, const QString &name) const { return w->findChild<QAction *>(name); }
    void markReviewed(MainWindow *w);

    QTemporaryDir m_dir;
    QString m_report;
    MainWindow *m_window = nullptr;
};

void TestStates::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"nianbao-test"_s);
    QCoreApplication::setApplicationName(u"tst_states"_s);
    QVERIFY(m_dir.isValid());
    // A copy of a real report, so that the store knows it by its content and its path.
    m_report = m_dir.filePath(u"卫东区_2023.txt"_s);
    QVERIFY(QFile::copy(testutil::dataPath(seed001), m_report));
    QFile::remove(Outbox::defaultPath());
}

void TestStates::cleanupTestCase()
{
    QFile::remove(Outbox::defaultPath());
}

void TestStates::init()
{
    QSettings().clear();
    m_window = new MainWindow;
    m_window->show();
    QVERIFY(QTest::qWaitForWindowActive(m_window));
}

void TestStates::cleanup()
{
    MessageBox::setNextAnswer(QMessageBox::Yes); // quit with reports in review
    m_window->close();
    delete m_window;
    m_window = nullptr;
    MessageBox::setNextAnswer(QMessageBox::NoButton);
    TextDialog::clearNextText();
}

void TestStates::openReport(MainWindow *w, const QString &path)
{
    QSignalSpy loaded(w, &MainWindow::loadFinished);
    drop(w, {path});
    QTRY_COMPARE(loaded.size(), 1);
    QTRY_VERIFY(w->currentReview() != nullptr);
}

void TestStates::markReviewed(MainWindow *w)
{
    Review *r = w->currentReview();
    BoxAnswerer boxes({QMessageBox::Yes}); // asked only if errors remain
    action(w, u"actionMarkReviewed"_s)->trigger();
    QCOMPARE(r->status(), ReviewStatus::Reviewed);
    QCOMPARE(w->queue()->state(w->currentRow()), ReportQueueModel::Reviewed);
}

void TestStates::changingAReviewedReportAsksFirst_data()
{
    QTest::addColumn<QString>("edit");
    QTest::addColumn<bool>("agree");
    for (const QString &edit :
         {u"typing in a cell"_s, u"pasting"_s, u"clearing"_s, u"shifting a row"_s, u"moving a row"_s}) {
        QTest::addRow("%s, agreed: in review, undo gives 已审校 back", qPrintable(edit)) << edit << true;
        QTest::addRow("%s, refused: nothing changes", qPrintable(edit)) << edit << false;
    }
}

void TestStates::changingAReviewedReportAsksFirst()
{
    QFETCH(QString, edit);
    QFETCH(bool, agree);
    openReport(m_window, testutil::dataPath(seed001));
    Review *review = m_window->currentReview();
    markReviewed(m_window);
    QVERIFY(queueText(m_window, 0).startsWith(ReviewPolicy::statusText(ReviewStatus::Reviewed)));
    const QStringList before = cellsOf(review);
    FormView *t3 = view(u"t3"_s);
    const QString key = u"t3.granted.legal_service"_s;

    // The question about the state; a row tool that loses a value asks about that first.
    QList<QMessageBox::StandardButton> answers;
    if ((edit == u"shifting a row" && !review->shiftRowLosses(u"t3.new_received"_s, 1).isEmpty()) ||
        (edit == u"moving a row" &&
         !review->moveRowLosses(u"t3.granted"_s, u"t3.denied_inquiry"_s).isEmpty()))
        answers.append(QMessageBox::Yes);
    answers.append(agree ? QMessageBox::Yes : QMessageBox::No);
    BoxAnswerer boxes(answers);
    if (edit == u"typing in a cell") {
        windowtesting::selectCell(m_window, t3, key);
        QTest::keyClick(t3, Qt::Key_1);
        QTRY_VERIFY(qobject_cast<QLineEdit *>(QApplication::focusWidget()));
        QTest::keyClicks(QApplication::focusWidget(), u"2"_s);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    } else if (edit == u"pasting") {
        windowtesting::selectCell(m_window, t3, key);
        QGuiApplication::clipboard()->setText(u"12\n"_s);
        action(m_window, u"actionPaste"_s)->trigger();
    } else if (edit == u"clearing") {
        windowtesting::selectCell(m_window, t3, key);
        action(m_window, u"actionClear"_s)->trigger();
    } else if (edit == u"shifting a row") {
        windowtesting::selectCell(m_window, t3, u"t3.new_received.total"_s);
        action(m_window, u"actionShiftRight"_s)->trigger();
    } else {
        windowtesting::selectCell(m_window, t3, key);
        QStringList others = review->tableRows(u"t3"_s);
        others.removeAll(u"t3.granted"_s);
        ItemDialog::setNextIndex(int(others.indexOf(u"t3.denied_inquiry"_s)));
        action(m_window, u"actionMoveRow"_s)->trigger();
    }
    QTRY_COMPARE(boxes.texts.size(), answers.size());
    QCOMPARE(boxes.unexpected, 0);
    QCOMPARE(boxes.texts.last(), ReviewPolicy::editQuestion(ReviewStatus::Reviewed));

    if (!agree) {
        QCOMPARE(review->status(), ReviewStatus::Reviewed);
        QCOMPARE(review->undoStack()->count(), 0);
        QVERIFY(review->corrections().isEmpty());
        QCOMPARE(cellsOf(review), before);
        QCOMPARE(m_window->queue()->state(0), ReportQueueModel::Reviewed);
        QVERIFY(action(m_window, u"actionMarkReviewed"_s)->isChecked());
        return;
    }
    // Changed: in review at once, in the queue, its filter, its counts and the menu.
    QCOMPARE(review->status(), ReviewStatus::InReview);
    QVERIFY(!review->corrections().isEmpty());
    QVERIFY(m_window->queue()->state(0) != ReportQueueModel::Reviewed);
    QVERIFY(queueText(m_window, 0).startsWith(ReviewPolicy::statusText(ReviewStatus::InReview)));
    QVERIFY(!action(m_window, u"actionMarkReviewed"_s)->isChecked());
    auto *stateFilter = m_window->findChild<QComboBox *>(u"queueState"_s);
    auto *queueView = m_window->findChild<QTreeView *>(u"reportQueue"_s);
    stateFilter->setCurrentIndex(stateFilter->findData(int(ReportQueueModel::Reviewed)));
    QCOMPARE(queueView->model()->rowCount(), 0);
    QVERIFY(m_window->findChild<QLabel *>(u"queueCounts"_s)
                ->text()
                .contains(QueuePanel::tr("%n reviewed", nullptr, 0)));

    // Undo gives the reviewed state back, and the queue shows it.
    action(m_window, u"actionUndo"_s)->trigger();
    QCOMPARE(review->status(), ReviewStatus::Reviewed);
    QCOMPARE(cellsOf(review), before);
    QCOMPARE(queueView->model()->rowCount(), 1);
    QVERIFY(m_window->findChild<QLabel *>(u"queueCounts"_s)
                ->text()
                .contains(QueuePanel::tr("%n reviewed", nullptr, 1)));
    QVERIFY(action(m_window, u"actionMarkReviewed"_s)->isChecked());
    // Redo is the change again: in review, without a second question.
    action(m_window, u"actionRedo"_s)->trigger();
    QCOMPARE(review->status(), ReviewStatus::InReview);
    QCOMPARE(queueView->model()->rowCount(), 0);
    QCOMPARE(boxes.texts.size(), answers.size());
}

void TestStates::markingSentShowsInTheQueueAndComesBackAfterARestart()
{
    const QString db = m_dir.filePath(u"sent.sqlite"_s);
    TextDialog::setNextText(u"审校员甲"_s);
    QVERIFY(m_window->setDatabase(db));
    openReport(m_window, m_report);
    Review *review = m_window->currentReview();
    QAction *sent = action(m_window, u"actionMarkSent"_s);
    QVERIFY(sent);
    // In the queue's menu, beside Mark Reviewed.
    QVERIFY(m_window->queuePanel()->view()->actions().contains(sent));
    QVERIFY(m_window->queuePanel()->view()->actions().contains(action(m_window, u"actionMarkReviewed"_s)));

    {
        // Not reviewed yet: said, and nothing changes.
        BoxAnswerer boxes({QMessageBox::Ok});
        sent->trigger();
        QTRY_COMPARE(boxes.texts.size(), 1);
        QCOMPARE(boxes.texts.first(), ReviewPolicy::whyNotSent(ReviewStatus::New));
        QCOMPARE(review->status(), ReviewStatus::New);
        QVERIFY(!sent->isChecked());
    }
    markReviewed(m_window);
    {
        BoxAnswerer boxes; // no question
        sent->trigger();
        QCOMPARE(boxes.unexpected, 0);
    }
    QCOMPARE(review->status(), ReviewStatus::Sent);
    QVERIFY(sent->isChecked());
    QCOMPARE(m_window->queue()->state(0), ReportQueueModel::Sent);
    QVERIFY(queueText(m_window, 0).startsWith(ReviewPolicy::statusText(ReviewStatus::Sent)));
    auto *stateFilter = m_window->findChild<QComboBox *>(u"queueState"_s);
    auto *queueView = m_window->findChild<QTreeView *>(u"reportQueue"_s);
    stateFilter->setCurrentIndex(stateFilter->findData(int(ReportQueueModel::Sent)));
    QCOMPARE(queueView->model()->rowCount(), 1);
    stateFilter->setCurrentIndex(stateFilter->findData(int(ReportQueueModel::Reviewed)));
    QCOMPARE(queueView->model()->rowCount(), 0);
    QVERIFY(m_window->findChild<QLabel *>(u"queueCounts"_s)
                ->text()
                .contains(QueuePanel::tr("%n sent", nullptr, 1)));
    // Kept the moment it was marked: another connection reads it.
    {
        ReviewStore other;
        QString error;
        QVERIFY2(other.open(db, &error), qPrintable(error));
        ReviewedReport saved = review->reviewed();
        saved.status = ReviewStatus::New;
        QVERIFY2(other.restore(&saved, &error), qPrintable(error));
        QCOMPARE(saved.status, ReviewStatus::Sent);
    }
    cleanup();

    // After a restart the report is sent again, and changing it asks as a sent one.
    m_window = new MainWindow;
    m_window->show();
    QVERIFY(QTest::qWaitForWindowActive(m_window));
    QVERIFY(m_window->setDatabase(db)); // the name is remembered: no question
    const QStringList queue = m_window->savedQueue();
    QCOMPARE(queue, QStringList{QFileInfo(m_report).absoluteFilePath()});
    QSignalSpy loaded(m_window, &MainWindow::loadFinished);
    m_window->openPaths(queue);
    QTRY_COMPARE(loaded.size(), 1);
    QTRY_VERIFY((review = m_window->currentReview()) != nullptr);
    QCOMPARE(review->status(), ReviewStatus::Sent);
    QCOMPARE(m_window->queue()->state(0), ReportQueueModel::Sent);
    QVERIFY(action(m_window, u"actionMarkSent"_s)->isChecked());
    BoxAnswerer boxes({QMessageBox::Yes});
    QVERIFY(review->setCellText(u"t3.granted.legal_service"_s, u"10"_s));
    QCOMPARE(boxes.texts, QStringList{ReviewPolicy::editQuestion(ReviewStatus::Sent)});
    QCOMPARE(review->status(), ReviewStatus::InReview);
    QCOMPARE(m_window->queue()->state(0), ReportQueueModel::Errors);
    QVERIFY(!action(m_window, u"actionMarkSent"_s)->isChecked());
}

void TestStates::aNoteIsInTheStoreAfterUndoAndRedo()
{
    const QString db = m_dir.filePath(u"notes.sqlite"_s);
    TextDialog::setNextText(u"审校员乙"_s);
    QVERIFY(m_window->setDatabase(db));
    openReport(m_window, m_report);
    Review *review = m_window->currentReview();
    const QString key = u"t3.granted.legal_service"_s;
    auto *note = m_window->findChild<QLineEdit *>(u"correctionNote"_s);
    QVERIFY(note);
    note->setText(u"原表误将9写成10，核对原件"_s);
    QVERIFY(review->setCellText(key, u"10"_s));
    QVERIFY(note->text().isEmpty()); // the note went with the edit
    action(m_window, u"actionUndo"_s)->trigger();
    QCOMPARE(review->report().cell(key)->value, 9.0);
    note->setText(u"下一处修改的说明"_s); // typed meanwhile, for the next edit
    action(m_window, u"actionRedo"_s)->trigger();
    QCOMPARE(review->report().cell(key)->value, 10.0);
    QCOMPARE(note->text(), u"下一处修改的说明"_s); // the redo brought its own note
    QCOMPARE(review->corrections().last().note, u"原表误将9写成10，核对原件"_s);

    ReviewStore other;
    QString error;
    QVERIFY2(other.open(db, &error), qPrintable(error));
    const QList<Correction> saved = other.corrections(review->reviewed().contentHash, &error);
    QVERIFY2(!saved.isEmpty(), qPrintable(error));
    QCOMPARE(saved.last().key, key);
    QCOMPARE(saved.last().after.value, 10.0);
    QCOMPARE(saved.last().note, u"原表误将9写成10，核对原件"_s);
    QCOMPARE(saved.last().reviewer, u"审校员乙"_s);
}

void TestStates::cancellingTheFirstNameDialogRecordsTheSystemUserName()
{
    const QString db = m_dir.filePath(u"names.sqlite"_s);
    const QString system = Review::systemUserName();
    QVERIFY(!system.isEmpty());
    TextDialog::setNextText(QString()); // the first start's question, cancelled
    QVERIFY(m_window->setDatabase(db));
    QVERIFY(!TextDialog::hasNextText()); // it was asked
    QCOMPARE(m_window->settings()->reviewer(), system);
    QCOMPARE(m_window->session()->reviewer(), system);
    openReport(m_window, m_report);
    Review *review = m_window->currentReview();
    QVERIFY(review->setCellText(u"t3.granted.legal_service"_s, u"10"_s));
    QCOMPARE(review->corrections().last().reviewer, system);
    {
        ReviewStore other;
        QString error;
        QVERIFY2(other.open(db, &error), qPrintable(error));
        const QList<Correction> saved = other.corrections(review->reviewed().contentHash, &error);
        QCOMPARE(saved.size(), 1);
        QCOMPARE(saved.first().reviewer, system);
    }
    // An empty name typed later is not taken either.
    TextDialog::setNextText(u"   "_s);
    action(m_window, u"actionReviewer"_s)->trigger();
    QCOMPARE(m_window->settings()->reviewer(), system);
    QCOMPARE(review->reviewer(), system);
    TextDialog::setNextText(u"审校员丙"_s);
    action(m_window, u"actionReviewer"_s)->trigger();
    QCOMPARE(review->reviewer(), u"审校员丙"_s);
    cleanup();

    // Asked once: the next start does not ask again.
    m_window = new MainWindow;
    TextDialog::setNextText(u"不该被问"_s);
    QVERIFY(m_window->setDatabase(db));
    QVERIFY(TextDialog::hasNextText());
    QCOMPARE(m_window->session()->reviewer(), u"审校员丙"_s);
    TextDialog::clearNextText();
}

void TestStates::rowToolsAskOnlyWhenAValueIsLost()
{
    openReport(m_window, testutil::dataPath(seed001));
    Review *review = m_window->currentReview();
    const Template &t = *review->report().tmpl;
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
    windowtesting::selectCell(m_window, t3, keys.first());

    // Shifting right pushes the total 53 out: the question names the cell and the value.
    {
        BoxAnswerer boxes({QMessageBox::No});
        action(m_window, u"actionShiftRight"_s)->trigger();
        QTRY_COMPARE(boxes.texts.size(), 1);
        QVERIFY2(boxes.texts.first().contains(TablesPanel::tr("%1: %2").arg(
                     RuleEngine::cellName(t, u"t3.new_received.total"_s), u"53"_s)),
                 qPrintable(boxes.texts.first()));
        QCOMPARE(shown(), before);
        QCOMPARE(review->undoStack()->count(), 0);
    }
    {
        BoxAnswerer boxes({QMessageBox::Yes});
        action(m_window, u"actionShiftRight"_s)->trigger();
        QTRY_COMPARE(boxes.texts.size(), 1);
    }
    QCOMPARE(shown(), (QStringList{QString(), u"0"_s, u"0"_s, u"0"_s, u"0"_s, u"53"_s, u"0"_s}));
    // Only the four cells whose value changed are corrections: no "0 → 0".
    QCOMPARE(review->corrections().size(), 4);
    for (const Correction &c : review->corrections())
        QVERIFY2(c.before.state != c.after.state || c.before.displayText() != c.after.displayText(),
                 qPrintable(c.key));
    // Shifting back left pushes out the blank: nothing is lost, no question.
    {
        BoxAnswerer boxes;
        action(m_window, u"actionShiftLeft"_s)->trigger();
        QCOMPARE(boxes.unexpected, 0);
        QVERIFY(boxes.texts.isEmpty());
    }
    QCOMPARE(shown(), (QStringList{u"0"_s, u"0"_s, u"0"_s, u"0"_s, u"53"_s, u"0"_s, QString()}));
    action(m_window, u"actionUndo"_s)->trigger();
    action(m_window, u"actionUndo"_s)->trigger();
    QCOMPARE(shown(), before);
    QVERIFY(review->corrections().isEmpty());

    // Moving a row onto one with values names what is overwritten.
    windowtesting::selectCell(m_window, t3, u"t3.unable_not_held.total"_s);
    const QList<Review::LostValue> lost =
        review->moveRowLosses(u"t3.unable_not_held"_s, u"t3.denied_inquiry"_s);
    QVERIFY(!lost.isEmpty());
    QStringList others = review->tableRows(u"t3"_s);
    others.removeAll(u"t3.unable_not_held"_s);
    {
        BoxAnswerer boxes({QMessageBox::Yes});
        ItemDialog::setNextIndex(int(others.indexOf(u"t3.denied_inquiry"_s)));
        action(m_window, u"actionMoveRow"_s)->trigger();
        QTRY_COMPARE(boxes.texts.size(), 1);
        for (const Review::LostValue &l : lost)
            QVERIFY2(boxes.texts.first().contains(TablesPanel::tr("%1: %2").arg(l.name, l.value)),
                     qPrintable(boxes.texts.first()));
        QVERIFY(boxes.texts.first().contains(RuleEngine::rowName(t, u"t3.denied_inquiry.total"_s)));
    }
    for (const Correction &c : review->corrections())
        QVERIFY2(c.before.state != c.after.state || c.before.displayText() != c.after.displayText(),
                 qPrintable(c.key));
    // Moving them back onto the row now blank loses nothing: no question.
    windowtesting::selectCell(m_window, t3, u"t3.denied_inquiry.total"_s);
    others = review->tableRows(u"t3"_s);
    others.removeAll(u"t3.denied_inquiry"_s);
    {
        BoxAnswerer boxes;
        ItemDialog::setNextIndex(int(others.indexOf(u"t3.unable_not_held"_s)));
        action(m_window, u"actionMoveRow"_s)->trigger();
        QCOMPARE(boxes.unexpected, 0);
        QVERIFY(boxes.texts.isEmpty());
    }
    QCOMPARE(review->undoStack()->count(), 2);
}

QTEST_MAIN(TestStates)
#include "tst_states.moc"
