// Bad input gets a clear one-line reason, or a result; never a crash, and memory stays bounded.
// The hostile cases are made here, in memory: each ends (CTest's timeout and QTest's watchdog
// guard against a hang) with its refusal, or with the report still read right.
#include "testutil.h"

#include "extract/runsplitter.h"
#include "io/limits.h"
#include "io/loader.h"
#include "json/reportjson.h"
#include "rules/ruleengine.h"

#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>

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
    void hostileTextIsRefusedAtALimit_data();
    void hostileTextIsRefusedAtALimit();
    void hostileTextLeavesTheReportRight_data();
    void hostileTextLeavesTheReportRight();
    void numberTooLongIsKeptAsTextAndFlagged_data();
    void numberTooLongIsKeptAsTextAndFlagged();
    void countOfThirteenDigitsIsRead();
    void digitsAreCountedAsUnicodeCountsThem();
    void numberTooLongInTheProseIsShownNotCompared();
    void runSplittingOnlyTriesCutsThatCanFit();
    void runOfTooManyReadingsStaysUndecidedWithoutAGuess();
};

namespace {

const char *const seedFile = "corpus/seeds/001_bff1b9e23c617db0.txt";

QString seedText()
{
    return QString::fromUtf8(testutil::readBytes(testutil::dataPath(QString::fromLatin1(seedFile))));
}

/// Table 4's one row of 15 zeros in the seed report.
QString t4Row()
{
    QStringList zeros;
    for (int i = 0; i < 15; ++i)
        zeros.append(u"0"_s);
    return zeros.join(u'\t');
}

QString digits(int n)
{
    QString s;
    while (s.size() < n)
        s += u"123456789"_s;
    return s.left(n);
}

QStringList t4Keys()
{
    QStringList keys;
    for (const char *row : {"reconsideration", "litigation_direct", "litigation_after_reconsideration"})
        for (const char *col : {"upheld", "corrected", "other", "pending", "total"})
            keys.append(u"t4.%1.%2"_s.arg(QLatin1StringView(row), QLatin1StringView(col)));
    return keys;
}

ReadResult readWritten(const QByteArray &bytes)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"report.txt"_s);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        return {};
    f.close();
    return ReportReader::read(path);
}

/// Every number the JSON prints is one a double holds exactly, and nothing reads inf or nan.
bool jsonHoldsEveryValue(const QJsonObject &o, QString *why)
{
    const QByteArray text = ReportJson::serialize(o);
    static const QRegularExpression bad(u"\\b(?:inf|nan)\\b|9223372036854775808"_s,
                                        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = bad.match(QString::fromUtf8(text));
    if (m.hasMatch()) {
        *why = u"the JSON prints "_s + m.captured();
        return false;
    }
    auto exact = [&](const QJsonValue &v, const QString &where) {
        if (v.isDouble() && !(std::abs(v.toDouble()) < 9007199254740992.0)) {
            *why = where + u" is "_s + QString::number(v.toDouble());
            return false;
        }
        return true;
    };
    const QJsonObject cells = o.value("cells"_L1).toObject();
    for (auto it = cells.begin(); it != cells.end(); ++it)
        if (!exact(it.value(), it.key()))
            return false;
    for (const QJsonValue &f : o.value("findings"_L1).toArray())
        for (const char *side : {"lhs", "rhs", "difference"})
            if (!exact(f.toObject().value(QLatin1StringView(side)), f.toObject().value("rule"_L1).toString()))
                return false;
    return true;
}

} // namespace

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
            QVERIFY(keys.contains(it.key().toString()));
            QVERIFY(it.value().start <= r.report.text.size());
            QVERIFY(it.value().start + it.value().length <= r.report.text.size());
        }
        for (const Finding &fd : r.findings)
            for (const QString &k : fd.cells)
                QVERIFY2(keys.contains(k), qPrintable(k));
    }
    QVERIFY(reports > 50);
}

void TestBadInput::hostileTextIsRefusedAtALimit_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("reason");
    const QByteArray seed = seedText().toUtf8();
    QTest::newRow("eight megabytes of bars on one line are more cells than a line may have")
        << QByteArray(8 << 20, '|') << Limits::tooManyCells(1);
    QTest::newRow("a line of ten thousand tabs is more cells than a line may have")
        << seed + '\n' + QByteArray(Limits::MaxCellsPerLine, '\t')
        << Limits::tooManyCells(int(seed.count('\n')) + 2);
    QTest::newRow("sixteen megabytes of numbers each followed by a bracket are more values than a text holds")
        << seed + QByteArray("12(\n").repeated((16'000'000 - seed.size()) / 4) << Limits::tooManyItems();
    QTest::newRow("five million characters that normalise to four letters each grow past the limit")
        << seed + QString(u"\u337F"_s).repeated(5'400'000).toUtf8() << Limits::normalizedTooLong();
}

void TestBadInput::hostileTextIsRefusedAtALimit()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, reason);
    const ReadResult r = readWritten(bytes);
    QVERIFY(!r.ok);
    QCOMPARE(r.error, reason);
    QVERIFY(!r.error.contains(u'\n'));
}

void TestBadInput::hostileTextLeavesTheReportRight_data()
{
    QTest::addColumn<QByteArray>("bytes");
    const QString seed = seedText();
    QTest::newRow("three megabytes of numbers each followed by a bracket, after the report")
        << (seed + u"12(\n"_s.repeated(750'000)).toUtf8();
    QTest::newRow("a million ligatures of 18 letters in the prose, kept as they are")
        << QString(seed)
               .replace(u"二、主动公开"_s, QString(u"\uFDFA"_s).repeated(1'000'000) + u"\n二、主动公开"_s)
               .toUtf8();
    QTest::newRow("ligatures and four-letter forms inside the tables' rows")
        << QString(seed).replace(u"\t0\t0\t0\n"_s, u"\t0\t0\t0\uFDFA\u337F\n"_s).toUtf8();
    QByteArray nul = seed.toUtf8();
    nul.insert(nul.indexOf("二、主动公开") + 3, '\0');
    QTest::newRow("one NUL byte in a heading") << nul;
    QByteArray nuls = seed.toUtf8();
    for (qsizetype at = nuls.indexOf("三、收到和处理");
         (at = nuls.indexOf('\n', at)) >= 0 && at < nuls.indexOf("四、政府信息公开行政复议"); at += 2)
        nuls.insert(at, '\0');
    QTest::newRow("a NUL byte at the end of every row of table 3") << nuls;
}

void TestBadInput::hostileTextLeavesTheReportRight()
{
    QFETCH(QByteArray, bytes);
    const ReadResult whole = ReportReader::read(testutil::dataPath(QString::fromLatin1(seedFile)));
    QVERIFY(whole.ok);
    const ReadResult r = readWritten(bytes);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.report.templateName(), whole.report.templateName());
    QStringList wrong;
    for (auto it = whole.report.cells.constBegin(); it != whole.report.cells.constEnd(); ++it) {
        const Cell *c = r.report.cell(it.key());
        if (!c || c->state != it.value().state || c->value != it.value().value)
            wrong.append(it.key());
    }
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(u", "_s)));
    // The offset map still points at the original digits of every number.
    for (auto it = r.report.cells.constBegin(); it != r.report.cells.constEnd(); ++it) {
        if (!it.value().isNumber())
            continue;
        const QString shown = r.report.text.mid(it.value().start, it.value().length);
        QVERIFY2(shown.trimmed().toDouble() == it.value().value,
                 qPrintable(it.key().toString() + u": "_s + shown));
    }
    QVERIFY(r.errors() == whole.errors());
}

void TestBadInput::numberTooLongIsKeptAsTextAndFlagged_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("keys");
    QTest::addColumn<QString>("said");
    const QString seed = seedText();
    QTest::newRow("a cell of 400 digits")
        << QString(seed).replace(u"行政许可\t0"_s, u"行政许可\t"_s + digits(400))
        << QStringList{u"t2.administrative_license.count"_s} << u"400"_s;
    QTest::newRow("a count of 21 digits")
        << QString(seed).replace(u"\t53\t0\t53"_s, u"\t"_s + digits(21) + u"\t0\t53"_s)
        << QStringList{u"t3.new_received.legal_service"_s} << u"21"_s;
    QTest::newRow("a count of 14 digits, one more than a number may have")
        << QString(seed).replace(u"\t53\t0\t53"_s, u"\t"_s + digits(14) + u"\t0\t53"_s)
        << QStringList{u"t3.new_received.legal_service"_s} << u"14"_s;
    QTest::newRow("a fee of 16 digits with its decimals")
        << QString(seed).replace(u"行政事业性收费\t0"_s, u"行政事业性收费\t1234567890.123456"_s)
        << QStringList{u"t2.administrative_fee.amount"_s} << u"16"_s;
    QTest::newRow("table 4 written as one run of 136 digits, more than 15 cells of 9 digits hold")
        << QString(seed).replace(t4Row(), digits(136)) << t4Keys() << u"136"_s;
    QTest::newRow("table 4 written as one run of 4,000 digits")
        << QString(seed).replace(t4Row(), digits(4000)) << t4Keys() << u"4000"_s;
    QStringList newReceived;
    for (const char *col : {"natural_person", "commercial", "research", "social_welfare", "legal_service",
                            "other_org", "total"})
        newReceived.append(u"t3.new_received."_s + QLatin1StringView(col));
    QTest::newRow("a row of table 3 whose 64 digits ran together, more than its 7 cells hold")
        << QString(seed).replace(u"0\t0\t0\t0\t53\t0\t53\t"_s, digits(64)) << newReceived << u"64"_s;
}

void TestBadInput::numberTooLongIsKeptAsTextAndFlagged()
{
    QFETCH(QString, text);
    QFETCH(QStringList, keys);
    QFETCH(QString, said);
    const ReadResult r = readWritten(text.toUtf8());
    QVERIFY2(r.ok, qPrintable(r.error));
    const QJsonObject json = ReportJson::toJson(r.report, r.findings);
    for (const QString &k : keys) {
        const Cell *c = r.report.cell(k);
        QVERIFY2(c, qPrintable(k));
        QCOMPARE(c->state, Cell::State::Text);
        QVERIFY(RuleEngine::isTooLong(*c));
        QVERIFY(json.value("cells"_L1).toObject().value(k).isString());
        QVERIFY2(Limits::numberDigits(c->text) == said.toInt(), qPrintable(c->text));
        bool flagged = false;
        for (const Finding &f : r.findings) {
            if (f.rule == u"VALUE.TOO_LONG"_s && f.cells == QStringList{k}) {
                flagged = true;
                QVERIFY(f.isError());
                QVERIFY2(f.message.contains(said) && f.messageEn.contains(said), qPrintable(f.messageEn));
            } else {
                // No identity counts a value it cannot hold.
                QVERIFY2(!f.cells.contains(k), qPrintable(f.rule + u" uses "_s + k));
            }
        }
        QVERIFY2(flagged, qPrintable(k));
    }
    QString why;
    QVERIFY2(jsonHoldsEveryValue(json, &why), qPrintable(why));
}

void TestBadInput::countOfThirteenDigitsIsRead()
{
    const QString text = seedText().replace(u"\t53\t0\t53"_s, u"\t1234567891234\t0\t53"_s);
    const ReadResult r = readWritten(text.toUtf8());
    QVERIFY2(r.ok, qPrintable(r.error));
    const Cell *c = r.report.cell(u"t3.new_received.legal_service"_s);
    QVERIFY(c && c->isNumber());
    QCOMPARE(c->value, 1234567891234.0);
    const QJsonObject json = ReportJson::toJson(r.report, r.findings);
    QCOMPARE(json.value("cells"_L1).toObject().value("t3.new_received.legal_service"_L1).toInteger(),
             1234567891234LL);
    // The row no longer adds up: the finding prints both sides exactly.
    bool rowTotal = false;
    for (const QJsonValue &f : json.value("findings"_L1).toArray()) {
        const QJsonObject o = f.toObject();
        if (o.value("rule"_L1) == "T3.ROWTOTAL"_L1 &&
            o.value("cells"_L1).toArray().contains("t3.new_received.legal_service"_L1)) {
            rowTotal = true;
            QCOMPARE(o.value("difference"_L1).toInteger(), 53LL - 1234567891234LL);
        }
    }
    QVERIFY(rowTotal);
    QString why;
    QVERIFY2(jsonHoldsEveryValue(json, &why), qPrintable(why));
}

void TestBadInput::numberTooLongInTheProseIsShownNotCompared()
{
    const QString text = seedText().replace(u"受理政府信息公开申请 10 件"_s,
                                            u"受理政府信息公开申请 "_s + digits(400) + u" 件"_s);
    const ReadResult r = readWritten(text.toUtf8());
    QVERIFY2(r.ok, qPrintable(r.error));
    bool stated = false;
    for (const Finding &f : r.findings) {
        if (f.rule != u"PROSE.MISMATCH"_s)
            continue;
        stated = true;
        QVERIFY2(f.message.contains(u"400 位"_s) && f.messageEn.contains(u"400 digits"_s),
                 qPrintable(f.messageEn));
    }
    QVERIFY(stated);
    QString why;
    QVERIFY2(jsonHoldsEveryValue(ReportJson::toJson(r.report, r.findings), &why), qPrintable(why));
}

void TestBadInput::runSplittingOnlyTriesCutsThatCanFit()
{
    const QList<RunToken> tooLong{RunToken{digits(136), 0}};
    QVERIFY(!RunSplitter::fits(tooLong, 15));
    QVERIFY(RunSplitter::enumerate(tooLong, 15).isEmpty());
    const QList<Split> exact = RunSplitter::enumerate({RunToken{digits(135), 0}}, 15);
    QCOMPARE(exact.size(), 1);
    for (const SplitValue &v : exact.first())
        QCOMPARE(v.value, 123456789.0);
    // Many ways to cut: the first ones, up to the limit.
    QCOMPARE(RunSplitter::enumerate({RunToken{QString(40, u'1'), 0}}, 15).size(), Limits::MaxRunSplits);
    // Zeros stand alone: a run that no cut completes, found without trying them all.
    QVERIFY(RunSplitter::enumerate({RunToken{u"9"_s + QString(60, u'0'), 0}}, 15).isEmpty());
    QVERIFY(RunSplitter::enumerate({RunToken{u"1"_s + QString(40, u'0'), 0}}, 25).isEmpty());
}

void TestBadInput::runOfTooManyReadingsStaysUndecidedWithoutAGuess()
{
    // Every row of tables 3 and 4 written as one run of ones: each can be cut in far more ways than
    // are weighed. No cell is decided from a list cut short, and none offers a reading.
    QStringList lines = seedText().split(u'\n');
    static const QRegularExpression values(u"(\\t\\d+)+\\t?$"_s);
    int runs = 0;
    for (QString &l : lines) {
        const int n = int(l.count(QRegularExpression(u"\\t\\d+(?=\\t|$)"_s)));
        if (n == 7) {
            l.replace(values, u"\t"_s + QString(40, u'1'));
            ++runs;
        } else if (l == t4Row()) {
            l = QString(60, u'1');
            ++runs;
        }
    }
    QCOMPARE(runs, 26);
    const ReadResult r = readWritten(lines.join(u'\n').toUtf8());
    QVERIFY2(r.ok, qPrintable(r.error));
    int undecided = 0;
    for (const QString &k :
         t4Keys() + QStringList{u"t3.partially_granted.total"_s, u"t3.carried_forward.research"_s}) {
        const Cell *c = r.report.cell(k);
        QVERIFY2(c, qPrintable(k));
        QCOMPARE(c->state, Cell::State::Uncertain);
        QVERIFY(c->candidates.isEmpty());
        QVERIFY(c->fromRun);
        ++undecided;
    }
    QCOMPARE(undecided, 17);
    for (const Finding &f : r.findings)
        if (f.rule == u"CELL.UNCERTAIN"_s)
            QVERIFY2(f.messageEn.contains(QString::number(Limits::MaxRunSplits)), qPrintable(f.messageEn));
    QCOMPARE(r.errors(), 0); // no identity is checked against a guess
}

QTEST_GUILESS_MAIN(TestBadInput)
void TestBadInput::digitsAreCountedAsUnicodeCountsThem()
{
    // The digits of a value, counted with ASCII told apart before Unicode's table is asked: the
    // count a loop over the trimmed text with QChar::digitValue gives, for texts of signs, digits
    // of several scripts, separators and spaces.
    const auto counted = [](QStringView text) {
        const QStringView t = text.trimmed();
        qsizetype i = 0;
        if (i < t.size() && (t[i] == u'-' || t[i] == u'+' || t[i] == u'−' || t[i] == u'－' || t[i] == u'＋'))
            ++i;
        int digits = 0;
        for (; i < t.size(); ++i) {
            if (t[i].digitValue() >= 0)
                ++digits;
            else if (t[i] != u',' && t[i] != u'，' && t[i] != u'.' && t[i] != u'．' && !t[i].isSpace())
                return -1;
        }
        return digits > 0 ? digits : -1;
    };
    const QString alphabet = u"0159 -+−－＋,，.．\t\u3000\u00A0５٣a件/"_s;
    std::mt19937 rng(23);
    for (int round = 0; round < 20000; ++round) {
        QString text;
        const int size = int(rng() % 9);
        for (int k = 0; k < size; ++k)
            text += alphabet[qsizetype(rng() % alphabet.size())];
        QVERIFY2(Limits::numberDigits(text) == counted(text), qPrintable(text));
    }
}

#include "tst_badinput.moc"
