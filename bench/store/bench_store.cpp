// The review store: opening a queue of 1,000 reports (time and memory), searching it, and the
// cost of one durable correction. SQLite file in a temp folder; set NIANBAO_BENCH_PG_URL to a
// postgresql:// URL (scripts/pg-test-cluster.sh start DIR prints one) to measure PostgreSQL too.
#include "pipeline/reportreader.h"
#include "rules/ruleengine.h"
#include "store/reviewstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

using namespace nianbao;
using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int kReports = 1000;
constexpr int kCorrectedReports = 200;
constexpr int kCorrectionsEach = 5;

double statusMb(const char *field)
{
    QFile f(u"/proc/self/status"_s);
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith(field))
            return line.mid(qstrlen(field)).trimmed().split(' ').first().toDouble() / 1024.0;
    return 0;
}

/// A database holding a queue of 1,000 reports in 10 folders, made once per URL.
QString populated(const QString &url)
{
    static QHash<QString, bool> done;
    if (done.value(url))
        return url;
    ReviewStore store;
    QString error;
    if (!store.open(url, &error))
        qFatal("%s", qPrintable(error));
    const QDir seeds(QStringLiteral(NIANBAO_TEST_DATA) + u"/corpus/seeds"_s);
    QList<ReadResult> read;
    for (const QString &f : seeds.entryList({u"*.txt"_s}, QDir::Files, QDir::Name))
        read.append(ReportReader::read(seeds.filePath(f)));
    QList<ReportSummary> summaries;
    QStringList paths;
    for (int i = 0; i < kReports; ++i) {
        const ReadResult &r = read[i % read.size()];
        ReportSummary s;
        s.contentHash = ReviewStore::contentHash(QByteArray("report ") + QByteArray::number(i));
        s.path = u"/reports/batch-%1/%2-%3.txt"_s.arg(i % 10).arg(r.report.unit).arg(i);
        s.unit = r.report.unit + QString::number(i);
        s.year = QString::number(2019 + i % 6);
        s.templateName = r.report.templateName();
        s.errors = r.errors();
        s.warnings = r.warnings();
        summaries.append(s);
        paths.append(s.path);
    }
    if (!store.addToQueue(paths, {}, &error) || !store.registerReports(summaries, &error))
        qFatal("%s", qPrintable(error));
    const QStringList keys = read.first().report.cellKeys();
    for (int i = 0; i < kCorrectedReports; ++i) {
        const QString &hash = summaries[i * (kReports / kCorrectedReports)].contentHash;
        for (int k = 0; k < kCorrectionsEach; ++k) {
            Correction c;
            c.key = keys[k];
            c.before = Cell::number(k);
            c.after = Cell::number(k + 1);
            c.action = u"edit"_s;
            c.reviewer = u"审校员"_s;
            c.time = QDateTime::currentDateTimeUtc();
            if (!store.addCorrection(hash, c, &error))
                qFatal("%s", qPrintable(error));
        }
        store.setStatus(hash, i % 2 ? ReviewStatus::Reviewed : ReviewStatus::InReview, u"审校员"_s, &error);
    }
    done.insert(url, true);
    return url;
}

QString sqliteUrl()
{
    static QTemporaryDir dir;
    return dir.filePath(u"reviews.sqlite"_s);
}

// Start of the window: open the database, read the whole queue with states and counts.
void BM_OpenQueue1000(benchmark::State &state, QString (*url)())
{
    const QString u = url();
    if (u.isEmpty()) {
        state.SkipWithError("NIANBAO_BENCH_PG_URL is not set");
        return;
    }
    populated(u);
    qsizetype items = 0;
    for (auto _ : state) {
        ReviewStore store;
        QString error;
        if (!store.open(u, &error)) {
            state.SkipWithError(qPrintable(error));
            return;
        }
        const QList<QueueItem> queue = store.queue({}, &error);
        const QueueCounts counts = store.queueCounts({}, &error);
        items = queue.size();
        benchmark::DoNotOptimize(counts.total);
    }
    state.counters["reports"] = double(items);
    state.counters["rss_MB"] = statusMb("VmRSS:");
    state.counters["peak_rss_MB"] = statusMb("VmHWM:");
}

// Typing in the search box: unit name part and a year over the 1,000.
void BM_SearchQueue1000(benchmark::State &state, QString (*url)())
{
    const QString u = url();
    if (u.isEmpty()) {
        state.SkipWithError("NIANBAO_BENCH_PG_URL is not set");
        return;
    }
    populated(u);
    ReviewStore store;
    QString error;
    store.open(u, &error);
    QueueFilter f;
    f.search = u"99"_s;
    f.year = u"2021"_s;
    qsizetype found = 0;
    for (auto _ : state)
        found = store.queue(f, &error).size();
    state.counters["found"] = double(found);
}

// One correction written durably (own transaction, synced) before the call returns.
void BM_DurableCorrection(benchmark::State &state, QString (*url)())
{
    const QString u = url();
    if (u.isEmpty()) {
        state.SkipWithError("NIANBAO_BENCH_PG_URL is not set");
        return;
    }
    populated(u);
    ReviewStore store;
    QString error;
    store.open(u, &error);
    const QString hash = ReviewStore::contentHash("durable correction bench");
    const QString key = u"t3.total.results.granted"_s;
    store.storedCell(hash, key, &error); // the version this writer has seen
    int n = 0;
    for (auto _ : state) {
        Correction c;
        c.key = key;
        c.after = Cell::number(++n);
        c.reviewer = u"审校员"_s;
        if (!store.addCorrection(hash, c, &error)) {
            state.SkipWithError(qPrintable(error));
            return;
        }
    }
    state.SetItemsProcessed(n);
}

QString pgUrl()
{
    return qEnvironmentVariable("NIANBAO_BENCH_PG_URL");
}

} // namespace

BENCHMARK_CAPTURE(BM_OpenQueue1000, sqlite, &sqliteUrl)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_SearchQueue1000, sqlite, &sqliteUrl)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_DurableCorrection, sqlite, &sqliteUrl)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_OpenQueue1000, postgresql, &pgUrl)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_SearchQueue1000, postgresql, &pgUrl)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_DurableCorrection, postgresql, &pgUrl)->Unit(benchmark::kMillisecond);

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
