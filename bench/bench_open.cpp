// From "the app starts" to "ready to scan": open the terminal database of a store with
// 1,000,000 orders and 300,000 products (schema check, pragmas, migrations up to date), read the
// terminal's identity, restore the open cart and look up a first barcode.
//
//   cmake --preset release && cmake --build --preset release --target bench_open
//   cd build/release && bench/bench_open
//
// The database is the one bench_history generates (kept next to the build). /warm runs with the
// file in the OS page cache; /cold first evicts the file from it (posix_fadvise DONTNEED), as after
// a reboot.

#include "bench_support.h"
#include "domain/clock.h"
#include "history_database.h"
#include "store/cart_store.h"
#include "store/catalog.h"
#include "store/database.h"
#include "store/terminal_identity.h"

#include <benchmark/benchmark.h>

using namespace counterline;
using namespace Qt::StringLiterals;

namespace {

bool readyToScan(const QString &path)
{
    auto opened = store::Database::open(path);
    if (!opened)
        return false;
    const store::Database &database = *opened.value();
    SystemClock clock;
    if (!store::TerminalSettings::load(database.connection()))
        return false;
    store::CartStore carts(database, clock);
    auto open = carts.openCart();
    if (!open)
        return false;
    if (open->has_value() && !carts.load(**open))
        return false;
    auto product = store::Catalog(database).byBarcode(u"4000001234565"_s);
    return product.ok();
}

void BM_OpenReadyToScan(benchmark::State &state)
{
    const QString path = bench::historyDatabase(1'000'000, 300'000);
    const bool cold = state.range(0) == 1;
    for (auto _ : state) {
        if (cold) {
            state.PauseTiming();
            bench::evictFromPageCache(path);
            state.ResumeTiming();
        }
        if (!readyToScan(path))
            state.SkipWithError("could not open the database");
    }
    state.SetLabel(cold ? "cold" : "warm");
}

} // namespace

BENCHMARK(BM_OpenReadyToScan)
    ->Arg(0)
    ->Arg(1)
    ->Iterations(1)
    ->Repetitions(20)
    ->ReportAggregatesOnly()
    ->Unit(benchmark::kMillisecond)
    ->ComputeStatistics("p50", bench::p50);

BENCHMARK_MAIN();
