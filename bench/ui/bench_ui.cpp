// The review window's speed: a seed report opened to a filled window, one edit to repainted
// findings, and the re-check an edit costs. Offscreen platform, one process.
#include "findingsmodel.h"
#include "formview.h"
#include "mainwindow.h"
#include "pipeline/reportreader.h"
#include "reporttablemodel.h"
#include "review/review.h"
#include "rules/ruleengine.h"

#include <QAbstractItemModel>
#include <QApplication>
#include <QEventLoop>
#include <QSettings>
#include <QStandardPaths>
#include <QTreeView>

#include <benchmark/benchmark.h>

using namespace nianbao;
using namespace nianbao::ui;
using namespace Qt::Literals::StringLiterals;

namespace {

QString seedPath()
{
    return QStringLiteral(NIANBAO_TEST_DATA) + u"/corpus/seeds/001_bff1b9e23c617db0.txt"_s;
}

void openAndWait(MainWindow *w, const QStringList &paths)
{
    QEventLoop loop;
    QObject::connect(w, &MainWindow::loadFinished, &loop, &QEventLoop::quit);
    w->openPaths(paths);
    if (w->isLoading())
        loop.exec();
}

// Drop to filled window: read (off the GUI thread), build the models, lay out and paint.
void BM_OpenSeedToFilledWindow(benchmark::State &state)
{
    for (auto _ : state) {
        MainWindow w;
        w.resize(1500, 920);
        w.show();
        openAndWait(&w, {seedPath()});
        w.tableView(u"t3"_s)->viewport()->repaint();
        w.tableView(u"t3"_s)->resizeRowsToContents();
        benchmark::DoNotOptimize(w.currentReview());
        if (!w.currentReview())
            state.SkipWithError("the seed did not open");
        QSettings().clear();
    }
}
BENCHMARK(BM_OpenSeedToFilledWindow)->Unit(benchmark::kMillisecond);

// One typed value: the undo command, the re-check, the table and findings models, the repaint.
void BM_EditToRepaintedFindings(benchmark::State &state)
{
    MainWindow w;
    w.resize(1500, 920);
    w.show();
    openAndWait(&w, {seedPath()});
    Review *r = w.currentReview();
    FormView *t3 = w.tableView(u"t3"_s);
    auto *findings = w.findChild<QTreeView *>(u"findingsView"_s);
    const QModelIndex idx = t3->formModel()->indexOf(u"t3.granted.legal_service"_s);
    int v = 10;
    for (auto _ : state) {
        t3->model()->setData(idx, QString::number(v++ % 2 ? 12 : 9));
        t3->viewport()->repaint();
        findings->viewport()->repaint();
    }
    benchmark::DoNotOptimize(r->findings().size());
    state.counters["undo_commands"] = r->undoStack()->count();
}
BENCHMARK(BM_EditToRepaintedFindings)->Unit(benchmark::kMicrosecond);

// The re-check alone: what every edit costs in core (must stay far under a millisecond).
void BM_EditRecheck(benchmark::State &state)
{
    const ReadResult rr = ReportReader::read(seedPath());
    Review review(rr.report, rr.findings);
    int v = 0;
    for (auto _ : state) {
        review.setCellText(u"t3.granted.legal_service"_s, QString::number(v++ % 2 ? 12 : 9));
        benchmark::DoNotOptimize(review.errorCount());
    }
}
BENCHMARK(BM_EditRecheck)->Unit(benchmark::kMicrosecond);

void BM_RuleEngineCheck(benchmark::State &state)
{
    const ReadResult rr = ReportReader::read(seedPath());
    for (auto _ : state)
        benchmark::DoNotOptimize(RuleEngine::check(rr.report));
}
BENCHMARK(BM_RuleEngineCheck)->Unit(benchmark::kMicrosecond);

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QStandardPaths::setTestModeEnabled(true);
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(u"nianbao-bench"_s);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
