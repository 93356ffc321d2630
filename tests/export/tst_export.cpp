// The exporters read back: XLSX unzipped and its XML parsed, CSV decoded and parsed, JSON parsed;
// atomic writing under failure; file names that stay in their folder; nianbao-cli export.
#include "testutil.h"
#include "xlsxreader.h"

#include "export/exportcells.h"
#include "export/exporter.h"
#include "export/safewrite.h"
#include "export/xlsxexport.h"
#include "json/reportjson.h"
#include "rules/ruleengine.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QProcess>
#include <QStringDecoder>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;
using namespace nianbao;
using testutil::XlsxCell;
using testutil::XlsxReader;
using testutil::XlsxSheet;

namespace {

const QStringList seeds = {
    u"corpus/seeds/000_cfbc7d1a3e19f347.txt"_s, u"corpus/seeds/001_bff1b9e23c617db0.txt"_s,
    u"corpus/seeds/002_f891356e150a22f8.txt"_s, u"corpus/seeds/003_2ee7e895fb2dacb9.txt"_s,
    u"corpus/seeds/004_c7d8b163796d4c79.txt"_s};

ReviewedReport load(const QString &rel)
{
    const ReadResult r = ReportReader::read(testutil::dataPath(rel));
    if (!r.ok)
        qFatal("cannot read %s: %s", qPrintable(rel), qPrintable(r.error));
    return ReviewedReport::fromExtracted(r.report, r.findings);
}

void correct(ReviewedReport &rr, const QString &key, const Cell &after, const QString &note = {})
{
    Correction c;
    c.key = key;
    c.extracted = rr.extracted.cells.value(key);
    c.before = rr.current.cells.value(key);
    c.after = after;
    c.action = u"edit"_s;
    c.reviewer = u"张审校"_s;
    c.time = QDateTime(QDate(2025, 3, 1), QTime(9, 30), Qt::UTC);
    c.note = note;
    c.errorsBefore = RuleEngine::errorCount(rr.findings);
    rr.current.cells.insert(key, after);
    rr.findings = RuleEngine::check(rr.current);
    c.errorsAfter = RuleEngine::errorCount(rr.findings);
    rr.corrections.append(c);
    rr.reviewer = c.reviewer;
    rr.status = ReviewStatus::InReview;
}

/// Empty when the workbook cell holds the report's cell; else what differs.
QString compareCell(const XlsxCell *x, const Cell *c)
{
    if (!c || c->state == Cell::State::Blank)
        return x && x->hasValue() && !x->text.isEmpty() ? u"expected blank, got "_s + x->text : QString();
    if (!x || !x->hasValue())
        return u"expected a value, got a blank cell"_s;
    switch (c->state) {
    case Cell::State::Number:
        if (!x->isNumber())
            return u"expected the number %1, got text %2"_s.arg(c->value).arg(x->text);
        return qFuzzyCompare(1.0 + x->number(), 1.0 + c->value)
                   ? QString()
                   : u"expected %1, got %2"_s.arg(c->value).arg(x->text);
    case Cell::State::Text:
        return x->isNumber() || x->text != c->text.trimmed()
                   ? u"expected text %1, got %2"_s.arg(c->text, x->text)
                   : QString();
    case Cell::State::Uncertain:
        return x->text == u"?"_s ? QString() : u"expected ?, got "_s + x->text;
    case Cell::State::Blank:
        break;
    }
    return {};
}

/// Where a template cell sits on its table's sheet, found by the labels of the printed form
/// (not by the exporter's own arithmetic).
bool locate(const XlsxSheet &s, const TableDef &t, const RowDef &row, const ColumnDef &col, int *r, int *c)
{
    const int rows = s.rowCount();
    if (t.layout == TableLayout::SingleRow) {
        for (int hr = 0; hr < 4; ++hr)
            for (int hc = 0; hc < 40; ++hc) {
                if (s.text(hr, hc) != row.label)
                    continue;
                int lr = hr, lc = hc;
                s.mergeAt(hr, hc, &lr, &lc);
                for (int cr = hr + 1; cr < rows; ++cr)
                    for (int cc = hc; cc <= lc; ++cc)
                        if (s.text(cr, cc) == col.label) {
                            *r = rows - 1;
                            *c = cc;
                            return true;
                        }
            }
        return false;
    }
    for (int rr = 0; rr < rows; ++rr) {
        if (s.text(rr, 0) != row.label && s.text(rr, 1) != row.label && s.text(rr, 2) != row.label)
            continue;
        // The nearest header above that names the column.
        for (int hr = rr - 1; hr >= 0; --hr)
            for (int hc = 1; hc < 12; ++hc)
                if (s.text(hr, hc) == col.label) {
                    *r = rr;
                    *c = hc;
                    return true;
                }
    }
    return false;
}

XlsxReader readBook(const QString &path)
{
    XlsxReader x;
    QString error;
    if (!x.open(path, &error))
        qFatal("%s", qPrintable(error));
    return x;
}

/// RFC 4180 parsing.
QList<QStringList> parseCsv(const QString &text)
{
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false, any = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar ch = text[i];
        if (quoted) {
            if (ch == u'"') {
                if (i + 1 < text.size() && text[i + 1] == u'"') {
                    field += u'"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += ch;
            }
        } else if (ch == u'"') {
            quoted = true;
            any = true;
        } else if (ch == u',') {
            row << field;
            field.clear();
            any = true;
        } else if (ch == u'\r' && i + 1 < text.size() && text[i + 1] == u'\n') {
            row << field;
            rows << row;
            row.clear();
            field.clear();
            any = false;
            ++i;
        } else {
            field += ch;
            any = true;
        }
    }
    if (any)
        rows << (row << field);
    return rows;
}

QStringList filesIn(const QString &dir)
{
    QStringList out;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext())
        out << it.next();
    out.sort();
    return out;
}

} // namespace

class TestExport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
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
    QVERIFY2(Exporter::writeReportXlsx(rr, out, {}, &error), qPrintable(error));
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
    QVERIFY(coverLines.value(u"导出时间"_s).endsWith(u" UTC"_s));
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
    QVERIFY2(ca.contains(u"提取值："_s + QString::number(extracted)), qPrintable(ca));
    QVERIFY(ca.contains(u"张审校"_s));
    QVERIFY(ca.contains(u"原文笔误"_s));

    QVERIFY(locate(*s3, *t3, t3->rows[t3->rowIndex(u"granted")],
                   t3->columns[t3->columnIndex(u"natural_person")], &r, &c));
    const XlsxCell *b = s3->cell(r, c);
    QCOMPARE(b->number(), 5.0);
    QCOMPARE(x.fill(b->style), XlsxExport::ErrorFill);
    QVERIFY(x.italic(b->style));
    QVERIFY(s3->comments.value(XlsxSheet::ref(r, c)).contains(u"提取值：0"_s));
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
    QCOMPARE(log->text(1, 6), u"2025-03-01 09:30:00 UTC"_s);
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
            QCOMPARE(row[6], u"uncertain"_s);
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
        QCOMPARE(s->text(r, 0), f.rule);
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

void TestExport::csvReadsBack_data()
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

void TestExport::csvReadsBack()
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

void TestExport::csvQuotesAsRfc4180()
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

void TestExport::jsonCarriesCorrectionsAndState()
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

void TestExport::failedWriteKeepsTheOldFile_data()
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

void TestExport::failedWriteKeepsTheOldFile()
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

void TestExport::cancellingLeavesTheOldBatch()
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

void TestExport::namesStayInsideTheFolder_data()
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

void TestExport::namesStayInsideTheFolder()
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

void TestExport::cliExportsOneReportOrAFolder()
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

void TestExport::cliExitsTwoWhenItCannotWrite()
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

QTEST_GUILESS_MAIN(TestExport)
#include "tst_export.moc"
