// CSV and JSON read back, files written whole or not at all, names kept inside the folder, and
// nianbao-cli export.
#include "exporttesting.h"

using namespace nianbao;
using namespace nianbao::exporttesting;

class TestExportFiles : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void csvReadsBack_data();
    void csvReadsBack();
    void csvQuotesAsRfc4180();
    void jsonCarriesCorrectionsAndState();
    void failedWriteKeepsTheOldFile_data();
    void failedWriteKeepsTheOldFile();
    void cancellingLeavesTheOldBatch();
    void namesStayInsideTheFolder_data();
    void namesStayInsideTheFolder();
    void cliExportsOneReportOrAFolder();
    void cliExitsTwoWhenItCannotWrite();
};

void TestExportFiles::csvReadsBack_data()
{
    QTest::addColumn<int>("encoding");
    QTest::addColumn<int>("layout");
    QTest::newRow("the long CSV in UTF-8 with a BOM reads back")
        << int(CsvEncoding::Utf8Bom) << int(CsvLayout::Long);
    QTest::newRow("the long CSV in GB18030 reads back") << int(CsvEncoding::Gb18030) << int(CsvLayout::Long);
    QTest::newRow("the batch CSV in UTF-8 with a BOM reads back")
        << int(CsvEncoding::Utf8Bom) << int(CsvLayout::Wide);
    QTest::newRow("the batch CSV in GB18030 reads back") << int(CsvEncoding::Gb18030) << int(CsvLayout::Wide);
}

void TestExportFiles::csvReadsBack()
{
    QFETCH(int, encoding);
    QFETCH(int, layout);
    QList<ReviewedReport> reports;
    for (const QString &s : seeds)
        reports << load(s);
    ExportOptions o;
    o.csvEncoding = CsvEncoding(encoding);
    QTemporaryDir dir;
    const QString out = dir.filePath(u"out.csv"_s);
    QString error;
    QVERIFY2(Exporter::writeCsv(reports, CsvLayout(layout), out, o, &error), qPrintable(error));
    const QByteArray bytes = testutil::readBytes(out);
    QString text;
    if (o.csvEncoding == CsvEncoding::Utf8Bom) {
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
        QStringDecoder dec(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        text = dec(bytes.mid(3));
        QVERIFY(!dec.hasError());
    } else {
        QVERIFY(!bytes.startsWith("\xEF\xBB\xBF"));
        QStringDecoder utf8(QStringDecoder::Utf8);
        const QString asUtf8 = utf8.decode(bytes);
        Q_UNUSED(asUtf8);
        QVERIFY2(utf8.hasError(), "GB18030 bytes must not read as UTF-8");
        QStringDecoder dec("GB18030");
        QVERIFY(dec.isValid());
        text = dec(bytes);
        QVERIFY(!dec.hasError());
    }
    const QList<QStringList> rows = parseCsv(text);
    if (CsvLayout(layout) == CsvLayout::Long) {
        QCOMPARE(rows.first(), (QStringList{u"report"_s, u"table"_s, u"row"_s, u"column"_s, u"label"_s,
                                            u"value"_s, u"state"_s}));
        int n = 1;
        for (int i = 0; i < reports.size(); ++i) {
            const Report &rep = reports[i].current;
            for (const QString &k : rep.cellKeys()) {
                const QStringList &row = rows.value(n++);
                QCOMPARE(row.size(), 7);
                QCOMPARE(row[0], seeds[i].section(u'/', -1));
                QCOMPARE(row[1] + u'.' + row[2] + u'.' + row[3], k);
                QCOMPARE(row[4], rep.tmpl->cellLabel(k));
                const Cell *c = rep.cell(k);
                QCOMPARE(row[6], ExportCells::stateName(c));
                if (c && c->isNumber())
                    QCOMPARE(row[5].toDouble(), c->value);
                else if (c && c->state == Cell::State::Text)
                    QCOMPARE(row[5], c->text.trimmed());
                else
                    QVERIFY(row[5].isEmpty());
            }
        }
        QCOMPARE(rows.size(), n);
        QVERIFY(text.contains(u"（二）部分公开（区分处理的，只计这一情形，不计其他情形） · 法律服务机构"_s));
    } else {
        const QList<BatchColumn> cols = Exporter::batchColumns(reports);
        QCOMPARE(rows.size(), reports.size() + 1);
        for (int c = 0; c < cols.size(); ++c)
            QCOMPARE(rows[0].value(c), cols[c].label);
        QCOMPARE(rows[0].value(0), u"源文件"_s);
        for (int i = 0; i < reports.size(); ++i) {
            QCOMPARE(rows[i + 1].size(), cols.size());
            QCOMPARE(rows[i + 1][1], reports[i].current.unit);
            for (int c = 0; c < cols.size(); ++c) {
                if (!cols[c].isCell)
                    continue;
                const Cell *cell = reports[i].current.cell(cols[c].key);
                if (cell && cell->isNumber())
                    QCOMPARE(rows[i + 1][c].toDouble(), cell->value);
                else
                    QCOMPARE(rows[i + 1][c], Exporter::batchText(reports[i], cols[c]));
            }
        }
        QVERIFY(text.contains(u"卫东区人民政府办公室"_s));
    }
}

void TestExportFiles::csvQuotesAsRfc4180()
{
    ReviewedReport rr = load(seeds[1]);
    rr.current.unit = u"某市\"示范\"区, 第一\n办公室"_s;
    correct(rr, u"t3.new_received.total"_s, Cell::textual(u" 53, 见附注 "_s));
    const QString csv = Exporter::csvText({rr}, CsvLayout::Wide, {});
    const QList<QStringList> rows = parseCsv(csv);
    QCOMPARE(rows.size(), 2);
    const QList<BatchColumn> cols = Exporter::batchColumns({rr});
    QCOMPARE(rows[1].size(), cols.size());
    QCOMPARE(rows[1][1], rr.current.unit);
    int total = -1;
    for (int c = 0; c < cols.size(); ++c)
        if (cols[c].key == u"t3.new_received.total"_s)
            total = c;
    QCOMPARE(rows[1][total], u"53, 见附注"_s);
    // A text that would run as a formula stays text.
    correct(rr, u"t3.new_received.total"_s, Cell::textual(u"=HYPERLINK(\"x\")"_s));
    QCOMPARE(parseCsv(Exporter::csvText({rr}, CsvLayout::Wide, {}))[1][total], u"'=HYPERLINK(\"x\")"_s);
    QVERIFY(csv.contains(u"\"某市\"\"示范\"\"区, 第一\n办公室\""_s));
    QVERIFY(csv.endsWith(u"\r\n"_s));
}

void TestExportFiles::jsonCarriesCorrectionsAndState()
{
    ReviewedReport rr = load(seeds[3]);
    correct(rr, u"t2.regulations.issued"_s, Cell::number(1, u"1"_s), u"见正文"_s);
    rr.status = ReviewStatus::Reviewed;
    QTemporaryDir dir;
    QString error;
    QVERIFY2(Exporter::exportReports({rr}, ExportFormat::Json, dir.path(), {}, &error), qPrintable(error));
    const QJsonObject o = testutil::readJson(dir.filePath(u"003_2ee7e895fb2dacb9.json"_s));
    QCOMPARE(o.value("template"_L1).toString(), u"2021"_s);
    const QJsonObject cells = o.value("cells"_L1).toObject();
    QCOMPARE(cells.value("t2.regulations.issued"_L1).toInt(), 1);
    QCOMPARE(cells, ReportJson::toJson(rr.current, rr.findings).value("cells"_L1).toObject());
    QCOMPARE(o.value("review"_L1).toObject().value("status"_L1).toString(), u"reviewed"_s);
    QCOMPARE(o.value("review"_L1).toObject().value("reviewer"_L1).toString(), u"张审校"_s);
    const QJsonArray cs = o.value("corrections"_L1).toArray();
    QCOMPARE(cs.size(), 1);
    const QJsonObject c = cs.first().toObject();
    QCOMPARE(c.value("key"_L1).toString(), u"t2.regulations.issued"_s);
    QCOMPARE(c.value("extracted"_L1).toInt(), rr.extracted.cell(u"t2.regulations.issued"_s)->value);
    QCOMPARE(c.value("after"_L1).toInt(), 1);
    QCOMPARE(c.value("note"_L1).toString(), u"见正文"_s);
    QCOMPARE(c.value("time"_L1).toString(), u"2025-03-01T09:30:00Z"_s);
}

void TestExportFiles::failedWriteKeepsTheOldFile_data()
{
    QTest::addColumn<int>("format");
    QTest::addColumn<QString>("failure");
    for (int f : {int(ExportFormat::Xlsx), int(ExportFormat::Csv), int(ExportFormat::Json)}) {
        const QString ext = Exporter::extension(ExportFormat(f));
        QTest::newRow(qPrintable(u"a full disk leaves the old "_s + ext + u" as it was"_s)) << f << u"full"_s;
        QTest::newRow(qPrintable(u"a read-only folder leaves the old "_s + ext + u" as it was"_s))
            << f << u"readonly"_s;
    }
}

void TestExportFiles::failedWriteKeepsTheOldFile()
{
    QFETCH(int, format);
    QFETCH(QString, failure);
    QList<ReviewedReport> reports;
    for (const QString &s : seeds)
        reports << load(s);
    QTemporaryDir dir;
    const QString out = dir.filePath(u"out"_s + Exporter::extension(ExportFormat(format)));
    const QByteArray old = QByteArray(64, 'x') + "old content";
    QVERIFY(SafeWrite::writeFile(out, old, nullptr));
    const QStringList before = filesIn(dir.path());

    QString error;
    bool ok = true;
    if (failure == u"full"_s) {
        // A file-size limit makes every write past 4 KB fail, as a full disk does.
        std::signal(SIGXFSZ, SIG_IGN);
        rlimit saved;
        getrlimit(RLIMIT_FSIZE, &saved);
        rlimit small = saved;
        small.rlim_cur = 4096;
        setrlimit(RLIMIT_FSIZE, &small);
        ok = Exporter::exportReports({reports.first()}, ExportFormat(format), out, {}, &error);
        setrlimit(RLIMIT_FSIZE, &saved);
        // Several reports into one file: the batch over 4 KB fails the same way.
        QVERIFY(!ok);
        setrlimit(RLIMIT_FSIZE, &small);
        QString error2;
        const bool ok2 = ExportFormat(format) == ExportFormat::Xlsx
                             ? Exporter::writeBatchXlsx(reports, out, {}, &error2)
                         : ExportFormat(format) == ExportFormat::Csv
                             ? Exporter::writeCsv(reports, CsvLayout::Wide, out, {}, &error2)
                             : Exporter::writeJson(reports, out, {}, &error2);
        setrlimit(RLIMIT_FSIZE, &saved);
        QVERIFY(!ok2);
        QVERIFY(!error2.isEmpty());
    } else {
        QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::ExeOwner);
        if (geteuid() != 0) {
            ok = Exporter::exportReports({reports.first()}, ExportFormat(format), out, {}, &error);
        } else {
            // Root writes into any folder: export from a child process that has become an
            // ordinary user (nobody), owner of the read-only folder.
            QVERIFY(chown(QFile::encodeName(dir.path()).constData(), 65534, 65534) == 0);
            int fds[2];
            QVERIFY(pipe(fds) == 0);
            const pid_t pid = fork();
            if (pid == 0) {
                ::close(fds[0]);
                QByteArray msg = "setuid failed";
                if (setgid(65534) == 0 && setuid(65534) == 0) {
                    QString e;
                    const bool r =
                        Exporter::exportReports({reports.first()}, ExportFormat(format), out, {}, &e);
                    msg = (r ? "1" : "0") + e.toUtf8();
                }
                const ssize_t written = ::write(fds[1], msg.constData(), size_t(msg.size()));
                ::_exit(written == msg.size() ? 0 : 1);
            }
            ::close(fds[1]);
            QByteArray msg;
            char buf[4096];
            for (ssize_t n; (n = ::read(fds[0], buf, sizeof buf)) > 0;)
                msg.append(buf, n);
            ::close(fds[0]);
            int status = 0;
            waitpid(pid, &status, 0);
            QVERIFY2(msg.startsWith('0') || msg.startsWith('1'), msg.constData());
            ok = msg.startsWith('1');
            error = QString::fromUtf8(msg.mid(1));
        }
        QFile::setPermissions(dir.path(),
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    }
    QVERIFY(!ok);
    QVERIFY(!error.isEmpty());
    QVERIFY2(!error.contains(u'\n'), qPrintable(error));
    QVERIFY2(error.contains(u"out"_s + Exporter::extension(ExportFormat(format))), qPrintable(error));
    QCOMPARE(testutil::readBytes(out), old);
    QCOMPARE(filesIn(dir.path()), before); // no temporary file left behind
}

void TestExportFiles::cancellingLeavesTheOldBatch()
{
    QList<ReviewedReport> reports;
    for (int i = 0; i < 3; ++i)
        for (const QString &s : seeds)
            reports << load(s);
    QTemporaryDir dir;
    const QString batch = dir.filePath(u"nianbao-batch.xlsx"_s);
    QVERIFY(SafeWrite::writeFile(batch, "old batch", nullptr));
    ExportOptions o;
    o.perReportFiles = false;
    QList<int> seen, totals;
    QString error;
    const bool ok =
        Exporter::exportReports(reports, ExportFormat::Xlsx, dir.path(), o, &error, [&](int done, int total) {
            seen << done;
            totals << total;
            return done < 4;
        });
    QVERIFY(!ok);
    QCOMPARE(error, u"Export cancelled."_s);
    QCOMPARE(seen, (QList<int>{1, 2, 3, 4}));
    QCOMPARE(totals, QList<int>(4, int(reports.size()) + 1));
    QCOMPARE(testutil::readBytes(batch), QByteArray("old batch"));
    QCOMPARE(filesIn(dir.path()), QStringList{batch});
}

void TestExportFiles::namesStayInsideTheFolder_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("expected");
    QTest::newRow("a plain name keeps its stem") << u"/data/年报/平潭_2022.txt"_s << u"平潭_2022.xlsx"_s;
    QTest::newRow("parent folders in the name are dropped") << u"../../../etc/passwd"_s << u"passwd.xlsx"_s;
    QTest::newRow("backslashes count as separators") << u"C:\\reports\\..\\a.txt"_s << u"a.xlsx"_s;
    QTest::newRow("dot-dot alone becomes a plain name") << u".."_s << u"report.xlsx"_s;
    QTest::newRow("a hidden name loses its dot") << u".bashrc.txt"_s << u"bashrc.xlsx"_s;
    QTest::newRow("control characters are replaced") << u"a\u0001b\nc.txt"_s << u"a_b_c.xlsx"_s;
    QTest::newRow("reserved characters are replaced") << u"a:b*c?.txt"_s << u"a_b_c_.xlsx"_s;
    QTest::newRow("a Windows device name is escaped") << u"CON.txt"_s << u"_CON.xlsx"_s;
    QTest::newRow("an empty source gets a name") << QString() << u"report.xlsx"_s;
}

void TestExportFiles::namesStayInsideTheFolder()
{
    QFETCH(QString, source);
    QFETCH(QString, expected);
    ReviewedReport rr = load(seeds[0]);
    rr.current.source = source;
    rr.extracted.source = source;
    rr.current.unit.clear();
    ReviewedReport twin = rr; // a second report of the same name gets its own file
    QTemporaryDir dir;
    const QString sub = dir.filePath(u"out"_s);
    QString error;
    QStringList written;
    QVERIFY2(Exporter::exportReports({rr, twin}, ExportFormat::Xlsx, sub, {}, &error, {}, &written),
             qPrintable(error));
    QCOMPARE(written.size(), 3);
    QCOMPARE(QFileInfo(written[0]).fileName(), expected);
    QCOMPARE(QFileInfo(written[1]).fileName(), QFileInfo(expected).completeBaseName() + u" (2).xlsx"_s);
    const QString root = QFileInfo(sub).canonicalFilePath() + u'/';
    for (const QString &w : written) {
        QVERIFY2(QFileInfo(w).canonicalFilePath().startsWith(root), qPrintable(w));
        QVERIFY(QFileInfo::exists(w));
    }
    QCOMPARE(filesIn(dir.path()).size(), 3);
}

void TestExportFiles::cliExportsOneReportOrAFolder()
{
    QTemporaryDir dir;
    QProcess p;
    // A folder of seeds → one workbook per report and the batch workbook.
    p.start(QStringLiteral(NIANBAO_CLI),
            {u"export"_s, u"--xlsx"_s, dir.filePath(u"all"_s), testutil::dataPath(u"corpus/seeds"_s)});
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 0);
    QStringList names = QDir(dir.filePath(u"all"_s)).entryList(QDir::Files);
    QCOMPARE(names.size(), 6);
    QVERIFY(names.contains(u"nianbao-batch.xlsx"_s));
    const XlsxReader x = readBook(dir.filePath(u"all/nianbao-batch.xlsx"_s));
    QCOMPARE(x.sheet(u"汇总"_s)->rowCount(), 7);
    // One file → the file named, in GB18030 on request.
    p.start(QStringLiteral(NIANBAO_CLI), {u"export"_s, u"--csv"_s, u"--encoding"_s, u"gb18030"_s,
                                          dir.filePath(u"one.csv"_s), testutil::dataPath(seeds[1])});
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 0);
    QStringDecoder dec("GB18030");
    const QString text = dec(testutil::readBytes(dir.filePath(u"one.csv"_s)));
    QVERIFY(text.startsWith(u"report,table,row,column,label,value,state\r\n"_s));
    QVERIFY(text.contains(u"一、本年新收政府信息公开申请数量 · 法律服务机构,53,number"_s));
}

void TestExportFiles::cliExitsTwoWhenItCannotWrite()
{
    QTemporaryDir dir;
    const QString blocker = dir.filePath(u"file"_s);
    QVERIFY(SafeWrite::writeFile(blocker, "keep", nullptr));
    QProcess p;
    // Several reports need a folder; a file of that name is in the way.
    p.start(QStringLiteral(NIANBAO_CLI),
            {u"export"_s, u"--json"_s, blocker, testutil::dataPath(u"corpus/seeds"_s)});
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 2);
    const QString err = QString::fromUtf8(p.readAllStandardError()).trimmed();
    QVERIFY(!err.isEmpty());
    QVERIFY2(!err.contains(u'\n'), qPrintable(err));
    QCOMPARE(testutil::readBytes(blocker), QByteArray("keep"));
    // A file inside that file cannot be made either.
    p.start(QStringLiteral(NIANBAO_CLI),
            {u"export"_s, u"--xlsx"_s, blocker + u"/x.xlsx"_s, testutil::dataPath(seeds[0])});
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 2);
    QCOMPARE(testutil::readBytes(blocker), QByteArray("keep"));
}

QTEST_GUILESS_MAIN(TestExportFiles)
#include "tst_exportfiles.moc"
