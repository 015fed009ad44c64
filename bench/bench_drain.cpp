// Draining a terminal's backlog: 10,000 orders made offline, then sent by the real OutboxSender
// to a fresh counterline-server on SQLite over loopback. Each repetition starts from a copy of
// the same terminal database and an empty server; the time is wall-clock from the first request
// to the last entry marked sent.
//
//   scripts/bench-sync.sh     (builds, runs this and the server's own ingest benchmark)

#include "bench_support.h"
#include "domain/clock.h"
#include "domain/id_source.h"
#include "store/catalog.h"
#include "store/database.h"
#include "store/order_store.h"
#include "store/outbox_store.h"
#include "store/sync_settings.h"
#include "store/terminal_identity.h"
#include "sync/outbox_sender.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QSqlQuery>

#include <benchmark/benchmark.h>

using namespace counterline;
using namespace Qt::StringLiterals;

namespace {

constexpr int kBacklog = 10'000;

SystemClock g_clock;

QString backlogFile()
{
    return bench::scratchDirectory().filePath(u"backlog/terminal.sqlite"_s);
}

// The terminal with its backlog, made once: real checkouts of one to three demo products.
void makeBacklog()
{
    Uuid7Source ids(g_clock);
    auto opened = store::Database::open(backlogFile());
    if (!opened)
        qFatal("%s", qPrintable(opened.error().message));
    store::Database &database = **opened;
    (void)store::TerminalSettings::initialise(
        database.connection(), {u"S1"_s, u"T1"_s, *Currency::fromCode(u"EUR"), PricingPolicy{}},
        g_clock.now());
    QFile catalog(QStringLiteral(COUNTERLINE_SOURCE_DIR "/resources/demo/catalog.csv"));
    if (!catalog.open(QIODevice::ReadOnly))
        qFatal("demo catalog missing");
    (void)store::Catalog(database).importCsv(QString::fromUtf8(catalog.readAll()), g_clock.now());
    QList<Product> products;
    for (int i = 1; i <= 300; ++i)
        products.append(**store::Catalog(database).bySku(u"SKU-%1"_s.arg(i, 5, 10, QChar(u'0'))));
    store::OrderStore orders(database, g_clock, ids);
    for (int n = 0; n < kBacklog; ++n) {
        Cart cart(ids.next(), *Currency::fromCode(u"EUR"), PricingPolicy{});
        for (int line = 0; line <= n % 3; ++line)
            (void)cart.addProduct(products[(n * 7 + line * 31) % products.size()], 1 + line);
        const Money total = cart.totals()->total;
        auto sold = orders.checkout(
            cart,
            {u"bench"_s, {}, {Tender{TenderKind::Cash, total, {}, false}}, Actor{u"bench"_s, {}}});
        if (!sold)
            qFatal("%s", qPrintable(sold.error().message));
    }
    QSqlQuery(database.connection()).exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s);
}

QString serverCommand(const QStringList &location, const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral(COUNTERLINE_SERVER_PATH), location + arguments);
    process.waitForFinished(60'000);
    if (process.exitCode() != 0)
        qFatal("%s", process.readAllStandardError().constData());
    return QString::fromUtf8(process.readAllStandardOutput());
}

void BM_DrainBacklog(benchmark::State &state)
{
    static int run = 0; // across repetitions: a fresh directory each time
    for (auto _ : state) {
        // A fresh server and a fresh copy of the backlog, outside the timing.
        const QString dir = bench::scratchDirectory().filePath(u"run-%1"_s.arg(++run));
        QDir().mkpath(dir + u"/server"_s);
        QDir().mkpath(dir + u"/terminal"_s);
        const QString terminalFile = dir + u"/terminal/terminal.sqlite"_s;
        QFile::copy(backlogFile(), terminalFile);
        const QStringList location{u"--data-dir"_s, dir + u"/server"_s};
        serverCommand(location, {u"store"_s, u"add"_s, u"--id"_s, u"S1"_s, u"--name"_s, u"Bench"_s,
                                 u"--currency"_s, u"EUR"_s});
        const QByteArray token = serverCommand(location, {u"terminal"_s, u"enroll"_s, u"--store"_s,
                                                          u"S1"_s, u"--name"_s, u"T1"_s})
                                     .trimmed()
                                     .split(u'\n')
                                     .last()
                                     .toLatin1();
        QProcess server;
        server.start(QStringLiteral(COUNTERLINE_SERVER_PATH),
                     location + QStringList{u"--listen"_s, u"127.0.0.1:0"_s});
        if (!server.waitForReadyRead(30'000))
            qFatal("the server did not start");
        const QByteArray line = server.readAllStandardOutput().trimmed();
        const QString url =
            u"http://127.0.0.1:"_s + QString::fromLatin1(line.mid(line.lastIndexOf(':') + 1));
        {
            auto database = std::move(store::Database::open(terminalFile)).value();
            const store::SyncTarget target{QUrl(url), token};
            (void)store::SyncSettings::save(*database, target, g_clock.now());
            sync::OutboxSender sender(*database, g_clock, target);
            QEventLoop loop;
            int sent = 0;
            int lastPass = -1;
            QObject::connect(&sender, &sync::OutboxSender::finished, &loop,
                             [&](const sync::SyncPass &pass) {
                                 sent += pass.sent;
                                 lastPass = pass.sent;
                                 loop.quit();
                             });
            QElapsedTimer wall;
            wall.start();
            while (lastPass != 0) {
                sender.runOnce();
                loop.exec();
            }
            state.SetIterationTime(double(wall.nsecsElapsed()) / 1e9);
            const auto status = store::OutboxStore(*database, g_clock).status();
            if (sent != kBacklog || !status || status->pending != 0)
                state.SkipWithError("the backlog did not drain completely");
        }
        server.terminate();
        server.waitForFinished(30'000);
    }
    state.SetItemsProcessed(state.iterations() * kBacklog);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    QDir().mkpath(bench::scratchDirectory().filePath(u"backlog"_s));
    QElapsedTimer made;
    made.start();
    makeBacklog();
    std::printf("backlog of %d orders made in %lld ms\n", kBacklog, made.elapsed());
    benchmark::RegisterBenchmark("BM_DrainBacklog", BM_DrainBacklog)
        ->Iterations(1)
        ->UseManualTime()
        ->Unit(benchmark::kMillisecond);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
