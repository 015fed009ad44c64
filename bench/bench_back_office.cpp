// The back office's history over a terminal database of 1,000,000 orders (the one bench_history
// generates):
//
//   BM_HistoryFirstPage/<filter>  setQuery() on the history model until its first page of 100
//                                 rows is in: no filter, a status, a cashier, a SKU, an amount
//                                 range. Goal: ≤ 50 ms.
//   BM_ScrollToTheEnd             every page fetched in turn, as a view scrolled to the last of
//                                 the million rows, each page's last row read as painted; the
//                                 process's resident memory before and after. Goal: growth under
//                                 50 MB (the model keeps 20 pages and one cursor per page).
//
//   cmake --preset release && cmake --build --preset release --target bench_back_office
//   cd build/release && bench/bench_back_office

#include "bench_support.h"
#include "history_database.h"
#include "store/database.h"
#include "ui/history_model.h"
#include "ui/local_history_source.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>

#include <benchmark/benchmark.h>

using namespace counterline;
using namespace Qt::StringLiterals;

namespace {

// Resident memory of this process in KiB (VmRSS of /proc/self/status).
qint64 residentKiB()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

store::Database &database()
{
    static std::unique_ptr<store::Database> opened = [] {
        auto result = store::Database::open(bench::historyDatabase(1'000'000, 300'000));
        if (!result)
            qFatal("%s", qPrintable(result.error().message));
        return std::move(result).value();
    }();
    return *opened;
}

ui::HistoryQuery filterNumber(int which)
{
    ui::HistoryQuery query;
    switch (which) {
    case 1:
        query.status = u"REFUNDED"_s;
        break;
    case 2:
        query.cashier = u"cashier-7"_s;
        break;
    case 3:
        query.sku = u"P123456"_s;
        break;
    case 4:
        query.minTotalMinor = 5000;
        query.maxTotalMinor = 5100;
        break;
    default:
        break;
    }
    return query;
}

void BM_HistoryFirstPage(benchmark::State &state)
{
    ui::LocalHistorySource source(database());
    ui::HistoryModel model(source);
    const ui::HistoryQuery query = filterNumber(int(state.range(0)));
    std::vector<double> ms;
    for (auto _ : state) {
        QElapsedTimer timer;
        timer.start();
        model.setQuery(query);
        benchmark::DoNotOptimize(model.data(model.index(0, 0)));
        ms.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    state.counters["rows"] = model.rowCount();
    state.counters["p50_ms"] = bench::p50(ms);
    state.counters["p99_ms"] = bench::p99(ms);
}
BENCHMARK(BM_HistoryFirstPage)->DenseRange(0, 4)->Iterations(50)->Unit(benchmark::kMillisecond);

void BM_ScrollToTheEnd(benchmark::State &state)
{
    ui::LocalHistorySource source(database());
    for (auto _ : state) {
        ui::HistoryModel model(source);
        model.setQuery({});
        const qint64 before = residentKiB();
        qint64 highest = before;
        QElapsedTimer timer;
        timer.start();
        while (model.canFetchMore()) {
            model.fetchMore();
            benchmark::DoNotOptimize(model.data(model.index(model.rowCount() - 1, 0)));
            if ((model.rowCount() / ui::HistoryModel::kPageSize) % 500 == 0)
                highest = std::max(highest, residentKiB());
        }
        // Back to the top, as a user dragging the scroll bar up: pages come back from cursors.
        benchmark::DoNotOptimize(model.data(model.index(0, 0)));
        const qint64 after = residentKiB();
        state.counters["rows"] = model.rowCount();
        state.counters["seconds"] = double(timer.elapsed()) / 1000.0;
        state.counters["rss_before_MB"] = double(before) / 1024.0;
        state.counters["rss_growth_MB"] = double(std::max(after, highest) - before) / 1024.0;
        state.counters["resident_pages"] = model.residentPages();
    }
}
BENCHMARK(BM_ScrollToTheEnd)->Iterations(1)->Unit(benchmark::kSecond);

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
