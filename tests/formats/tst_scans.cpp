// Scanned reports read by the recogniser: scans made here from the corpus's PDFs (rendered, turned,
// blurred, JPEG-compressed, wrapped again as an image-only PDF or a multi-page TIFF) are read to at
// least 97% of their cells with no wrong value, and the identities that fail in the original still
// fail. Scans too poor to read are refused in one sentence saying why.

#include "../core/testutil.h"
#include "extract/extractor.h"
#include "io/loader.h"
#include "ocr/scanreader.h"
#include "pipeline/reportreader.h"
#include "rules/identities.h"
#include "rules/ruleengine.h"
#include "scanmaker.h"

#include <leptonica/allheaders.h>

#include <QJsonArray>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace nianbao;
using namespace testutil;

namespace {

/// One grey image as a leptonica picture with its resolution.
Pix *toPix(const QImage &image, int dpi)
{
    const QImage g = image.convertToFormat(QImage::Format_Grayscale8);
    Pix *pix = pixCreate(g.width(), g.height(), 8);
    l_uint32 *data = pixGetData(pix);
    const int wpl = pixGetWpl(pix);
    for (int y = 0; y < g.height(); ++y) {
        l_uint32 *line = data + size_t(y) * size_t(wpl);
        const uchar *s = g.constScanLine(y);
        for (int x = 0; x < g.width(); ++x)
            SET_DATA_BYTE(line, x, s[x]);
    }
    pixSetResolution(pix, dpi, dpi);
    return pix;
}

bool writeTiff(const QString &path, const QList<QImage> &pages, int dpi)
{
    for (int i = 0; i < pages.size(); ++i) {
        Pix *pix = toPix(pages[i], dpi);
        const l_ok ok = pixWriteTiff(path.toLocal8Bit().constData(), pix, IFF_TIFF_ZIP, i == 0 ? "w" : "a");
        pixDestroy(&pix);
        if (ok != 0)
            return false;
    }
    return true;
}

struct Score
{
    int expected = 0, right = 0, wrong = 0, uncertain = 0, missing = 0;
    QStringList wrongCells;
};

/// The cells of a report against the corpus's truth for the PDF the scan was made of.
Score score(const Report &report, const QJsonObject &truth)
{
    Score s;
    const QJsonObject cells = truth.value("cells"_L1).toObject();
    for (auto it = cells.begin(); it != cells.end(); ++it) {
        ++s.expected;
        const Cell *c = report.cell(it.key());
        if (!c) {
            ++s.missing;
            continue;
        }
        if (c->state == Cell::State::Uncertain) {
            ++s.uncertain;
            continue;
        }
        const QJsonValue v = it.value();
        bool same = false;
        if (v.isNull())
            same = c->state == Cell::State::Blank;
        else if (v.isDouble())
            same = c->state == Cell::State::Number && std::abs(c->value - v.toDouble()) < 1e-9;
        else
            same = c->state == Cell::State::Text;
        if (same) {
            ++s.right;
        } else {
            ++s.wrong;
            s.wrongCells.append(u"%1 read %2, is %3"_s.arg(
                it.key(), c->displayText(), v.isDouble() ? QString::number(v.toDouble()) : v.toString()));
        }
    }
    return s;
}

QSet<QString> failingIdentities(const QJsonObject &truth)
{
    QSet<QString> out;
    for (const QJsonValue &f : truth.value("findings"_L1).toArray()) {
        const QJsonObject o = f.toObject();
        if (o.value("severity"_L1).toString() == "error"_L1)
            out.insert(o.value("rule"_L1).toString() + u':' +
                       o.value("cells"_L1).toArray().last().toString());
    }
    return out;
}

QSet<QString> failingIdentities(const QList<Finding> &findings)
{
    QSet<QString> out;
    for (const Finding &f : findings)
        if (f.isError() && !f.cells.isEmpty())
            out.insert(f.rule + u':' + f.cells.last());
    return out;
}

} // namespace

class TestScans : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void scansReadToNearlyEveryCellWithNoWrongValue_data();
    void scansReadToNearlyEveryCellWithNoWrongValue();
    void aTextPdfIsNotRecognised();
    void poorScansAreRefusedSayingWhy_data();
    void poorScansAreRefusedSayingWhy();
    void doubtfulValuesAreUncertainWithCandidates();

private:
    QTemporaryDir m_dir;
};

void TestScans::initTestCase()
{
    if (!ScanReader::available())
        QSKIP("this build reads no scans (no libtesseract)");
    QVERIFY(m_dir.isValid());
}

void TestScans::scansReadToNearlyEveryCellWithNoWrongValue_data()
{
    QTest::addColumn<QString>("pdf");
    QTest::addColumn<QString>("wrap");
    QTest::addColumn<int>("dpi");
    QTest::addColumn<double>("skew");
    QTest::addColumn<int>("blur");
    QTest::addColumn<int>("jpeg");
    QTest::newRow("hongze 2023, image-only PDF, 300 dpi, 1.2° turned, blurred, JPEG 75")
        << u"hongze_2023.pdf"_s << u"pdf"_s << 300 << 1.2 << 1 << 75;
    QTest::newRow("huaian 2024, multi-page TIFF, 200 dpi, 0.8° the other way, JPEG 60")
        << u"huaian_2024.pdf"_s << u"tiff"_s << 200 << -0.8 << 0 << 60;
}

void TestScans::scansReadToNearlyEveryCellWithNoWrongValue()
{
    QFETCH(QString, pdf);
    QFETCH(QString, wrap);
    QFETCH(int, dpi);
    QFETCH(double, skew);
    QFETCH(int, blur);
    QFETCH(int, jpeg);
    const QString source = dataPath(u"corpus/real/"_s + pdf);
    const QJsonObject truth = readJson(dataPath(u"corpus/expected/"_s + pdf + u".json"_s));
    QVERIFY(!truth.isEmpty());
    QList<QSizeF> sizes;
    const QList<QImage> pages = scanmaker::scanPages(source, {dpi, skew, blur, jpeg}, &sizes);
    QVERIFY(!pages.isEmpty());
    const QString path = m_dir.filePath(
        QString(pdf).replace(u".pdf"_s, u"_scan."_s + (wrap == u"pdf"_s ? u"pdf"_s : u"tif"_s)));
    if (wrap == u"pdf"_s) {
        QVERIFY(scanmaker::writeImagePdf(path, pages, sizes));
    } else {
        QVERIFY(writeTiff(path, pages, dpi));
    }

    const ReadResult r = ReportReader::read(path);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.report.format, wrap == u"pdf"_s ? u"pdf"_s : u"image"_s);
    const Score s = score(r.report, truth);
    const double share = double(s.right) / s.expected;
    qInfo("%s: %d pages, %d of %d cells right (%.1f%%), %d uncertain, %d missing, %d wrong", qPrintable(pdf),
          int(pages.size()), s.right, s.expected, 100 * share, s.uncertain, s.missing, s.wrong);
    for (const QString &k : r.report.uncertainKeys()) {
        QStringList vs;
        for (double v : r.report.cell(k)->candidates)
            vs.append(QString::number(v));
        qInfo("  uncertain %s: %s (truth %s)", qPrintable(k), qPrintable(vs.join(u" / "_s)),
              qPrintable(QString::number(truth.value("cells"_L1).toObject().value(k).toDouble())));
    }
    QVERIFY2(s.wrong == 0, qPrintable(s.wrongCells.join(u"; "_s)));
    QVERIFY2(share >= 0.97, qPrintable(u"%1 of %2"_s.arg(s.right).arg(s.expected)));
    // Every identity that fails in the published report still fails.
    const QSet<QString> expectedFailing = failingIdentities(truth), failing = failingIdentities(r.findings);
    for (const QString &f : expectedFailing)
        QVERIFY2(failing.contains(f), qPrintable(f));
    // What the scan's findings say of the report (what goes into the letter to the body) is said
    // of the published PDF too: a misreading is never charged to the report.
    const ReadResult published = ReportReader::read(source);
    QVERIFY2(published.ok, qPrintable(published.error));
    QSet<QString> ofPublished;
    for (const Finding &f : published.findings)
        ofPublished.insert(f.rule + u':' + f.cells.join(u','));
    QStringList charged;
    for (const Finding &f : r.findings)
        if (f.about == Finding::About::Report && !ofPublished.contains(f.rule + u':' + f.cells.join(u',')))
            charged.append(f.rule + u": "_s + f.message);
    QVERIFY2(charged.isEmpty(), qPrintable(charged.join(u"; "_s)));
    // Every value knows where it was read, by the recogniser, with its confidence.
    for (const QString &k : r.report.cellKeys()) {
        const SourceBox *b = r.report.boxOf(k);
        if (!r.report.cell(k) || !b)
            continue;
        QCOMPARE(b->method, u"ocr"_s);
        QVERIFY(b->confidence >= 0 && b->confidence <= 1);
        QVERIFY(b->page >= 0 && b->page < pages.size());
    }
}

void TestScans::aTextPdfIsNotRecognised()
{
    // Only pages without a text layer are recognised: every box of a text PDF is from its text.
    const ReadResult r = ReportReader::read(dataPath(u"corpus/real/hongze_2024.pdf"_s));
    QVERIFY(r.ok);
    QVERIFY(!r.report.boxes.isEmpty());
    for (const SourceBox &b : r.report.boxes)
        QCOMPARE(b.method, u"text"_s);
}

void TestScans::poorScansAreRefusedSayingWhy_data()
{
    QTest::addColumn<int>("dpi");
    QTest::addColumn<int>("contrast");
    QTest::addColumn<QString>("reason");
    QTest::newRow("a 100 dpi scan is refused for its resolution") << 100 << 255 << u"resolution"_s;
    QTest::newRow("a faint scan is refused for its contrast") << 200 << 40 << u"contrast"_s;
}

void TestScans::poorScansAreRefusedSayingWhy()
{
    QFETCH(int, dpi);
    QFETCH(int, contrast);
    QFETCH(QString, reason);
    scanmaker::Degradation d;
    d.dpi = dpi;
    d.contrast = contrast;
    const QList<QImage> pages = scanmaker::scanPages(dataPath(u"corpus/real/hongze_2024.pdf"_s), d);
    QVERIFY(!pages.isEmpty());
    const QString path = m_dir.filePath(u"poor_%1_%2.tif"_s.arg(dpi).arg(contrast));
    QVERIFY(writeTiff(path, pages.mid(0, 1), dpi));
    const ReadResult r = ReportReader::read(path);
    QVERIFY(!r.ok);
    QVERIFY2(r.error.contains(reason), qPrintable(r.error));
    QVERIFY(!r.error.contains(u'\n'));
}

void TestScans::doubtfulValuesAreUncertainWithCandidates()
{
    // A report read from a scan whose number the two readings disagree on: uncertain, both
    // readings offered, never one of them picked silently; the identities decide when only one
    // reading makes them hold.
    const ReadResult r = ReportReader::read(dataPath(u"corpus/real/hongze_2024.pdf"_s));
    QVERIFY(r.ok);
    Report report = r.report;
    const QString key = u"t4.reconsideration.upheld"_s, total = u"t4.reconsideration.total"_s;
    const Cell *c = report.cell(key);
    QVERIFY(c && c->isNumber());
    const double truth = c->value;
    for (SourceBox &b : report.boxes)
        b.method = u"ocr"_s;
    // The box of the cell: two readings, the true one and another.
    const SourceBox *cb = report.boxOf(key);
    QVERIFY(cb);
    SourceBox &box = report.boxes[cb - report.boxes.constData()];
    box.confidence = 0.6;
    box.candidates = {QString::number(truth + 7), QString::number(truth)};
    Report undecided = report;
    // With the group's total doubtful too, the identity cannot decide: both stay uncertain.
    SourceBox &totalBox = undecided.boxes[undecided.boxOf(total) - undecided.boxes.constData()];
    totalBox.confidence = 0.5;
    totalBox.candidates = {};
    Extractor::weighRecognised(undecided, expandIdentities(*undecided.tmpl, undecided.variant));
    QCOMPARE(undecided.cell(key)->state, Cell::State::Uncertain);
    QVERIFY(undecided.cell(key)->candidates.contains(truth));
    QVERIFY(undecided.cell(key)->candidates.contains(truth + 7));
    QVERIFY(undecided.cell(key)->recognised);
    const QList<Finding> fs = RuleEngine::check(undecided);
    bool flagged = false;
    for (const Finding &f : fs)
        flagged = flagged || (f.rule == u"CELL.UNCERTAIN"_s && f.cells == QStringList{key} &&
                              f.messageEn.contains(u"recognised from a scan"_s));
    QVERIFY(flagged);
    // The total sure: only the true reading makes 行政复议's total hold.
    Extractor::weighRecognised(report, expandIdentities(*report.tmpl, report.variant));
    QCOMPARE(report.cell(key)->state, Cell::State::Number);
    QCOMPARE(report.cell(key)->value, truth);
}

QTEST_MAIN(TestScans)
#include "tst_scans.moc"
