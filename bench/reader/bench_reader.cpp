// Throughput of reading and checking text reports (extract + check), one core, beside a yardstick
// measured in the same run: ICU's NFKC normalisation of the same texts (decoded from the same
// bytes), which looks at every character once and understands none of them.
#include "extract/extractor.h"
#include "io/loader.h"
#include "pipeline/reportreader.h"
#include "rules/ruleengine.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

#include <benchmark/benchmark.h>

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

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

// The yardstick: the same bytes decoded and NFKC-normalised by ICU, nothing else.
void BM_IcuNormaliseSeeds(benchmark::State &state)
{
    const auto files = seeds();
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2 *nfkc = icu::Normalizer2::getNFKCInstance(status);
    if (U_FAILURE(status) || !nfkc) {
        state.SkipWithError("ICU's NFKC is not available");
        return;
    }
    qint64 n = 0;
    for (auto _ : state) {
        for (const auto &[path, bytes] : files) {
            const icu::UnicodeString text =
                icu::UnicodeString::fromUTF8(icu::StringPiece(bytes.constData(), int32_t(bytes.size())));
            status = U_ZERO_ERROR;
            const icu::UnicodeString normal = nfkc->normalize(text, status);
            benchmark::DoNotOptimize(normal.length());
            ++n;
        }
    }
    state.SetItemsProcessed(n);
    state.counters["reports_per_s"] = benchmark::Counter(double(n), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_IcuNormaliseSeeds)->Unit(benchmark::kMicrosecond);

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
