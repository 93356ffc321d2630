// The workbooks: every cell where the printed form has it, the marks of failing, corrected and
// uncertain cells, the findings sheet, the batch.
#include "exporttesting.h"
#include "rules/catalogue.h"

using namespace nianbao;
using namespace nianbao::exporttesting;

class TestExport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { useShanghaiTime(); }
    void reportWorkbookHoldsEveryCell_data();
    void reportWorkbookHoldsEveryCell();
    void tablesAreLaidOutLikeTheForm();
    void failingCellsAreFilled();
    void correctedCellsCarryAFillAndTheExtractedValue();
    void feeKeepsItsDecimals();
    void uncertainCellsShowTheirCandidates();
    void findingsSheetNamesCellsByLabel();
    void batchWorkbookHoldsEveryReport();
    void batchColumnsMergeTemplatesInFormOrder();
    void correctedFailingCellShowsBothMarks();
    void findingsSheetCarriesDispositions();
    void reviewStatesAndActionsAreInChinese();
};

void TestExport::reportWorkbookHoldsEveryCell_data()
{
    QTest::addColumn<QString>("file");
    for (const QString &s : seeds)
        QTest::newRow(
            qPrintable(u"every cell of seed "_s + s.section(u'/', -1).left(3) + u" is in its workbook"_s))
            << s;
    QTest::newRow("every cell of a report with errors is in its workbook")
        << u"corpus/real/shanghai_kewei_2024.md"_s;
    QTest::newRow("every cell of a T2019 report is in its workbook")
        << u"corpus/real/pingtan_2019_t2019.txt"_s;
    QTest::newRow("every cell of digits run together is in its workbook")
        << u"corpus/real/pingtan_2022.txt"_s;
}

void TestExport::reportWorkbookHoldsEveryCell()
{
    QFETCH(QString, file);
    const ReviewedReport rr = load(file);
    QTemporaryDir dir;
    const QString out = dir.filePath(u"r.xlsx"_s);
    QString error;
    ExportOptions o;
    o.exportTime = stamp;
    QVERIFY2(Exporter::writeReportXlsx(rr, out, o, &error), qPrintable(error));
    const XlsxReader x = readBook(out);
    QStringList expectedSheets = {u"封面"_s};
    for (const TableDef &t : rr.current.tmpl->tables())
        expectedSheets << ExportCells::tableTitle(t);
    expectedSheets << u"检查结果"_s << u"修改记录"_s;
    QCOMPARE(x.sheetNames(), expectedSheets);

    int checked = 0;
    for (const TableDef &t : rr.current.tmpl->tables()) {
        const XlsxSheet *s = x.sheet(ExportCells::tableTitle(t));
        QVERIFY(s);
        for (const RowDef &row : t.rows) {
            if (!t.rowActive(row, rr.current.variant))
                continue;
            for (int ci = 0; ci < t.columns.size(); ++ci) {
                if (!row.columns.isEmpty() && !row.columns.contains(ci))
                    continue;
                const ColumnDef &col = t.columns[ci];
                const QString key = Template::cellKey(t, row, col);
                int r = -1, c = -1;
                QVERIFY2(locate(*s, t, row, col, &r, &c), qPrintable(u"no place for "_s + key));
                const QString diff = compareCell(s->cell(r, c), rr.current.cell(key));
                QVERIFY2(diff.isEmpty(), qPrintable(key + u": "_s + diff));
                ++checked;
            }
        }
    }
    QCOMPARE(checked, rr.current.cellKeys().size());

    const XlsxSheet *cover = x.sheet(u"封面"_s);
    QVERIFY(cover);
    QHash<QString, QString> coverLines;
    for (int r = 0; r < cover->rowCount(); ++r)
        coverLines.insert(cover->text(r, 0), cover->text(r, 1));
    QCOMPARE(coverLines.value(u"源文件"_s), file.section(u'/', -1));
    QCOMPARE(coverLines.value(u"单位"_s), rr.current.unit);
    QCOMPARE(coverLines.value(u"年度"_s), rr.current.year);
    QCOMPARE(coverLines.value(u"审校状态"_s), u"未审校"_s);
    QVERIFY(coverLines.value(u"模板"_s).contains(rr.current.templateName()));
    // Exported at 20:30 UTC on 31 January: 04:30 on 1 February in Shanghai, with its offset.
    QCOMPARE(coverLines.value(u"导出时间"_s), stampText);
}

void TestExport::tablesAreLaidOutLikeTheForm()
{
    const ReviewedReport rr = load(seeds[1]);
    QTemporaryDir dir;
    const QString out = dir.filePath(u"r.xlsx"_s);
    QString error;
    QVERIFY2(Exporter::writeReportXlsx(rr, out, {}, &error), qPrintable(error));
    const XlsxReader x = readBook(out);
    const XlsxSheet *t3 = x.sheet(u"三、收到和处理政府信息公开申请情况"_s);
    QVERIFY(t3);
    auto rowOf = [&](const QString &label, int col) {
        for (int r = 0; r < t3->rowCount(); ++r)
            if (t3->text(r, col) == label)
                return r;
        return -1;
    };
    // 三、本年度办理结果 spans the result rows, from （一）予以公开 to （七）总计.
    const int results = rowOf(u"三、本年度办理结果"_s, 0);
    QCOMPARE(results, rowOf(u"（一）予以公开"_s, 1));
    int lr = -1, lc = -1;
    QVERIFY(t3->mergeAt(results, 0, &lr, &lc));
    QCOMPARE(lr, rowOf(u"（七）总计"_s, 1));
    QCOMPARE(lc, 0);
    // （三）不予公开 spans its eight sub-items; （四） three, （五） five, （六） three.
    const QList<QPair<QString, int>> subgroups = {{u"（三）不予公开"_s, 8},
                                                  {u"（四）无法提供"_s, 3},
                                                  {u"（五）不予处理"_s, 5},
                                                  {u"（六）其他处理"_s, 3}};
    for (const auto &[label, n] : subgroups) {
        const int r = rowOf(label, 1);
        QVERIFY2(r > 0, qPrintable(label));
        QVERIFY(t3->mergeAt(r, 1, &lr, &lc));
        QCOMPARE(lr - r + 1, n);
    }
    // 法人或其他组织 over its five columns; 自然人 and 总计 over both header rows.
    bool found = false;
    for (int r = 0; r < 5 && !found; ++r)
        for (int c = 0; c < 10 && !found; ++c)
            if (t3->text(r, c) == u"法人或其他组织"_s) {
                QVERIFY(t3->mergeAt(r, c, &lr, &lc));
                QCOMPARE(lc - c + 1, 5);
                QCOMPARE(t3->text(r + 1, c), u"商业企业"_s);
                QCOMPARE(t3->text(r + 1, lc), u"其他"_s);
                found = true;
            }
    QVERIFY(found);

    // Table 4: 行政复议 over five columns, 行政诉讼 over ten, its two kinds over five each.
    const XlsxSheet *t4 = x.sheet(u"四、政府信息公开行政复议、行政诉讼情况"_s);
    QVERIFY(t4);
    QCOMPARE(t4->text(1, 0), u"行政复议"_s);
    QVERIFY(t4->mergeAt(1, 0, &lr, &lc));
    QCOMPARE(lc, 4);
    QCOMPARE(t4->text(1, 5), u"行政诉讼"_s);
    QVERIFY(t4->mergeAt(1, 5, &lr, &lc));
    QCOMPARE(lc, 14);
    QCOMPARE(t4->text(2, 5), u"未经复议直接起诉"_s);
    QCOMPARE(t4->text(2, 10), u"复议后起诉"_s);
    QVERIFY(t4->mergeAt(2, 10, &lr, &lc));
    QCOMPARE(lc, 14);

    // Table 2: one header per article section; a single-column section spans the value columns.
    const XlsxSheet *t2 = x.sheet(u"二、主动公开政府信息情况"_s);
    QVERIFY(t2);
    QStringList sections;
    for (int r = 0; r < t2->rowCount(); ++r)
        if (t2->text(r, 0).startsWith(u"第二十条"_s))
            sections << t2->text(r, 0);
    QCOMPARE(sections, (QStringList{u"第二十条第（一）项"_s, u"第二十条第（五）项"_s, u"第二十条第（六）项"_s,
                                    u"第二十条第（八）项"_s}));
    const int fee = [&] {
        for (int r = 0; r < t2->rowCount(); ++r)
            if (t2->text(r, 0) == u"行政事业性收费"_s)
                return r;
        return -1;
    }();
    QVERIFY(fee > 0);
    QVERIFY(t2->mergeAt(fee, 1, &lr, &lc));
    QCOMPARE(lc, 3);
}

void TestExport::failingCellsAreFilled()
{
    const ReviewedReport rr = load(u"corpus/real/shanghai_kewei_2024.md"_s);
    QVERIFY(RuleEngine::errorCount(rr.findings) > 0);
    QTemporaryDir dir;
    const QString out = dir.filePath(u"r.xlsx"_s);
    QString error;
    QVERIFY2(Exporter::writeReportXlsx(rr, out, {}, &error), qPrintable(error));
    const XlsxReader x = readBook(out);
    QHash<QString, int> worst;
    for (const Finding &f : rr.findings)
        for (const QString &k : f.cells)
            worst[k] = qMax(worst.value(k), f.isError() ? 2 : 1);
    int red = 0, amber = 0, plain = 0;
    for (const TableDef &t : rr.current.tmpl->tables()) {
        const XlsxSheet *s = x.sheet(ExportCells::tableTitle(t));
        for (const RowDef &row : t.rows) {
            if (!t.rowActive(row, rr.current.variant))
                continue;
            for (int ci = 0; ci < t.columns.size(); ++ci) {
                if (!row.columns.isEmpty() && !row.columns.contains(ci))
                    continue;
                const QString key = Template::cellKey(t, row, t.columns[ci]);
                int r, c;
                QVERIFY(locate(*s, t, row, t.columns[ci], &r, &c));
                const XlsxCell *cell = s->cell(r, c);
                QVERIFY2(cell, qPrintable(key));
                const unsigned fill = x.fill(cell->style);
                const Cell *rc = rr.current.cell(key);
                const bool uncertain = rc && rc->state == Cell::State::Uncertain;
                const unsigned expected = worst.value(key) == 2                ? XlsxExport::ErrorFill
                                          : worst.value(key) == 1 || uncertain ? XlsxExport::WarningFill
                                                                               : 0u;
                QVERIFY2(fill == expected, qPrintable(key + u": fill "_s + QString::number(fill, 16)));
                (expected == XlsxExport::ErrorFill ? red : expected ? amber : plain)++;
            }
        }
    }
    QVERIFY(red > 0);
    QVERIFY(plain > 0);
}

void TestExport::correctedCellsCarryAFillAndTheExtractedValue()
{
    ReviewedReport rr = load(seeds[1]);
    // A table-2 cell whose new value breaks nothing shows the correction's fill (table 2 has no
    // identity, but the prose checks may name a cell).
    QString clean;
    double extracted = 0;
    for (const QString &k : rr.current.cellKeys()) {
        if (!k.startsWith(u"t2."_s) || !rr.current.cell(k) || !rr.current.cell(k)->isNumber())
            continue;
        ReviewedReport trial = rr;
        correct(trial, k, Cell::number(rr.current.cell(k)->value + 1));
        if (!ExportCells::marks(trial.findings).contains(k)) {
            clean = k;
            extracted = rr.current.cell(k)->value;
            break;
        }
    }
    QVERIFY(!clean.isEmpty());
    correct(rr, clean, Cell::number(extracted + 1), u"原文笔误"_s);
    // This one breaks T3.ROWTOTAL and friends: red wins, the comment stays.
    correct(rr, u"t3.granted.natural_person"_s, Cell::number(5, u"5"_s));
    QTemporaryDir dir;
    const QString out = dir.filePath(u"r.xlsx"_s);
    QString error;
    QVERIFY2(Exporter::writeReportXlsx(rr, out, {}, &error), qPrintable(error));
    const XlsxReader x = readBook(out);
    const TableDef *t2 = rr.current.tmpl->table(u"t2");
    const TableDef *t3 = rr.current.tmpl->table(u"t3");
    const XlsxSheet *s2 = x.sheet(ExportCells::tableTitle(*t2));
    const XlsxSheet *s3 = x.sheet(ExportCells::tableTitle(*t3));
    int r, c;
    const TableDef *t = nullptr;
    int ri = -1, ci = -1;
    QVERIFY(rr.current.tmpl->splitKey(clean, &t, &ri, &ci));
    QVERIFY(locate(*s2, *t2, t2->rows[ri], t2->columns[ci], &r, &c));
    const XlsxCell *a = s2->cell(r, c);
    QCOMPARE(a->number(), extracted + 1);
    QCOMPARE(x.fill(a->style), XlsxExport::CorrectedFill);
    QVERIFY(x.italic(a->style));
    const QString ca = s2->comments.value(XlsxSheet::ref(r, c));
    QVERIFY2(ca.contains(u"原值："_s + QString::number(extracted)), qPrintable(ca));
    QVERIFY(ca.contains(u"张审校"_s));
    QVERIFY(ca.contains(u"原文笔误"_s));

    QVERIFY(locate(*s3, *t3, t3->rows[t3->rowIndex(u"granted")],
                   t3->columns[t3->columnIndex(u"natural_person")], &r, &c));
    const XlsxCell *b = s3->cell(r, c);
    QCOMPARE(b->number(), 5.0);
    QCOMPARE(x.fill(b->style), XlsxExport::ErrorFill);
    QVERIFY(x.italic(b->style));
    QVERIFY(s3->comments.value(XlsxSheet::ref(r, c)).contains(u"原值：0"_s));
    // No other cell carries a comment.
    QCOMPARE(s2->comments.size() + s3->comments.size(), 2);

    // 修改记录: one line per correction.
    const XlsxSheet *log = x.sheet(u"修改记录"_s);
    QVERIFY(log);
    QCOMPARE(log->rowCount(), 3);
    QCOMPARE(log->text(1, 0), rr.current.tmpl->cellLabel(clean));
    QCOMPARE(log->cell(1, 1)->number(), extracted);
    QCOMPARE(log->cell(1, 3)->number(), extracted + 1);
    QCOMPARE(log->text(1, 5), u"张审校"_s);
    QCOMPARE(log->text(1, 4), u"修改"_s);
    QCOMPARE(log->text(1, 6), u"2025-03-01 17:30:00 (UTC+08:00)"_s);
    QCOMPARE(log->text(1, 7), u"原文笔误"_s);
    QCOMPARE(log->text(2, 10), u"t3.granted.natural_person"_s);
    QCOMPARE(log->cell(2, 9)->number(), double(rr.corrections[1].errorsAfter));
    QVERIFY(rr.corrections[1].errorsAfter > 0);
}

void TestExport::feeKeepsItsDecimals()
{
    ReviewedReport rr = load(seeds[0]);
    correct(rr, u"t2.administrative_fee.amount"_s, Cell::number(7730.28, u"7730.28"_s));
    QTemporaryDir dir;
    const QString out = dir.filePath(u"r.xlsx"_s);
    QString error;
    QVERIFY2(Exporter::writeReportXlsx(rr, out, {}, &error), qPrintable(error));
    const XlsxReader x = readBook(out);
    const TableDef *t2 = rr.current.tmpl->table(u"t2");
    const XlsxSheet *s = x.sheet(ExportCells::tableTitle(*t2));
    int r, c;
    QVERIFY(locate(*s, *t2, t2->rows[t2->rowIndex(u"administrative_fee")],
                   t2->columns[t2->columnIndex(u"amount")], &r, &c));
    QVERIFY(s->cell(r, c)->isNumber());
    QCOMPARE(s->cell(r, c)->number(), 7730.28);
    QCOMPARE(x.numberFormat(s->cell(r, c)->style), u"0.00"_s);
}

void TestExport::uncertainCellsShowTheirCandidates()
{
    ReviewedReport rr = load(seeds[2]);
    Cell run;
    run.state = Cell::State::Uncertain;
    run.text = u"1221"_s;
    run.fromRun = true;
    run.candidates = {12, 21};
    rr.current.cells.insert(u"t3.granted.commercial"_s, run);
    rr.findings = RuleEngine::check(rr.current);
    QTemporaryDir dir;
    const QString out = dir.filePath(u"r.xlsx"_s);
    QString error;
    QVERIFY2(Exporter::writeReportXlsx(rr, out, {}, &error), qPrintable(error));
    const XlsxReader x = readBook(out);
    const TableDef *t3 = rr.current.tmpl->table(u"t3");
    const XlsxSheet *s = x.sheet(ExportCells::tableTitle(*t3));
    int r, c;
    QVERIFY(locate(*s, *t3, t3->rows[t3->rowIndex(u"granted")], t3->columns[t3->columnIndex(u"commercial")],
                   &r, &c));
    QCOMPARE(s->text(r, c), u"?"_s);
    QVERIFY(x.fill(s->cell(r, c)->style) != 0);
    const QString comment = s->comments.value(XlsxSheet::ref(r, c));
    QVERIFY2(comment.contains(u"12 / 21"_s), qPrintable(comment));
    // In CSV the value is left empty and the state says why.
    const QList<QStringList> rows = parseCsv(Exporter::csvText({rr}, CsvLayout::Long, {}));
    bool seen = false;
    for (const QStringList &row : rows)
        if (row.value(2) == u"granted"_s && row.value(3) == u"commercial"_s) {
            QCOMPARE(row[5], QString());
            QCOMPARE(row[7], u"警告;存疑"_s); // CELL.UNCERTAIN names it
            seen = true;
        }
    QVERIFY(seen);
}

void TestExport::findingsSheetNamesCellsByLabel()
{
    const ReviewedReport rr = load(u"corpus/real/shanghai_kewei_2024.md"_s);
    QTemporaryDir dir;
    const QString out = dir.filePath(u"r.xlsx"_s);
    QString error;
    QVERIFY2(Exporter::writeReportXlsx(rr, out, {}, &error), qPrintable(error));
    const XlsxReader x = readBook(out);
    const XlsxSheet *s = x.sheet(u"检查结果"_s);
    QVERIFY(s);
    QCOMPARE(s->rowCount(), rr.findings.size() + 1);
    for (int i = 0; i < rr.findings.size(); ++i) {
        const Finding &f = rr.findings[i];
        const int r = i + 1;
        QCOMPARE(s->text(r, 0), RuleCatalogue::name(f.rule) + u"（"_s + f.rule + u"）"_s);
        QCOMPARE(s->text(r, 1), f.isError() ? u"错误"_s : u"警告"_s);
        QStringList labels;
        for (const QString &k : f.cells)
            labels << rr.current.tmpl->cellLabel(k);
        QCOMPARE(s->text(r, 2), labels.join(u'\n'));
        QVERIFY(!s->text(r, 2).contains(u"t3."_s));
        if (f.hasSides) {
            QCOMPARE(s->cell(r, 3)->number(), f.lhs);
            QCOMPARE(s->cell(r, 4)->number(), f.rhs);
            QCOMPARE(s->cell(r, 5)->number(), f.difference);
        }
        QVERIFY(s->text(r, 7).startsWith(f.message));
    }
}

void TestExport::batchWorkbookHoldsEveryReport()
{
    QList<ReviewedReport> reports;
    for (const QString &s : seeds)
        reports << load(s);
    correct(reports[2], u"t3.new_received.total"_s, Cell::textual(u"/"_s));
    QTemporaryDir dir;
    QString error;
    QStringList written;
    QVERIFY2(Exporter::exportReports(reports, ExportFormat::Xlsx, dir.path(), {}, &error, {}, &written),
             qPrintable(error));
    QCOMPARE(written.size(), 6);
    QCOMPARE(written.last(), dir.filePath(u"nianbao-batch.xlsx"_s));
    const XlsxReader x = readBook(written.last());
    const XlsxSheet *s = x.sheet(u"汇总"_s);
    QVERIFY(s);
    QVERIFY(s->hiddenRows.contains(1));
    QVERIFY(!s->hiddenRows.contains(2));
    QCOMPARE(s->rowCount(), 2 + reports.size());
    QHash<QString, int> colOf;
    for (int c = 0; !s->text(0, c).isEmpty(); ++c)
        colOf.insert(s->text(0, c), c);
    // Every cell key of both variants has a column, labelled in Chinese.
    QStringList keys = Template::t2021()->cellKeys(u"subitems");
    for (const QString &k : Template::t2021()->cellKeys(u"one_row"))
        if (!keys.contains(k))
            keys << k;
    for (const QString &k : keys) {
        QVERIFY2(colOf.contains(k), qPrintable(k));
        const QString label = s->text(1, colOf.value(k));
        QVERIFY2(label.contains(Template::t2021()->cellLabel(k)), qPrintable(label));
    }
    for (int i = 0; i < reports.size(); ++i) {
        const ReviewedReport &rr = reports[i];
        const int r = 2 + i;
        QCOMPARE(s->text(r, colOf.value(u"file"_s)), seeds[i].section(u'/', -1));
        QCOMPARE(s->text(r, colOf.value(u"unit"_s)), rr.current.unit);
        QCOMPARE(s->cell(r, colOf.value(u"errors"_s))->number(), double(RuleEngine::errorCount(rr.findings)));
        QCOMPARE(s->cell(r, colOf.value(u"warnings"_s))->number(),
                 double(RuleEngine::warningCount(rr.findings)));
        for (const QString &k : keys) {
            const QString diff = compareCell(s->cell(r, colOf.value(k)), rr.current.cell(k));
            QVERIFY2(diff.isEmpty(), qPrintable(seeds[i] + u" "_s + k + u": "_s + diff));
        }
    }
    QCOMPARE(s->text(4, colOf.value(u"t3.new_received.total"_s)), u"/"_s);
    QCOMPARE(s->text(4, colOf.value(u"status"_s)), u"审校中"_s);
}

void TestExport::batchColumnsMergeTemplatesInFormOrder()
{
    const QList<ReviewedReport> reports = {load(u"corpus/real/pingtan_2019_t2019.txt"_s), load(seeds[4]),
                                           load(seeds[0])};
    QCOMPARE(reports[0].current.templateName(), u"2019"_s);
    QCOMPARE(reports[1].current.variant, u"one_row"_s);
    QStringList keys;
    for (const BatchColumn &c : Exporter::batchColumns(reports))
        if (c.isCell)
            keys << c.key;
    QCOMPARE(QSet<QString>(keys.begin(), keys.end()).size(), keys.size());
    // Each report's keys are all there, in its own form order.
    for (const ReviewedReport &rr : reports) {
        qsizetype last = -1;
        for (const QString &k : rr.current.cellKeys()) {
            const qsizetype i = keys.indexOf(k);
            QVERIFY2(i > last, qPrintable(rr.current.source + u": "_s + k));
            last = i;
        }
    }
    // Tables stay together, in order; the 2021 table 2 comes before the 2019 one.
    QString table;
    for (const QString &k : keys) {
        const QString t = k.section(u'.', 0, 0);
        QVERIFY2(t >= table, qPrintable(k));
        table = t;
    }
    QVERIFY(keys.indexOf(u"t2.administrative_fee.amount"_s) < keys.indexOf(u"t2.regulations.new_made"_s));
}

void TestExport::correctedFailingCellShowsBothMarks()
{
    ReviewedReport rr = load(seeds[1]);
    const QString key = u"t3.granted.natural_person"_s;
    const double said = rr.extracted.cell(key)->value;
    // The reviewer types 25 over the report's value: the row no longer adds up.
    correct(rr, key, Cell::number(said + 25), u"按原件更正"_s, stamp);
    QVERIFY(ExportCells::openMarks(rr).value(key) == ExportCells::Error);
    QTemporaryDir dir;
    const QString out = dir.filePath(u"r.xlsx"_s);
    QString error;
    QVERIFY2(Exporter::writeReportXlsx(rr, out, {}, &error), qPrintable(error));
    const XlsxReader x = readBook(out);
    const TableDef *t3 = rr.current.tmpl->table(u"t3");
    const XlsxSheet *s = x.sheet(ExportCells::tableTitle(*t3));
    int r, c;
    QVERIFY(locate(*s, *t3, t3->rows[t3->rowIndex(u"granted")],
                   t3->columns[t3->columnIndex(u"natural_person")], &r, &c));
    const XlsxCell *cell = s->cell(r, c);
    QCOMPARE(cell->number(), said + 25);
    // Both marks: the failing fill and the corrected frame, and the report's value in the comment.
    QCOMPARE(x.fill(cell->style), XlsxExport::ErrorFill);
    QCOMPARE(x.borderStyle(cell->style), u"medium"_s);
    QCOMPARE(x.borderColor(cell->style), XlsxExport::CorrectedBorder);
    const QString comment = s->comments.value(XlsxSheet::ref(r, c));
    QVERIFY2(comment.contains(u"原值："_s + QString::number(said)), qPrintable(comment));
    QVERIFY2(comment.contains(u"更正：修改 张审校 "_s + stampText), qPrintable(comment));
    QVERIFY2(comment.contains(u"更正后仍不符合：T3."_s), qPrintable(comment));
    // An uncorrected cell keeps its thin black frame.
    int r2, c2;
    QVERIFY(locate(*s, *t3, t3->rows[t3->rowIndex(u"granted")], t3->columns[t3->columnIndex(u"commercial")],
                   &r2, &c2));
    QCOMPARE(x.borderStyle(s->cell(r2, c2)->style), u"thin"_s);
    // The legend on the cover shows the corrected failing mark.
    const XlsxSheet *cover = x.sheet(u"封面"_s);
    bool legend = false;
    for (int i = 0; i < cover->rowCount(); ++i)
        if (cover->text(i, 0) == u"红色、蓝框"_s) {
            legend = x.fill(cover->cell(i, 0)->style) == XlsxExport::ErrorFill &&
                     x.borderColor(cover->cell(i, 0)->style) == XlsxExport::CorrectedBorder;
        }
    QVERIFY(legend);
}

void TestExport::findingsSheetCarriesDispositions()
{
    ReviewedReport rr = load(u"corpus/real/shanghai_kewei_2024.md"_s);
    const Finding *balance = findingOf(rr, u"T3.BALANCE"_s);
    const Finding *order = findingOf(rr, u"STRUCTURE.SECTION_ORDER"_s);
    const Finding *missing = findingOf(rr, u"CELL.MISSING"_s);
    QVERIFY(balance && order && missing);
    QVERIFY(order->cells.isEmpty());
    QCOMPARE(missing->cells.size(), 1);
    const QString missingCell = missing->cells.first();
    dispose(rr, *balance, Disposition::Kind::Confirmed);
    dispose(rr, *order, Disposition::Kind::Dismissed, u"正文按本机关惯例排序"_s, u"王审校"_s,
            stamp.addSecs(3600));
    dispose(rr, *missing, Disposition::Kind::Dismissed, u"原表即无此栏"_s);
    QTemporaryDir dir;
    const QString out = dir.filePath(u"r.xlsx"_s);
    QString error;
    QVERIFY2(Exporter::writeReportXlsx(rr, out, {}, &error), qPrintable(error));
    const XlsxReader x = readBook(out);
    const XlsxSheet *s = x.sheet(u"检查结果"_s);
    QVERIFY(s);
    QCOMPARE(s->text(0, 8), u"处理"_s);
    QCOMPARE(s->text(0, 11), u"处理时间"_s);
    int seen = 0;
    for (int i = 0; i < rr.findings.size(); ++i) {
        const Finding &f = rr.findings[i];
        const int r = i + 1;
        QCOMPARE(s->text(r, 0), RuleCatalogue::name(f.rule) + u"（"_s + f.rule + u"）"_s);
        if (&f == balance) {
            QCOMPARE(s->text(r, 8), u"已确认"_s);
            QCOMPARE(s->text(r, 10), u"李科长"_s);
            QCOMPARE(s->text(r, 11), stampText);
            ++seen;
        } else if (&f == order) {
            QCOMPARE(s->text(r, 8), u"已排除"_s);
            QCOMPARE(x.fill(s->cell(r, 8)->style), XlsxExport::HeaderFill);
            QCOMPARE(s->text(r, 9), u"正文按本机关惯例排序"_s);
            QCOMPARE(s->text(r, 10), u"王审校"_s);
            QCOMPARE(s->text(r, 11), u"2026-02-01 05:30:00 (UTC+08:00)"_s);
            ++seen;
        } else if (&f == missing) {
            QCOMPARE(s->text(r, 8), u"已排除"_s);
            QCOMPARE(s->text(r, 9), u"原表即无此栏"_s);
            ++seen;
        } else {
            QCOMPARE(s->text(r, 8), u"未处理"_s);
            QVERIFY(s->text(r, 10).isEmpty());
        }
    }
    QCOMPARE(seen, 3);
    // The cover counts them.
    const XlsxSheet *cover = x.sheet(u"封面"_s);
    QHash<QString, QString> lines;
    for (int r = 0; r < cover->rowCount(); ++r)
        lines.insert(cover->text(r, 0), cover->text(r, 1));
    QCOMPARE(lines.value(u"已确认的检查结果"_s), u"1"_s);
    QCOMPARE(lines.value(u"已排除的检查结果"_s), u"2"_s);
    // The dismissed warning no longer colours its cell; the comment says why.
    const TableDef *t = nullptr;
    int ri = -1, ci = -1;
    QVERIFY(rr.current.tmpl->splitKey(missingCell, &t, &ri, &ci));
    const XlsxSheet *ts = x.sheet(ExportCells::tableTitle(*t));
    int r, c;
    QVERIFY(locate(*ts, *t, t->rows[ri], t->columns[ci], &r, &c));
    if (!ExportCells::openMarks(rr).contains(missingCell))
        QCOMPARE(x.fill(ts->cell(r, c)->style), 0u);
    const QString comment = ts->comments.value(XlsxSheet::ref(r, c));
    QVERIFY2(comment.contains(u"CELL.MISSING 警告 已排除：原表即无此栏（李科长 "_s + stampText + u"）"_s),
             qPrintable(comment));

    // The batch: the counts per report, and the dispositions on its findings sheet.
    QList<ReviewedReport> reports = {rr, load(seeds[1])};
    const QString batch = dir.filePath(u"batch.xlsx"_s);
    QVERIFY2(Exporter::writeBatchXlsx(reports, batch, {}, &error), qPrintable(error));
    const XlsxReader b = readBook(batch);
    const XlsxSheet *sum = b.sheet(u"汇总"_s);
    QHash<QString, int> colOf;
    for (int col = 0; !sum->text(0, col).isEmpty(); ++col)
        colOf.insert(sum->text(0, col), col);
    QCOMPARE(sum->text(1, colOf.value(u"confirmed"_s)), u"已确认数"_s);
    QCOMPARE(sum->cell(2, colOf.value(u"confirmed"_s))->number(), 1.0);
    QCOMPARE(sum->cell(2, colOf.value(u"dismissed"_s))->number(), 2.0);
    QCOMPARE(sum->cell(3, colOf.value(u"dismissed"_s))->number(), 0.0);
    const XlsxSheet *bf = b.sheet(u"检查结果"_s);
    QCOMPARE(bf->text(0, 9), u"处理"_s);
    QStringList states;
    for (int row = 1; row < bf->rowCount(); ++row)
        states << bf->text(row, 9);
    QCOMPARE(states.count(u"已确认"_s), 1);
    QCOMPARE(states.count(u"已排除"_s), 2);
    QCOMPARE(states.count(u"未处理"_s), rr.findings.size() + reports[1].findings.size() - 3);
}

void TestExport::reviewStatesAndActionsAreInChinese()
{
    const QList<QPair<ReviewStatus, QString>> states = {{ReviewStatus::New, u"未审校"_s},
                                                        {ReviewStatus::InReview, u"审校中"_s},
                                                        {ReviewStatus::Reviewed, u"已审校"_s},
                                                        {ReviewStatus::Sent, u"已报送"_s}};
    ReviewedReport rr = load(seeds[3]);
    correct(rr, u"t2.regulations.issued"_s, Cell::number(1, u"1"_s));
    const QStringList actions = {u"clear"_s, u"shift"_s, u"move"_s, u"paste"_s, u"revert"_s};
    for (const QString &a : actions) {
        Correction c = rr.corrections.last();
        c.action = a;
        rr.corrections.append(c);
    }
    QTemporaryDir dir;
    for (const auto &[status, zh] : states) {
        rr.status = status;
        const QString out = dir.filePath(reviewStatusName(status) + u".xlsx"_s);
        QString error;
        QVERIFY2(Exporter::writeReportXlsx(rr, out, {}, &error), qPrintable(error));
        const XlsxReader x = readBook(out);
        const XlsxSheet *cover = x.sheet(u"封面"_s);
        QString shown;
        for (int r = 0; r < cover->rowCount(); ++r)
            if (cover->text(r, 0) == u"审校状态"_s)
                shown = cover->text(r, 1);
        QCOMPARE(shown, zh);
        if (status == ReviewStatus::Sent) {
            const XlsxSheet *log = x.sheet(u"修改记录"_s);
            QStringList words;
            for (int r = 1; r < log->rowCount(); ++r)
                words << log->text(r, 4);
            QCOMPARE(words,
                     (QStringList{u"修改"_s, u"清空"_s, u"移位"_s, u"移行"_s, u"粘贴"_s, u"撤销更正"_s}));
        }
    }
}

QTEST_GUILESS_MAIN(TestExport)
#include "tst_export.moc"
