// Export speed: 1,000 reports into one batch workbook (target: under 5 s), and the CSV and the
// per-report workbook for comparison. One core.
#include "export/exporter.h"
#include "pipeline/reportreader.h"
#include "rules/ruleengine.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

using namespace nianbao;
using namespace Qt::Literals::StringLiterals;

namespace {

/// n reports made from the five seeds, each with its own name and a few cells changed so that
/// the workbook's strings and numbers are not all the same.
QList<ReviewedReport> reports(int n)
{
    static QList<ReviewedReport> seeds = [] {
        QList<ReviewedReport> out;
        const QDir dir(QStringLiteral(NIANBAO_TEST_DATA) + u"/corpus/seeds"_s);
        for (const QString &f : dir.entryList({u"*.txt"_s}, QDir::Files, QDir::Name)) {
            const ReadResult r = ReportReader::read(dir.filePath(f));
            if (r.ok)
                out << ReviewedReport::fromExtracted(r.report, r.findings);
        }
        return out;
    }();
    QList<ReviewedReport> out;
    out.reserve(n);
    for (int i = 0; i < n; ++i) {
        ReviewedReport rr = seeds[i % seeds.size()];
        rr.current.source = u"/reports/%1_%2.txt"_s.arg(i, 4, 10, QLatin1Char('0')).arg(rr.current.unit);
        rr.current.unit = u"某某县第%1街道办事处"_s.arg(i);
        rr.current.cells[u"t3.new_received.natural_person"_s] = Cell::number(i % 97);
        rr.current.cells[u"t2.administrative_fee.amount"_s] = Cell::number(i * 0.25);
        rr.findings = RuleEngine::check(rr.current);
        out << rr;
    }
    return out;
}

void BM_BatchWorkbook(benchmark::State &state)
{
    const QList<ReviewedReport> rs = reports(int(state.range(0)));
    QTemporaryDir dir;
    const QString out = dir.filePath(u"batch.xlsx"_s);
    for (auto _ : state) {
        QString error;
        if (!Exporter::writeBatchXlsx(rs, out, {}, &error))
            state.SkipWithError(qPrintable(error));
    }
    state.SetItemsProcessed(state.iterations() * rs.size());
    state.counters["bytes"] = double(QFileInfo(out).size());
}
BENCHMARK(BM_BatchWorkbook)->Arg(1000)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_BatchCsv(benchmark::State &state)
{
    const QList<ReviewedReport> rs = reports(int(state.range(0)));
    QTemporaryDir dir;
    const QString out = dir.filePath(u"batch.csv"_s);
    for (auto _ : state) {
        QString error;
        if (!Exporter::writeCsv(rs, CsvLayout::Wide, out, {}, &error))
            state.SkipWithError(qPrintable(error));
    }
    state.SetItemsProcessed(state.iterations() * rs.size());
}
BENCHMARK(BM_BatchCsv)->Arg(1000)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_ReportWorkbook(benchmark::State &state)
{
    const QList<ReviewedReport> rs = reports(5);
    QTemporaryDir dir;
    const QString out = dir.filePath(u"r.xlsx"_s);
    int i = 0;
    for (auto _ : state) {
        QString error;
        if (!Exporter::writeReportXlsx(rs[i++ % rs.size()], out, {}, &error))
            state.SkipWithError(qPrintable(error));
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ReportWorkbook)->Unit(benchmark::kMillisecond)->UseRealTime();

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
