// Bad input gets a clear one-line reason, or a result; never a crash, and memory stays bounded.
#include "testutil.h"

#include "io/loader.h"

#include <QProcess>

#include <QTemporaryDir>
#include <QTest>
#include <random>

using namespace nianbao;
using namespace Qt::Literals::StringLiterals;

class TestBadInput : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void refusedWithAReason_data();
    void refusedWithAReason();
    void truncatedReportGivesWhatItHolds();
    void fiftyMegabyteTextIsRefusedBeforeReading();
    void cliPrintsOneLineAndExitsTwo();
    void mutatedReportsNeverBreakTheReader_data();
    void mutatedReportsNeverBreakTheReader();
};

void TestBadInput::refusedWithAReason_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("reason");
    QTest::newRow("an empty file") << u"bad/empty.txt"_s << u"empty"_s;
    QTest::newRow("a file of whitespace") << u"bad/whitespace.txt"_s << u"empty"_s;
    QTest::newRow("a binary file") << u"bad/binary.bin"_s << u"binary"_s;
    QTest::newRow("bytes in no known encoding") << u"bad/latin1_garbage.txt"_s << u"encoding"_s;
    QTest::newRow("a report without tables") << u"bad/no_tables.txt"_s << u"not a report"_s;
    QTest::newRow("a file that does not exist") << u"bad/does-not-exist.txt"_s << u"does not exist"_s;
    QTest::newRow("a folder") << u"bad"_s << u"folder"_s;
}

void TestBadInput::refusedWithAReason()
{
    QFETCH(QString, file);
    QFETCH(QString, reason);
    const ReadResult r = ReportReader::read(testutil::dataPath(file));
    QVERIFY(!r.ok);
    QVERIFY2(r.error.contains(reason, Qt::CaseInsensitive), qPrintable(r.error));
    QVERIFY(!r.error.contains(u'\n'));
}

void TestBadInput::truncatedReportGivesWhatItHolds()
{
    const QByteArray full =
        testutil::readBytes(testutil::dataPath(u"corpus/seeds/001_bff1b9e23c617db0.txt"_s));
    QTemporaryDir dir;
    const ReadResult whole =
        ReportReader::read(testutil::dataPath(u"corpus/seeds/001_bff1b9e23c617db0.txt"_s));
    QVERIFY(whole.ok);
    // Cut everywhere from the middle of table 3 on (cuts inside a UTF-8 sequence too): never a
    // crash, and every cell read is the cell of the whole report.
    const qsizetype t3 = full.indexOf("二、上年结转");
    QVERIFY(t3 > 0);
    for (qsizetype cut = t3; cut < full.size(); cut += 97) {
        const QString path = dir.filePath(u"cut.txt"_s);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(full.left(cut));
        f.close();
        const ReadResult r = ReportReader::read(path);
        if (!r.ok) {
            QVERIFY(!r.error.isEmpty());
            continue;
        }
        for (auto it = r.report.cells.constBegin(); it != r.report.cells.constEnd(); ++it) {
            const Cell *w = whole.report.cell(it.key());
            QVERIFY(w);
            if (it.value().state == Cell::State::Number && w->state == Cell::State::Number)
                QCOMPARE(it.value().value, w->value);
        }
    }
}

void TestBadInput::fiftyMegabyteTextIsRefusedBeforeReading()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"huge.txt"_s);
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    const QByteArray chunk =
        testutil::readBytes(testutil::dataPath(u"corpus/seeds/000_cfbc7d1a3e19f347.txt"_s));
    while (f.size() < 50LL * 1024 * 1024)
        f.write(chunk);
    f.close();
    const ReadResult r = ReportReader::read(path);
    QVERIFY(!r.ok);
    QVERIFY2(r.error.contains(u"too large"_s), qPrintable(r.error));
}

void TestBadInput::cliPrintsOneLineAndExitsTwo()
{
    QProcess p;
    p.start(QStringLiteral(NIANBAO_CLI),
            {u"extract"_s, u"--json"_s, testutil::dataPath(u"bad/binary.bin"_s)});
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 2);
    QVERIFY(p.readAllStandardOutput().isEmpty());
    const QByteArray err = p.readAllStandardError();
    QCOMPARE(err.count('\n'), 1);
    QVERIFY(err.contains("binary"));
}

void TestBadInput::mutatedReportsNeverBreakTheReader_data()
{
    QTest::addColumn<QString>("file");
    for (const char *f : {"corpus/seeds/000_cfbc7d1a3e19f347.txt", "corpus/seeds/001_bff1b9e23c617db0.txt",
                          "corpus/seeds/003_2ee7e895fb2dacb9.txt", "corpus/real/pingtan_2022.txt",
                          "corpus/real/shanghai_kewei_2024.md"})
        QTest::newRow(f) << QString::fromLatin1(f);
}

void TestBadInput::mutatedReportsNeverBreakTheReader()
{
    // Random cuts, copies, swaps and stray separators (a fixed seed, so a failure repeats):
    // every outcome is a reason or a report whose cells point inside its text.
    QFETCH(QString, file);
    const QString original = QString::fromUtf8(testutil::readBytes(testutil::dataPath(file)));
    QVERIFY(!original.isEmpty());
    QTemporaryDir dir;
    std::mt19937 rng(20261124);
    static const QStringList junk = {
        u"|"_s,    u"\t"_s,  u"\n"_s,   u"  "_s, u"0"_s, u"12"_s, u"（六）其他处理"_s,
        u"总计"_s, u"-3-"_s, u"\n\n"_s, u"１"_s, u"."_s, u"、"_s};
    int reports = 0;
    for (int round = 0; round < 150; ++round) {
        QString text = original;
        const int edits = 1 + int(rng() % 6);
        for (int e = 0; e < edits && !text.isEmpty(); ++e) {
            const qsizetype at = qsizetype(rng() % text.size());
            const qsizetype len = qMin<qsizetype>(qsizetype(rng() % 80), text.size() - at);
            switch (rng() % 4) {
            case 0:
                text.remove(at, len);
                break;
            case 1:
                text.insert(qsizetype(rng() % text.size()), text.mid(at, len));
                break;
            case 2:
                text.insert(at, junk[int(rng() % junk.size())]);
                break;
            default:
                if (text[at].isDigit())
                    text[at] = QChar(u'0' + int(rng() % 10));
                break;
            }
        }
        const QString path = dir.filePath(u"m.txt"_s);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(text.toUtf8());
        f.close();
        const ReadResult r = ReportReader::read(path);
        if (!r.ok) {
            QVERIFY(!r.error.isEmpty());
            continue;
        }
        ++reports;
        const QStringList keys = r.report.cellKeys();
        for (auto it = r.report.cells.constBegin(); it != r.report.cells.constEnd(); ++it) {
            QVERIFY(keys.contains(it.key()));
            QVERIFY(it.value().start <= r.report.text.size());
            QVERIFY(it.value().start + it.value().length <= r.report.text.size());
        }
        for (const Finding &fd : r.findings)
            for (const QString &k : fd.cells)
                QVERIFY2(keys.contains(k), qPrintable(k));
    }
    QVERIFY(reports > 50);
}

QTEST_GUILESS_MAIN(TestBadInput)
#include "tst_badinput.moc"
