// Workbooks that print (the sheet XML read back): A4 landscape, one page wide, heading rows
// repeated, a footer with body, year and page, a CJK font, rows as high as their wrapped text, rule
// names in Chinese, comments signed by the reviewer, no folder of this computer in the file; the
// batch's refused files and its overview with its charts.
#include "exporttesting.h"

#include "report/formlayout.h"
#include "rules/catalogue.h"

#include <QRegularExpression>
#include <QXmlStreamReader>

using namespace nianbao;
using namespace nianbao::exporttesting;

namespace {

const QString Kewei = u"corpus/real/shanghai_kewei_2024.md"_s;

/// The attributes of the first element of that name in a part.
QXmlStreamAttributes element(const QByteArray &xml, const QString &name)
{
    QXmlStreamReader x(xml);
    while (!x.atEnd())
        if (x.readNext() == QXmlStreamReader::StartElement && x.name() == name)
            return x.attributes();
    return {};
}

QString elementText(const QByteArray &xml, const QString &name)
{
    QXmlStreamReader x(xml);
    while (!x.atEnd())
        if (x.readNext() == QXmlStreamReader::StartElement && x.name() == name)
            return x.readElementText();
    return {};
}

/// The workbook's print titles: sheet index → "$1:$3".
QHash<int, QString> printTitles(const XlsxReader &x)
{
    QHash<int, QString> out;
    QXmlStreamReader r(x.part(u"xl/workbook.xml"_s));
    while (!r.atEnd())
        if (r.readNext() == QXmlStreamReader::StartElement && r.name() == u"definedName"_s &&
            r.attributes().value(u"name"_s) == u"_xlnm.Print_Titles"_s) {
            const int sheet = r.attributes().value(u"localSheetId"_s).toInt();
            out.insert(sheet, r.readElementText().section(u'!', -1));
        }
    return out;
}

/// Width of a text in column units, as a reader would count it: a Chinese character two.
int units(const QString &s)
{
    int u = 0;
    for (QChar c : s)
        u += c.unicode() < 0x2E80 ? 1 : 2;
    return u;
}

ReviewedReport keweiReviewed()
{
    ReviewedReport rr = load(Kewei);
    // A correction gives a comment, signed by the one who made it (张审校).
    correct(rr, u"t3.granted.natural_person"_s,
            Cell::number(rr.current.cell(u"t3.granted.natural_person"_s)->value));
    return rr;
}

} // namespace

class TestXlsxPrint : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { useShanghaiTime(); }
    void everySheetPrintsOnA4LandscapeOnePageWide();
    void headingRowsRepeatOnEveryPage();
    void theFontIsChineseAndRowsHoldTheirText();
    void rulesAreNamedInChineseWithTheirId();
    void commentsAreSignedByTheReviewerAndNoFolderLeaves();
    void refusedFilesAreRowsOfTheBatch();
    void overviewCountsAndCharts();
};

void TestXlsxPrint::everySheetPrintsOnA4LandscapeOnePageWide()
{
    const ReviewedReport rr = keweiReviewed();
    QTemporaryDir dir;
    QString error;
    const QString report = dir.filePath(u"r.xlsx"_s);
    QVERIFY2(Exporter::writeReportXlsx(rr, report, {}, &error), qPrintable(error));
    QList<ReviewedReport> batch = {rr, load(seeds[0])};
    ExportOptions o;
    o.perReportFiles = false;
    QVERIFY2(Exporter::exportReports(batch, ExportFormat::Xlsx, dir.filePath(u"b"_s), o, &error),
             qPrintable(error));
    for (const QString &file : {report, dir.filePath(u"b/nianbao-batch.xlsx"_s)}) {
        const XlsxReader x = readBook(file);
        QVERIFY(x.sheetNames().size() >= 2);
        for (const QString &name : x.sheetNames()) {
            const QByteArray xml = x.part(x.sheet(name)->part);
            const QXmlStreamAttributes page = element(xml, u"pageSetup"_s);
            QCOMPARE(page.value(u"paperSize"_s), u"9"_s); // A4
            QCOMPARE(page.value(u"orientation"_s), u"landscape"_s);
            QCOMPARE(page.value(u"fitToHeight"_s), u"0"_s); // as many pages down as needed
            QVERIFY(!page.hasAttribute(u"fitToWidth"_s) || page.value(u"fitToWidth"_s) == u"1"_s);
            QCOMPARE(element(xml, u"pageSetUpPr"_s).value(u"fitToPage"_s), u"1"_s);
            const QString footer = elementText(xml, u"oddFooter"_s);
            QVERIFY2(footer.contains(u"&P"_s) && footer.contains(u"&N"_s), qPrintable(name + footer));
            if (file == report) {
                QVERIFY2(footer.contains(rr.current.unit), qPrintable(footer));
                QVERIFY(footer.contains(u"2024"_s));
            } else {
                QVERIFY2(footer.contains(u"年度报告汇总"_s), qPrintable(footer));
            }
        }
    }
}

void TestXlsxPrint::headingRowsRepeatOnEveryPage()
{
    const ReviewedReport rr = keweiReviewed();
    QTemporaryDir dir;
    QString error;
    const QString out = dir.filePath(u"r.xlsx"_s);
    QVERIFY2(Exporter::writeReportXlsx(rr, out, {}, &error), qPrintable(error));
    const XlsxReader x = readBook(out);
    const QHash<int, QString> titles = printTitles(x);
    const QStringList names = x.sheetNames();
    // Each table sheet repeats its title and the form's headings: down to the row above the first
    // row that holds a number.
    for (const TableDef &t : rr.current.tmpl->tables()) {
        const int i = int(names.indexOf(ExportCells::sheetName(t)));
        QVERIFY(i >= 0);
        const XlsxSheet *s = x.sheet(names[i]);
        const FormLayout f = FormLayout::build(t, rr.current.variant);
        if (f.headerRows() == 0)
            continue;
        int firstNumberRow = 0;
        for (int r = 0; r < s->rowCount() && !firstNumberRow; ++r)
            for (int c = 0; c < 20; ++c)
                if (const XlsxCell *cell = s->cell(r, c); cell && cell->isNumber()) {
                    firstNumberRow = r + 1; // 1-based
                    break;
                }
        QVERIFY2(titles.contains(i), qPrintable(names[i]));
        QCOMPARE(titles.value(i), u"$1:$%1"_s.arg(firstNumberRow - 1));
    }
    for (const QString &sheet : {u"检查结果"_s, u"修改记录"_s})
        QCOMPARE(titles.value(int(names.indexOf(sheet))), u"$1:$1"_s);
}

void TestXlsxPrint::theFontIsChineseAndRowsHoldTheirText()
{
    const ReviewedReport rr = keweiReviewed();
    QTemporaryDir dir;
    QString error;
    const QString out = dir.filePath(u"r.xlsx"_s);
    QVERIFY2(Exporter::writeReportXlsx(rr, out, {}, &error), qPrintable(error));
    const XlsxReader x = readBook(out);
    // Every font of a cell format is 宋体 (the first is the workbook's default, kept by the writer).
    QXmlStreamReader styles(x.part(u"xl/styles.xml"_s));
    QStringList fonts;
    bool inFonts = false;
    while (!styles.atEnd()) {
        const auto t = styles.readNext();
        if (t == QXmlStreamReader::StartElement && styles.name() == u"fonts"_s)
            inFonts = true;
        else if (t == QXmlStreamReader::EndElement && styles.name() == u"fonts"_s)
            inFonts = false;
        else if (inFonts && t == QXmlStreamReader::StartElement && styles.name() == u"name"_s)
            fonts << styles.attributes().value(u"val"_s).toString();
    }
    QVERIFY(fonts.size() > 2);
    // (Tahoma is the comments' own font, which libxlsxwriter adds for the notes.)
    fonts.removeAll(u"Tahoma"_s);
    for (qsizetype i = 1; i < fonts.size(); ++i)
        QCOMPARE(fonts[i], u"宋体"_s);

    // The findings sheet: each row at least as high as its message needs at 16 points a line in a
    // column of 60.
    const XlsxSheet *s = x.sheet(u"检查结果"_s);
    QVERIFY(s);
    for (int r = 1; r <= rr.findings.size(); ++r) {
        const QString msg = s->text(r, 7);
        const int lines = (units(msg) + 57) / 58 + int(msg.count(u'\n'));
        QVERIFY2(s->rowHeights.value(r + 1) >= 16.0 * lines,
                 qPrintable(u"%1: %2 lines in %3 pt"_s.arg(msg).arg(lines).arg(s->rowHeights.value(r + 1))));
        const QString cells = s->text(r, 2);
        QVERIFY(s->rowHeights.value(r + 1) >= 16.0 * (cells.count(u'\n') + 1));
    }
}

void TestXlsxPrint::rulesAreNamedInChineseWithTheirId()
{
    const ReviewedReport rr = keweiReviewed();
    QTemporaryDir dir;
    QString error;
    const QString out = dir.filePath(u"r.xlsx"_s);
    QVERIFY2(Exporter::writeReportXlsx(rr, out, {}, &error), qPrintable(error));
    const XlsxReader x = readBook(out);
    const XlsxSheet *s = x.sheet(u"检查结果"_s);
    QVERIFY(s);
    for (int c = 0; c < 13; ++c) {
        QVERIFY(!s->text(0, c).contains(u"左边"_s));
        QVERIFY(!s->text(0, c).contains(u"右边"_s));
    }
    for (int i = 0; i < rr.findings.size(); ++i) {
        const RuleInfo *rule = RuleCatalogue::find(rr.findings[i].rule);
        QVERIFY(rule && !rule->name.isEmpty());
        QCOMPARE(s->text(i + 1, 0), rule->name + u"（"_s + rule->id + u"）"_s);
    }
    // Every rule of the catalogue has a name in both languages.
    for (const RuleInfo &r : RuleCatalogue::rules()) {
        QVERIFY2(!r.name.isEmpty() && !r.nameEn.isEmpty(), qPrintable(r.id));
        QVERIFY(!r.name.contains(u'.'));
    }
}

void TestXlsxPrint::commentsAreSignedByTheReviewerAndNoFolderLeaves()
{
    const ReviewedReport rr = keweiReviewed();
    QCOMPARE(rr.reviewer, u"张审校"_s);
    QTemporaryDir dir;
    QString error;
    const QString out = dir.filePath(u"r.xlsx"_s);
    QVERIFY2(Exporter::writeReportXlsx(rr, out, {}, &error), qPrintable(error));
    const XlsxReader x = readBook(out);
    QStringList comments;
    for (const QString &p : x.partNames())
        if (p.startsWith(u"xl/comments"_s))
            comments << p;
    QVERIFY(!comments.isEmpty());
    for (const QString &p : comments) {
        QCOMPARE(elementText(x.part(p), u"author"_s), u"张审校"_s);
        QVERIFY(!x.part(p).contains("Nianbao"));
    }
    QCOMPARE(elementText(x.part(u"docProps/core.xml"_s), u"creator"_s), u"张审校"_s);
    // The file leaves the office: the folder the report was read from is nowhere in it.
    const QByteArray folder = QFileInfo(testutil::dataPath(Kewei)).absolutePath().toUtf8();
    for (const QString &p : x.partNames())
        QVERIFY2(!x.part(p).contains(folder), qPrintable(p));
    const XlsxSheet *cover = x.sheet(u"封面"_s);
    bool named = false;
    for (int r = 0; r < cover->rowCount(); ++r)
        named = named || cover->text(r, 1) == u"shanghai_kewei_2024.md"_s;
    QVERIFY(named);
}

void TestXlsxPrint::refusedFilesAreRowsOfTheBatch()
{
    // Through the command line: a folder with a report and a file that is no report.
    QTemporaryDir dir;
    const QString in = dir.filePath(u"in"_s);
    QVERIFY(QDir().mkpath(in));
    QVERIFY(QFile::copy(testutil::dataPath(Kewei), in + u"/kewei.md"_s));
    QVERIFY(QFile::copy(testutil::dataPath(seeds[0]), in + u"/seed.txt"_s));
    QVERIFY(SafeWrite::writeFile(in + u"/empty.txt"_s, QByteArray(), nullptr));
    QProcess p;
    p.start(QStringLiteral(NIANBAO_CLI),
            {u"export"_s, u"--xlsx"_s, dir.filePath(u"out"_s), in, u"--batch-only"_s});
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 2); // a file could not be read
    const QString reason =
        QString::fromUtf8(p.readAllStandardError()).section(u"empty.txt: "_s, 1).section(u'\n', 0, 0);
    QVERIFY(!reason.isEmpty());
    const XlsxReader x = readBook(dir.filePath(u"out/nianbao-batch.xlsx"_s));
    const XlsxSheet *s = x.sheet(u"汇总"_s);
    QVERIFY(s);
    QHash<QString, int> colOf;
    for (int c = 0; !s->text(0, c).isEmpty(); ++c)
        colOf.insert(s->text(0, c), c);
    QCOMPARE(s->rowCount(), 2 + 3);
    int refusedRow = -1;
    for (int r = 2; r < s->rowCount(); ++r)
        if (s->text(r, colOf.value(u"file"_s)) == u"empty.txt"_s)
            refusedRow = r;
    QVERIFY(refusedRow >= 2);
    QCOMPARE(s->text(refusedRow, colOf.value(u"status"_s)), u"未能读取"_s);
    QVERIFY2(reason.contains(s->text(refusedRow, colOf.value(u"status"_s) + 1)) &&
                 !s->text(refusedRow, colOf.value(u"status"_s) + 1).isEmpty(),
             qPrintable(s->text(refusedRow, colOf.value(u"status"_s) + 1) + u" / "_s + reason));
    QVERIFY(x.part(x.sheet(u"汇总"_s)->part).contains("autoFilter"));
    // The overview counts it.
    const XlsxSheet *o = x.sheet(u"概览"_s);
    QVERIFY(o);
    bool counted = false;
    for (int r = 0; r < 12; ++r)
        if (o->text(r, 0) == u"未能读取"_s)
            counted = o->cell(r, 1) && o->cell(r, 1)->number() == 1;
    QVERIFY(counted);
}

void TestXlsxPrint::overviewCountsAndCharts()
{
    QList<ReviewedReport> reports;
    for (const QString &s : seeds)
        reports << load(s);
    reports << load(Kewei);
    reports[0].status = ReviewStatus::Reviewed;
    reports[1].status = ReviewStatus::Sent;
    reports[2].status = ReviewStatus::Reviewed;
    QTemporaryDir dir;
    QString error;
    ExportOptions o;
    o.perReportFiles = false;
    o.refused = {{u"scan.pdf"_s, u"没有文字层"_s}};
    QVERIFY2(Exporter::exportReports(reports, ExportFormat::Xlsx, dir.path(), o, &error), qPrintable(error));
    const XlsxReader x = readBook(dir.filePath(u"nianbao-batch.xlsx"_s));
    QCOMPARE(x.sheetNames().first(), u"概览"_s);
    const XlsxSheet *s = x.sheet(u"概览"_s);
    // Reports per state, by the state's words.
    QHash<QString, double> perState;
    int r = 0;
    for (; r < s->rowCount() && s->text(r, 0) != u"审校状态"_s; ++r) {
    }
    const int statesHead = r;
    for (++r; !s->text(r, 0).isEmpty(); ++r)
        perState.insert(s->text(r, 0), s->cell(r, 1)->number());
    QCOMPARE(perState.value(u"已审校"_s), 2.0);
    QCOMPARE(perState.value(u"已报送"_s), 1.0);
    QCOMPARE(perState.value(u"未审校"_s), 3.0);
    QCOMPARE(perState.value(u"审校中"_s), 0.0);
    QCOMPARE(perState.value(u"未能读取"_s), 1.0);

    // Per body: errors, received and processed as the report says them, most errors first.
    for (; r < s->rowCount() && s->text(r, 0) != u"单位（年度）"_s; ++r) {
    }
    const int bodiesHead = r;
    QVERIFY(bodiesHead < s->rowCount());
    QHash<QString, int> colOf;
    for (int c = 0; !s->text(bodiesHead, c).isEmpty(); ++c)
        colOf.insert(s->text(bodiesHead, c), c);
    double lastErrors = 1e9;
    int rows = 0;
    for (r = bodiesHead + 1; !s->text(r, 0).isEmpty(); ++r, ++rows) {
        const QString body = s->text(r, 0);
        const ReviewedReport *rr = nullptr;
        for (const ReviewedReport &c : reports)
            if (body == (c.current.unit.isEmpty() ? QFileInfo(c.current.source).fileName() : c.current.unit) +
                            (c.current.year.isEmpty() ? QString() : u' ' + c.current.year))
                rr = &c;
        QVERIFY2(rr, qPrintable(body));
        const double errors = s->cell(r, colOf.value(u"未排除错误"_s))->number();
        QCOMPARE(errors, double(RuleEngine::errorCount(rr->openFindings())));
        QVERIFY(errors <= lastErrors);
        lastErrors = errors;
        QCOMPARE(s->cell(r, colOf.value(u"收到申请"_s))->number(),
                 rr->current.cell(u"t3.new_received.total"_s)->value);
        QCOMPARE(s->cell(r, colOf.value(u"办结申请"_s))->number(),
                 rr->current.cell(u"t3.total_processed.total"_s)->value);
    }
    QCOMPARE(rows, int(reports.size()));
    QCOMPARE(s->text(bodiesHead + 1, 0), reports.last().current.unit + u" 2024"_s); // two errors

    // Three charts of libxlsxwriter's own, on the overview's drawing, each over its rows.
    QStringList charts;
    for (const QString &p : x.partNames())
        if (p.startsWith(u"xl/charts/chart"_s))
            charts << p;
    charts.sort();
    QCOMPARE(charts.size(), 3);
    const QByteArray states = x.part(charts[0]);
    QCOMPARE(element(states, u"barDir"_s).value(u"val"_s), u"col"_s);
    const QString statesRange = u"$B$%1:$B$%2"_s.arg(statesHead + 2).arg(statesHead + 6);
    QVERIFY2(states.contains(statesRange.toUtf8()), states.constData());
    QVERIFY(states.contains(u"概览"_s.toUtf8()));
    const QByteArray errors = x.part(charts[1]);
    QCOMPARE(element(errors, u"barDir"_s).value(u"val"_s), u"bar"_s);
    QVERIFY(errors.contains(u"$C$%1:$C$%2"_s.arg(bodiesHead + 2).arg(bodiesHead + 1 + rows).toUtf8()));
    const QByteArray applications = x.part(charts[2]);
    QCOMPARE(applications.count("<c:ser>"), 2);
    QVERIFY(applications.contains(u"$E$%1:$E$%2"_s.arg(bodiesHead + 2).arg(bodiesHead + 1 + rows).toUtf8()));
    QVERIFY(applications.contains(u"$F$%1:$F$%2"_s.arg(bodiesHead + 2).arg(bodiesHead + 1 + rows).toUtf8()));
    QVERIFY(applications.contains(u"收到申请"_s.toUtf8()));
}

QTEST_MAIN(TestXlsxPrint)
#include "tst_xlsxprint.moc"
