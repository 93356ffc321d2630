// nianbao-cli as a user runs it: JSON on stdout, exit codes, the summary of check.
#include "testutil.h"

#include "review/disposition.h"
#include "review/review.h"
#include "session/reviewsession.h"
#include "store/reviewstore.h"

#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace nianbao;
using namespace Qt::Literals::StringLiterals;

class TestCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void extractExitCodes_data();
    void extractExitCodes();
    void extractPrintsTheJsonOfTheSpec();
    void checkSummarisesAFolder();
    void checkPrintsJsonWithProposedFixes();
    void checkComparesLastYearsReportOfTheSameBody();
    void aStoreGivesFindingsTheirDispositions();
    void exportCarriesTheReviewOfAStore();
    void unknownOptionsAndEmptyFoldersExit2();
    void aDashReadsStandardInput();

private:
    static QProcess *run(const QStringList &args, const QString &timeZone = {});
};

QProcess *TestCli::run(const QStringList &args, const QString &timeZone)
{
    auto *p = new QProcess;
    if (!timeZone.isEmpty()) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"TZ"_s, timeZone);
        p->setProcessEnvironment(env);
    }
    p->start(QStringLiteral(NIANBAO_CLI), args);
    p->waitForFinished(60000);
    return p;
}

void TestCli::extractExitCodes_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("code");
    QTest::newRow("a consistent report exits 0") << u"corpus/seeds/001_bff1b9e23c617db0.txt"_s << 0;
    QTest::newRow("a report with errors exits 1") << u"corpus/real/shanghai_kewei_2024.md"_s << 1;
    QTest::newRow("a file that is not a report exits 2") << u"bad/no_tables.txt"_s << 2;
}

void TestCli::extractExitCodes()
{
    QFETCH(QString, file);
    QFETCH(int, code);
    std::unique_ptr<QProcess> p(run({u"extract"_s, u"--json"_s, testutil::dataPath(file)}));
    QCOMPARE(p->exitStatus(), QProcess::NormalExit);
    QCOMPARE(p->exitCode(), code);
}

void TestCli::extractPrintsTheJsonOfTheSpec()
{
    const QString file = testutil::dataPath(u"corpus/real/shanghai_kewei_2024.md"_s);
    std::unique_ptr<QProcess> p(run({u"extract"_s, u"--json"_s, file}));
    const QJsonObject o = QJsonDocument::fromJson(p->readAllStandardOutput()).object();
    QCOMPARE(o.value("source"_L1).toString(), file);
    QCOMPARE(o.value("format"_L1).toString(), u"text"_s);
    QCOMPARE(o.value("encoding"_L1).toString(), u"UTF-8"_s);
    QCOMPARE(o.value("template"_L1).toString(), u"2021"_s);
    const QJsonObject cells = o.value("cells"_L1).toObject();
    QCOMPARE(cells.value("t3.new_received.total"_L1).toInt(), 34);
    QVERIFY(cells.value("t3.carried_forward.total"_L1).isNull());
    QVERIFY(cells.contains("t3.carried_forward.total"_L1));
    QVERIFY(o.value("uncertain"_L1).isArray());
    bool balance = false;
    for (const QJsonValue &v : o.value("findings"_L1).toArray()) {
        const QJsonObject f = v.toObject();
        QVERIFY(f.contains("rule"_L1) && f.contains("severity"_L1) && f.contains("cells"_L1) &&
                f.contains("message"_L1));
        if (f.value("rule"_L1).toString() == u"T3.BALANCE"_s) {
            balance = true;
            QCOMPARE(f.value("difference"_L1).toInt(), 1);
            QCOMPARE(f.value("severity"_L1).toString(), u"error"_s);
        }
    }
    QVERIFY(balance);
}

void TestCli::checkSummarisesAFolder()
{
    std::unique_ptr<QProcess> p(run({u"check"_s, u"--lang"_s, u"en"_s, testutil::dataPath(u"corpus/seeds"_s),
                                     testutil::dataPath(u"corpus/real/shanghai_kewei_2024.md"_s)}));
    QCOMPARE(p->exitCode(), 1);
    const QString out = QString::fromUtf8(p->readAllStandardOutput());
    // Clean: seeds 000 and 003. Warnings only: 001 (prose in 条), 002 (period to 12月3日), 004
    // ((六) printed as one row).
    QVERIFY2(out.contains(u"Total: 6 report(s), 1 with errors, 2 clean"_s), qPrintable(out));
    // Findings are told with the cells' labels, not only keys.
    QVERIFY(out.contains(u"Carried forward to next year"_s));
    QVERIFY(out.contains(u"T3.ROWTOTAL"_s));
}

void TestCli::checkPrintsJsonWithProposedFixes()
{
    std::unique_ptr<QProcess> p(
        run({u"check"_s, u"--json"_s, testutil::dataPath(u"corpus/real/hongze_2023.pdf"_s),
             testutil::dataPath(u"corpus/seeds/002_f891356e150a22f8.txt"_s)}));
    QCOMPARE(p->exitCode(), 1);
    const QJsonArray reports =
        QJsonDocument::fromJson(p->readAllStandardOutput()).object().value("reports"_L1).toArray();
    QCOMPARE(reports.size(), 2);
    // hongze 2023: 行政复议 total printed as 0 while its parts are 10 + 1.
    bool proposed = false;
    for (const QJsonValue &v : reports[0].toObject().value("findings"_L1).toArray()) {
        const QJsonObject f = v.toObject();
        QVERIFY(f.contains("about"_L1));
        if (f.value("rule"_L1) != u"T4.TOTAL"_s ||
            !f.value("cells"_L1).toArray().contains(u"t4.reconsideration.total"_s))
            continue;
        const QJsonArray s = f.value("suggestions"_L1).toArray();
        QCOMPARE(s.size(), 1);
        QCOMPARE(s[0].toObject().value("cell"_L1).toString(), u"t4.reconsideration.total"_s);
        QCOMPARE(s[0].toObject().value("value"_L1).toInt(), 11);
        proposed = true;
    }
    QVERIFY(proposed);
    // Seed 002: the period printed to 12月3日, with the sentence's span in the source.
    bool period = false;
    for (const QJsonValue &v : reports[1].toObject().value("findings"_L1).toArray()) {
        const QJsonObject f = v.toObject();
        if (f.value("rule"_L1) != u"STRUCTURE.PERIOD"_s)
            continue;
        QCOMPARE(f.value("severity"_L1).toString(), u"warning"_s);
        QVERIFY(f.value("evidence"_L1).toObject().value("text"_L1).toString().contains(u"12月3日"_s));
        QVERIFY(f.value("evidence"_L1).toObject().value("start"_L1).toInt() > 0);
        period = true;
    }
    QVERIFY(period);
}

void TestCli::checkComparesLastYearsReportOfTheSameBody()
{
    QTemporaryDir dir;
    const QStringList pair = testutil::writeConsecutiveReports(dir.path());
    QCOMPARE(pair.size(), 2);
    // Alone, the 2023 report has nothing to be compared with.
    std::unique_ptr<QProcess> alone(run({u"extract"_s, u"--json"_s, pair[1]}));
    for (const QJsonValue &f :
         QJsonDocument::fromJson(alone->readAllStandardOutput()).object().value("findings"_L1).toArray())
        QVERIFY(!f.toObject().value("rule"_L1).toString().startsWith(u"YEAR."_s));
    // With last year's report: its carried-over applications against last year's carried forward.
    std::unique_ptr<QProcess> p(run({u"check"_s, u"--json"_s, dir.path()}));
    QCOMPARE(p->exitCode(), 1); // the changed number breaks the 2023 report's own balance too
    const QJsonObject all = QJsonDocument::fromJson(p->readAllStandardOutput()).object();
    const QJsonArray reports = all.value("reports"_L1).toArray();
    QCOMPARE(reports.size(), 2);
    QVERIFY(all.value("unreadable"_L1).toArray().isEmpty());
    QCOMPARE(reports[1].toObject().value("source"_L1).toString(), pair[1]);
    QStringList years;
    for (int i = 0; i < 2; ++i)
        for (const QJsonValue &v : reports[i].toObject().value("findings"_L1).toArray()) {
            const QJsonObject f = v.toObject();
            if (!f.value("rule"_L1).toString().startsWith(u"YEAR."_s))
                continue;
            QCOMPARE(i, 1); // the later report is the one compared
            QCOMPARE(f.value("severity"_L1).toString(), u"warning"_s);
            years.append(f.value("rule"_L1).toString() + u':' +
                         f.value("cells"_L1).toArray().first().toString());
        }
    QVERIFY2(years.contains(u"YEAR.CARRYOVER:t3.carried_over.natural_person"_s),
             qPrintable(years.join(u", "_s)));
    // The summary tells them too.
    std::unique_ptr<QProcess> summary(run({u"check"_s, u"--lang"_s, u"en"_s, pair[0], pair[1]}));
    const QString out = QString::fromUtf8(summary->readAllStandardOutput());
    QVERIFY2(out.contains(u"! YEAR.CARRYOVER  Column “Natural persons”: carried over 2, but the 2022 report "
                          u"carried forward 0"_s),
             qPrintable(out));
}

void TestCli::aStoreGivesFindingsTheirDispositions()
{
    const QString file = testutil::dataPath(u"corpus/real/shanghai_kewei_2024.md"_s);
    const ReadResult read = ReportReader::read(file);
    QVERIFY(read.findings.size() >= 2);
    QTemporaryDir dir;
    const QString db = dir.filePath(u"reviews.sqlite"_s);
    {
        ReviewStore store;
        QString error;
        QVERIFY2(store.open(db, &error), qPrintable(error));
        const QString hash = ReviewStore::fileHash(file, &error);
        Disposition dismissed;
        dismissed.finding = findingKey(read.findings[0]);
        dismissed.rule = read.findings[0].rule;
        dismissed.kind = Disposition::Kind::Dismissed;
        dismissed.reason = u"已与报送单位核实"_s;
        dismissed.reviewer = u"王审校"_s;
        dismissed.time = QDateTime(QDate(2026, 3, 2), QTime(20, 30), Qt::UTC);
        QVERIFY2(store.setDisposition(hash, dismissed, &error), qPrintable(error));
        Disposition confirmed = dismissed;
        confirmed.finding = findingKey(read.findings[1]);
        confirmed.rule = read.findings[1].rule;
        confirmed.kind = Disposition::Kind::Confirmed;
        confirmed.reason.clear();
        QVERIFY2(store.setDisposition(hash, confirmed, &error), qPrintable(error));
    }
    auto fileBytes = [&db] {
        QFile f(db);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    };
    const QByteArray before = fileBytes();

    std::unique_ptr<QProcess> p(run({u"extract"_s, u"--json"_s, u"--store"_s, db, file}, u"Asia/Shanghai"_s));
    QCOMPARE(p->exitStatus(), QProcess::NormalExit);
    const QJsonArray findings =
        QJsonDocument::fromJson(p->readAllStandardOutput()).object().value("findings"_L1).toArray();
    QCOMPARE(findings.size(), read.findings.size());
    const QJsonObject d0 = findings[0].toObject().value("disposition"_L1).toObject();
    QCOMPARE(d0.value("state"_L1).toString(), u"dismissed"_s);
    QCOMPARE(d0.value("reason"_L1).toString(), u"已与报送单位核实"_s);
    QCOMPARE(d0.value("reviewer"_L1).toString(), u"王审校"_s);
    // local time with its offset: 20:30 UTC is the next morning in Shanghai
    QCOMPARE(d0.value("time"_L1).toString(), u"2026-03-03T04:30:00+08:00"_s);
    QCOMPARE(findings[1].toObject().value("disposition"_L1).toObject().value("state"_L1).toString(),
             u"confirmed"_s);
    for (qsizetype i = 2; i < findings.size(); ++i)
        QVERIFY(!findings[i].toObject().contains("disposition"_L1));

    // check --json the same; read only: the database is left as it was
    std::unique_ptr<QProcess> c(run({u"check"_s, u"--json"_s, u"--store"_s, db, file}, u"Asia/Shanghai"_s));
    const QJsonArray reports =
        QJsonDocument::fromJson(c->readAllStandardOutput()).object().value("reports"_L1).toArray();
    QCOMPARE(reports.size(), 1);
    QCOMPARE(reports[0]
                 .toObject()
                 .value("findings"_L1)
                 .toArray()[0]
                 .toObject()
                 .value("disposition"_L1)
                 .toObject()
                 .value("state"_L1)
                 .toString(),
             u"dismissed"_s);
    QCOMPARE(fileBytes(), before);

    // without a store, no finding has one
    std::unique_ptr<QProcess> plain(run({u"extract"_s, u"--json"_s, file}));
    for (const QJsonValue &f :
         QJsonDocument::fromJson(plain->readAllStandardOutput()).object().value("findings"_L1).toArray())
        QVERIFY(!f.toObject().contains("disposition"_L1));

    // a store that is not there is said, and nothing is made
    std::unique_ptr<QProcess> missing(
        run({u"extract"_s, u"--json"_s, u"--store"_s, dir.filePath(u"none.sqlite"_s), file}));
    QCOMPARE(missing->exitCode(), 2);
    QVERIFY(!QFile::exists(dir.filePath(u"none.sqlite"_s)));
}

void TestCli::exportCarriesTheReviewOfAStore()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(u"kewei.md"_s);
    QVERIFY(QFile::copy(testutil::dataPath(u"corpus/real/shanghai_kewei_2024.md"_s), file));
    const QString db = dir.filePath(u"reviews.sqlite"_s);
    const QString key = u"t3.granted.natural_person"_s;
    double corrected = 0;
    QString dismissedRule;
    {
        // The review as the window makes it: a correction, a finding dismissed, the report reviewed.
        ReviewSession session;
        QString error;
        QCOMPARE(session.openStore(db, &error), ReviewSession::StoreOpening::Opened);
        session.setReviewer(u"审校员甲"_s);
        session.read({file});
        session.waitForLoaded();
        Review *r = session.review(0);
        QVERIFY(r);
        corrected = r->report().cell(key)->value + 1;
        QVERIFY(r->setCellText(key, QString::number(corrected)));
        const Finding f = r->findings().first();
        dismissedRule = f.rule;
        QVERIFY2(r->dismiss({f}, u"已与报送单位核实"_s, &error), qPrintable(error));
        r->setStatus(ReviewStatus::Reviewed);
    }
    const QString out = dir.filePath(u"kewei.json"_s);
    std::unique_ptr<QProcess> p(run({u"export"_s, u"--json"_s, out, u"--database"_s, db, file}));
    QCOMPARE(p->exitCode(), 0);
    const QJsonObject o = testutil::readJson(out);
    const QJsonObject review = o.value("review"_L1).toObject();
    QCOMPARE(review.value("status"_L1).toString(), u"reviewed"_s);
    QCOMPARE(review.value("reviewer"_L1).toString(), u"审校员甲"_s);
    const QJsonArray corrections = o.value("corrections"_L1).toArray();
    QCOMPARE(corrections.size(), 1);
    QCOMPARE(corrections.first().toObject().value("key"_L1).toString(), key);
    QCOMPARE(corrections.first().toObject().value("after"_L1).toDouble(), corrected);
    QCOMPARE(o.value("cells"_L1).toObject().value(key).toDouble(), corrected);
    QCOMPARE(review.value("dismissed"_L1).toInt(), 1);
    bool dismissed = false;
    for (const QJsonValue &f : o.value("findings"_L1).toArray())
        dismissed =
            dismissed || f.toObject().value("disposition"_L1).toObject().value("state"_L1) == u"dismissed"_s;
    QVERIFY(dismissed);

    // --store is the same option; --no-store exports the report as read.
    std::unique_ptr<QProcess> alias(run({u"export"_s, u"--json"_s, out, u"--store"_s, db, file}));
    QCOMPARE(alias->exitCode(), 0);
    QCOMPARE(testutil::readJson(out).value("corrections"_L1).toArray().size(), 1);
    std::unique_ptr<QProcess> bare(run({u"export"_s, u"--json"_s, out, u"--no-store"_s, file}));
    QCOMPARE(bare->exitCode(), 0);
    QVERIFY(testutil::readJson(out).value("corrections"_L1).toArray().isEmpty());
    QCOMPARE(testutil::readJson(out).value("review"_L1).toObject().value("status"_L1).toString(), u"new"_s);

    // The letter leaves the dismissed finding out, and is signed by the reviewer.
    const QString letter = dir.filePath(u"kewei.docx"_s);
    std::unique_ptr<QProcess> l(run({u"export"_s, u"--letter"_s, letter, u"--database"_s, db, file}));
    QCOMPARE(l->exitCode(), 0);
    QVERIFY(QFileInfo(letter).size() > 0);
}

void TestCli::unknownOptionsAndEmptyFoldersExit2()
{
    std::unique_ptr<QProcess> p(run({u"check"_s, u"--frobnicate"_s, testutil::dataPath(u"corpus/seeds"_s)}));
    QCOMPARE(p->exitCode(), 2);
    const QString err = QString::fromUtf8(p->readAllStandardError());
    QVERIFY2(err.contains(u"frobnicate"_s), qPrintable(err));
    QVERIFY2(err.contains(u"export --xlsx"_s), qPrintable(err)); // the usage follows
    QVERIFY(p->readAllStandardOutput().isEmpty());

    QTemporaryDir dir;
    for (const QString &command : {u"check"_s, u"export"_s}) {
        QStringList args = {command, u"--lang"_s, u"en"_s};
        if (command == u"export"_s)
            args << u"--json"_s << dir.filePath(u"out"_s) << u"--no-store"_s;
        args << dir.path();
        std::unique_ptr<QProcess> e(run(args));
        QCOMPARE(e->exitCode(), 2);
        const QString said = QString::fromUtf8(e->readAllStandardError());
        QVERIFY2(said.contains(dir.path()) && said.contains(u"no report files"_s), qPrintable(said));
    }
}

void TestCli::aDashReadsStandardInput()
{
    const QString file = testutil::dataPath(u"corpus/real/shanghai_kewei_2024.md"_s);
    QProcess p;
    p.start(QStringLiteral(NIANBAO_CLI), {u"extract"_s, u"--json"_s, u"-"_s});
    QVERIFY(p.waitForStarted());
    p.write(testutil::readBytes(file));
    p.closeWriteChannel();
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 1); // its errors
    QJsonObject fromStdin = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
    std::unique_ptr<QProcess> direct(run({u"extract"_s, u"--json"_s, file}));
    QJsonObject fromFile = QJsonDocument::fromJson(direct->readAllStandardOutput()).object();
    fromStdin.remove("source"_L1);
    fromFile.remove("source"_L1);
    QVERIFY(!fromFile.isEmpty());
    QCOMPARE(fromStdin, fromFile);

    QProcess c;
    c.start(QStringLiteral(NIANBAO_CLI), {u"check"_s, u"--lang"_s, u"en"_s, u"-"_s});
    QVERIFY(c.waitForStarted());
    c.write(testutil::readBytes(file));
    c.closeWriteChannel();
    QVERIFY(c.waitForFinished(60000));
    QCOMPARE(c.exitCode(), 1);
    QVERIFY2(QString::fromUtf8(c.readAllStandardOutput()).startsWith(u"-: "_s), "the report is named -");
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
