// The review window's speed: a seed report opened to a filled window, one edit to repainted
// findings, the re-check an edit costs, and a queue of 1,000 reports restored at start to a
// painted window (against reading those files' bytes). Offscreen platform, one process.
#include "findingsmodel.h"
#include "formview.h"
#include "mainwindow.h"
#include "pipeline/reportreader.h"
#include "reportqueuemodel.h"
#include "reporttablemodel.h"
#include "review/review.h"
#include "rules/ruleengine.h"

#include <QAbstractItemModel>
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTreeView>

#include <benchmark/benchmark.h>

#include <memory>

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

// ---- a large queue ------------------------------------------------------------------------

constexpr int QueueSize = 1000;

/// 1,000 reports of different bodies (seed 001 with its office renamed), and a review store whose
/// queue holds them all, as a reviewer leaves it after a season's work.
struct LargeQueue
{
    QTemporaryDir dir;
    QStringList files;
    QString database;
    bool ok = false;

    LargeQueue()
    {
        QFile seed(seedPath());
        if (!dir.isValid() || !seed.open(QIODevice::ReadOnly))
            return;
        const QString text = QString::fromUtf8(seed.readAll());
        for (int i = 0; i < QueueSize; ++i) {
            const QString path = dir.filePath(u"report_%1.txt"_s.arg(i, 4, 10, QLatin1Char('0')));
            QFile f(path);
            QString body = text;
            body.replace(u"卫东区人民政府办公室"_s, u"卫东区第%1办公室"_s.arg(i));
            if (!f.open(QIODevice::WriteOnly) || f.write(body.toUtf8()) < 0)
                return;
            files.append(path);
        }
        database = dir.filePath(u"reviews.sqlite"_s);
        QSettings().setValue(u"reviewer"_s, u"审校员"_s);
        MainWindow w;
        if (!w.setDatabase(database))
            return;
        openAndWait(&w, {dir.path()});
        ok = w.queue()->rowCount() == QueueSize && w.savedQueue().size() == QueueSize;
    }
};

LargeQueue &largeQueue()
{
    static LargeQueue q;
    return q;
}

/// Ends an event loop when one of the tables paints a report.
class PaintWatch : public QObject
{
public:
    MainWindow *window = nullptr;
    QEventLoop *loop = nullptr;
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && window->currentReview() && loop)
            std::exchange(loop, nullptr)->quit();
        return false;
    }
};

// A start on a queue of 1,000 reports: the window made, shown and painted with the queue's first
// reports, while the rest are still being read off the GUI thread. The whole queue in, too, as a
// counter.
void BM_QueueOf1000ToPaintedWindow(benchmark::State &state)
{
    LargeQueue &q = largeQueue();
    if (!q.ok) {
        state.SkipWithError("the queue could not be made");
        return;
    }
    double allIn = 0;
    for (auto _ : state) {
        QElapsedTimer clock;
        clock.start();
        // As at a start: the window shown, the store opened, the queue asked for.
        auto w = std::make_unique<MainWindow>();
        w->resize(1366, 728);
        w->show();
        w->setDatabase(q.database);
        w->openQueue({});
        // whichever table the window shows first, in the event loop as the application runs it
        QEventLoop painted;
        PaintWatch watch;
        watch.window = w.get();
        watch.loop = &painted;
        QList<QWidget *> tables;
        for (const QString &t : {u"t2"_s, u"t3"_s, u"t4"_s})
            if (FormView *v = w->tableView(t)) {
                tables.append(v->viewport());
                v->viewport()->installEventFilter(&watch);
            }
        // Painted: a report shown in the tables, then drawn.
        painted.exec();
        state.PauseTiming();
        benchmark::DoNotOptimize(w->currentReview());
        QEventLoop loop;
        QObject::connect(w.get(), &MainWindow::loadFinished, &loop, &QEventLoop::quit);
        if (w->isLoading())
            loop.exec();
        allIn += double(clock.elapsed());
        if (w->queue()->rowCount() != QueueSize)
            state.SkipWithError("the queue did not come back whole");
        for (QWidget *table : tables)
            table->removeEventFilter(&watch);
        w->hide();
        w.reset();
        state.ResumeTiming();
    }
    state.counters["all_in_ms"] = benchmark::Counter(allIn / double(state.iterations()));
    state.counters["reports"] = QueueSize;
}
BENCHMARK(BM_QueueOf1000ToPaintedWindow)->Unit(benchmark::kMillisecond)->Iterations(3);

// The yardstick: reading the bytes of the same 1,000 files.
void BM_ReadBytesOf1000Reports(benchmark::State &state)
{
    LargeQueue &q = largeQueue();
    if (!q.ok) {
        state.SkipWithError("the queue could not be made");
        return;
    }
    for (auto _ : state) {
        qint64 bytes = 0;
        for (const QString &path : q.files) {
            QFile f(path);
            if (f.open(QIODevice::ReadOnly))
                bytes += f.readAll().size();
        }
        benchmark::DoNotOptimize(bytes);
    }
}
BENCHMARK(BM_ReadBytesOf1000Reports)->Unit(benchmark::kMillisecond);

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
