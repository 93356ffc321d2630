// Each rule on hand-made reports that break it, and silence on a consistent one. The reports are
// the all-zero seed 000 with rows rewritten, read through the whole pipeline.
#include "testutil.h"

#include "review/review.h"
#include "rules/ruleengine.h"
#include "rules/yearcheck.h"
#include "session/reviewsession.h"

#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace nianbao;
using namespace Qt::Literals::StringLiterals;

namespace {

struct Edit
{
    QString linePrefix; // the row's label as the line starts
    QStringList values; // new cells after the label; empty list = delete the line
    int occurrence = 0; // which line starting with the prefix
};

QString applyEdits(QString text, const QList<Edit> &edits)
{
    QStringList lines = text.split(u'\n');
    for (const Edit &e : edits) {
        int seen = 0;
        for (int i = 0; i < lines.size(); ++i) {
            if (!lines[i].startsWith(e.linePrefix))
                continue;
            if (seen++ != e.occurrence)
                continue;
            if (e.values.isEmpty()) {
                lines.removeAt(i);
            } else {
                // Keep the label cells, replace the values.
                const QStringList cells = lines[i].split(u" | "_s);
                int labels = 0;
                for (const QString &c : cells) {
                    bool isNum = false;
                    c.trimmed().remove(u'|').toDouble(&isNum);
                    if (isNum)
                        break;
                    ++labels;
                }
                lines[i] = QStringList(cells.mid(0, labels) + e.values).join(u" | "_s) + u" |"_s;
            }
            break;
        }
    }
    return lines.join(u'\n');
}

QStringList row(std::initializer_list<const char *> v)
{
    QStringList out;
    for (const char *s : v)
        out.append(QString::fromUtf8(s));
    return out;
}

} // namespace

Q_DECLARE_METATYPE(QList<Edit>)

class TestRules : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void ruleFires_data();
    void ruleFires();
    void everyRuleIdFires();
    void consistentReportIsSilent();
    void findingListsAllCellsOfItsIdentity();
    void wrongColumnIsHinted();
    void blankTotalIsNamedAndCountsAsZero();
    void lastYearsReportIsComparedWithThisYears();
    void proseThatDisagreesIsAWarning_data();
    void proseThatDisagreesIsAWarning();

private:
    ReadResult readEdited(const QList<Edit> &edits);
    QString m_seed;
    QTemporaryDir m_dir;
    QSet<QString> m_fired;
};

void TestRules::initTestCase()
{
    m_seed = QString::fromUtf8(
        testutil::readBytes(testutil::dataPath(u"corpus/seeds/000_cfbc7d1a3e19f347.txt"_s)));
    QVERIFY(!m_seed.isEmpty());
    QVERIFY(m_dir.isValid());
}

ReadResult TestRules::readEdited(const QList<Edit> &edits)
{
    static int n = 0;
    const QString path = m_dir.filePath(u"report_%1.txt"_s.arg(++n));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(applyEdits(m_seed, edits).toUtf8());
    f.close();
    return ReportReader::read(path);
}

void TestRules::ruleFires_data()
{
    QTest::addColumn<QList<Edit>>("edits");
    QTest::addColumn<QString>("rule");
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("cell");

    const QString t4 = u"0 | 0 | 0"_s;
    QTest::newRow("one more new application breaks the balance of its column and of the total")
        << QList<Edit>{{u"一、本年新收"_s, row({"1", "0", "0", "0", "0", "0", "1"})}} << u"T3.BALANCE"_s << 2
        << u"t3.new_received.natural_person"_s;
    QTest::newRow("a result without its total breaks the sum of results")
        << QList<Edit>{{u"三、本年度办理结果"_s, row({"1", "0", "0", "0", "0", "0", "1"})}} << u"T3.RESULTS"_s
        << 2 << u"t3.granted.natural_person"_s;
    QTest::newRow("a row total that is not the sum of its applicants")
        << QList<Edit>{{u"2.重复申请"_s, row({"0", "2", "0", "0", "0", "0", "3"})}} << u"T3.ROWTOTAL"_s << 1
        << u"t3.rejected_duplicate.total"_s;
    QTest::newRow("a reconsideration total that is not the sum of its results")
        << QList<Edit>{{u"0 | 0 | 0 | 0 | 0 | 0 | 0 | 0"_s,
                        row({"2", "1", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0"})}}
        << u"T4.TOTAL"_s << 1 << u"t4.reconsideration.total"_s;
    QTest::newRow("a negative count") << QList<Edit>{{u"规章"_s, row({"-1", "0", "0"})}}
                                      << u"VALUE.NEGATIVE"_s << 1 << u"t2.regulations.issued"_s;
    QTest::newRow("a count with decimals")
        << QList<Edit>{{u"行政许可"_s, row({"2.5", "", ""})}} << u"VALUE.NOT_INTEGER"_s << 1
        << u"t2.administrative_license.count"_s;
    QTest::newRow("a count that is not a number")
        << QList<Edit>{{u"行政处罚"_s, row({"/", "", ""})}} << u"VALUE.NOT_NUMBER"_s << 1
        << u"t2.administrative_penalty.count"_s;
    QTest::newRow("a row that is not in the report leaves its cells missing")
        << QList<Edit>{{u"2.重复申请"_s, {}}} << u"CELL.MISSING"_s << 7
        << u"t3.rejected_duplicate.natural_person"_s;
    QTest::newRow("a blank cell is reported missing")
        << QList<Edit>{{u"四、结转下年度继续办理"_s, row({"0", "0", "0", "0", "0", "0", ""})}}
        << u"CELL.MISSING"_s << 1 << u"t3.carried_forward.total"_s;
    Q_UNUSED(t4);
}

void TestRules::ruleFires()
{
    QFETCH(QList<Edit>, edits);
    QFETCH(QString, rule);
    QFETCH(int, count);
    QFETCH(QString, cell);
    const ReadResult r = readEdited(edits);
    QVERIFY2(r.ok, qPrintable(r.error));
    int n = 0;
    bool cellSeen = false;
    for (const Finding &f : r.findings) {
        if (f.rule != rule)
            continue;
        ++n;
        cellSeen = cellSeen || f.cells.contains(cell);
        QVERIFY(!f.message.isEmpty());
        QVERIFY(!f.messageEn.isEmpty());
    }
    QCOMPARE(n, count);
    QVERIFY2(cellSeen, qPrintable(cell));
    m_fired.insert(rule);
}

void TestRules::everyRuleIdFires()
{
    const QStringList ids = {u"T3.BALANCE"_s,       u"T3.RESULTS"_s,     u"T3.ROWTOTAL"_s,
                             u"T4.TOTAL"_s,         u"VALUE.NEGATIVE"_s, u"VALUE.NOT_INTEGER"_s,
                             u"VALUE.NOT_NUMBER"_s, u"CELL.MISSING"_s};
    for (const QString &id : ids)
        QVERIFY2(m_fired.contains(id), qPrintable(id + u" never fired"_s));
}

void TestRules::consistentReportIsSilent()
{
    // A consistent report with non-zero numbers everywhere the identities look.
    const ReadResult r = readEdited({
        {u"一、本年新收"_s, row({"5", "2", "0", "0", "1", "0", "8"})},
        {u"二、上年结转"_s, row({"1", "0", "0", "0", "0", "0", "1"})},
        {u"三、本年度办理结果"_s, row({"3", "1", "0", "0", "0", "0", "4"})},
        {u"4.保护第三方合法权益"_s, row({"1", "0", "0", "0", "1", "0", "2"})},
        {u"(七)总计"_s, row({"4", "1", "0", "0", "1", "0", "6"})},
        {u"四、结转下年度继续办理"_s, row({"2", "1", "0", "0", "0", "0", "3"})},
        {u"行政事业性收费"_s, row({"7730.28", "", ""})},
    });
    QVERIFY2(r.ok, qPrintable(r.error));
    for (const Finding &f : r.findings)
        QVERIFY2(!f.isError(), qPrintable(f.rule + u' ' + f.message));
    QCOMPARE(r.report.cell(u"t2.administrative_fee.amount"_s)->value, 7730.28);
}

void TestRules::findingListsAllCellsOfItsIdentity()
{
    const ReadResult r = readEdited({{u"一、本年新收"_s, row({"1", "0", "0", "0", "0", "0", "1"})}});
    QVERIFY(r.ok);
    const Finding *balance = nullptr;
    for (const Finding &f : r.findings)
        if (f.rule == u"T3.BALANCE" && f.scope == u"natural_person")
            balance = &f;
    QVERIFY(balance);
    QCOMPARE(balance->cells,
             QStringList({u"t3.new_received.natural_person"_s, u"t3.carried_over.natural_person"_s,
                          u"t3.total_processed.natural_person"_s, u"t3.carried_forward.natural_person"_s}));
    QCOMPARE(balance->lhs, 1.0);
    QCOMPARE(balance->rhs, 0.0);
    QCOMPARE(balance->difference, 1.0);
    QVERIFY(balance->message.contains(u"相差 1"_s));
}

void TestRules::wrongColumnIsHinted()
{
    const ReadResult r = readEdited({
        {u"一、本年新收"_s, row({"1", "0", "0", "0", "0", "0", "1"})},
        {u"三、本年度办理结果"_s, row({"0", "1", "0", "0", "0", "0", "1"})},
        {u"(七)总计"_s, row({"0", "1", "0", "0", "0", "0", "1"})},
    });
    QVERIFY(r.ok);
    int hinted = 0;
    for (const Finding &f : r.findings)
        if (f.rule == u"T3.BALANCE") {
            QVERIFY(f.scope == u"natural_person" || f.scope == u"commercial");
            QVERIFY(f.hint.contains(u"错误的列"_s));
            QVERIFY(f.hintEn.contains(u"wrong column"_s));
            ++hinted;
        }
    QCOMPARE(hinted, 2);
}

void TestRules::blankTotalIsNamedAndCountsAsZero()
{
    const ReadResult r = readEdited({
        {u"一、本年新收"_s, row({"1", "0", "0", "0", "0", "0", "1"})},
        {u"三、本年度办理结果"_s, row({"1", "0", "0", "0", "0", "0", "1"})},
        {u"(七)总计"_s, row({"1", "0", "0", "0", "0", "0", ""})},
    });
    QVERIFY(r.ok);
    QCOMPARE(r.report.cell(u"t3.total_processed.total"_s)->state, Cell::State::Blank);
    bool rowTotal = false;
    for (const Finding &f : r.findings)
        if (f.rule == u"T3.ROWTOTAL" && f.cells.contains(u"t3.total_processed.total"_s)) {
            rowTotal = true;
            QCOMPARE(f.blankCells, QStringList{u"t3.total_processed.total"_s});
            QVERIFY(f.message.contains(u"（空）"_s));
        }
    QVERIFY(rowTotal);
}

void TestRules::lastYearsReportIsComparedWithThisYears()
{
    const QString seed = m_seed;
    m_seed = u"某某区人民政府2022年政府信息公开工作年度报告\n"_s + seed;
    const ReadResult last = readEdited({
        {u"一、本年新收"_s, row({"3", "0", "0", "0", "0", "0", "3"})},
        {u"三、本年度办理结果"_s, row({"1", "0", "0", "0", "0", "0", "1"})},
        {u"(七)总计"_s, row({"1", "0", "0", "0", "0", "0", "1"})},
        {u"四、结转下年度继续办理"_s, row({"2", "0", "0", "0", "0", "0", "2"})},
        {u"行政规范性文件"_s, row({"4", "0", "20"})},
    });
    m_seed = u"某某区人民政府2023年政府信息公开工作年度报告\n"_s + seed;
    const ReadResult now = readEdited({
        {u"二、上年结转"_s, row({"1", "0", "0", "0", "0", "0", "1"})},
        {u"三、本年度办理结果"_s, row({"1", "0", "0", "0", "0", "0", "1"})},
        {u"(七)总计"_s, row({"1", "0", "0", "0", "0", "0", "1"})},
        {u"行政规范性文件"_s, row({"2", "1", "30"})},
    });
    m_seed = seed;
    QVERIFY(last.ok && now.ok);
    QCOMPARE(last.report.unit, u"某某区人民政府"_s);
    QCOMPARE(now.report.year, u"2023"_s);
    QVERIFY(YearCheck::arePair(last.report, now.report));
    QVERIFY(!YearCheck::arePair(now.report, last.report));
    const QList<Finding> f = YearCheck::compare(last.report, now.report);
    QStringList rules;
    for (const Finding &x : f) {
        rules.append(x.rule + u':' + x.cells.first());
        QVERIFY(!x.isError());
    }
    // Carried over 1 against last year's 2, in both the natural-person and the total column; and
    // 30 in force against 20 + 2 − 1.
    QCOMPARE(rules, QStringList({u"YEAR.CARRYOVER:t3.carried_over.natural_person"_s,
                                 u"YEAR.CARRYOVER:t3.carried_over.total"_s,
                                 u"YEAR.IN_FORCE:t2.normative_documents.in_force"_s}));
    QCOMPARE(f.last().rhs, 21.0);
    // A session finds the pair whatever the order the reports are opened in.
    ReviewSession session;
    session.add(now);
    QCOMPARE(session.review(0)->findings().size(), now.findings.size()); // alone: no pair yet
    session.add(last);
    auto yearRules = [](const Review *r) {
        QStringList out;
        for (const Finding &x : r->findings())
            if (x.rule.startsWith(u"YEAR."_s))
                out.append(x.rule + u':' + x.cells.first());
        return out;
    };
    QCOMPARE(yearRules(session.review(0)), rules);
    QCOMPARE(yearRules(session.review(1)), QStringList());
    // Both years are the one seed's text: the later one's prose is last year's as well.
    bool repeated = false;
    for (const Finding &x : session.review(0)->findings())
        repeated = repeated || x.rule == u"TEXT.REPEATED"_s;
    QVERIFY(repeated);
}

void TestRules::proseThatDisagreesIsAWarning_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<bool>("warned");
    // 001: "受理政府信息公开申请 10 件/53 条" while the table counts 53.
    QTest::newRow("prose counting 件 against a table counting 条")
        << u"corpus/seeds/001_bff1b9e23c617db0.txt"_s << true;
    QTest::newRow("prose that agrees with new applications")
        << u"corpus/real/shanghai_kewei_2024.md"_s << false;
    QTest::newRow("prose that agrees with the normative documents of table 2")
        << u"corpus/real/pingtan_2022.txt"_s << false;
}

void TestRules::proseThatDisagreesIsAWarning()
{
    QFETCH(QString, file);
    QFETCH(bool, warned);
    const ReadResult r = ReportReader::read(testutil::dataPath(file));
    QVERIFY(r.ok);
    QVERIFY(!r.report.prose.isEmpty());
    const Finding *prose = nullptr;
    for (const Finding &f : r.findings)
        if (f.rule == u"PROSE.MISMATCH")
            prose = &f;
    QCOMPARE(prose != nullptr, warned);
    if (prose) {
        QVERIFY(!prose->isError());
        QVERIFY(prose->cells.contains(u"t3.new_received.total"_s));
        QVERIFY(prose->message.contains(u"10"_s) && prose->message.contains(u"53"_s));
    }
}

QTEST_GUILESS_MAIN(TestRules)
#include "tst_rules.moc"
