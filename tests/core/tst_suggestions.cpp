// Where a wrong cell probably is, and what it should be (report-format §8): the street office's
// report (seed 000) filled with consistent numbers, then one thing typed wrong.
#include "testutil.h"

#include "checks/suggestions.h"
#include "json/reportjson.h"
#include "rules/ruleengine.h"

#include <QJsonArray>

#include <QTemporaryDir>
#include <QTest>

using namespace nianbao;
using namespace Qt::Literals::StringLiterals;

namespace {

/// A row of table 3 by the start of its line, and its seven values.
struct Row
{
    QString prefix;
    QStringList values;
};

QStringList cells(std::initializer_list<int> v)
{
    QStringList out;
    for (int x : v)
        out.append(QString::number(x));
    return out;
}

const QString ZeroT4 = u"0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |"_s;

QString setRows(QString text, const QList<Row> &rows, const QString &t4 = QString())
{
    QStringList lines = text.split(u'\n');
    for (const Row &r : rows)
        for (QString &line : lines)
            if (line.startsWith(r.prefix)) {
                line = r.prefix + u" | "_s + r.values.join(u" | "_s) + u" |"_s;
                break;
            }
    text = lines.join(u'\n');
    if (!t4.isEmpty())
        text.replace(ZeroT4, t4);
    return text;
}

const QString NewReceived = u"一、本年新收政府信息公开申请数量"_s;
const QString Granted = u"三、本年度办理结果 | (一)予以公开"_s;
const QString Processed = u"(七)总计"_s;

} // namespace

Q_DECLARE_METATYPE(QList<Row>)

class TestSuggestions : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void consistentReportHasNoFinding();
    void theLikelyChangeIsProposedFirst_data();
    void theLikelyChangeIsProposedFirst();
    void aTotalPrintedAsZeroProposesItsSumAndNothingElse();
    void noSmallChangeProposesNothing();
    void editsAreClassified_data();
    void editsAreClassified();

private:
    ReadResult read(const QList<Row> &rows, const QString &t4 = QString());
    QString m_seed;
    QTemporaryDir m_dir;
};

void TestSuggestions::initTestCase()
{
    m_seed = QString::fromUtf8(
        testutil::readBytes(testutil::dataPath(u"corpus/seeds/000_cfbc7d1a3e19f347.txt"_s)));
    QVERIFY(m_seed.contains(ZeroT4));
    QVERIFY(m_dir.isValid());
}

ReadResult TestSuggestions::read(const QList<Row> &rows, const QString &t4)
{
    static int n = 0;
    const QString path = m_dir.filePath(u"r%1.txt"_s.arg(++n));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(setRows(m_seed, rows, t4).toUtf8());
    f.close();
    return ReportReader::read(path);
}

// 1362 applications of 1288 natural persons, 21 companies, 50 legal services and 3 others, all
// granted.
static QList<Row> consistent()
{
    const QStringList v = cells({1288, 21, 0, 0, 50, 3, 1362});
    return {{NewReceived, v}, {Granted, v}, {Processed, v}};
}

void TestSuggestions::consistentReportHasNoFinding()
{
    const ReadResult r =
        read(consistent(), u"10 | 1 | 0 | 0 | 11 | 0 | 0 | 0 | 0 | 0 | 5 | 0 | 0 | 0 | 5 |"_s);
    QVERIFY(r.ok);
    QCOMPARE(r.errors(), 0);
}

void TestSuggestions::theLikelyChangeIsProposedFirst_data()
{
    QTest::addColumn<QList<Row>>("rows");
    QTest::addColumn<QString>("rule");
    QTest::addColumn<QStringList>("cells"); // the first proposal's cells
    QTest::addColumn<QList<double>>("values");
    QTest::addColumn<QString>("why");

    QList<Row> rows = consistent();
    rows[1].values = cells({1288, 21, 0, 0, 50, 3, 1352});
    QTest::newRow("one digit mistyped in a total")
        << rows << u"T3.ROWTOTAL"_s << QStringList{u"t3.granted.total"_s} << QList<double>{1362}
        << u"错了一位数字"_s;
    rows = consistent();
    rows[1].values = cells({1283, 21, 0, 0, 50, 3, 1362});
    QTest::newRow("one digit mistyped in a cell")
        << rows << u"T3.RESULTS"_s << QStringList{u"t3.granted.natural_person"_s} << QList<double>{1288}
        << u"错了一位数字"_s;
    rows = consistent();
    rows[1].values = cells({1828, 21, 0, 0, 50, 3, 1362});
    QTest::newRow("two digits swapped")
        << rows << u"T3.ROWTOTAL"_s << QStringList{u"t3.granted.natural_person"_s} << QList<double>{1288}
        << u"两位数字颠倒"_s;
    rows = consistent();
    rows[1].values = cells({128, 21, 0, 0, 50, 3, 1362});
    QTest::newRow("a digit lost") << rows << u"T3.ROWTOTAL"_s << QStringList{u"t3.granted.natural_person"_s}
                                  << QList<double>{1288} << u"漏了一位数字"_s;
    rows = consistent();
    rows[0].values = cells({1287, 22, 0, 0, 50, 3, 1362});
    QTest::newRow("one application booked in the wrong column")
        << rows << u"T3.BALANCE"_s
        << QStringList{u"t3.new_received.natural_person"_s, u"t3.new_received.commercial"_s}
        << QList<double>{1288, 21} << u"记在了“商业企业”列"_s;
}

void TestSuggestions::theLikelyChangeIsProposedFirst()
{
    QFETCH(QList<Row>, rows);
    QFETCH(QString, rule);
    QFETCH(QStringList, cells);
    QFETCH(QList<double>, values);
    QFETCH(QString, why);
    const ReadResult r = read(rows);
    QVERIFY(r.ok);
    QVERIFY(r.errors() > 0);
    bool seen = false;
    for (const Finding &f : r.findings) {
        if (!f.isError())
            continue;
        QVERIFY2(!f.suggestions.isEmpty(), qPrintable(f.message));
        QVERIFY(f.noSuggestion.isEmpty());
        int proposals = 0;
        for (const Suggestion &s : f.suggestions)
            proposals = qMax(proposals, s.proposal);
        QVERIFY(proposals <= Suggestions::MostProposals);
        if (f.rule != rule)
            continue;
        seen = true;
        QStringList first;
        QList<double> firstValues;
        for (const Suggestion &s : f.suggestions)
            if (s.proposal == 1) {
                first.append(s.cell);
                firstValues.append(s.value);
                QVERIFY2(s.why.contains(why), qPrintable(s.why));
                QVERIFY(!s.whyEn.isEmpty());
            }
        QCOMPARE(first, cells);
        QCOMPARE(firstValues, values);
        // Accepted, the first proposal makes every identity hold.
        ReadResult fixed = r;
        for (int i = 0; i < cells.size(); ++i)
            fixed.report.cells[cells[i]] = Cell::number(values[i]);
        QCOMPARE(RuleEngine::errorCount(RuleEngine::check(fixed.report)), 0);
    }
    QVERIFY(seen);
}

void TestSuggestions::aTotalPrintedAsZeroProposesItsSumAndNothingElse()
{
    const ReadResult r =
        read(consistent(), u"10 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 5 | 0 | 0 | 0 | 5 |"_s);
    QVERIFY(r.ok);
    QCOMPARE(r.errors(), 1);
    const Finding &f =
        *std::find_if(r.findings.begin(), r.findings.end(), [](const Finding &x) { return x.isError(); });
    QCOMPARE(f.rule, u"T4.TOTAL"_s);
    QCOMPARE(f.aboutName(), u"report"_s);
    QCOMPARE(f.suggestions.size(), 1);
    QCOMPARE(f.suggestions.first().cell, u"t4.reconsideration.total"_s);
    QCOMPARE(f.suggestions.first().value, 11.0);
    QVERIFY2(f.suggestions.first().why.contains(u"印成了 0"_s), qPrintable(f.suggestions.first().why));
    // In the JSON, as the contract spells it.
    const QJsonObject j = ReportJson::findingJson(f);
    const QJsonArray s = j.value(u"suggestions"_s).toArray();
    QCOMPARE(s.size(), 1);
    QCOMPARE(s.first().toObject().value(u"cell"_s).toString(), u"t4.reconsideration.total"_s);
    QCOMPARE(s.first().toObject().value(u"value"_s).toInt(), 11);
    QVERIFY(!s.first().toObject().value(u"why"_s).toString().isEmpty());
    QCOMPARE(j.value(u"about"_s).toString(), u"report"_s);
}

void TestSuggestions::noSmallChangeProposesNothing()
{
    QList<Row> rows = consistent();
    rows[1].values = cells({5000, 21, 0, 0, 50, 3, 1362});
    const ReadResult r = read(rows);
    QVERIFY(r.ok);
    QVERIFY(r.errors() > 0);
    for (const Finding &f : r.findings) {
        if (!f.isError())
            continue;
        QVERIFY(f.suggestions.isEmpty());
        QVERIFY(!f.noSuggestion.isEmpty());
        QVERIFY(ReportJson::findingJson(f).value(u"suggestions"_s).toArray().isEmpty());
    }
}

void TestSuggestions::editsAreClassified_data()
{
    QTest::addColumn<double>("printed");
    QTest::addColumn<double>("value");
    QTest::addColumn<bool>("total");
    QTest::addColumn<int>("edit");
    using E = Suggestions::Edit;
    QTest::newRow("1352 for 1362: one digit replaced") << 1352.0 << 1362.0 << false << int(E::Replaced);
    QTest::newRow("1828 for 1288: two digits swapped") << 1828.0 << 1288.0 << false << int(E::Swapped);
    QTest::newRow("305 for 3050: a digit lost") << 305.0 << 3050.0 << false << int(E::Lost);
    QTest::newRow("30500 for 3050: a digit too many") << 30500.0 << 3050.0 << false << int(E::Added);
    QTest::newRow("0 for a total of 11") << 0.0 << 11.0 << true << int(E::TotalLeftBlank);
    QTest::newRow("0 for a part of 11: no small edit") << 0.0 << 11.0 << false << int(E::None);
    QTest::newRow("5000 for 1288: no small edit") << 5000.0 << 1288.0 << false << int(E::None);
    QTest::newRow("1288 for 8821: no small edit") << 1288.0 << 8821.0 << false << int(E::None);
}

void TestSuggestions::editsAreClassified()
{
    QFETCH(double, printed);
    QFETCH(double, value);
    QFETCH(bool, total);
    QFETCH(int, edit);
    const Cell c = Cell::number(printed);
    QCOMPARE(int(Suggestions::classify(&c, value, total)), edit);
}

QTEST_GUILESS_MAIN(TestSuggestions)
#include "tst_suggestions.moc"
