// Golden tests: every hand-checked file of the corpus is read exactly as checked by hand.
#include "testutil.h"

#include "json/reportjson.h"
#include "rules/ruleengine.h"

#include <QJsonArray>
#include <QSet>
#include <QTest>

#include <cmath>

using namespace nianbao;
using namespace Qt::Literals::StringLiterals;

class TestGolden : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void readsEveryCheckedFile_data();
    void readsEveryCheckedFile();
    void everyCellKeepsItsSourceSpan_data() { readsEveryCheckedFile_data(); }
    void everyCellKeepsItsSourceSpan();
};

void TestGolden::readsEveryCheckedFile_data()
{
    QTest::addColumn<QString>("expectedPath");
    const QDir dir(testutil::dataPath(u"corpus/expected"_s));
    const QStringList files = dir.entryList({u"*.json"_s}, QDir::Files, QDir::Name);
    QVERIFY(files.size() >= 11);
    for (const QString &f : files)
        QTest::newRow(qPrintable(f.section(u".json"_s, 0, 0))) << dir.filePath(f);
}

static bool sameValue(const QJsonValue &a, const QJsonValue &b)
{
    if (a.isDouble() && b.isDouble())
        return std::abs(a.toDouble() - b.toDouble()) < 1e-9;
    return a == b;
}

void TestGolden::readsEveryCheckedFile()
{
    QFETCH(QString, expectedPath);
    const QJsonObject exp = testutil::readJson(expectedPath);
    const QString source = testutil::dataPath(u"corpus/"_s + exp.value("source"_L1).toString());
    const ReadResult r = ReportReader::read(source);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.report.templateName(), exp.value("template"_L1).toString(u"2021"_s));

    const QJsonObject got = ReportJson::toJson(r.report, r.findings);
    const QJsonObject gotCells = got.value("cells"_L1).toObject();
    const QJsonObject expCells = exp.value("cells"_L1).toObject();
    QStringList wrong;
    for (auto it = expCells.begin(); it != expCells.end(); ++it) {
        if (!gotCells.contains(it.key()))
            wrong.append(it.key() + u" missing"_s);
        else if (!sameValue(gotCells.value(it.key()), it.value()))
            wrong.append(u"%1 = %2, expected %3"_s.arg(it.key(),
                                                       gotCells.value(it.key()).toVariant().toString(),
                                                       it.value().toVariant().toString()));
    }
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(u"; "_s)));
    QVERIFY(got.value("uncertain"_L1).toArray().isEmpty());

    // Every expected finding is reported, and no other error.
    const QJsonArray expFindings = exp.value("findings"_L1).toArray();
    QSet<int> used;
    for (const QJsonValue &fv : expFindings) {
        const QJsonObject f = fv.toObject();
        const QStringList cells = f.value("cells"_L1).toVariant().toStringList();
        bool found = false;
        for (int i = 0; i < r.findings.size() && !found; ++i) {
            const Finding &g = r.findings[i];
            if (used.contains(i) || g.rule != f.value("rule"_L1).toString())
                continue;
            bool all = true;
            for (const QString &c : cells)
                all = all && g.cells.contains(c);
            if (all) {
                found = true;
                used.insert(i);
            }
        }
        QVERIFY2(found,
                 qPrintable(u"missed finding "_s + f.value("rule"_L1).toString() + u' ' + cells.join(u',')));
    }
    for (int i = 0; i < r.findings.size(); ++i) {
        if (used.contains(i) || !r.findings[i].isError())
            continue;
        bool overlaps = false;
        for (const QJsonValue &fv : expFindings) {
            const QJsonObject f = fv.toObject();
            if (f.value("rule"_L1).toString() != r.findings[i].rule)
                continue;
            for (const QString &c : f.value("cells"_L1).toVariant().toStringList())
                overlaps = overlaps || r.findings[i].cells.contains(c);
        }
        QVERIFY2(overlaps, qPrintable(u"false alarm "_s + r.findings[i].rule + u' ' + r.findings[i].message));
    }
}

void TestGolden::everyCellKeepsItsSourceSpan()
{
    QFETCH(QString, expectedPath);
    const QJsonObject exp = testutil::readJson(expectedPath);
    const ReadResult r =
        ReportReader::read(testutil::dataPath(u"corpus/"_s + exp.value("source"_L1).toString()));
    QVERIFY2(r.ok, qPrintable(r.error));
    for (auto it = r.report.cells.constBegin(); it != r.report.cells.constEnd(); ++it) {
        const Cell &c = it.value();
        if (c.state != Cell::State::Number)
            continue;
        QVERIFY2(c.start >= 0 && c.start + c.length <= r.report.text.size(), qPrintable(it.key()));
        // The original characters of the span are the number (full-width digits allowed).
        QString digits;
        for (QChar ch : r.report.text.mid(c.start, c.length)) {
            if (ch.isDigit())
                digits.append(QChar(u'0' + ch.digitValue()));
            else if (ch == u'.' || ch == u'．')
                digits.append(u'.');
        }
        QCOMPARE(digits.toDouble(), c.value);
    }
}

QTEST_GUILESS_MAIN(TestGolden)
#include "tst_golden.moc"
