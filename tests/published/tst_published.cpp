// Published layouts read in general (tests/data/published, made by make_layouts.py with their truth):
// every cell the layout decides is read right, every cell it does not decide is reported uncertain
// with the report's value among its candidates and a reason, and no cell is ever another number.
#include "../core/testutil.h"
#include "formpdf.h"

#include "json/reportjson.h"
#include "pipeline/reportreader.h"
#include "report/report.h"
#include "template/template.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace nianbao;
using namespace Qt::Literals::StringLiterals;

namespace {

QString show(const Cell *c)
{
    if (!c)
        return u"missing"_s;
    switch (c->state) {
    case Cell::State::Number:
        return QString::number(c->value, 'g', 15);
    case Cell::State::Blank:
        return u"blank"_s;
    case Cell::State::Text:
        return u"text \"%1\""_s.arg(c->text);
    case Cell::State::Uncertain:
        break;
    }
    QStringList vs;
    for (double v : c->candidates)
        vs.append(QString::number(v, 'g', 15));
    return u"uncertain {%1}"_s.arg(vs.join(u", "_s));
}

bool sameValue(const Cell *c, const QJsonValue &truth)
{
    if (!c)
        return false;
    if (truth.isNull())
        return c->state == Cell::State::Blank;
    return c->state == Cell::State::Number && std::abs(c->value - truth.toDouble()) < 1e-9;
}

} // namespace

class TestPublished : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void readsEveryLayoutRightOrSaysItIsUncertain_data();
    void readsEveryLayoutRightOrSaysItIsUncertain();
    void pdfLabelsWrappedOverLinesKeepTheirValues_data();
    void pdfLabelsWrappedOverLinesKeepTheirValues();
    void aPdfRowWithAValueMoreThanTheFormIsUncertain();
};

void TestPublished::readsEveryLayoutRightOrSaysItIsUncertain_data()
{
    QTest::addColumn<QString>("source");
    const QDir dir(testutil::dataPath(u"published"_s));
    const QStringList truths = dir.entryList({u"*.json"_s}, QDir::Files, QDir::Name);
    QVERIFY(truths.size() >= 3);
    for (const QString &t : truths)
        QTest::newRow(qPrintable(t.chopped(5))) << dir.filePath(t.chopped(5));
}

/// What the report read from source gets wrong against truth: empty when every decided cell
/// has its value and every undecided one is uncertain with a reason and the value among its
/// candidates.
static QStringList wrongCells(const ReadResult &r, const QJsonObject &truth)
{

    // Every decided cell has the report's value: a wrong value is a failure, and so is a missing one.
    QStringList wrong;
    const QJsonObject cells = truth.value("cells"_L1).toObject();
    for (auto it = cells.begin(); it != cells.end(); ++it) {
        const Cell *c = r.report.cell(it.key());
        if (!sameValue(c, it.value()))
            wrong.append(u"%1 = %2, expected %3"_s.arg(
                it.key(), show(c),
                it.value().isNull() ? u"blank"_s : QString::number(it.value().toDouble())));
    }
    // Every undecided cell is uncertain, never a number, says why, and offers the report's value.
    const QJsonObject uncertain = truth.value("uncertain"_L1).toObject();
    const QJsonObject json = ReportJson::toJson(r.report, r.findings);
    const QJsonObject reasons = json.value("uncertain_reasons"_L1).toObject();
    for (auto it = uncertain.begin(); it != uncertain.end(); ++it) {
        const Cell *c = r.report.cell(it.key());
        if (!c || c->state != Cell::State::Uncertain) {
            wrong.append(u"%1 = %2, expected uncertain"_s.arg(it.key(), show(c)));
            continue;
        }
        if (!c->candidates.contains(it.value().toDouble()))
            wrong.append(u"%1 = %2 does not offer %3"_s.arg(it.key(), show(c)).arg(it.value().toDouble()));
        const QJsonObject why = reasons.value(it.key()).toObject();
        if (why.value("reason"_L1).toString().isEmpty() || why.value("message"_L1).toString().isEmpty() ||
            why.value("message_en"_L1).toString().isEmpty())
            wrong.append(u"%1 is uncertain without a reason in the JSON"_s.arg(it.key()));
    }
    // No other cell of the form is uncertain: what the layout decides is decided.
    for (const QString &k : r.report.cellKeys()) {
        const Cell *c = r.report.cell(k);
        if (c && c->state == Cell::State::Uncertain && !uncertain.contains(k))
            wrong.append(u"%1 = %2, expected a value"_s.arg(k, show(c)));
    }
    return wrong;
}

void TestPublished::readsEveryLayoutRightOrSaysItIsUncertain()
{
    QFETCH(QString, source);
    const QJsonObject truth = testutil::readJson(source + u".json"_s);
    QVERIFY(!truth.isEmpty());
    const ReadResult r = ReportReader::read(source);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.report.templateName(), truth.value("template"_L1).toString());
    const QStringList wrong = wrongCells(r, truth);
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(u"\n"_s)));
}

void TestPublished::pdfLabelsWrappedOverLinesKeepTheirValues_data()
{
    QTest::addColumn<int>("align");
    QTest::newRow("values centred between the label's lines") << int(formpdf::ValueAlign::Centre);
    QTest::newRow("values on the label's first line") << int(formpdf::ValueAlign::FirstLine);
    QTest::newRow("values on the label's last line") << int(formpdf::ValueAlign::LastLine);
}

void TestPublished::pdfLabelsWrappedOverLinesKeepTheirValues()
{
    // The 2021 numbers of the text fixtures, drawn as the form with narrow label columns: 4.无正当
    // 理由大量反复申请, 5.要求行政机关确认或重新出具已获取信息 and (二)部分公开… wrap over two or
    // three lines.
    QFETCH(int, align);
    QJsonObject truth = testutil::readJson(testutil::dataPath(u"published/t2021_md_lost_column.md.json"_s));
    QVERIFY(!truth.isEmpty());
    const QTemporaryDir dir;
    const QString pdf = dir.filePath(u"wrapped.pdf"_s);
    QVERIFY(formpdf::write(pdf, *Template::byName(u"2021"_s), truth.value("cells"_L1).toObject(),
                           formpdf::ValueAlign(align)));
    const ReadResult r = ReportReader::read(pdf);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.report.format, u"pdf"_s);
    const QStringList wrong = wrongCells(r, truth);
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(u"\n"_s)));
}

void TestPublished::aPdfRowWithAValueMoreThanTheFormIsUncertain()
{
    // The same form with a fourth number in the 行政规范性文件 row (18 2 253 5): which three are the
    // row's, no identity of table 2 tells. Every cell of the row is uncertain (grid), offering the
    // report's value; the rest of the form is read.
    const QJsonObject published =
        testutil::readJson(testutil::dataPath(u"published/t2021_md_lost_column.md.json"_s));
    QVERIFY(!published.isEmpty());
    const QJsonObject drawn = published.value("cells"_L1).toObject();
    QJsonObject cells = drawn, uncertain;
    for (const QString &c : {u"issued"_s, u"repealed"_s, u"in_force"_s}) {
        const QString key = u"t2.normative_documents."_s + c;
        QVERIFY(cells.contains(key));
        uncertain.insert(key, cells.take(key));
    }
    QJsonObject truth = published;
    truth.insert("cells"_L1, cells);
    truth.insert("uncertain"_L1, uncertain);
    const QTemporaryDir dir;
    const QString pdf = dir.filePath(u"extra.pdf"_s);
    QVERIFY(formpdf::write(pdf, *Template::byName(u"2021"_s), drawn, formpdf::ValueAlign::Centre,
                           {{u"t2.normative_documents"_s, {u"5"_s}}}));
    const ReadResult r = ReportReader::read(pdf);
    QVERIFY2(r.ok, qPrintable(r.error));
    const QStringList wrong = wrongCells(r, truth);
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(u"\n"_s)));
    for (auto it = uncertain.begin(); it != uncertain.end(); ++it)
        QCOMPARE(r.report.cell(it.key())->doubt, Cell::Doubt::Grid);
}

QTEST_MAIN(TestPublished)
#include "tst_published.moc"
