// CSV and JSON read back, files written whole or not at all, names kept inside the folder, and
// nianbao-cli export.
#include "exporttesting.h"

#include "checks/suggestions.h"
#include "review/review.h"

using namespace nianbao;
using namespace nianbao::exporttesting;

class TestExportFiles : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { useShanghaiTime(); }
    void csvReadsBack_data();
    void csvReadsBack();
    void csvQuotesAsRfc4180();
    void jsonCarriesCorrectionsAndState();
    void csvSaysCorrectedBesideExtracted();
    void csvCarriesDispositions();
    void jsonCarriesDispositions();
    void englishExportUsesEnglishWords();
    void exportsCarryTheProposals();
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
        QCOMPARE(rows.first(),
                 (QStringList{u"报告"_s, u"表"_s, u"行"_s, u"列"_s, u"单元格"_s, u"审校后数值"_s,
                              u"原值（提取值）"_s, u"状态"_s, u"检查结果"_s, u"更正操作"_s, u"更正人"_s,
                              u"更正时间"_s, u"更正备注"_s, u"建议更正"_s}));
        int n = 1;
        for (int i = 0; i < reports.size(); ++i) {
            const Report &rep = reports[i].current;
            // The worst finding on each cell, counted here from the findings.
            QHash<QString, QString> worst;
            for (const Finding &f : reports[i].findings)
                for (const QString &k : f.cells)
                    if (worst.value(k) != u"错误"_s)
                        worst[k] = f.isError() ? u"错误"_s : u"警告"_s;
            for (const QString &k : rep.cellKeys()) {
                const QStringList &row = rows.value(n++);
                QCOMPARE(row.size(), 14);
                QCOMPARE(row[0], seeds[i].section(u'/', -1));
                QCOMPARE(row[1] + u'.' + row[2] + u'.' + row[3], k);
                QCOMPARE(row[4], rep.tmpl->cellLabel(k));
                const Cell *c = rep.cell(k);
                QStringList state;
                if (worst.contains(k))
                    state << worst.value(k);
                if (!c)
                    state << u"缺失"_s;
                else if (c->state == Cell::State::Blank)
                    state << u"空白"_s;
                else if (c->state == Cell::State::Text)
                    state << u"文字"_s;
                else if (c->state == Cell::State::Uncertain)
                    state << u"存疑"_s;
                QCOMPARE(row[7], state.isEmpty() ? u"数值"_s : state.join(u';'));
                if (c && c->isNumber())
                    QCOMPARE(row[5].toDouble(), c->value);
                else if (c && c->state == Cell::State::Text)
                    QCOMPARE(row[5], c->text.trimmed());
                else
                    QVERIFY(row[5].isEmpty());
                // Nothing corrected: no extracted value beside, no correction.
                QVERIFY(row[6].isEmpty() && row[9].isEmpty() && row[11].isEmpty());
            }
            // A finding about the whole report has its own line.
            for (const Finding &f : reports[i].findings)
                if (f.cells.isEmpty()) {
                    const QStringList &row = rows.value(n++);
                    QCOMPARE(row[4], u"（全文）"_s);
                    QCOMPARE(row[7], f.isError() ? u"错误"_s : u"警告"_s);
                    QVERIFY(row[8].startsWith(f.rule + u' '));
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
    // Local time with its offset: 09:30 UTC is 17:30 in Shanghai.
    QCOMPARE(c.value("time"_L1).toString(), u"2025-03-01T17:30:00+08:00"_s);
    QCOMPARE(c.value("action"_L1).toString(), u"edit"_s);
    QCOMPARE(c.value("action_zh"_L1).toString(), u"修改"_s);
    QCOMPARE(o.value("review"_L1).toObject().value("status_zh"_L1).toString(), u"已审校"_s);
}

void TestExportFiles::csvSaysCorrectedBesideExtracted()
{
    ReviewedReport rr = load(seeds[1]);
    const QString failing = u"t3.new_received.legal_service"_s;
    const double said = rr.extracted.cell(failing)->value;
    QVERIFY(said > 0);
    // Corrected to a value that breaks the row and the balance, at a known instant.
    correct(rr, failing, Cell::number(said + 4), u"按原件"_s, stamp);
    QCOMPARE(ExportCells::openMarks(rr).value(failing), int(ExportCells::Error));
    // Corrected to blank.
    correct(rr, u"t2.regulations.issued"_s, Cell::blank(), {}, stamp);
    rr.corrections.last().action = u"clear"_s;
    ExportOptions o;
    o.csvEncoding = CsvEncoding::Utf8;
    QTemporaryDir dir;
    QString error;
    const QString out = dir.filePath(u"r.csv"_s);
    QVERIFY2(Exporter::exportReports({rr}, ExportFormat::Csv, out, o, &error), qPrintable(error));
    const QList<QStringList> rows = parseCsv(QString::fromUtf8(testutil::readBytes(out)));
    QHash<QString, QStringList> byKey;
    for (const QStringList &row : rows.mid(1))
        if (!row[1].isEmpty())
            byKey.insert(row[1] + u'.' + row[2] + u'.' + row[3], row);
    const QStringList f = byKey.value(failing);
    QCOMPARE(f.value(5).toDouble(), said + 4);
    QCOMPARE(f.value(6).toDouble(), said); // what the report said, beside it
    QCOMPARE(f.value(7), u"已更正;错误"_s);
    QVERIFY2(f.value(8).contains(u"T3."_s), qPrintable(f.value(8)));
    QCOMPARE(f.value(9), u"修改"_s);
    QCOMPARE(f.value(10), u"张审校"_s);
    QCOMPARE(f.value(11), stampIso);
    QCOMPARE(QDateTime::fromString(f.value(11), Qt::ISODate).toUTC(), stamp);
    QCOMPARE(f.value(12), u"按原件"_s);
    const QStringList b = byKey.value(u"t2.regulations.issued"_s);
    QVERIFY(b.value(5).isEmpty());
    QCOMPARE(b.value(6).toDouble(), rr.extracted.cell(u"t2.regulations.issued"_s)->value);
    QVERIFY(b.value(7).startsWith(u"已更正;"_s));
    QVERIFY(b.value(7).endsWith(u";空白"_s));
    QCOMPARE(b.value(9), u"清空"_s);
    // An untouched cell of the same row is not marked corrected.
    QVERIFY(!byKey.value(u"t3.new_received.commercial"_s).value(7).contains(u"已更正"_s));

    // With keys in the header the columns have their machine names.
    o.csvKeyHeader = true;
    QCOMPARE(parseCsv(Exporter::csvText({rr}, CsvLayout::Long, o)).first(),
             (QStringList{u"report"_s, u"table"_s, u"row"_s, u"column"_s, u"label"_s, u"value"_s,
                          u"extracted"_s, u"state"_s, u"findings"_s, u"action"_s, u"reviewer"_s, u"time"_s,
                          u"note"_s, u"suggestion"_s}));
}

void TestExportFiles::csvCarriesDispositions()
{
    ReviewedReport rr = load(u"corpus/real/shanghai_kewei_2024.md"_s);
    const Finding *order = findingOf(rr, u"STRUCTURE.SECTION_ORDER"_s);
    const Finding *missing = findingOf(rr, u"CELL.MISSING"_s);
    const Finding *balance = findingOf(rr, u"T3.BALANCE"_s);
    QVERIFY(order && missing && balance);
    dispose(rr, *order, Disposition::Kind::Dismissed, u"正文按本机关惯例排序"_s);
    dispose(rr, *missing, Disposition::Kind::Dismissed, u"原表即无此栏"_s);
    dispose(rr, *balance, Disposition::Kind::Confirmed);
    const QString missingCell = missing->cells.first();
    const QList<QStringList> rows = parseCsv(Exporter::csvText({rr}, CsvLayout::Long, {}));
    bool sawOrder = false, sawMissing = false, sawBalance = false;
    for (const QStringList &row : rows.mid(1)) {
        const QString key = row[1] + u'.' + row[2] + u'.' + row[3];
        if (row[1].isEmpty() && row[8].startsWith(u"STRUCTURE.SECTION_ORDER "_s)) {
            QCOMPARE(row[7], u"已排除"_s);
            QVERIFY2(row[8].endsWith(u"已排除：正文按本机关惯例排序（李科长 "_s + stampIso + u"）"_s),
                     qPrintable(row[8]));
            sawOrder = true;
        }
        if (key == missingCell) {
            QVERIFY2(row[8].contains(u"CELL.MISSING 警告："_s), qPrintable(row[8]));
            QVERIFY(row[8].contains(u"已排除：原表即无此栏（李科长 "_s + stampIso + u"）"_s));
            if (!ExportCells::openMarks(rr).contains(key))
                QVERIFY2(row[7].startsWith(u"已排除"_s), qPrintable(row[7]));
            sawMissing = true;
        }
        if (balance->cells.contains(key)) {
            QVERIFY2(row[7].contains(u"错误"_s), qPrintable(row[7])); // a confirmed error stays an error
            QVERIFY(row[8].contains(u"T3.BALANCE 错误："_s));
            QVERIFY(row[8].contains(u"已确认（李科长 "_s + stampIso + u"）"_s));
            sawBalance = true;
        }
    }
    QVERIFY(sawOrder && sawMissing && sawBalance);
    // The batch CSV counts them.
    const QList<BatchColumn> cols = Exporter::batchColumns({rr});
    const QList<QStringList> wide = parseCsv(Exporter::csvText({rr}, CsvLayout::Wide, {}));
    for (int c = 0; c < cols.size(); ++c) {
        if (cols[c].key == u"confirmed"_s) {
            QCOMPARE(wide[0][c], u"已确认数"_s);
            QCOMPARE(wide[1][c], u"1"_s);
        } else if (cols[c].key == u"dismissed"_s) {
            QCOMPARE(wide[0][c], u"已排除数"_s);
            QCOMPARE(wide[1][c], u"2"_s);
        }
    }
}

void TestExportFiles::jsonCarriesDispositions()
{
    ReviewedReport rr = load(u"corpus/real/shanghai_kewei_2024.md"_s);
    const Finding *order = findingOf(rr, u"STRUCTURE.SECTION_ORDER"_s);
    const Finding *balance = findingOf(rr, u"T3.BALANCE"_s);
    QVERIFY(order && balance);
    dispose(rr, *order, Disposition::Kind::Dismissed, u"正文按本机关惯例排序"_s);
    dispose(rr, *balance, Disposition::Kind::Confirmed, {}, u"王审校"_s, stamp.addDays(1));
    rr.status = ReviewStatus::Sent;
    ExportOptions o;
    o.exportTime = stamp;
    QTemporaryDir dir;
    const QString out = dir.filePath(u"r.json"_s);
    QString error;
    QVERIFY2(Exporter::exportReports({rr}, ExportFormat::Json, out, o, &error), qPrintable(error));
    const QJsonObject j = testutil::readJson(out);
    const QJsonObject review = j.value("review"_L1).toObject();
    QCOMPARE(review.value("status"_L1).toString(), u"sent"_s);
    QCOMPARE(review.value("status_zh"_L1).toString(), u"已报送"_s);
    QCOMPARE(review.value("exported"_L1).toString(), stampIso);
    QCOMPARE(review.value("confirmed"_L1).toInt(), 1);
    QCOMPARE(review.value("dismissed"_L1).toInt(), 1);
    // the warnings left are those not dismissed, as the window counts them; a confirmed error counts
    QCOMPARE(review.value("warnings"_L1).toInt(), RuleEngine::warningCount(rr.findings) - 1);
    QCOMPARE(review.value("errors"_L1).toInt(), RuleEngine::errorCount(rr.findings));
    const QJsonArray findings = j.value("findings"_L1).toArray();
    QCOMPARE(findings.size(), rr.findings.size());
    int with = 0;
    for (int i = 0; i < findings.size(); ++i) {
        const QJsonObject f = findings[i].toObject();
        QCOMPARE(f.value("rule"_L1).toString(), rr.findings[i].rule);
        QCOMPARE(f.value("severity_zh"_L1).toString(), rr.findings[i].isError() ? u"错误"_s : u"警告"_s);
        const QJsonObject d = f.value("disposition"_L1).toObject();
        if (rr.findings[i].rule == u"STRUCTURE.SECTION_ORDER"_s) {
            QCOMPARE(d.value("state"_L1).toString(), u"dismissed"_s);
            QCOMPARE(d.value("state_zh"_L1).toString(), u"已排除"_s);
            QCOMPARE(d.value("reason"_L1).toString(), u"正文按本机关惯例排序"_s);
            QCOMPARE(d.value("reviewer"_L1).toString(), u"李科长"_s);
            QCOMPARE(d.value("time"_L1).toString(), stampIso);
            ++with;
        } else if (&rr.findings[i] == balance) {
            QCOMPARE(d.value("state"_L1).toString(), u"confirmed"_s);
            QCOMPARE(d.value("reviewer"_L1).toString(), u"王审校"_s);
            QCOMPARE(d.value("time"_L1).toString(), u"2026-02-02T04:30:00+08:00"_s);
            QCOMPARE(QDateTime::fromString(d.value("time"_L1).toString(), Qt::ISODate).toUTC(),
                     stamp.addDays(1));
            ++with;
        } else {
            QVERIFY(!f.contains("disposition"_L1));
        }
    }
    QCOMPARE(with, 2);
}

void TestExportFiles::englishExportUsesEnglishWords()
{
    ReviewedReport rr = load(u"corpus/real/shanghai_kewei_2024.md"_s);
    const Finding *order = findingOf(rr, u"STRUCTURE.SECTION_ORDER"_s);
    QVERIFY(order);
    dispose(rr, *order, Disposition::Kind::Dismissed, u"order as the office prints it"_s);
    const QString failing = u"t3.granted.natural_person"_s;
    correct(rr, failing, Cell::number(25, u"25"_s), {}, stamp);
    QVERIFY(ExportCells::openMarks(rr).value(failing) == ExportCells::Error);
    QCOMPARE(Language::set(u"en"_s), u"en"_s);
    const QList<QStringList> rows = parseCsv(Exporter::csvText({rr}, CsvLayout::Long, {}));
    const QJsonObject j = Exporter::reportJson(rr, {});
    Language::set(u"zh_CN"_s);
    QCOMPARE(rows.first().mid(5, 4),
             (QStringList{u"Value"_s, u"Extracted value"_s, u"State"_s, u"Findings"_s}));
    bool sawCell = false, sawOrder = false;
    for (const QStringList &row : rows) {
        if (row[1] + u'.' + row[2] + u'.' + row[3] == failing) {
            QCOMPARE(row[7], u"corrected;error"_s);
            QCOMPARE(row[9], u"Edit"_s);
            QCOMPARE(row[11], stampIso);
            sawCell = true;
        }
        if (row[8].startsWith(u"STRUCTURE.SECTION_ORDER "_s)) {
            QCOMPARE(row[7], u"dismissed"_s);
            QVERIFY2(
                row[8].contains(u"dismissed: order as the office prints it (李科长 "_s + stampIso + u")"_s),
                qPrintable(row[8]));
            sawOrder = true;
        }
    }
    QVERIFY(sawCell && sawOrder);
    // The JSON's Chinese fields stay Chinese whatever the language.
    QCOMPARE(j.value("review"_L1).toObject().value("status_zh"_L1).toString(), u"审校中"_s);
    QCOMPARE(j.value("corrections"_L1).toArray().first().toObject().value("action_zh"_L1).toString(),
             u"修改"_s);
}

// Seed 001 with one total typed wrong (39 printed 38): every export says what would repair it,
// and once the proposal is accepted, that it was (采纳建议).
void TestExportFiles::exportsCarryTheProposals()
{
    QTemporaryDir dir;
    QString text = QString::fromUtf8(testutil::readBytes(testutil::dataPath(seeds[1])));
    const QString line = u"1. 本机关不掌握相关政府信息\t0\t0\t0\t0\t39\t0\t39"_s;
    QCOMPARE(text.count(line), 1);
    text.replace(line, u"1. 本机关不掌握相关政府信息\t0\t0\t0\t0\t39\t0\t38"_s);
    const QString source = dir.filePath(u"卫东区_2023.txt"_s);
    QVERIFY(SafeWrite::writeFile(source, text.toUtf8(), nullptr));
    const ReadResult read = ReportReader::read(source);
    QVERIFY(read.ok);
    ReviewedReport rr = ReviewedReport::fromExtracted(read.report, read.findings);
    const QString key = u"t3.unable_not_held.total"_s;
    const Finding *rowTotal = nullptr;
    for (const Finding &f : rr.findings)
        if (f.rule == u"T3.ROWTOTAL"_s && f.cells.contains(key))
            rowTotal = &f;
    QVERIFY(rowTotal);
    const QList<Suggestion> best = Suggestions::proposal(*rowTotal, 1);
    QCOMPARE(best.size(), 1);
    QCOMPARE(best.first().cell, key);
    QCOMPARE(best.first().value, 39.0);
    const QString why = best.first().why;
    QVERIFY(!why.isEmpty());

    // CSV: the cell's line proposes 39, the other cells nothing
    const QList<QStringList> rows = parseCsv(Exporter::csvText({rr}, CsvLayout::Long, {}));
    const int col = int(rows.first().indexOf(u"建议更正"_s));
    QVERIFY(col > 0);
    int proposing = 0;
    for (const QStringList &row : rows.mid(1)) {
        if (row.value(col).isEmpty())
            continue;
        ++proposing;
        QCOMPARE(row[1] + u'.' + row[2] + u'.' + row[3], key);
        QVERIFY2(row[col].startsWith(u"39（方案1："_s + why), qPrintable(row[col]));
    }
    QCOMPARE(proposing, 1);

    // XLSX: the 检查结果 sheet's column of proposals, found by its header
    const QString book = dir.filePath(u"r.xlsx"_s);
    QString error;
    QVERIFY2(Exporter::writeReportXlsx(rr, book, {}, &error), qPrintable(error));
    const XlsxReader x = readBook(book);
    const XlsxSheet *s = x.sheet(u"检查结果"_s);
    QVERIFY(s);
    int xcol = -1;
    for (int c = 0; c < 20 && xcol < 0; ++c)
        if (s->text(0, c) == u"建议更正"_s)
            xcol = c;
    QVERIFY(xcol >= 0);
    bool sawRowTotal = false;
    for (int r = 1; r < s->rowCount(); ++r) {
        const Finding &f = rr.findings[r - 1];
        // the rule's Chinese name with its id beside it: 办理结果合计（T3.RESULTS）
        QVERIFY2(s->text(r, 0).endsWith(u"（"_s + f.rule + u"）"_s), qPrintable(s->text(r, 0)));
        if (f.suggestions.isEmpty()) {
            QCOMPARE(s->text(r, xcol), f.noSuggestion);
            continue;
        }
        QVERIFY2(s->text(r, xcol).startsWith(u"方案1："_s + RuleEngine::cellName(*rr.current.tmpl, key) +
                                             u" 38 → 39（"_s + why + u"）"_s),
                 qPrintable(s->text(r, xcol)));
        sawRowTotal |= f.rule == u"T3.ROWTOTAL"_s;
    }
    QVERIFY(sawRowTotal);

    // JSON: the finding's suggestions
    const QJsonObject j = Exporter::reportJson(rr, {});
    bool sawJson = false;
    for (const QJsonValue &v : j.value("findings"_L1).toArray()) {
        const QJsonObject f = v.toObject();
        if (f.value("rule"_L1).toString() != u"T3.ROWTOTAL"_s)
            continue;
        const QJsonObject first = f.value("suggestions"_L1).toArray().first().toObject();
        QCOMPARE(first.value("cell"_L1).toString(), key);
        QCOMPARE(first.value("value"_L1).toDouble(), 39.0);
        QCOMPARE(first.value("proposal"_L1).toInt(), 1);
        QCOMPARE(first.value("why"_L1).toString(), why);
        sawJson = true;
    }
    QVERIFY(sawJson);

    // accepted: the identities hold, and every export names the change 采纳建议
    Review review(rr);
    review.setReviewer(u"张审校"_s);
    QVERIFY(review.acceptSuggestion(*rowTotal, 1, &error));
    QCOMPARE(review.errorCount(), 0);
    const ReviewedReport done = review.reviewed();
    const QList<QStringList> after = parseCsv(Exporter::csvText({done}, CsvLayout::Long, {}));
    const int action = int(after.first().indexOf(u"更正操作"_s));
    bool sawAccept = false;
    for (const QStringList &row : after.mid(1)) {
        QVERIFY(row.value(col).isEmpty()); // nothing left to propose
        if (row[1] + u'.' + row[2] + u'.' + row[3] == key) {
            QCOMPARE(row[5], u"39"_s);
            QCOMPARE(row[action], u"采纳建议"_s);
            sawAccept = true;
        }
    }
    QVERIFY(sawAccept);
    const QJsonObject c = Exporter::reportJson(done, {}).value("corrections"_L1).toArray().first().toObject();
    QCOMPARE(c.value("action"_L1).toString(), u"accept"_s);
    QCOMPARE(c.value("action_zh"_L1).toString(), u"采纳建议"_s);
    QVERIFY2(Exporter::writeReportXlsx(done, book, {}, &error), qPrintable(error));
    const XlsxReader y = readBook(book);
    const XlsxSheet *log = y.sheet(u"修改记录"_s);
    QVERIFY(log);
    QCOMPARE(log->rowCount(), 2);
    QCOMPARE(log->text(1, 4), u"采纳建议"_s);
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
    QVERIFY(text.startsWith(u"报告,表,行,列,单元格,审校后数值,原值（提取值）,状态,"_s));
    QVERIFY(text.contains(u"一、本年新收政府信息公开申请数量 · 法律服务机构,53,,数值,"_s));
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
