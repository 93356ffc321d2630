// The review of one report: each kind of edit as an undo command, the audit trail, the re-check.
#include "../core/testutil.h"
#include "review/review.h"
#include "rules/ruleengine.h"

#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>
#include <ctime>

using namespace nianbao;
using namespace Qt::Literals::StringLiterals;

namespace {

const QString seed000 = u"corpus/seeds/000_cfbc7d1a3e19f347.txt"_s;
const QString seed001 = u"corpus/seeds/001_bff1b9e23c617db0.txt"_s;
const QString seed004 = u"corpus/seeds/004_c7d8b163796d4c79.txt"_s;

ReadResult readSeed(const QString &rel)
{
    return ReportReader::read(testutil::dataPath(rel));
}

QStringList values(const Review &r, const QStringList &keys)
{
    QStringList out;
    for (const QString &k : keys) {
        const Cell *c = r.report().cell(k);
        out.append(!c ? u"-"_s : c->state == Cell::State::Blank ? u"_"_s : c->displayText());
    }
    return out;
}

QStringList ids(const QList<Finding> &fs)
{
    QStringList out;
    for (const Finding &f : fs)
        out.append(f.rule + u'|' + f.scope + u'|' + f.cells.join(u',') + u'|' + f.message);
    return out;
}

} // namespace

class TestReview : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void editBreaksTotalAndUndoRestores_data();
    void editBreaksTotalAndUndoRestores();
    void parseValue_data();
    void parseValue();
    void shiftRow_data();
    void shiftRow();
    void moveRow();
    void paste_data();
    void paste();
    void signalsForAStore();
    void restoreBringsBackASavedReview();
    void revertPutsBackTheValueBeforeOneCorrection();
    void aRestoredCorrectionCanBeReverted();
    void refusals_data();
    void refusals();
    void aNoteStaysWithItsCorrectionThroughUndoAndRedo();
    void changingAFinishedReportAsksAndUndoGivesItsStateBack_data();
    void changingAFinishedReportAsksAndUndoGivesItsStateBack();
    void undoingAnEditOfAReportMarkedReviewedSinceReturnsItToReview();
    void rowToolsNameWhatTheyLose();
    void theReviewerIsNeverEmpty();
};

void TestReview::editBreaksTotalAndUndoRestores_data()
{
    QTest::addColumn<QString>("seed");
    QTest::addColumn<QString>("key");
    QTest::newRow("a |-separated report: raising a received count breaks its row total and column balance")
        << seed000 << u"t3.new_received.natural_person"_s;
    QTest::newRow("a tab-separated report: raising a granted count breaks the results sum")
        << seed001 << u"t3.granted.legal_service"_s;
    QTest::newRow("a one-row （六） report: raising 其他处理 breaks the results sum")
        << seed004 << u"t3.other.natural_person"_s;
    QTest::newRow("table 4: raising a reconsideration count breaks its group total")
        << seed001 << u"t4.reconsideration.upheld"_s;
}

void TestReview::editBreaksTotalAndUndoRestores()
{
    QFETCH(QString, seed);
    QFETCH(QString, key);
    const ReadResult rr = readSeed(seed);
    QVERIFY2(rr.ok, qPrintable(rr.error));
    QCOMPARE(rr.errors(), 0);
    Review review(rr.report, rr.findings);
    review.setReviewer(u"王审校"_s);
    const QDateTime fixed(QDate(2025, 3, 4), QTime(5, 6, 7), Qt::UTC);
    review.setClock([fixed] { return fixed; });

    const Cell before = *review.report().cell(key);
    QVERIFY(before.isNumber());
    QString error;
    QVERIFY2(review.setCellText(key, QString::number(before.value + 3), &error), qPrintable(error));

    QCOMPARE(review.report().cell(key)->value, before.value + 3);
    QCOMPARE(review.report().cell(key)->start, before.start); // the span stays: the link to the source
    QVERIFY(review.errorCount() > 0);
    bool named = false;
    for (const Finding &f : review.findings())
        named |= f.isError() && f.cells.contains(key);
    QVERIFY(named);
    QCOMPARE(ids(review.findings()), ids(RuleEngine::check(review.report())));

    QCOMPARE(review.corrections().size(), 1);
    const Correction &c = review.corrections().first();
    QCOMPARE(c.key, key);
    QCOMPARE(c.action, u"edit"_s);
    QCOMPARE(c.reviewer, u"王审校"_s);
    QCOMPARE(c.time, fixed);
    QCOMPARE(c.before.value, before.value);
    QCOMPARE(c.extracted.value, before.value);
    QCOMPARE(c.after.value, before.value + 3);
    QCOMPARE(c.errorsBefore, 0);
    QCOMPARE(c.errorsAfter, review.errorCount());
    QVERIFY(review.isCorrected(key));
    QCOMPARE(review.status(), ReviewStatus::InReview);

    review.undoStack()->undo();
    QCOMPARE(review.report().cell(key)->value, before.value);
    QCOMPARE(review.errorCount(), 0);
    QVERIFY(review.corrections().isEmpty());
    QVERIFY(!review.isCorrected(key));

    review.undoStack()->redo();
    QCOMPARE(review.report().cell(key)->value, before.value + 3);
    QCOMPARE(review.corrections().size(), 1);
}

void TestReview::parseValue_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<int>("state");
    QTest::addColumn<double>("value");
    const int num = int(Cell::State::Number), blank = int(Cell::State::Blank);
    const QString count = u"t3.granted.natural_person"_s, fee = u"t2.administrative_fee.amount"_s;
    QTest::newRow("a whole number in a count cell is taken") << count << u"12"_s << true << num << 12.0;
    QTest::newRow("zero is a number, not a blank") << count << u"0"_s << true << num << 0.0;
    QTest::newRow("an empty text clears the cell to blank") << count << u"  "_s << true << blank << 0.0;
    QTest::newRow("full-width digits are read") << count << u"１２"_s << true << num << 12.0;
    QTest::newRow("thousands separators are dropped") << count << u"1,234"_s << true << num << 1234.0;
    QTest::newRow("a decimal in a count cell is refused") << count << u"1.5"_s << false << 0 << 0.0;
    QTest::newRow("a negative count is refused") << count << u"-3"_s << false << 0 << 0.0;
    QTest::newRow("words are refused") << count << u"无"_s << false << 0 << 0.0;
    QTest::newRow("the fee takes decimals") << fee << u"7730.28"_s << true << num << 7730.28;
    QTest::newRow("the fee refuses letters") << fee << u"12万"_s << false << 0 << 0.0;
}

void TestReview::parseValue()
{
    QFETCH(QString, key);
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QFETCH(int, state);
    QFETCH(double, value);
    const ReadResult rr = readSeed(seed001);
    Review review(rr.report, rr.findings);
    Cell c;
    QString error;
    QCOMPARE(review.parseValue(key, text, &c, &error), ok);
    if (!ok) {
        QVERIFY(!error.isEmpty());
        QVERIFY(!review.setCellText(key, text));
        QVERIFY(review.corrections().isEmpty());
        return;
    }
    QCOMPARE(int(c.state), state);
    QCOMPARE(c.value, value);
}

void TestReview::shiftRow_data()
{
    QTest::addColumn<QString>("row");
    QTest::addColumn<int>("direction");
    QTest::newRow("a table 3 row shifted left drops its first value and leaves the total blank")
        << u"t3.new_received"_s << -1;
    QTest::newRow("a table 3 row shifted right leaves the first column blank") << u"t3.granted"_s << 1;
    QTest::newRow("a table 2 row of three columns shifted right") << u"t2.normative_documents"_s << 1;
    QTest::newRow("a table 4 group shifted left") << u"t4.reconsideration"_s << -1;
}

void TestReview::shiftRow()
{
    QFETCH(QString, row);
    QFETCH(int, direction);
    const ReadResult rr = readSeed(seed001);
    Review review(rr.report, rr.findings);
    const QStringList keys = review.rowCells(row);
    QVERIFY(keys.size() >= 3);
    const QStringList old = values(review, keys);
    QList<qsizetype> spans;
    for (const QString &k : keys)
        spans.append(review.report().cell(k)->start);

    QVERIFY(review.shiftRow(row, direction));
    const QStringList now = values(review, keys);
    const int n = int(keys.size());
    int changed = 0;
    for (int i = 0; i < n; ++i) {
        const int from = i - direction;
        if (from < 0 || from >= n) {
            QCOMPARE(now[i], u"_"_s);
        } else {
            QCOMPARE(now[i], old[from]);
            // A value that moved keeps its place in the source; a cell whose value stays (0
            // onto 0) is not changed at all.
            QCOMPARE(review.report().cell(keys[i])->start, old[from] == old[i] ? spans[i] : spans[from]);
        }
        changed += now[i] != old[i] ? 1 : 0;
    }
    // Only the cells whose value changed are corrections: no "0 → 0".
    QCOMPARE(review.corrections().size(), changed);
    for (const Correction &c : review.corrections()) {
        QCOMPARE(c.action, u"shift"_s);
        QVERIFY2(c.before.displayText() != c.after.displayText() || c.before.state != c.after.state,
                 qPrintable(c.key));
    }

    review.undoStack()->undo();
    QCOMPARE(values(review, keys), old);
    QVERIFY(review.corrections().isEmpty());
    QCOMPARE(ids(review.findings()), ids(rr.findings));
}

void TestReview::moveRow()
{
    const ReadResult rr = readSeed(seed001);
    Review review(rr.report, rr.findings);
    const QStringList from = review.rowCells(u"t3.unable_not_held"_s);
    const QStringList to = review.rowCells(u"t3.denied_inquiry"_s);
    const QStringList old = values(review, from);
    QCOMPARE(old.value(4), u"39"_s);

    QVERIFY(review.moveRow(u"t3.unable_not_held"_s, u"t3.denied_inquiry"_s));
    QCOMPARE(values(review, to), old);
    for (const QString &v : values(review, from))
        QCOMPARE(v, u"_"_s);
    QCOMPARE(review.errorCount(), 0); // both rows are results: the sums still hold
    int blanks = 0;
    for (const Finding &f : review.findings())
        blanks += f.rule == u"CELL.MISSING" ? 1 : 0;
    QCOMPARE(blanks, 7);

    review.undoStack()->undo();
    QCOMPARE(values(review, from), old);
    QVERIFY(review.corrections().isEmpty());
}

void TestReview::paste_data()
{
    QTest::addColumn<QString>("anchor");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("keys");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("a spreadsheet block fills two rows and two columns")
        << u"t3.granted.natural_person"_s << u"1\t2\r\n3\t4\r\n"_s
        << QStringList{u"t3.granted.natural_person"_s, u"t3.granted.commercial"_s,
                       u"t3.partially_granted.natural_person"_s, u"t3.partially_granted.commercial"_s}
        << QStringList{u"1"_s, u"2"_s, u"3"_s, u"4"_s};
    QTest::newRow("an empty spreadsheet cell pastes a blank")
        << u"t3.granted.research"_s << u"5\t\t6"_s
        << QStringList{u"t3.granted.research"_s, u"t3.granted.social_welfare"_s,
                       u"t3.granted.legal_service"_s}
        << QStringList{u"5"_s, u"_"_s, u"6"_s};
    QTest::newRow("numbers selected in the source fill a row from the anchor")
        << u"t3.carried_over.research"_s << u"7 8   9"_s
        << QStringList{u"t3.carried_over.research"_s, u"t3.carried_over.social_welfare"_s,
                       u"t3.carried_over.legal_service"_s}
        << QStringList{u"7"_s, u"8"_s, u"9"_s};
    QTest::newRow("a |-row of the source keeps its non-number text")
        << u"t2.regulations.issued"_s << u"| 3 | / | 4 |"_s
        << QStringList{u"t2.regulations.issued"_s, u"t2.regulations.repealed"_s, u"t2.regulations.in_force"_s}
        << QStringList{u"3"_s, u"/"_s, u"4"_s};
    QTest::newRow("table 4's fifteen cells take one printed line")
        << u"t4.reconsideration.upheld"_s << u"1 2 3 4 10 5 6 7 8 26 0 0 0 1 1"_s
        << QStringList{u"t4.reconsideration.upheld"_s, u"t4.reconsideration.total"_s,
                       u"t4.litigation_direct.upheld"_s, u"t4.litigation_after_reconsideration.total"_s}
        << QStringList{u"1"_s, u"10"_s, u"5"_s, u"1"_s};
}

void TestReview::paste()
{
    QFETCH(QString, anchor);
    QFETCH(QString, text);
    QFETCH(QStringList, keys);
    QFETCH(QStringList, expected);
    const ReadResult rr = readSeed(seed001);
    Review review(rr.report, rr.findings);
    const QStringList old = values(review, keys);
    QString error;
    QVERIFY2(review.paste(anchor, text, &error), qPrintable(error));
    QCOMPARE(values(review, keys), expected);
    for (const Correction &c : review.corrections())
        QCOMPARE(c.action, u"paste"_s);
    QCOMPARE(review.undoStack()->count(), 1);
    review.undoStack()->undo();
    QCOMPARE(values(review, keys), old);
    QVERIFY(review.corrections().isEmpty());
}

void TestReview::signalsForAStore()
{
    const ReadResult rr = readSeed(seed001);
    Review review(rr.report, rr.findings);
    QSignalSpy added(&review, &Review::correctionAdded);
    QSignalSpy removed(&review, &Review::correctionRemoved);
    QSignalSpy cells(&review, &Review::cellsChanged);
    QSignalSpy findings(&review, &Review::findingsChanged);
    QSignalSpy status(&review, &Review::statusChanged);

    QVERIFY(review.shiftRow(u"t3.granted"_s, -1));
    const int changed = int(review.corrections().size());
    QVERIFY(changed >= 2);
    QCOMPARE(added.size(), changed);
    QCOMPARE(cells.size(), 1);
    QCOMPARE(cells.first().first().toStringList().size(), changed);
    QCOMPARE(findings.size(), 1);
    QCOMPARE(status.size(), 1);
    QCOMPARE(status.first().first().value<ReviewStatus>(), ReviewStatus::InReview);
    // What a store saves is what the audit trail holds.
    for (int i = 0; i < changed; ++i)
        QCOMPARE(added[i].first().value<Correction>().key, review.corrections()[i].key);

    review.undoStack()->undo();
    QCOMPARE(removed.size(), changed);
    QVERIFY(review.corrections().isEmpty());
    QCOMPARE(status.size(), 2); // the undo gives the state before the edit back
    QCOMPARE(review.status(), ReviewStatus::New);

    review.setStatus(ReviewStatus::Reviewed);
    QCOMPARE(status.size(), 3);
    QCOMPARE(review.reviewed().status, ReviewStatus::Reviewed);
}

void TestReview::restoreBringsBackASavedReview()
{
    const ReadResult rr = readSeed(seed001);
    Review first(rr.report, rr.findings);
    QVERIFY(first.setCellText(u"t3.new_received.total"_s, u"60"_s));
    QVERIFY(first.clearCells({u"t2.regulations.issued"_s}));
    first.setStatus(ReviewStatus::Reviewed);
    const ReviewedReport saved = first.reviewed();

    Review second;
    QSignalSpy reset(&second, &Review::reset);
    second.restore(saved);
    QCOMPARE(reset.size(), 1);
    QCOMPARE(second.corrections().size(), 2);
    QCOMPARE(second.report().cell(u"t3.new_received.total"_s)->value, 60.0);
    QCOMPARE(second.report().cell(u"t2.regulations.issued"_s)->state, Cell::State::Blank);
    QCOMPARE(ids(second.findings()), ids(RuleEngine::check(second.report())));
    QCOMPARE(second.errorCount(), first.errorCount());
    QCOMPARE(second.status(), ReviewStatus::Reviewed);
    QCOMPARE(second.undoStack()->count(), 0);
    QVERIFY(second.isCorrected(u"t3.new_received.total"_s));
}

void TestReview::revertPutsBackTheValueBeforeOneCorrection()
{
    const ReadResult rr = readSeed(seed001);
    Review review(rr.report, rr.findings);
    review.setReviewer(u"审校员甲"_s);
    // corrections stamped at a known instant, read in Shanghai (restored when the test ends)
    review.setClock([] { return QDateTime(QDate(2026, 1, 31), QTime(20, 30), Qt::UTC); });
    const QByteArray tz = qgetenv("TZ");
    qputenv("TZ", "Asia/Shanghai");
    tzset();
    const auto restoreTz = qScopeGuard([tz] {
        if (tz.isNull())
            qunsetenv("TZ");
        else
            qputenv("TZ", tz);
        tzset();
    });
    const QString key = u"t3.granted.legal_service"_s;
    const Cell extracted = *review.report().cell(key);
    QCOMPARE(extracted.value, 9.0);
    QVERIFY(review.setCellText(key, u"12"_s));
    QVERIFY(review.setCellText(key, u"15"_s));
    const Correction first = review.corrections().first();
    QCOMPARE(first.after.value, 12.0);

    // The first correction reverted: back to 9, as a third change; the other two stay.
    QSignalSpy added(&review, &Review::correctionAdded);
    QString error;
    QVERIFY2(review.revertCorrection(first, &error), qPrintable(error));
    QCOMPARE(review.report().cell(key)->value, 9.0);
    QCOMPARE(review.report().cell(key)->start, extracted.start); // its place in the source again
    QCOMPARE(review.report().cell(key)->length, extracted.length);
    QCOMPARE(review.corrections().size(), 3);
    const Correction revert = review.corrections().last();
    QCOMPARE(revert.action, u"revert"_s);
    QCOMPARE(revert.before.value, 15.0);
    QCOMPARE(revert.after.value, 9.0);
    QCOMPARE(revert.reviewer, u"审校员甲"_s);
    QVERIFY2(revert.note.contains(u"9 → 12"_s), qPrintable(revert.note));
    // the reverted correction's time as the reviewer's clock read it, with its offset
    QVERIFY2(revert.note.contains(u"2026-02-01 04:30 (UTC+08:00)"_s), qPrintable(revert.note));
    QCOMPARE(added.size(), 1);
    QCOMPARE(review.undoStack()->count(), 3);
    QCOMPARE(review.errorCount(), 0);

    // Undoable like any edit.
    review.undoStack()->undo();
    QCOMPARE(review.report().cell(key)->value, 15.0);
    QCOMPARE(review.corrections().size(), 2);
    review.undoStack()->redo();
    QCOMPARE(review.report().cell(key)->value, 9.0);

    // A typed note goes with the revert instead of the generated one.
    review.setPendingNote(u"核对原件：应为12"_s);
    QVERIFY(review.revertCorrection(review.corrections()[1], &error)); // 12 → 15: back to 12
    QCOMPARE(review.report().cell(key)->value, 12.0);
    QCOMPARE(review.corrections().last().note, u"核对原件：应为12"_s);

    // Nothing to do: the cell holds the value already (no command, the note is kept).
    review.setPendingNote(u"留待下次"_s);
    QVERIFY(!review.revertCorrection(review.corrections()[1], &error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(review.undoStack()->count(), 4);
    QCOMPARE(review.pendingNote(), u"留待下次"_s);
}

void TestReview::aRestoredCorrectionCanBeReverted()
{
    const ReadResult rr = readSeed(seed001);
    Review first(rr.report, rr.findings);
    QVERIFY(first.clearCells({u"t2.regulations.issued"_s}));
    const Cell extracted = *first.extracted().cell(u"t2.regulations.issued"_s);
    QVERIFY(extracted.isNumber());

    Review second;
    second.restore(first.reviewed()); // as after a restart: no undo step for it
    QCOMPARE(second.undoStack()->count(), 0);
    QVERIFY(second.revertCorrection(second.corrections().first()));
    QCOMPARE(second.report().cell(u"t2.regulations.issued"_s)->state, Cell::State::Number);
    QCOMPARE(second.report().cell(u"t2.regulations.issued"_s)->value, extracted.value);
    QCOMPARE(second.undoStack()->count(), 1);
    QCOMPARE(second.corrections().size(), 2);
    QVERIFY(second.isCorrected(u"t2.regulations.issued"_s)); // changed and changed back: both on record
    second.undoStack()->undo();
    QCOMPARE(second.report().cell(u"t2.regulations.issued"_s)->state, Cell::State::Blank);
}

void TestReview::refusals_data()
{
    QTest::addColumn<QString>("what");
    QTest::newRow("a key that is not a cell of the report") << u"unknown key"_s;
    QTest::newRow("the value the cell already holds") << u"same value"_s;
    QTest::newRow("moving a row onto itself") << u"move onto itself"_s;
    QTest::newRow("moving a row to another table") << u"move across tables"_s;
    QTest::newRow("shifting a one-cell row") << u"shift one cell"_s;
}

void TestReview::refusals()
{
    QFETCH(QString, what);
    const ReadResult rr = readSeed(seed001);
    Review review(rr.report, rr.findings);
    QString error;
    bool ok = true;
    if (what == u"unknown key")
        ok = review.setCellText(u"t3.nowhere.total"_s, u"1"_s, &error);
    else if (what == u"same value")
        ok = review.setCellText(u"t3.new_received.total"_s, u"53"_s, &error);
    else if (what == u"move onto itself")
        ok = review.moveRow(u"t3.granted"_s, u"t3.granted"_s, &error);
    else if (what == u"move across tables")
        ok = review.moveRow(u"t3.granted"_s, u"t4.reconsideration"_s, &error);
    else if (what == u"shift one cell")
        ok = review.shiftRow(u"t2.administrative_license"_s, 1, &error);
    QVERIFY(!ok);
    QVERIFY(!error.isEmpty());
    QCOMPARE(review.undoStack()->count(), 0);
    QVERIFY(review.corrections().isEmpty());
}

void TestReview::aNoteStaysWithItsCorrectionThroughUndoAndRedo()
{
    const ReadResult rr = readSeed(seed001);
    Review review(rr.report, rr.findings);
    QSignalSpy added(&review, &Review::correctionAdded);
    const QString note = u"原表误将9写成10，核对原件"_s;
    review.setPendingNote(note);
    QVERIFY(review.setCellText(u"t3.granted.legal_service"_s, u"10"_s));
    QVERIFY(review.pendingNote().isEmpty()); // one note, one edit
    QCOMPARE(review.corrections().first().note, note);
    review.undoStack()->undo();
    QVERIFY(review.corrections().isEmpty());
    review.setPendingNote(u"下一处修改的说明"_s); // typed meanwhile, for the next edit
    review.undoStack()->redo();
    QCOMPARE(review.corrections().size(), 1);
    QCOMPARE(review.corrections().first().note, note);
    // What a store writes for the redo carries the note, and the note typed meanwhile waits.
    QCOMPARE(added.size(), 2);
    QCOMPARE(added.last().first().value<Correction>().note, note);
    QCOMPARE(review.pendingNote(), u"下一处修改的说明"_s);
    // A note with a shift goes with every cell it changes, through undo and redo.
    review.setPendingNote(u"整行错位"_s);
    QVERIFY(review.shiftRow(u"t3.granted"_s, -1));
    review.undoStack()->undo();
    review.undoStack()->redo();
    const qsizetype shifted = review.corrections().size() - 1;
    QVERIFY(shifted >= 2);
    for (qsizetype i = 1; i < review.corrections().size(); ++i)
        QCOMPARE(review.corrections()[i].note, u"整行错位"_s);
}

void TestReview::changingAFinishedReportAsksAndUndoGivesItsStateBack_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("edit");
    QTest::addColumn<bool>("answer");
    const int reviewed = int(ReviewStatus::Reviewed), sent = int(ReviewStatus::Sent);
    QTest::newRow("typing in a reviewed report, agreed: in review, undo gives 已审校 back")
        << reviewed << u"type"_s << true;
    QTest::newRow("typing in a reviewed report, refused: nothing changes") << reviewed << u"type"_s << false;
    QTest::newRow("clearing a cell of a sent report, agreed") << sent << u"clear"_s << true;
    QTest::newRow("clearing a cell of a sent report, refused") << sent << u"clear"_s << false;
    QTest::newRow("pasting into a reviewed report, agreed") << reviewed << u"paste"_s << true;
    QTest::newRow("pasting into a sent report, refused") << sent << u"paste"_s << false;
    QTest::newRow("shifting a row of a reviewed report, agreed") << reviewed << u"shift"_s << true;
    QTest::newRow("shifting a row of a reviewed report, refused") << reviewed << u"shift"_s << false;
    QTest::newRow("moving a row of a sent report, agreed") << sent << u"move"_s << true;
    QTest::newRow("moving a row of a reviewed report, refused") << reviewed << u"move"_s << false;
}

void TestReview::changingAFinishedReportAsksAndUndoGivesItsStateBack()
{
    QFETCH(int, status);
    QFETCH(QString, edit);
    QFETCH(bool, answer);
    const ReadResult rr = readSeed(seed001);
    Review review(rr.report, rr.findings);
    const auto finished = ReviewStatus(status);
    review.setStatus(finished);
    int asked = 0;
    review.setEditGuard([&](const Review &r) {
        ++asked;
        [&] { QCOMPARE(r.status(), finished); }();
        return answer;
    });
    review.setPendingNote(u"核对原件"_s);
    QString error;
    bool ok = false;
    if (edit == u"type")
        ok = review.setCellText(u"t3.granted.legal_service"_s, u"10"_s, &error);
    else if (edit == u"clear")
        ok = review.clearCells({u"t3.granted.legal_service"_s}, &error);
    else if (edit == u"paste")
        ok = review.paste(u"t3.granted.natural_person"_s, u"1\t2\n"_s, &error);
    else if (edit == u"shift")
        ok = review.shiftRow(u"t3.granted"_s, -1, &error);
    else if (edit == u"move")
        ok = review.moveRow(u"t3.unable_not_held"_s, u"t3.denied_inquiry"_s, &error);
    QCOMPARE(asked, 1);
    QCOMPARE(ok, answer);
    if (!answer) {
        QVERIFY(!error.isEmpty());
        QCOMPARE(review.status(), finished);
        QVERIFY(review.corrections().isEmpty());
        QCOMPARE(review.undoStack()->count(), 0);
        QCOMPARE(review.pendingNote(), u"核对原件"_s); // kept for the edit that is made
        return;
    }
    QCOMPARE(review.status(), ReviewStatus::InReview);
    QVERIFY(!review.corrections().isEmpty());
    review.undoStack()->undo();
    QCOMPARE(review.status(), finished);
    QVERIFY(review.corrections().isEmpty());
    review.undoStack()->redo(); // a redo is the edit again: no second question
    QCOMPARE(asked, 1);
    QCOMPARE(review.status(), ReviewStatus::InReview);
    // A report that is not finished is changed without a question.
    QVERIFY(review.setCellText(u"t3.granted.legal_service"_s, u"11"_s));
    QCOMPARE(asked, 1);
}

void TestReview::undoingAnEditOfAReportMarkedReviewedSinceReturnsItToReview()
{
    const ReadResult rr = readSeed(seed001);
    Review review(rr.report, rr.findings);
    QVERIFY(review.setCellText(u"t3.granted.legal_service"_s, u"10"_s));
    QCOMPARE(review.status(), ReviewStatus::InReview);
    review.setStatus(ReviewStatus::Reviewed);
    // The undo changes the values of a reviewed report: it is in review again, not reviewed.
    review.undoStack()->undo();
    QCOMPARE(review.status(), ReviewStatus::InReview);
    review.undoStack()->redo();
    QCOMPARE(review.status(), ReviewStatus::InReview);
    // The first edit of a new report undone: new again.
    Review fresh(rr.report, rr.findings);
    QVERIFY(fresh.setCellText(u"t3.granted.legal_service"_s, u"10"_s));
    fresh.undoStack()->undo();
    QCOMPARE(fresh.status(), ReviewStatus::New);
}

void TestReview::rowToolsNameWhatTheyLose()
{
    const ReadResult rr = readSeed(seed001);
    Review review(rr.report, rr.findings);
    const Template &t = *review.report().tmpl;
    QCOMPARE(values(review, review.rowCells(u"t3.new_received"_s)),
             (QStringList{u"0"_s, u"0"_s, u"0"_s, u"0"_s, u"53"_s, u"0"_s, u"53"_s}));
    // Right: the total 53 is pushed out of the row; left: the first cell's 0 (a value, not a blank).
    QList<Review::LostValue> lost = review.shiftRowLosses(u"t3.new_received"_s, 1);
    QCOMPARE(lost.size(), 1);
    QCOMPARE(lost.first().key, u"t3.new_received.total"_s);
    QCOMPARE(lost.first().value, u"53"_s);
    QCOMPARE(lost.first().name, RuleEngine::cellName(t, u"t3.new_received.total"_s));
    lost = review.shiftRowLosses(u"t3.new_received"_s, -1);
    QCOMPARE(lost.size(), 1);
    QCOMPARE(lost.first().key, u"t3.new_received.natural_person"_s);
    // Once shifted right, the first cell is blank: shifting left loses nothing.
    QVERIFY(review.shiftRow(u"t3.new_received"_s, 1));
    QVERIFY(review.shiftRowLosses(u"t3.new_received"_s, -1).isEmpty());
    review.undoStack()->undo();

    // Moving onto a row: the target's values that differ from those moved onto them.
    const QStringList from = review.rowCells(u"t3.unable_not_held"_s);
    const QStringList to = review.rowCells(u"t3.denied_inquiry"_s);
    const QStringList fromValues = values(review, from), toValues = values(review, to);
    QStringList expected;
    for (qsizetype i = 0; i < to.size(); ++i)
        if (toValues[i] != u"_"_s && toValues[i] != fromValues[i])
            expected.append(to[i]);
    QVERIFY(!expected.isEmpty());
    QStringList named;
    for (const Review::LostValue &l : review.moveRowLosses(u"t3.unable_not_held"_s, u"t3.denied_inquiry"_s))
        named.append(l.key);
    QCOMPARE(named, expected);
    // The move records only the cells whose value changes.
    int changed = 0;
    for (qsizetype i = 0; i < to.size(); ++i) {
        changed += toValues[i] != fromValues[i] ? 1 : 0;
        changed += fromValues[i] != u"_"_s ? 1 : 0;
    }
    QVERIFY(review.moveRow(u"t3.unable_not_held"_s, u"t3.denied_inquiry"_s));
    QCOMPARE(review.corrections().size(), changed);
    for (const Correction &c : review.corrections())
        QVERIFY2(c.before.state != c.after.state || c.before.displayText() != c.after.displayText(),
                 qPrintable(c.key));
    // Moving a row onto a blank row loses nothing.
    QVERIFY(review.moveRowLosses(u"t3.denied_inquiry"_s, u"t3.unable_not_held"_s).isEmpty());
}

void TestReview::theReviewerIsNeverEmpty()
{
    QVERIFY(!Review::systemUserName().isEmpty());
    Review review;
    QCOMPARE(review.reviewer(), Review::systemUserName());
    review.setReviewer(u"  "_s);
    QCOMPARE(review.reviewer(), Review::systemUserName());
    review.setReviewer(u" 王审校 "_s);
    QCOMPARE(review.reviewer(), u"王审校"_s);
    review.setReviewer(QString());
    QCOMPARE(review.reviewer(), u"王审校"_s);
}

QTEST_GUILESS_MAIN(TestReview)
#include "tst_review.moc"
