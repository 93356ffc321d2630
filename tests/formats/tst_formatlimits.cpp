// Hostile files at each reader's limits: refused there in a bounded time, read right below them.
#include "formatstesting.h"

using namespace nianbao;
using namespace nianbao::formatstesting;

class TestFormatLimits : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void pdfLayoutOfAHugePageEnds_data();
    void pdfLayoutOfAHugePageEnds();
    void hostileFileIsRefusedAtALimit_data();
    void hostileFileIsRefusedAtALimit();
    void tablesNestedToTheLimitAreRead();
    void wordFileOfLigaturesIsReadRight();
    void pdfPageBelowTheLimitIsRead();
};

void TestFormatLimits::pdfLayoutOfAHugePageEnds_data()
{
    // 100,000 words laid out to reach every pass of the geometry at its most expensive; the reader
    // never gives it such a page (Limits::MaxPdfCharsPerPage), but the layout must not depend on it.
    QTest::addColumn<QList<PdfReader::Word>>("words");
    QTest::addColumn<int>("lines");
    constexpr int n = 100000;
    QList<PdfReader::Word> oneLine, oneColumn, grid, vertical, wrapped;
    for (int i = 0; i < n; ++i) {
        oneLine.append(w("7", 10 + i * 12.0, 100, 7));
        oneColumn.append(w(i % 2 ? "7" : "12", 300, 10 + i * 12.0, 7));
        grid.append(w("7", 10 + (i % 316) * 12.0, 10 + (i / 316) * 12.0, 7));
        vertical.append(w("本", i % 2 ? 65 : 400, 10 + i * 11.0, 10));
        // Rows of a label and two values, each with its label wrapped over the next nine lines.
        const double y = 10 + i * 11.0;
        if (i % 10 == 0)
            wrapped << w("（二）部分公开", 94, y, 80) << w("1", 300, y, 7) << w("2", 340, y, 7);
        else
            wrapped << w("情形不计其他情形", 94, y, 80);
    }
    QTest::newRow("100,000 values on one line") << oneLine << 1;
    QTest::newRow("100,000 lines of one value each, one under the other") << oneColumn << n;
    QTest::newRow("a grid of 316 columns of values") << grid << 317;
    QTest::newRow("100,000 one-character labels in two columns, as group labels are written")
        << vertical << -1;
    QTest::newRow("10,000 rows each with a label wrapped over nine lines") << wrapped << -1;
}

void TestFormatLimits::pdfLayoutOfAHugePageEnds()
{
    QFETCH(QList<PdfReader::Word>, words);
    QFETCH(int, lines);
    const QString text = PdfReader::layoutPage(words);
    QVERIFY(!text.isEmpty());
    if (lines >= 0)
        QCOMPARE(text.count(u'\n'), lines);
    // Every word is still in the text.
    qsizetype letters = 0;
    for (QChar c : text)
        letters += (c == u'|' || c.isSpace()) ? 0 : 1;
    qsizetype expected = 0;
    for (const PdfReader::Word &word : std::as_const(words))
        expected += word.text.size();
    QCOMPARE(letters, expected);
}

void TestFormatLimits::hostileFileIsRefusedAtALimit_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("reason");
    const QByteArray page = "<html><body>", end = "</body></html>";
    QTest::newRow("a web page with one row of 100,000 cells spanning 100 columns each")
        << page + "<table><tr>" + QByteArray("<td colspan=100>1</td>").repeated(100000) + "</tr></table>" +
               end
        << u"p.html"_s << Limits::tableTooLarge();
    QTest::newRow("a web page whose cells each span 1,000 rows and 100 columns")
        << page + "<table>" + QByteArray("<tr><td rowspan=1000 colspan=100>1</td></tr>").repeated(5000) +
               "</table>" + end
        << u"p.html"_s << Limits::tableTooLarge();
    QTest::newRow("a web page of 20,000 tables nested in one another")
        << page + QByteArray("<table><tr><td>规章</td><td>").repeated(20000) + "1" +
               QByteArray("</td></tr></table>").repeated(20000) + end
        << u"p.html"_s << Limits::tablesTooDeep();
    QTest::newRow("a web page of 200,000 small tables whose rows add up past the text limit")
        << page + QByteArray("<table><tr><td colspan=100>1</td></tr></table>").repeated(200000) + end
        << u"p.html"_s << Limits::textTooLong();
    QTest::newRow("a Word file of 200,000 tables nested in one another")
        << docx(QByteArray("<w:tbl><w:tr><w:tc><w:p><w:r><w:t>规章</w:t></w:r></w:p></w:tc><w:tc>")
                    .repeated(200000) +
                "<w:p/>" + QByteArray("</w:tc></w:tr></w:tbl>").repeated(200000))
        << u"w.docx"_s << Limits::tablesTooDeep();
    QTest::newRow("a Word table row of 1,001 cells each spanning 100 grid columns")
        << docx("<w:tbl><w:tr>" +
                QByteArray("<w:tc><w:tcPr><w:gridSpan w:val=\"100\"/></w:tcPr><w:p/></w:tc>").repeated(1001) +
                "</w:tr></w:tbl>")
        << u"w.docx"_s << Limits::tableTooLarge();
    QTest::newRow("a Word file whose main part holds 24 million characters")
        << docx(paragraphs(seedText()) + "<w:p><w:r><w:t>" + QByteArray("规章 0 ").repeated(6000000) +
                "</w:t></w:r></w:p>")
        << u"w.docx"_s << Limits::textTooLong();
    QTest::newRow("a PDF of 5,000 pages")
        << pdf(5000, "BT /F1 10 Tf 72 700 Td (1) Tj ET") << u"p.pdf"_s << Limits::tooManyPages(5000);
    QTest::newRow("a PDF page of 100,000 words")
        << pdf(1, grid(100000, 316)) << u"p.pdf"_s << Limits::tooManyChars(1);
}

void TestFormatLimits::hostileFileIsRefusedAtALimit()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, name);
    QFETCH(QString, reason);
    const ReadResult r = readWritten(bytes, name);
    QVERIFY(!r.ok);
    QCOMPARE(r.error, reason);
}

void TestFormatLimits::tablesNestedToTheLimitAreRead()
{
    QString html;
    for (int i = 0; i < Limits::MaxTableDepth; ++i)
        html += u"<table><tr><td>外</td><td>"_s;
    html += u"规章 7"_s;
    for (int i = 0; i < Limits::MaxTableDepth; ++i)
        html += u"</td></tr></table>"_s;
    QString error;
    const QString text = HtmlReader::toText(html, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(text.contains(u"规章 7"_s));
    QCOMPARE(text.count(u"外"_s), Limits::MaxTableDepth);
    // One more is refused.
    const QString deeper = u"<table><tr><td>"_s + html + u"</td></tr></table>"_s;
    QVERIFY(HtmlReader::toText(deeper, &error).isEmpty());
    QCOMPARE(error, Limits::tablesTooDeep());

    QByteArray body;
    for (int i = 0; i < Limits::MaxTableDepth; ++i)
        body += "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>外</w:t></w:r></w:p></w:tc><w:tc>";
    body += "<w:p><w:r><w:t>规章 7</w:t></w:r></w:p>";
    for (int i = 0; i < Limits::MaxTableDepth; ++i)
        body += "</w:tc></w:tr></w:tbl>";
    const QByteArray doc = "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/"
                           "wordprocessingml/2006/main\"><w:body>" +
                           body + "</w:body></w:document>";
    QString got;
    error.clear();
    QVERIFY2(DocxReader::documentText(doc, &got, &error), qPrintable(error));
    QVERIFY(got.contains(u"规章 7"_s));
}

void TestFormatLimits::wordFileOfLigaturesIsReadRight()
{
    // 1.6 million U+FDFA (18 letters each once normalised) in the prose of a Word report: kept as
    // they are, the tables read as from the text, every span on its digits.
    const QString seed = seedText();
    const ReadResult whole =
        ReportReader::read(testutil::dataPath(u"corpus/seeds/001_bff1b9e23c617db0.txt"_s));
    QVERIFY(whole.ok);
    QString text = seed;
    text.replace(u"二、主动公开"_s, QString(u"\uFDFA"_s).repeated(1600000) + u"\n二、主动公开"_s);
    const ReadResult r = readWritten(docx(paragraphs(text)), u"w.docx"_s);
    QVERIFY2(r.ok, qPrintable(r.error));
    QStringList wrong;
    for (auto it = whole.report.cells.constBegin(); it != whole.report.cells.constEnd(); ++it) {
        const Cell *c = r.report.cell(it.key());
        if (!c || c->state != it.value().state || c->value != it.value().value)
            wrong.append(it.key());
        else if (c->isNumber() && r.report.text.mid(c->start, c->length).toDouble() != c->value)
            wrong.append(it.key().toString() + u" (span)"_s);
    }
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(u", "_s)));
}

void TestFormatLimits::pdfPageBelowTheLimitIsRead()
{
    SourceDocument doc;
    QString error;
    QVERIFY2(Loader::loadBytes(pdf(3, grid(Limits::MaxPdfCharsPerPage / 2, 40)), u"p.pdf"_s, &doc, &error),
             qPrintable(error));
    qsizetype digits = 0;
    for (QChar c : doc.text)
        digits += c.isDigit() ? 1 : 0;
    QCOMPARE(digits, 3 * (Limits::MaxPdfCharsPerPage / 2));
}

QTEST_GUILESS_MAIN(TestFormatLimits)
#include "tst_formatlimits.moc"
