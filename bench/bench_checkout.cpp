// Checkout commit latency against the disk's own durability cost.
//
//   cmake --preset release && cmake --build --preset release --target bench_checkout
//   cd build/release && bench/bench_checkout --benchmark_repetitions=300
//     --benchmark_report_aggregates_only
//
// BM_RawFdatasync writes 4 KiB and calls fdatasync() in a file next to the database: the floor
// for any durable commit on this disk. BM_Checkout is one whole checkout transaction (order,
// lines, tenders, events, outbox, journal, stock, cart, receipt number) with synchronous=FULL.
// Each repetition is one operation; p50 and p99 are over the repetitions.

#include "bench_support.h"
#include "domain/clock.h"
#include "domain/id_source.h"
#include "store/catalog.h"
#include "store/database.h"
#include "store/order_store.h"
#include "store/terminal_identity.h"

#include <QFile>
#include <QFileInfo>

#include <benchmark/benchmark.h>
#include <fcntl.h>
#include <unistd.h>

using namespace counterline;
using namespace Qt::StringLiterals;

namespace {

struct Terminal
{
    Terminal()
        : ids(clock)
    {
        database = std::move(store::Database::open(store::Database::fileIn(
                                 bench::scratchDirectory().filePath(u"checkout"_s))))
                       .value();
        (void)store::TerminalSettings::initialise(
            database->connection(),
            {u"S1"_s, u"T1"_s, *Currency::fromCode(u"EUR"), PricingPolicy{}}, clock.now());
        QFile catalog(QStringLiteral(COUNTERLINE_SOURCE_DIR "/resources/demo/catalog.csv"));
        if (!catalog.open(QIODevice::ReadOnly))
            qFatal("demo catalog missing");
        (void)store::Catalog(*database).importCsv(QString::fromUtf8(catalog.readAll()),
                                                  clock.now());
        for (int i = 1; i <= 5; ++i)
            products.append(
                **store::Catalog(*database).bySku(u"SKU-%1"_s.arg(i * 7, 5, 10, QChar(u'0'))));
    }

    SystemClock clock;
    Uuid7Source ids;
    std::unique_ptr<store::Database> database;
    QList<Product> products;
};

Terminal &terminal()
{
    static Terminal instance;
    return instance;
}

void BM_Checkout(benchmark::State &state)
{
    Terminal &t = terminal();
    store::OrderStore orders(*t.database, t.clock, t.ids);
    const QString wal = t.database->filePath() + u"-wal"_s;
    qint64 walBefore = QFileInfo(wal).size();
    for (auto _ : state) {
        state.PauseTiming();
        Cart cart(t.ids.next(), *Currency::fromCode(u"EUR"), PricingPolicy{});
        for (const Product &product : t.products)
            (void)cart.addProduct(product, 2);
        const Money total = cart.totals()->total;
        state.ResumeTiming();
        auto sold = orders.checkout(
            cart,
            {u"bench"_s, {}, {Tender{TenderKind::Cash, total, {}, false}}, Actor{u"bench"_s, {}}});
        if (!sold)
            state.SkipWithError(qPrintable(sold.error().message));
    }
    // WAL frames (page + 24-byte header) this checkout appended, unless a checkpoint reset the
    // log in between: how much a durable checkout really writes.
    const qint64 walAfter = QFileInfo(wal).size();
    if (walAfter > walBefore)
        state.counters["wal_pages"] = double((walAfter - walBefore) / (4096 + 24));
}

// Writes state.range(0) pages of 4 KiB, then one fdatasync(): the floor for a commit of that
// many pages.
void BM_RawFdatasync(benchmark::State &state)
{
    const QByteArray path = bench::scratchDirectory().filePath(u"fdatasync.bin"_s).toLocal8Bit();
    const int fd = ::open(path.constData(), O_CREAT | O_WRONLY, 0600);
    const std::vector<char> block(4096, 'x');
    off_t offset = 0;
    for (auto _ : state) {
        if (::pwrite(fd, block.data(), block.size(), offset) != ssize_t(block.size()) ||
            ::fdatasync(fd) != 0) {
            state.SkipWithError("write or fdatasync failed");
        }
        offset = (offset + 4096) % (4096 * 256);
    }
    ::close(fd);
}

} // namespace

BENCHMARK(BM_RawFdatasync)
    ->Arg(1)
    ->Arg(24)
    ->Iterations(1)
    ->Unit(benchmark::kMicrosecond)
    ->ComputeStatistics("p50", bench::p50)
    ->ComputeStatistics("p99", bench::p99);
BENCHMARK(BM_Checkout)
    ->Iterations(1)
    ->Unit(benchmark::kMicrosecond)
    ->ComputeStatistics("p50", bench::p50)
    ->ComputeStatistics("p99", bench::p99);

BENCHMARK_MAIN();
