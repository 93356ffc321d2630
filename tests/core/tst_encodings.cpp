// Reports in every encoding they arrive in read the same cells as the UTF-8 original.
#include "testutil.h"

#include "io/textdecoder.h"
#include "json/reportjson.h"

#include <QTest>

using namespace nianbao;
using namespace Qt::Literals::StringLiterals;

class TestEncodings : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void readsTheSameCellsAsTheOriginal_data();
    void readsTheSameCellsAsTheOriginal();
    void decoderPrefersBomThenUtf8();
    void lowConfidenceFallsBackAndSaysSo();
    void sourceTextKeepsTheOriginalCharacters();
};

void TestEncodings::readsTheSameCellsAsTheOriginal_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("original");
    QTest::addColumn<QString>("encoding");
    const QString s1 = u"corpus/seeds/001_bff1b9e23c617db0.txt"_s,
                  s3 = u"corpus/seeds/003_2ee7e895fb2dacb9.txt"_s;
    QTest::newRow("GB18030 without a BOM") << u"encodings/001_gb18030.txt"_s << s1 << u"GB18030"_s;
    QTest::newRow("GBK subset of GB18030") << u"encodings/003_gbk.txt"_s << s3 << u"GB18030"_s;
    QTest::newRow("Big5 Traditional text") << u"encodings/003_big5.txt"_s << s3 << u"Big5"_s;
    QTest::newRow("UTF-16 little-endian with BOM and CRLF")
        << u"encodings/001_utf16le_bom.txt"_s << s1 << u"UTF-16LE"_s;
    QTest::newRow("UTF-16 big-endian with BOM") << u"encodings/001_utf16be_bom.txt"_s << s1 << u"UTF-16BE"_s;
    QTest::newRow("UTF-8 with BOM and CRLF") << u"encodings/001_utf8_bom_crlf.txt"_s << s1 << u"UTF-8"_s;
    QTest::newRow("Traditional characters with full-width digits and brackets")
        << u"encodings/001_traditional_fullwidth.txt"_s << s1 << u"UTF-8"_s;
}

void TestEncodings::readsTheSameCellsAsTheOriginal()
{
    QFETCH(QString, file);
    QFETCH(QString, original);
    QFETCH(QString, encoding);
    const ReadResult a = ReportReader::read(testutil::dataPath(file));
    const ReadResult b = ReportReader::read(testutil::dataPath(original));
    QVERIFY2(a.ok, qPrintable(a.error));
    QVERIFY(b.ok);
    QCOMPARE(a.report.encoding, encoding);
    QCOMPARE(a.report.cells.size(), 200);
    const QJsonObject ca = ReportJson::toJson(a.report, a.findings).value("cells"_L1).toObject();
    const QJsonObject cb = ReportJson::toJson(b.report, b.findings).value("cells"_L1).toObject();
    QCOMPARE(ca, cb);
    QCOMPARE(a.errors(), b.errors());
}

void TestEncodings::decoderPrefersBomThenUtf8()
{
    DecodedText d;
    QString error;
    QVERIFY(TextDecoder::decode(QByteArray("\xEF\xBB\xBF") + u"规章"_s.toUtf8(), &d, &error));
    QCOMPARE(d.encoding, u"UTF-8"_s);
    QCOMPARE(d.text, u"规章"_s);
    QVERIFY(TextDecoder::decode(u"行政许可 0"_s.toUtf8(), &d, &error));
    QCOMPARE(d.encoding, u"UTF-8"_s);
    QVERIFY(d.note.isEmpty());
}

void TestEncodings::lowConfidenceFallsBackAndSaysSo()
{
    // Two GB18030 characters are too few for the detector to be sure.
    QString s;
    QVERIFY(TextDecoder::decodeAs("\xB9\xE6", "GB18030", &s));
    DecodedText d;
    QString error;
    QVERIFY(TextDecoder::decode(QByteArray("\xB9\xE6\xD5\xC2"), &d, &error));
    QCOMPARE(d.text, u"规章"_s);
    QCOMPARE(d.encoding, u"GB18030"_s);
    QVERIFY(!d.note.isEmpty());
}

void TestEncodings::sourceTextKeepsTheOriginalCharacters()
{
    const ReadResult r = ReportReader::read(testutil::dataPath(u"encodings/001_traditional_fullwidth.txt"_s));
    QVERIFY(r.ok);
    const Cell *c = r.report.cell(u"t3.new_received.legal_service"_s);
    QVERIFY(c);
    QCOMPARE(c->value, 53.0);
    QCOMPARE(r.report.text.mid(c->start, c->length), u"５３"_s);
    QVERIFY(r.report.text.contains(u"開"_s));
}

QTEST_GUILESS_MAIN(TestEncodings)
#include "tst_encodings.moc"
