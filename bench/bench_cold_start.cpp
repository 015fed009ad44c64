// From starting the `counterline` program to its first painted frame, ready for the cashier's PIN,
// on the store of 1,000,000 orders and 300,000 products that bench_history generates. The program
// says when its first frame is painted (logging category counterline.startup); the time is taken
// here, from QProcess::start to reading that line, so it includes loading the program and Qt.
// Goal: ≤ 1 s. /warm runs with the database in the OS page cache; /cold first evicts it.
//
//   cmake --preset release && cmake --build --preset release --target bench_cold_start counterline
//   cd build/release && bench/bench_cold_start
//
// The window runs on the offscreen platform. Logging in up to the scan field is measured
// separately by bench_checkout_window (BM_LogInToScanField).

#include "bench_support.h"
#include "history_database.h"
#include "store/database.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>

#include <benchmark/benchmark.h>

using namespace counterline;
using namespace Qt::StringLiterals;

namespace {

// The store, brought up to the program's schema once, before anything is timed.
QString storeDatabase()
{
    static const QString path = [] {
        const QString file = bench::historyDatabase(1'000'000, 300'000);
        if (!store::Database::open(file))
            qFatal("cannot open %s", qPrintable(file));
        return file;
    }();
    return path;
}

void BM_StartToFirstFrame(benchmark::State &state)
{
    const QString database = storeDatabase();
    const bool cold = state.range(0) == 1;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    environment.insert(u"QT_LOGGING_RULES"_s, u"counterline.startup.info=true"_s);
    for (auto _ : state) {
        if (cold) {
            state.PauseTiming();
            bench::evictFromPageCache(database);
            bench::evictFromPageCache(QStringLiteral(COUNTERLINE_APP_PATH));
            state.ResumeTiming();
        }
        QProcess app;
        app.setProcessEnvironment(environment);
        app.setProcessChannelMode(QProcess::MergedChannels);
        QElapsedTimer timer;
        timer.start();
        app.start(QStringLiteral(COUNTERLINE_APP_PATH),
                  {u"--data-dir"_s, QFileInfo(database).path()});
        QByteArray said;
        while (!said.contains("first frame") && app.state() != QProcess::NotRunning &&
               timer.elapsed() < 30'000) {
            app.waitForReadyRead(100);
            said += app.readAll();
        }
        const double seconds = double(timer.nsecsElapsed()) / 1e9;
        state.SetIterationTime(seconds);
        state.PauseTiming();
        app.kill();
        app.waitForFinished();
        state.ResumeTiming();
        if (!said.contains("first frame")) {
            state.SkipWithError(QByteArray("no first frame: " + said.left(400)).constData());
            return;
        }
    }
    state.SetLabel(cold ? "cold" : "warm");
}

} // namespace

BENCHMARK(BM_StartToFirstFrame)
    ->Arg(0)
    ->Arg(1)
    ->Iterations(1)
    ->Repetitions(15)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond)
    ->ComputeStatistics("p50", bench::p50)
    ->ComputeStatistics("p99", bench::p99);

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
