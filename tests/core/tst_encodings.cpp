// Reports in every encoding they arrive in read the same cells as the UTF-8 original.
#include "testutil.h"

#include "io/textdecoder.h"
#include "json/reportjson.h"

#include <QDirIterator>
#include <QRandomGenerator>
#include <QStringDecoder>
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
    void utf8IsDecodedAsQtDecodesIt();
    void binaryIsToldByItsControlBytes();
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

void TestEncodings::utf8IsDecodedAsQtDecodesIt()
{
    // The fast decoder must never read bytes otherwise than QStringDecoder does: whatever it takes
    // is valid to Qt and decodes to the same text; what it leaves, Qt judges.
    const auto qtDecode = [](const QByteArray &b, bool *valid) {
        QStringDecoder d(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        const QString s = d.decode(b);
        *valid = !d.hasError();
        return s;
    };
    int taken = 0, left = 0;
    const auto compare = [&](const QByteArray &b) {
        QString fast;
        bool valid = false;
        const QString qt = qtDecode(b, &valid);
        if (TextDecoder::decodeUtf8(b, &fast)) {
            ++taken;
            QVERIFY2(valid, b.toHex().left(200).constData());
            QCOMPARE(fast, qt);
        } else {
            ++left;
        }
    };
    // Every file of the test data, the binary ones (PDF, DOCX, images) included.
    QList<QByteArray> files;
    QDirIterator it(testutil::dataPath(u"."_s), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        if (f.size() < 4 * 1024 * 1024 && f.open(QIODevice::ReadOnly))
            files.append(f.readAll());
    }
    QVERIFY(files.size() > 50);
    for (const QByteArray &b : std::as_const(files)) {
        compare(b);
        if (QTest::currentTestFailed())
            return;
    }
    QVERIFY(taken > 30);
    QVERIFY(left > 5);
    // Sequences at the edges of Unicode's table of well-formed UTF-8, alone and inside a text.
    const QList<QByteArray> edges = {"\xC2\x80",
                                     "\xC1\xBF",
                                     "\xDF\xBF",
                                     "\xE0\xA0\x80",
                                     "\xE0\x9F\xBF",
                                     "\xED\x9F\xBF",
                                     "\xED\xA0\x80",
                                     "\xEE\x80\x80",
                                     "\xEF\xBF\xBD",
                                     "\xEF\xBF\xBE",
                                     "\xEF\xBF\xBF",
                                     "\xEF\xB7\x90",
                                     "\xEF\xB7\xAF",
                                     "\xEF\xB7\xB0",
                                     "\xF0\x90\x80\x80",
                                     "\xF0\x8F\xBF\xBF",
                                     "\xF4\x8F\xBF\xBF",
                                     "\xF4\x90\x80\x80",
                                     "\xF0\x9F\xBF\xBE",
                                     "\xF5\x80\x80\x80",
                                     "\x80",
                                     "\xBF",
                                     "\xE4\xB8",
                                     "\xE4",
                                     "\xF0\x90\x80",
                                     QByteArray("\0", 1),
                                     "\xEF\xBB\xBF",
                                     "\xC0\x80",
                                     "\xE4\xB8\xAD\x80"};
    for (const QByteArray &e : edges) {
        compare(e);
        compare("规章" + e + "12");
        compare(u"（二）"_s.toUtf8() + e);
        // after and before runs of ASCII about as long as the decoder takes at once (16 bytes)
        for (const int n : {1, 15, 16, 17, 31, 32, 33, 48})
            compare(QByteArray(n, '|') + e + QByteArray(n % 7 + 14, '7') + e);
        // at each place of the runs of Chinese letters the decoder takes five at a time (15
        // bytes), and a letter cut short or changed there
        const QByteArray han = u"政府信息公开工作年度报告"_s.toUtf8().repeated(3);
        for (int n = 0; n <= 60; n += 1) {
            compare(han.left(n) + e + han);
            compare(han.left(n * 3) + e + han.left(n * 3 + 1));
        }
    }
    // Every lead byte and every second byte of a three-byte letter, inside such a run.
    for (int lead = 0xE0; lead <= 0xEF; ++lead)
        for (int second = 0; second < 256; ++second) {
            QByteArray letter(3, char(0x80));
            letter[0] = char(lead);
            letter[1] = char(second);
            const QByteArray run = u"公开年报"_s.toUtf8();
            compare(run + run + letter + run + run + run);
            compare(letter + run + run + run + run + run + run);
            if (QTest::currentTestFailed())
                return;
        }
    // Texts with a byte changed, cut or doubled at random places.
    QRandomGenerator rng(17);
    for (int round = 0; round < 3000; ++round) {
        QByteArray b = files[rng.bounded(int(files.size()))].left(2048);
        if (b.isEmpty())
            continue;
        const int at = rng.bounded(int(b.size()));
        switch (round % 3) {
        case 0:
            b[at] = char(rng.bounded(256));
            break;
        case 1:
            b.truncate(at);
            break;
        default:
            b.insert(at, b.mid(at, 1 + rng.bounded(3)));
            break;
        }
        compare(b);
        if (QTest::currentTestFailed())
            return;
    }
}

void TestEncodings::binaryIsToldByItsControlBytes()
{
    // The definition, a byte at a time: more than 1 % of the first 64 KB are control bytes other
    // than tab, line feed, carriage return, form feed and the DOS end of file.
    const auto plain = [](const QByteArray &b) {
        const qsizetype n = qMin<qsizetype>(b.size(), 65536);
        qsizetype control = 0;
        for (qsizetype i = 0; i < n; ++i) {
            const uchar c = uchar(b[i]);
            control += c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1A;
        }
        return n > 0 && control * 100 > n;
    };
    const QByteArray text =
        testutil::readBytes(testutil::dataPath(u"corpus/seeds/002_f891356e150a22f8.txt"_s));
    QVERIFY(!TextDecoder::looksBinary(text));
    QRandomGenerator rng(5);
    int binary = 0;
    // Sizes around the sixteen-byte steps, the 255-step sums and the 64 KB limit; control bytes
    // near the threshold, the allowed ones among them.
    for (const int size : {1, 15, 16, 17, 100, 4080, 4096, 4097, 65535, 65536, 65537, 200000}) {
        for (const int permille : {0, 5, 9, 10, 11, 12, 20, 500, 1000}) {
            QByteArray b = text.repeated(size / text.size() + 1).left(size);
            for (qsizetype i = 0; i < b.size(); ++i)
                if (int(rng.bounded(1000)) < permille)
                    b[i] = char(rng.bounded(0x20));
            const bool expected = plain(b);
            binary += expected;
            QCOMPARE(TextDecoder::looksBinary(b), expected);
            QByteArray allowedOnly = b;
            for (char &c : allowedOnly)
                if (uchar(c) < 0x20)
                    c = '\n';
            QVERIFY(!TextDecoder::looksBinary(allowedOnly));
        }
    }
    QVERIFY(binary > 20);
    QVERIFY(TextDecoder::looksBinary(QByteArray(300, '\0')));
    // 256 control bytes in each of sixteen lanes, then text: a count kept in a byte would wrap.
    QVERIFY(TextDecoder::looksBinary(QByteArray(4096, '\0') + QByteArray(61440, 'a')));
}

QTEST_GUILESS_MAIN(TestEncodings)
#include "tst_encodings.moc"
