// The letter to the reporting body (审校意见): which findings it lists, read back from the PDF
// (poppler's text and fonts) and from the Word file (its XML, and the project's own DOCX reader),
// written atomically, and from nianbao-cli export --letter.
#include "exporttesting.h"

#include "export/letter.h"
#include "io/docxreader.h"
#include "io/zipreader.h"
#include "rules/catalogue.h"

#include <QXmlStreamReader>

#include <poppler-qt6.h>

using namespace nianbao;
using namespace nianbao::exporttesting;

namespace {

/// The Shanghai science commission's 2024 report: an unbalanced table 3 (T3.BALANCE) and a row
/// whose total is not its parts (T3.ROWTOTAL), both errors about the report.
const QString Kewei = u"corpus/real/shanghai_kewei_2024.md"_s;

struct PdfText
{
    QString text;
    int pages = 0;
    QStringList fonts; // embedded fonts
    QStringList notEmbedded;
};

PdfText pdfText(const QByteArray &bytes)
{
    PdfText out;
    std::unique_ptr<Poppler::Document> doc = Poppler::Document::loadFromData(bytes);
    if (!doc || doc->isLocked())
        return out;
    out.pages = doc->numPages();
    for (int i = 0; i < out.pages; ++i)
        if (std::unique_ptr<Poppler::Page> p = doc->page(i))
            out.text += p->text(QRectF()) + u'\n';
    for (const Poppler::FontInfo &f : doc->fonts())
        (f.isEmbedded() ? out.fonts : out.notEmbedded) << f.name();
    return out;
}

/// Poppler puts spaces and line breaks between the characters it lays out; compare without them.
QString squeeze(QString s)
{
    s.remove(QRegularExpression(u"\\s+"_s));
    return s;
}

/// Every w:t of document.xml, joined.
QString docxRuns(const QByteArray &xml)
{
    QString out;
    QXmlStreamReader x(xml);
    while (!x.atEnd())
        if (x.readNext() == QXmlStreamReader::StartElement && x.name() == u"t"_s)
            out += x.readElementText();
    return out;
}

} // namespace

class TestLetter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void withoutConfirmationEveryErrorAboutTheReport();
    void confirmedFindingsAreTheLetter();
    void pdfSaysWhatTheLetterSays();
    void docxOpensAndSaysTheSame();
    void writtenAtomically();
    void commandLineWritesLetters();

private:
    ReviewedReport m_report;
};

void TestLetter::initTestCase()
{
    useShanghaiTime();
    m_report = load(Kewei);
    m_report.reviewer = u"张审校"_s;
    QVERIFY(findingOf(m_report, u"T3.BALANCE"_s));
    QVERIFY(findingOf(m_report, u"T3.ROWTOTAL"_s));
}

void TestLetter::withoutConfirmationEveryErrorAboutTheReport()
{
    ExportOptions o;
    o.exportTime = stamp;
    const Letter l = Letter::compose(m_report, o);
    QVERIFY(!l.fromConfirmed);
    QCOMPARE(l.body, m_report.current.unit);
    QCOMPARE(l.year, u"2024"_s);
    QCOMPARE(l.fileName, u"shanghai_kewei_2024.md"_s);
    QCOMPARE(l.reviewer, u"张审校"_s);
    QCOMPARE(l.dateText(), u"2026年2月1日"_s); // 2026-01-31 20:30 UTC is 1 February in Shanghai
    int expected = 0;
    for (const Finding &f : m_report.findings)
        expected += f.isError() && f.about == Finding::About::Report ? 1 : 0;
    QCOMPARE(l.problems.size(), expected);
    QVERIFY(expected >= 2);
    for (const LetterProblem &p : l.problems) {
        const RuleInfo *r = RuleCatalogue::find(p.rule);
        QVERIFY2(r && r->severity == Finding::Severity::Error, qPrintable(p.rule));
        QCOMPARE(p.title, r->name);
        QVERIFY(!p.description.isEmpty());
        QVERIFY2(!p.requirement.isEmpty(), qPrintable(p.rule)); // every error here is an identity
    }

    // A dismissed error is explained, not sent back.
    ReviewedReport rr = m_report;
    dispose(rr, *findingOf(rr, u"T3.ROWTOTAL"_s), Disposition::Kind::Dismissed, u"已与报送单位核实"_s);
    const Letter d = Letter::compose(rr, o);
    QCOMPARE(d.problems.size(), expected - 1);
    for (const LetterProblem &p : d.problems)
        QVERIFY(p.rule != u"T3.ROWTOTAL"_s);
}

void TestLetter::confirmedFindingsAreTheLetter()
{
    ReviewedReport rr = m_report;
    const Finding *balance = findingOf(rr, u"T3.BALANCE"_s);
    dispose(rr, *balance, Disposition::Kind::Confirmed, {}, u"李科长"_s);
    // A warning the reviewer confirmed goes in; the errors not confirmed then stay out.
    const Finding *warning = nullptr;
    for (const Finding &f : rr.findings)
        if (!f.isError())
            warning = &f;
    if (warning)
        dispose(rr, *warning, Disposition::Kind::Confirmed, {}, u"李科长"_s);
    rr.reviewer.clear();
    const Letter l = Letter::compose(rr);
    QVERIFY(l.fromConfirmed);
    QCOMPARE(l.problems.size(), warning ? 2 : 1);
    QCOMPARE(l.problems.first().rule, u"T3.BALANCE"_s);
    if (warning)
        QCOMPARE(l.problems.last().rule, warning->rule);
    QCOMPARE(l.reviewer, u"李科长"_s); // the one who confirmed, when the report names no reviewer
    QCOMPARE(l.date, QDate::currentDate());
}

void TestLetter::pdfSaysWhatTheLetterSays()
{
    ExportOptions o;
    o.exportTime = stamp;
    const Letter l = Letter::compose(m_report, o);
    const QByteArray bytes = LetterExport::pdf(l);
    QVERIFY(bytes.startsWith("%PDF"));
    const PdfText pdf = pdfText(bytes);
    QVERIFY(pdf.pages >= 1);
    const QString text = squeeze(pdf.text);
    QVERIFY2(text.contains(squeeze(l.title())), qPrintable(pdf.text.left(400)));
    QVERIFY(l.title().contains(u"2024年政府信息公开工作年度报告"_s));
    QVERIFY(text.contains(u"审校人：张审校"_s));
    QVERIFY(text.contains(u"2026年2月1日"_s));
    QVERIFY(text.contains(u"shanghai_kewei_2024.md"_s));
    int cells = 0, fixes = 0;
    for (const LetterProblem &p : l.problems) {
        QVERIFY2(text.contains(squeeze(p.title)), qPrintable(p.title));
        QVERIFY2(text.contains(squeeze(p.description)), qPrintable(p.description));
        for (const LetterCell &c : p.cells) {
            ++cells;
            QVERIFY2(text.contains(squeeze(c.label)), qPrintable(c.label));
            QVERIFY(text.contains(squeeze(c.published)));
            if (!c.expected.isEmpty())
                QVERIFY(text.contains(c.expected));
        }
        for (const QString &f : p.fixes) {
            ++fixes;
            QVERIFY2(text.contains(squeeze(f)), qPrintable(f));
        }
    }
    // The findings propose fixes; each names its cell by label with the published and the
    // proposed value.
    QVERIFY(cells > 0);
    QVERIFY(fixes > 0);
    for (const Finding &f : m_report.findings)
        for (const Suggestion &s : f.suggestions) {
            const QString label = squeeze(u"表三"_s + RuleEngine::cellNameZh(*m_report.current.tmpl, s.cell));
            QVERIFY2(text.contains(label), qPrintable(label));
            QVERIFY(text.contains(RuleEngine::formatNumber(s.value)));
        }
    // The Chinese font goes with the file.
    QVERIFY2(pdf.notEmbedded.isEmpty(), qPrintable(pdf.notEmbedded.join(u", "_s)));
    QVERIFY(!pdf.fonts.isEmpty());
    bool cjk = false;
    for (const QString &f : pdf.fonts)
        cjk = cjk || f.contains(u"CJK"_s);
    QVERIFY2(cjk, qPrintable(pdf.fonts.join(u", "_s)));
}

void TestLetter::docxOpensAndSaysTheSame()
{
    QTemporaryDir dir;
    ExportOptions o;
    o.exportTime = stamp;
    const Letter l = Letter::compose(m_report, o);
    const QString path = dir.filePath(u"letter.docx"_s);
    QString error;
    QVERIFY2(LetterExport::writeDocx(l, path, &error), qPrintable(error));
    const QByteArray bytes = testutil::readBytes(path);
    QVERIFY(bytes.startsWith("PK"));

    // The package: what Word and WPS look for first.
    ZipReader zip(bytes);
    QVERIFY2(zip.open(&error), qPrintable(error));
    QByteArray types, xml, styles, rels;
    QVERIFY(zip.read(u"[Content_Types].xml"_s, &types, &error));
    QVERIFY(types.contains("wordprocessingml.document.main+xml"));
    QVERIFY(zip.read(u"_rels/.rels"_s, &rels, &error));
    QVERIFY(rels.contains("Target=\"word/document.xml\""));
    QVERIFY(zip.read(u"word/styles.xml"_s, &styles, &error));
    QVERIFY(styles.contains(u"w:eastAsia=\"宋体\""_s.toUtf8()));
    QVERIFY(zip.read(u"word/document.xml"_s, &xml, &error));
    QXmlStreamReader check(xml);
    while (!check.atEnd())
        check.readNext();
    QVERIFY2(!check.hasError(), qPrintable(check.errorString()));
    QVERIFY(xml.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>")); // A4

    const QString runs = docxRuns(xml);
    QVERIFY(runs.contains(l.title()));
    QVERIFY(runs.contains(u"审校人：张审校"_s));
    QVERIFY(runs.contains(u"2026年2月1日"_s));
    for (const LetterProblem &p : l.problems) {
        QVERIFY(runs.contains(p.title));
        QVERIFY(runs.contains(p.description));
        for (const LetterCell &c : p.cells) {
            QVERIFY(runs.contains(c.label));
            QVERIFY(runs.contains(c.published));
        }
        for (const QString &f : p.fixes)
            QVERIFY(runs.contains(f));
    }
    // The reader of published reports opens it as a Word file, its cells as a table's rows.
    SourceDocument doc;
    QVERIFY2(DocxReader::read(bytes, &doc, &error), qPrintable(error));
    QVERIFY(doc.text.contains(l.title()));
    QVERIFY(doc.text.contains(u"单元格 | 报告所载数值 | 建议更正为"_s));
}

void TestLetter::writtenAtomically()
{
    QTemporaryDir dir;
    const Letter l = Letter::compose(m_report);
    // A folder where the file should go, or a folder that is not there: one line naming the file,
    // and nothing left behind.
    QVERIFY(QDir(dir.path()).mkdir(u"taken.docx"_s));
    QVERIFY(QDir(dir.path()).mkdir(u"taken.pdf"_s));
    for (const QString &name : {u"taken.docx"_s, u"taken.pdf"_s, u"missing/letter.docx"_s}) {
        QString error;
        const QString path = dir.filePath(name);
        const bool ok = name.endsWith(u".pdf"_s) ? LetterExport::writePdf(l, path, &error)
                                                 : LetterExport::writeDocx(l, path, &error);
        QVERIFY(!ok);
        QVERIFY2(error.contains(QFileInfo(name).fileName()), qPrintable(error));
        QVERIFY(!error.contains(u'\n'));
    }
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
             (QStringList{u"taken.docx"_s, u"taken.pdf"_s}));
    // Written again over an old letter, the new one replaces it whole.
    const QString path = dir.filePath(u"letter.docx"_s);
    QVERIFY(SafeWrite::writeFile(path, "old", nullptr));
    QString error;
    QVERIFY2(LetterExport::writeDocx(l, path, &error), qPrintable(error));
    QVERIFY(testutil::readBytes(path).startsWith("PK"));
}

void TestLetter::commandLineWritesLetters()
{
    QTemporaryDir dir;
    const QString pdf = dir.filePath(u"kewei.pdf"_s);
    QProcess p;
    p.start(QStringLiteral(NIANBAO_CLI), {u"export"_s, u"--letter"_s, pdf, testutil::dataPath(Kewei)});
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 0);
    const PdfText text = pdfText(testutil::readBytes(pdf));
    QVERIFY2(squeeze(text.text).contains(RuleCatalogue::find(u"T3.BALANCE"_s)->name), qPrintable(text.text));

    // A folder: both files for each report, named after it.
    const QString folder = dir.filePath(u"letters"_s);
    p.start(QStringLiteral(NIANBAO_CLI),
            {u"export"_s, u"--letter"_s, folder, testutil::dataPath(Kewei), testutil::dataPath(seeds[0])});
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 0);
    QStringList names = QDir(folder).entryList(QDir::Files, QDir::Name);
    QCOMPARE(names,
             (QStringList{u"000_cfbc7d1a3e19f347-审校意见.docx"_s, u"000_cfbc7d1a3e19f347-审校意见.pdf"_s,
                          u"shanghai_kewei_2024-审校意见.docx"_s, u"shanghai_kewei_2024-审校意见.pdf"_s}));
}

QTEST_MAIN(TestLetter)
#include "tst_letter.moc"
