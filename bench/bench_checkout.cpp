// Checkout commit latency against the disk's own durability cost.
//
//   cmake --preset release && cmake --build --preset release --target bench_checkout
//   cd build/release && bench/bench_checkout --benchmark_repetitions=300
//     --benchmark_report_aggregates_only
//
// BM_RawFdatasync/N writes N pages of 4 KiB and calls fdatasync() once, in a preallocated file
// next to the database (overwritten in place, as SQLite overwrites its WAL after a checkpoint):
// N = 1 is the floor for any durable commit on this disk, N = 37 the same for as many pages as a
// checkout appends to the WAL. BM_SqliteOneRowCommit is the smallest durable SQLite commit (one
// row, WAL, synchronous=FULL, through SQLite's C API). BM_Checkout is one whole checkout
// transaction (order, lines, tenders, events, outbox, journal, stock, cart, receipt number) with
// synchronous=FULL; its counter wal_frames is what one checkout writes to the WAL. Each
// repetition is one operation; p50 and p99 are over the repetitions.

#include "bench_support.h"
#include "domain/clock.h"
#include "domain/id_source.h"
#include "store/catalog.h"
#include "store/database.h"
#include "store/order_store.h"
#include "store/terminal_identity.h"

#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>

#include <benchmark/benchmark.h>
#include <fcntl.h>
#include <sqlite3.h>
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
    // A cart of five products, two of each, and its exact cash: prepared outside the timing.
    auto fullCart = [&t] {
        Cart cart(t.ids.next(), *Currency::fromCode(u"EUR"), PricingPolicy{});
        for (const Product &product : t.products)
            (void)cart.addProduct(product, 2);
        return cart;
    };
    auto sell = [&orders](const Cart &cart, const Money &total) {
        return orders.checkout(
            cart,
            {u"bench"_s, {}, {Tender{TenderKind::Cash, total, {}, false}}, Actor{u"bench"_s, {}}});
    };
    for (auto _ : state) {
        state.PauseTiming();
        const Cart cart = fullCart();
        const Money total = cart.totals()->total;
        state.ResumeTiming();
        auto sold = sell(cart, total);
        if (!sold)
            state.SkipWithError(qPrintable(sold.error().message));
    }
    // WAL frames (page + 24-byte header) one checkout appends to an empty log: how much a
    // durable checkout writes. (Timing has stopped with the loop.)
    const QString wal = t.database->filePath() + u"-wal"_s;
    QSqlQuery(t.database->connection()).exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s);
    const Cart last = fullCart();
    (void)sell(last, last.totals()->total);
    state.counters["wal_frames"] = double((QFileInfo(wal).size() - 32) / (4096 + 24));
}

// Writes state.range(0) pages of 4 KiB, then calls fdatasync() once: the floor for a durable
// commit of that many pages. The file is written in full and synced once before the first
// repetition, so that the loop overwrites blocks in place (no size change to make durable).
void BM_RawFdatasync(benchmark::State &state)
{
    static constexpr off_t kFileBlocks = 2048;
    static const std::vector<char> block(4096, 'x');
    static const int fd = [] {
        const QByteArray path =
            bench::scratchDirectory().filePath(u"fdatasync.bin"_s).toLocal8Bit();
        const int opened = ::open(path.constData(), O_CREAT | O_WRONLY | O_CLOEXEC, 0600);
        for (off_t at = 0; opened >= 0 && at < kFileBlocks; ++at)
            (void)!::pwrite(opened, block.data(), block.size(), at * 4096);
        if (opened >= 0)
            ::fsync(opened);
        return opened;
    }();
    static off_t next = 0; // over repetitions, so that each writes the blocks after the last
    if (fd < 0) {
        state.SkipWithError("cannot create the scratch file");
        return;
    }
    const int pages = int(state.range(0));
    for (auto _ : state) {
        bool written = true;
        for (int i = 0; i < pages; ++i) {
            written = written && ::pwrite(fd, block.data(), block.size(), next * 4096) ==
                                     ssize_t(block.size());
            next = (next + 1) % kFileBlocks;
        }
        if (!written || ::fdatasync(fd) != 0)
            state.SkipWithError("write or fdatasync failed");
    }
}

// The smallest durable SQLite commit on this disk: one short row, WAL, synchronous=FULL, through
// SQLite's C API with a prepared statement, into a log overwritten in place. What any SQLite
// transaction costs at least here.
void BM_SqliteOneRowCommit(benchmark::State &state)
{
    struct Connection
    {
        Connection()
        {
            const QByteArray path =
                bench::scratchDirectory().filePath(u"one-row.sqlite"_s).toLocal8Bit();
            sqlite3_open(path.constData(), &db);
            sqlite3_exec(db,
                         "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;"
                         "CREATE TABLE IF NOT EXISTS sale (id INTEGER PRIMARY KEY, total INTEGER)",
                         nullptr, nullptr, nullptr);
            sqlite3_prepare_v2(db, "INSERT INTO sale (total) VALUES (?)", -1, &insert, nullptr);
            // Grow the log to its working size and checkpoint it, so that the commits below
            // overwrite it from the start as a terminal's log is overwritten after each
            // checkpoint (an appended log costs this disk twice as much to sync).
            sqlite3_exec(db,
                         "CREATE TABLE IF NOT EXISTS ballast (b BLOB);"
                         "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                         "WHERE i < 1000) INSERT INTO ballast SELECT zeroblob(4000) FROM n;"
                         "PRAGMA wal_checkpoint(PASSIVE);",
                         nullptr, nullptr, nullptr);
        }
        ~Connection()
        {
            sqlite3_finalize(insert);
            sqlite3_close(db);
        }
        sqlite3 *db = nullptr;
        sqlite3_stmt *insert = nullptr;
    };
    static Connection connection;
    for (auto _ : state) {
        sqlite3_exec(connection.db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
        sqlite3_bind_int64(connection.insert, 1, 1299);
        const int stepped = sqlite3_step(connection.insert);
        sqlite3_reset(connection.insert);
        if (stepped != SQLITE_DONE ||
            sqlite3_exec(connection.db, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK)
            state.SkipWithError(sqlite3_errmsg(connection.db));
    }
}

} // namespace

BENCHMARK(BM_RawFdatasync)
    ->Arg(1)
    ->Arg(8)
    ->Arg(37)
    ->Iterations(1)
    ->Unit(benchmark::kMicrosecond)
    ->ComputeStatistics("p50", bench::p50)
    ->ComputeStatistics("p99", bench::p99);
BENCHMARK(BM_SqliteOneRowCommit)
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
