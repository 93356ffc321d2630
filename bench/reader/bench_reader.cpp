// Throughput of reading and checking text reports (extract + check), one core.
#include "extract/extractor.h"
#include "io/loader.h"
#include "pipeline/reportreader.h"
#include "rules/ruleengine.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

#include <benchmark/benchmark.h>

using namespace nianbao;
using namespace Qt::Literals::StringLiterals;

namespace {

QList<std::pair<QString, QByteArray>> seeds()
{
    static QList<std::pair<QString, QByteArray>> files = [] {
        QList<std::pair<QString, QByteArray>> out;
        const QDir dir(QStringLiteral(NIANBAO_TEST_DATA) + u"/corpus/seeds"_s);
        for (const QString &f : dir.entryList({u"*.txt"_s}, QDir::Files, QDir::Name)) {
            QFile file(dir.filePath(f));
            if (file.open(QIODevice::ReadOnly))
                out.append({dir.filePath(f), file.readAll()});
        }
        return out;
    }();
    return files;
}

// Decode + normalise + extract + check, from bytes in memory: the work per report.
void BM_ExtractAndCheckSeeds(benchmark::State &state)
{
    const auto files = seeds();
    qint64 n = 0;
    for (auto _ : state) {
        for (const auto &[path, bytes] : files) {
            SourceDocument doc;
            QString error;
            Loader::loadBytes(bytes, path, &doc, &error);
            Report report;
            Extractor::extract(doc, &report, &error);
            const QList<Finding> findings = RuleEngine::check(report);
            benchmark::DoNotOptimize(findings.size());
            ++n;
        }
    }
    state.SetItemsProcessed(n);
    state.counters["reports_per_s"] = benchmark::Counter(double(n), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ExtractAndCheckSeeds)->Unit(benchmark::kMicrosecond);

// The same from the files on disk, as nianbao-cli check does.
void BM_ReadSeedFiles(benchmark::State &state)
{
    const auto files = seeds();
    qint64 n = 0;
    for (auto _ : state) {
        for (const auto &f : files) {
            const ReadResult r = ReportReader::read(f.first);
            benchmark::DoNotOptimize(r.ok);
            ++n;
        }
    }
    state.SetItemsProcessed(n);
    state.counters["reports_per_s"] = benchmark::Counter(double(n), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ReadSeedFiles)->Unit(benchmark::kMicrosecond);

// Digits that ran together: the hardest text layout (pingtan_2022.txt).
void BM_ExtractDigitRuns(benchmark::State &state)
{
    QFile f(QStringLiteral(NIANBAO_TEST_DATA) + u"/corpus/real/pingtan_2022.txt"_s);
    f.open(QIODevice::ReadOnly);
    const QByteArray bytes = f.readAll();
    qint64 n = 0;
    for (auto _ : state) {
        SourceDocument doc;
        QString error;
        Loader::loadBytes(bytes, u"pingtan_2022.txt"_s, &doc, &error);
        Report report;
        Extractor::extract(doc, &report, &error);
        benchmark::DoNotOptimize(RuleEngine::check(report).size());
        ++n;
    }
    state.SetItemsProcessed(n);
}
BENCHMARK(BM_ExtractDigitRuns)->Unit(benchmark::kMicrosecond);

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
