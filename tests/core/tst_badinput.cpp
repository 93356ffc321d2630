// Bad input gets a clear one-line reason, or a result; never a crash, and memory stays bounded.
#include "testutil.h"

#include "io/loader.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

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

QTEST_GUILESS_MAIN(TestBadInput)
#include "tst_badinput.moc"
