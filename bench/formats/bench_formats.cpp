// Throughput of reading published formats, one core: PDF (poppler), HTML and DOCX, from bytes in
// memory. "Read" is the reader alone; "report" adds extraction and the checks. The PDF's report is
// measured beside `pdftotext -layout` on the same file, in the same run (wall time both).
#include "extract/extractor.h"
#include "io/loader.h"
#include "rules/ruleengine.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>

#include <benchmark/benchmark.h>

using namespace nianbao;
using namespace Qt::Literals::StringLiterals;

namespace {

QByteArray bytesOf(const QString &rel)
{
    QFile f(QStringLiteral(NIANBAO_TEST_DATA) + u'/' + rel);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void run(benchmark::State &state, const QString &rel, bool extract)
{
    const QByteArray bytes = bytesOf(rel);
    if (bytes.isEmpty()) {
        state.SkipWithError("fixture missing");
        return;
    }
    for (auto _ : state) {
        SourceDocument doc;
        QString error;
        if (!Loader::loadBytes(bytes, rel, &doc, &error)) {
            state.SkipWithError(qPrintable(error));
            return;
        }
        if (extract) {
            Report report;
            if (!Extractor::extract(doc, &report, &error)) {
                state.SkipWithError(qPrintable(error));
                return;
            }
            benchmark::DoNotOptimize(RuleEngine::check(report));
        }
        benchmark::DoNotOptimize(doc.text.size());
    }
    state.counters["reports/s"] = benchmark::Counter(double(state.iterations()), benchmark::Counter::kIsRate);
}

// hongze_2023.pdf has 5 pages.
void BM_ReadPdf5Pages(benchmark::State &s)
{
    run(s, u"corpus/real/hongze_2023.pdf"_s, false);
}
void BM_ReportPdf5Pages(benchmark::State &s)
{
    run(s, u"corpus/real/hongze_2023.pdf"_s, true);
}
// The yardstick for the PDF: poppler's own `pdftotext -layout` on the same file, the text and
// nothing else (a process each time, as it is used). Wall time, on the same core.
void BM_PdftotextLayout5Pages(benchmark::State &state)
{
    const QString pdftotext = QStandardPaths::findExecutable(u"pdftotext"_s);
    if (pdftotext.isEmpty()) {
        state.SkipWithError("pdftotext is not installed (poppler-utils)");
        return;
    }
    const QString path = QStringLiteral(NIANBAO_TEST_DATA) + u"/corpus/real/hongze_2023.pdf"_s;
    for (auto _ : state) {
        QProcess p;
        p.start(pdftotext, {u"-layout"_s, path, u"-"_s});
        if (!p.waitForFinished(60000) || p.exitCode() != 0) {
            state.SkipWithError("pdftotext failed");
            return;
        }
        benchmark::DoNotOptimize(p.readAllStandardOutput().size());
    }
    state.counters["reports/s"] = benchmark::Counter(double(state.iterations()), benchmark::Counter::kIsRate);
}
void BM_ReadHtml(benchmark::State &s)
{
    run(s, u"corpus/real/hangzhou_style_2025.html"_s, false);
}
void BM_ReportHtml(benchmark::State &s)
{
    run(s, u"corpus/real/hangzhou_style_2025.html"_s, true);
}
void BM_ReadWordHtmlGbk(benchmark::State &s)
{
    run(s, u"formats/word_export_gbk.html"_s, false);
}
void BM_ReadDocx(benchmark::State &s)
{
    run(s, u"formats/filled_2021.docx"_s, false);
}
void BM_ReportDocx(benchmark::State &s)
{
    run(s, u"formats/filled_2021.docx"_s, true);
}

} // namespace

BENCHMARK(BM_ReadPdf5Pages)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ReportPdf5Pages)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_PdftotextLayout5Pages)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_ReadHtml)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_ReportHtml)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_ReadWordHtmlGbk)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_ReadDocx)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_ReportDocx)->Unit(benchmark::kMicrosecond);

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
