// Recognition per page and per report, in-process (ScanReader: deskew, ruling lines found and
// erased, psm 6, numbers read again with digits only, the page geometry) against running the
// `tesseract` command (psm 6, chi_sim+eng) on the same page images, one core. And a text PDF read
// and checked against `pdftotext -layout` on the same file. Quote the figures as ratios.
#include "io/loader.h"
#include "ocr/scanreader.h"
#include "pipeline/reportreader.h"
#include "scanmaker.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

using namespace nianbao;
using namespace Qt::Literals::StringLiterals;

namespace {

const QString source = QStringLiteral(NIANBAO_TEST_DATA) + u"/corpus/real/hongze_2023.pdf"_s;
constexpr int Dpi = 300;
constexpr int TablePage = 2; // hongze 2023's page 3: tables 2 and 3

struct Scans
{
    QTemporaryDir dir;
    QList<QImage> pages;
    QStringList pngs;
    QString pdf;
    Scans()
    {
        QList<QSizeF> sizes;
        pages = scanmaker::scanPages(source, {Dpi, 0.8, 1, 75}, &sizes);
        for (int i = 0; i < pages.size(); ++i) {
            pngs.append(dir.filePath(u"page%1.png"_s.arg(i + 1)));
            pages[i].save(pngs.last());
        }
        pdf = dir.filePath(u"scan.pdf"_s);
        scanmaker::writeImagePdf(pdf, pages, sizes);
    }
};

Scans &scans()
{
    static Scans s;
    return s;
}

bool runTool(const QString &program, const QStringList &args)
{
    QProcess p;
    p.start(program, args);
    return p.waitForFinished(600000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

void BM_OcrPage(benchmark::State &state)
{
    const QImage &page = scans().pages.value(TablePage);
    for (auto _ : state) {
        ScanReader::Page read;
        QString error;
        if (!ScanReader::recognise(page, Dpi, &read, &error)) {
            state.SkipWithError(qPrintable(error));
            return;
        }
        benchmark::DoNotOptimize(read.words.size());
    }
}

void BM_TesseractCliPage(benchmark::State &state)
{
    const QString tesseract = QStandardPaths::findExecutable(u"tesseract"_s);
    if (tesseract.isEmpty()) {
        state.SkipWithError("tesseract not installed (tesseract-ocr)");
        return;
    }
    for (auto _ : state)
        if (!runTool(tesseract, {scans().pngs.value(TablePage), u"-"_s, u"--psm"_s, u"6"_s, u"-l"_s,
                                 u"chi_sim+eng"_s})) {
            state.SkipWithError("tesseract failed");
            return;
        }
}

void BM_OcrReport(benchmark::State &state)
{
    for (auto _ : state) {
        const ReadResult r = ReportReader::read(scans().pdf);
        if (!r.ok) {
            state.SkipWithError(qPrintable(r.error));
            return;
        }
        benchmark::DoNotOptimize(r.findings.size());
    }
    state.counters["pages"] = double(scans().pages.size());
}

void BM_TesseractCliReport(benchmark::State &state)
{
    const QString tesseract = QStandardPaths::findExecutable(u"tesseract"_s);
    if (tesseract.isEmpty()) {
        state.SkipWithError("tesseract not installed (tesseract-ocr)");
        return;
    }
    for (auto _ : state)
        for (const QString &png : std::as_const(scans().pngs))
            if (!runTool(tesseract, {png, u"-"_s, u"--psm"_s, u"6"_s, u"-l"_s, u"chi_sim+eng"_s})) {
                state.SkipWithError("tesseract failed");
                return;
            }
    state.counters["pages"] = double(scans().pages.size());
}

void BM_PdfReadAndCheck(benchmark::State &state)
{
    for (auto _ : state) {
        const ReadResult r = ReportReader::read(source);
        if (!r.ok) {
            state.SkipWithError(qPrintable(r.error));
            return;
        }
        benchmark::DoNotOptimize(r.findings.size());
    }
}

void BM_PdftotextLayout(benchmark::State &state)
{
    const QString pdftotext = QStandardPaths::findExecutable(u"pdftotext"_s);
    if (pdftotext.isEmpty()) {
        state.SkipWithError("pdftotext not installed (poppler-utils)");
        return;
    }
    for (auto _ : state)
        if (!runTool(pdftotext, {u"-layout"_s, source, u"-"_s})) {
            state.SkipWithError("pdftotext failed");
            return;
        }
}

} // namespace

BENCHMARK(BM_OcrPage)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_TesseractCliPage)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_OcrReport)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK(BM_TesseractCliReport)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK(BM_PdfReadAndCheck)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PdftotextLayout)->Unit(benchmark::kMillisecond);

int main(int argc, char **argv)
{
    // as the programs run (one OpenMP thread a recogniser), and the tesseract command with them;
    // OMP_THREAD_LIMIT set by hand wins, so that both can be measured with OpenMP's threads too
    ScanReader::limitRecogniserThreads(argv);
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
