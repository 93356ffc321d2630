// The checks beyond the sums: reading the text for the document checks (once per report), the
// rule run of a re-check with its proposed fixes, and the fix search alone. One core.
#include "checks/documentreader.h"
#include "checks/suggestions.h"
#include "pipeline/reportreader.h"
#include "rules/ruleengine.h"

#include <QDir>

#include <benchmark/benchmark.h>

using namespace nianbao;
using namespace Qt::Literals::StringLiterals;

namespace {

const Report &report(const QString &rel)
{
    static QHash<QString, ReadResult> cache;
    auto it = cache.find(rel);
    if (it == cache.end())
        it = cache.insert(rel, ReportReader::read(QStringLiteral(NIANBAO_TEST_DATA) + u'/' + rel));
    return it->report;
}

const QStringList Files = {
    u"corpus/seeds/000_cfbc7d1a3e19f347.txt"_s, u"corpus/seeds/001_bff1b9e23c617db0.txt"_s,
    u"corpus/seeds/002_f891356e150a22f8.txt"_s, u"corpus/seeds/003_2ee7e895fb2dacb9.txt"_s,
    u"corpus/seeds/004_c7d8b163796d4c79.txt"_s};
// Two failing identities that one blank total explains.
const QString Failing = u"corpus/real/shanghai_kewei_2024.md"_s;

// What the document checks read of a report's text, once when it is read.
void BM_DocumentReadSeeds(benchmark::State &state)
{
    qint64 n = 0;
    for (auto _ : state)
        for (const QString &f : Files) {
            benchmark::DoNotOptimize(DocumentReader::read(report(f)).headings.size());
            ++n;
        }
    state.SetItemsProcessed(n);
}
BENCHMARK(BM_DocumentReadSeeds)->Unit(benchmark::kMicrosecond);

// The whole rule run an edit triggers, on a report with two error findings: identities, values,
// prose, the document checks and the fix search.
void BM_RuleRunWithErrors(benchmark::State &state)
{
    const Report &r = report(Failing);
    for (auto _ : state)
        benchmark::DoNotOptimize(RuleEngine::check(r).size());
}
BENCHMARK(BM_RuleRunWithErrors)->Unit(benchmark::kMicrosecond);

// The fix search alone, over the same findings.
void BM_SuggestionSearch(benchmark::State &state)
{
    const Report &r = report(Failing);
    QList<Finding> plain = RuleEngine::check(r);
    for (Finding &f : plain) {
        f.suggestions.clear();
        f.noSuggestion.clear();
        f.noSuggestionEn.clear();
    }
    for (auto _ : state) {
        QList<Finding> findings = plain;
        Suggestions::propose(r, &findings);
        benchmark::DoNotOptimize(findings.first().suggestions.size());
    }
}
BENCHMARK(BM_SuggestionSearch)->Unit(benchmark::kMicrosecond);

} // namespace

BENCHMARK_MAIN();
