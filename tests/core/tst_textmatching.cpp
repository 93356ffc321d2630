// The matching view of text and the reading of digits that ran together.
#include "testutil.h"

#include "extract/runsplitter.h"
#include "extract/tokenizer.h"
#include "template/template.h"
#include "text/normalizer.h"

#include <QTemporaryDir>
#include <QTest>

using namespace nianbao;
using namespace Qt::Literals::StringLiterals;

class TestTextMatching : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void normalizes_data();
    void normalizes();
    void offsetsMapBackToTheOriginal();
    void tokenizerGivesTheSubItemNumberToTheLabel();
    void tokenizerKeepsAnnotations();
    void splitsRespectLeadingZeros();
    void identitiesDecideARun();
    void undecidedRunStaysUncertain();
    void pingtanRowsAreDecodedAndMarked();
};

void TestTextMatching::normalizes_data()
{
    QTest::addColumn<QString>("in");
    QTest::addColumn<QString>("out");
    QTest::newRow("full-width digits and brackets") << u"（一）１２３"_s << u"(一)123"_s;
    QTest::newRow("Traditional to Simplified") << u"勾稽關係與補正後"_s << u"勾稽关系与补正后"_s;
    QTest::newRow("Kangxi radicals from PDFs") << u"⾃然⼈"_s << u"自然人"_s;
    QTest::newRow("ideographic and no-break spaces") << u"规\u3000章\u00A0x"_s << u"规 章 x"_s;
    QTest::newRow("CRLF and zero-width characters") << u"a\r\nb\u200Bc"_s << u"a\nbc"_s;
    QTest::newRow("a compatibility form of four letters is expanded") << u"\u337F"_s << u"株式会社"_s;
    QTest::newRow("a ligature that would expand to 18 letters is kept as it is")
        << u"规章\uFDFA1"_s << u"规章\uFDFA1"_s;
}

void TestTextMatching::normalizes()
{
    QFETCH(QString, in);
    QFETCH(QString, out);
    QCOMPARE(NormalizedText::normalize(in), out);
}

void TestTextMatching::offsetsMapBackToTheOriginal()
{
    const QString original = u"行政許可\r\n（５３）\U0001F600件"_s;
    const NormalizedText n(original);
    const qsizetype five = n.text().indexOf(u'5');
    QCOMPARE(original.mid(n.originalStart(five), n.originalEnd(five + 2) - n.originalStart(five)), u"５３"_s);
    const qsizetype emoji = n.text().indexOf(u"件"_s);
    QCOMPARE(original.mid(n.originalStart(emoji), 1), u"件"_s);
    QCOMPARE(n.originalEnd(n.size()), original.size());

    // Around characters kept as they are and characters expanded, each keeps its own span.
    const QString mixed = u"\uFDFA\u337F（７）\uFDFA"_s;
    const NormalizedText m(mixed);
    QCOMPARE(m.text(), u"\uFDFA株式会社(7)\uFDFA"_s);
    const qsizetype seven = m.text().indexOf(u'7');
    QCOMPARE(mixed.mid(m.originalStart(seven), m.originalEnd(seven + 1) - m.originalStart(seven)), u"７"_s);
    QCOMPARE(m.originalStart(1), 1);
    QCOMPARE(m.originalEnd(5), 2);
    QCOMPARE(m.originalStart(m.size() - 1), mixed.size() - 1);
}

void TestTextMatching::tokenizerGivesTheSubItemNumberToTheLabel()
{
    const QString text =
        NormalizedText::normalize(u"1．属于国家秘密00000002、其他法律行政法规禁止公开 0000000"_s);
    Tokenizer t(text);
    QStringList kinds;
    for (const Item &i : t.items())
        kinds.append((i.kind == Item::Kind::Label ? u"L:"_s : u"N:"_s) + i.text);
    QCOMPARE(kinds, QStringList({u"L:1.属于国家秘密"_s, u"N:0000000"_s, u"L:2、其他法律行政法规禁止公开"_s,
                                 u"N:0000000"_s}));
}

void TestTextMatching::tokenizerKeepsAnnotations()
{
    const QString text = NormalizedText::normalize(u"行政规范性文件 | 3 | 1 | 55（含自然失效29件） |"_s);
    Tokenizer t(text);
    const auto &items = t.items();
    QCOMPARE(items.size(), 4);
    QCOMPARE(items[3].text, u"55"_s);
    QCOMPARE(items[3].note, u"含自然失效29件"_s);
}

void TestTextMatching::splitsRespectLeadingZeros()
{
    // "000" can only be 0, 0, 0; "8855698" into three has fifteen readings.
    QCOMPARE(RunSplitter::enumerate({RunToken{u"000"_s, 0}}, 3).size(), 1);
    QCOMPARE(RunSplitter::enumerate({RunToken{u"8855698"_s, 0}}, 3).size(), 15);
    // A token boundary is a number boundary: "230 000023" → 23 0 0 0 0 0 23 is one of them.
    const QList<Split> s = RunSplitter::enumerate({RunToken{u"230"_s, 0}, RunToken{u"000023"_s, 4}}, 7);
    bool found = false;
    for (const Split &c : s) {
        QList<double> v;
        for (const SplitValue &x : c)
            v.append(x.value);
        found = found || v == QList<double>({23, 0, 0, 0, 0, 0, 23});
    }
    QVERIFY(found);
}

void TestTextMatching::identitiesDecideARun()
{
    // 713000074 → 71 3 0 0 0 0 74 is the only reading whose total is the sum of the parts.
    const Template *t = Template::t2021();
    QList<Slot> slots(1);
    for (const QString &c : {u"natural_person"_s, u"commercial"_s, u"research"_s, u"social_welfare"_s,
                             u"legal_service"_s, u"other_org"_s, u"total"_s})
        slots[0].keys.append(u"t3.new_received."_s + c);
    slots[0].candidates = RunSplitter::enumerate({RunToken{u"713000074"_s, 0}}, 7);
    QVERIFY(slots[0].candidates.size() > 1);
    RunSplitter::solve(slots, {}, expandIdentities(*t, u"subitems"));
    QCOMPARE(slots[0].candidates.size(), 1);
    QCOMPARE(slots[0].candidates[0][0].value, 71.0);
    QCOMPARE(slots[0].candidates[0][6].value, 74.0);
}

void TestTextMatching::undecidedRunStaysUncertain()
{
    // Table 2 has no identity: a run of a row without prose to decide it stays uncertain.
    QTemporaryDir dir;
    QString text = QString::fromUtf8(
        testutil::readBytes(testutil::dataPath(u"corpus/seeds/000_cfbc7d1a3e19f347.txt"_s)));
    text.replace(u"行政规范性文件 | 0 | 0 | 0 |"_s, u"行政规范性文件 | 1234 |"_s);
    QFile f(dir.filePath(u"r.txt"_s));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(text.toUtf8());
    f.close();
    const ReadResult r = ReportReader::read(f.fileName());
    QVERIFY(r.ok);
    const QStringList uncertain = r.report.uncertainKeys();
    QCOMPARE(uncertain.size(), 3);
    const Cell *c = r.report.cell(u"t2.normative_documents.issued"_s);
    QCOMPARE(c->state, Cell::State::Uncertain);
    QCOMPARE(c->candidates, QList<double>({1, 12}));
    bool warned = false;
    for (const Finding &fd : r.findings)
        warned =
            warned || (fd.rule == u"CELL.UNCERTAIN" && fd.cells.contains(u"t2.normative_documents.issued"_s));
    QVERIFY(warned);
}

void TestTextMatching::pingtanRowsAreDecodedAndMarked()
{
    const ReadResult r = ReportReader::read(testutil::dataPath(u"corpus/real/pingtan_2022.txt"_s));
    QVERIFY(r.ok);
    const Cell *c = r.report.cell(u"t3.new_received.natural_person"_s);
    QVERIFY(c && c->fromRun);
    QCOMPARE(c->value, 71.0);
    QCOMPARE(r.report.text.mid(c->start, c->length), u"71"_s);
    // Decided by the prose: "现行有效行政规范性文件698件" and "制发的规范性文件88件".
    QCOMPARE(r.report.cell(u"t2.normative_documents.repealed"_s)->value, 55.0);
}

QTEST_GUILESS_MAIN(TestTextMatching)
#include "tst_textmatching.moc"
