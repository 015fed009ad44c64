// Order ingest over HTTP at 1, 8 and 32 concurrent clients, on SQLite and PostgreSQL, beside two
// ceilings measured in the same run:
//   - HTTP ceiling: GET /healthz on the same server (routing, worker pool, a connection check);
//   - storage ceiling: the same inserts issued straight to the database, with the same
//     concurrency: a plain QtSql loop per client thread for SQLite, pgbench with a custom script
//     for PostgreSQL.
//
//   scripts/bench-ingest.sh            (starts a throwaway PostgreSQL, builds, runs this)
//   COUNTERLINE_BENCH_SERVER=/other/build/app/counterline-server   (another commit's server)
//
// Each case runs a fixed number of operations; the time is wall-clock for all of them
// (UseManualTime), so items_per_second is throughput; p50_ms and p99_ms are per operation.

#include "bench_support.h"
#include "tests/server/wire_orders.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>
#include <QUrl>
#include <QUuid>

#include <atomic>
#include <benchmark/benchmark.h>
#include <memory>
#include <mutex>
#include <thread>

using namespace Qt::StringLiterals;

namespace {

struct Server
{
    QString backend; // "sqlite" or "postgres"
    QStringList location;
    QString postgresUrl;
    QString sqliteFile;
    QByteArray token;
    QString principalId;
    QProcess process;
    quint16 port = 0;
};

Server *g_server = nullptr;

// The server under test: this build's, or another build's (COUNTERLINE_BENCH_SERVER) to compare
// two commits in the same run.
QString serverPath()
{
    return qEnvironmentVariable("COUNTERLINE_BENCH_SERVER",
                                QStringLiteral(COUNTERLINE_SERVER_PATH));
}
std::atomic<int> g_sequence{0};

QString run(const QStringList &arguments)
{
    QProcess process;
    process.start(serverPath(), g_server->location + arguments);
    process.waitForFinished(60'000);
    if (process.exitCode() != 0)
        qFatal("%s", process.readAllStandardError().constData());
    return QString::fromUtf8(process.readAllStandardOutput());
}

QSqlDatabase openDirect(const QString &name)
{
    QSqlDatabase db;
    if (g_server->backend == u"postgres"_s) {
        const QUrl url(g_server->postgresUrl);
        db = QSqlDatabase::addDatabase(u"QPSQL"_s, name);
        db.setHostName(url.host());
        db.setPort(url.port(5432));
        db.setUserName(url.userName());
        db.setDatabaseName(url.path().mid(1));
    } else {
        db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(g_server->sqliteFile);
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=30000"_s);
    }
    if (!db.open())
        qFatal("%s", qPrintable(db.lastError().text()));
    if (g_server->backend == u"sqlite"_s) {
        QSqlQuery pragma(db);
        pragma.exec(u"PRAGMA synchronous = FULL"_s);
    }
    return db;
}

void startServer(const QString &backend)
{
    g_server = new Server;
    g_server->backend = backend;
    QTemporaryDir &dir = counterline::bench::scratchDirectory();
    if (backend == u"postgres"_s) {
        const QString admin = qEnvironmentVariable("COUNTERLINE_TEST_POSTGRES");
        if (admin.isEmpty())
            qFatal("COUNTERLINE_TEST_POSTGRES is not set; run scripts/bench-ingest.sh");
        QUrl url(admin);
        const QString name = u"bench_"_s + QUuid::createUuid().toString(QUuid::Id128);
        {
            g_server->postgresUrl = admin;
            QSqlDatabase db = openDirect(u"admin"_s);
            QSqlQuery(db).exec(u"CREATE DATABASE "_s + name);
        }
        QSqlDatabase::removeDatabase(u"admin"_s);
        url.setPath(u'/' + name);
        g_server->postgresUrl = url.toString();
        g_server->location = {u"--database"_s, g_server->postgresUrl};
    } else {
        g_server->sqliteFile = dir.filePath(u"server.sqlite"_s);
        g_server->location = {u"--data-dir"_s, dir.path()};
    }
    run({u"store"_s, u"add"_s, u"--id"_s, u"S1"_s, u"--name"_s, u"Bench"_s, u"--currency"_s,
         u"EUR"_s});
    // The catalog the bench's orders were sold from: each is compared with it, as a till's is.
    {
        QFile catalog(dir.filePath(u"catalog.csv"_s));
        if (!catalog.open(QIODevice::WriteOnly))
            qFatal("cannot write the bench catalog");
        catalog.write(counterline::testing::kWireOrdersCatalog);
    }
    run({u"catalog"_s, u"import"_s, dir.filePath(u"catalog.csv"_s)});
    g_server->token = run({u"terminal"_s, u"enroll"_s, u"--store"_s, u"S1"_s, u"--name"_s, u"T1"_s})
                          .trimmed()
                          .split(u'\n')
                          .last()
                          .toLatin1();
    {
        QSqlDatabase db = openDirect(u"lookup"_s);
        QSqlQuery query(db);
        query.exec(u"SELECT id FROM principals WHERE role = 'terminal'"_s);
        query.next();
        g_server->principalId = query.value(0).toString();
    }
    QSqlDatabase::removeDatabase(u"lookup"_s);

    g_server->process.start(serverPath(),
                            g_server->location + QStringList{u"--listen"_s, u"127.0.0.1:0"_s});
    if (!g_server->process.waitForReadyRead(30'000))
        qFatal("the server did not start");
    const QByteArray line = g_server->process.readAllStandardOutput().trimmed();
    g_server->port = line.mid(line.lastIndexOf(':') + 1).toUShort();
}

QByteArray orderBody(const QString &id, int sequence)
{
    return QJsonDocument(counterline::testing::orderJson(id, sequence))
        .toJson(QJsonDocument::Compact);
}

// Runs `total` HTTP requests with `clients` in flight at any time, one connection per client.
void httpLoad(benchmark::State &state, bool ingest)
{
    const int clients = int(state.range(0));
    const int total = ingest ? 1500 : 4000;
    for (auto _ : state) {
        std::vector<double> latencies;
        latencies.reserve(size_t(total));
        int started = 0;
        int finished = 0;
        int failures = 0;
        std::vector<std::unique_ptr<QNetworkAccessManager>> managers;
        QEventLoop loop;
        QElapsedTimer wall;
        wall.start();
        std::function<void(QNetworkAccessManager *)> next = [&](QNetworkAccessManager *manager) {
            if (started == total)
                return;
            ++started;
            QNetworkRequest request(QUrl(u"http://127.0.0.1:%1%2"_s.arg(g_server->port)
                                             .arg(ingest ? u"/v1/orders"_s : u"/healthz"_s)));
            request.setRawHeader("Authorization", "Bearer " + g_server->token);
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
            auto timer = std::make_shared<QElapsedTimer>();
            timer->start();
            QNetworkReply *reply = nullptr;
            if (ingest) {
                const int sequence = ++g_sequence;
                const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
                request.setRawHeader("Idempotency-Key", id.toLatin1());
                reply = manager->post(request, orderBody(id, sequence));
            } else {
                reply = manager->get(request);
            }
            QObject::connect(reply, &QNetworkReply::finished, reply, [&, reply, timer, manager] {
                latencies.push_back(double(timer->nsecsElapsed()) / 1e6);
                const int status =
                    reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                if (status != (ingest ? 201 : 200))
                    ++failures;
                reply->deleteLater();
                if (++finished == total)
                    loop.quit();
                else
                    next(manager);
            });
        };
        for (int c = 0; c < clients; ++c) {
            managers.push_back(std::make_unique<QNetworkAccessManager>());
            next(managers.back().get());
        }
        loop.exec();
        state.SetIterationTime(double(wall.nsecsElapsed()) / 1e9);
        state.counters["p50_ms"] = counterline::bench::p50(latencies);
        state.counters["p99_ms"] = counterline::bench::p99(latencies);
        state.counters["failed"] = failures;
    }
    state.SetItemsProcessed(state.iterations() * total);
}

void BM_Ingest(benchmark::State &state)
{
    httpLoad(state, true);
}
void BM_HttpCeiling(benchmark::State &state)
{
    httpLoad(state, false);
}

// /healthz answered while the server is saturated: 32 clients post orders and 16 read the order
// list without pause (the writes and reads pools full), and a probe on a thread of its own asks
// /healthz 200 times, one after the other, each on a new connection. p50/p99 are the probe's.
void BM_HealthzUnderLoad(benchmark::State &state)
{
    for (auto _ : state) {
        std::atomic<bool> probing{true};
        std::vector<double> latencies;
        int healthFailures = 0;
        std::thread probe([&] {
            for (int i = 0; i < 200; ++i) {
                QElapsedTimer timer;
                timer.start();
                QTcpSocket socket;
                socket.connectToHost(u"127.0.0.1"_s, g_server->port);
                QByteArray answer;
                if (socket.waitForConnected(10'000)) {
                    socket.write("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
                    while (!answer.contains("\r\n\r\n") && socket.waitForReadyRead(10'000))
                        answer += socket.readAll();
                }
                latencies.push_back(double(timer.nsecsElapsed()) / 1e6);
                if (!answer.startsWith("HTTP/1.1 200"))
                    ++healthFailures;
                QThread::msleep(10);
            }
            probing = false;
        });
        int loadDone = 0;
        std::vector<std::unique_ptr<QNetworkAccessManager>> managers;
        std::function<void(QNetworkAccessManager *, bool)> next =
            [&](QNetworkAccessManager *manager, bool ingest) {
                if (!probing)
                    return;
                QNetworkRequest request(
                    QUrl(u"http://127.0.0.1:%1%2"_s.arg(g_server->port)
                             .arg(ingest ? u"/v1/orders"_s : u"/v1/orders?store=S1&limit=50"_s)));
                request.setRawHeader("Authorization", "Bearer " + g_server->token);
                request.setHeader(QNetworkRequest::ContentTypeHeader,
                                  QByteArray("application/json"));
                QNetworkReply *reply = nullptr;
                if (ingest) {
                    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
                    request.setRawHeader("Idempotency-Key", id.toLatin1());
                    reply = manager->post(request, orderBody(id, ++g_sequence));
                } else {
                    reply = manager->get(request);
                }
                QObject::connect(reply, &QNetworkReply::finished, reply,
                                 [&, reply, manager, ingest] {
                                     ++loadDone;
                                     reply->deleteLater();
                                     next(manager, ingest);
                                 });
            };
        for (int c = 0; c < 48; ++c) {
            managers.push_back(std::make_unique<QNetworkAccessManager>());
            next(managers.back().get(), c < 32);
        }
        QElapsedTimer wall;
        wall.start();
        while (probing)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        probe.join();
        state.SetIterationTime(double(wall.nsecsElapsed()) / 1e9);
        state.counters["p50_ms"] = counterline::bench::p50(latencies);
        state.counters["p99_ms"] = counterline::bench::p99(latencies);
        state.counters["failed"] = healthFailures;
        state.counters["load_per_s"] = double(loadDone) / (double(wall.nsecsElapsed()) / 1e9);
        // Let the load's last requests finish before the next case.
        QElapsedTimer drain;
        drain.start();
        while (drain.elapsed() < 3'000)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    }
}

// The ingest's own SQL without HTTP: the idempotency key, then one transaction with the order,
// two lines, a tender, two stock movements, the journal link (looked up, then recorded) and the
// key's completion.
void insertOrderDirectly(const QSqlDatabase &db, bool sqlite)
{
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const int sequence = ++g_sequence;
    auto exec = [&](const QString &sql, const QVariantList &values) {
        QSqlQuery query(db);
        query.prepare(sql);
        for (const QVariant &value : values)
            query.addBindValue(value);
        if (!query.exec())
            qFatal("%s", qPrintable(query.lastError().text()));
    };
    const QString now = u"2026-11-24T10:00:00.000Z"_s;
    exec(u"INSERT INTO idempotency_keys (principal_id, idem_key, fingerprint, state, created_at, "
         "lease_until) VALUES (?, ?, 'f', 'running', ?, ?)"_s,
         {g_server->principalId, id, now, now});
    QSqlQuery(db).exec(sqlite ? u"BEGIN IMMEDIATE"_s : u"BEGIN"_s);
    exec(
        u"INSERT INTO orders (id, terminal_id, store_id, receipt_no, cashier_id, currency, "
        "subtotal_minor, discount_minor, tax_minor, total_minor, status, version, created_at, "
        "received_at) VALUES (?, ?, 'S1', ?, 'bench', 'EUR', 1397, 0, 176, 1397, 'PAID', 2, ?, ?)"_s,
        {id, g_server->principalId, u"S1-T1-%1"_s.arg(sequence), now, now});
    for (int line = 1; line <= 2; ++line) {
        exec(u"INSERT INTO order_lines (order_id, line_no, sku, name, unit_price_minor, quantity, "
             "tax_rate_ppm, discount_minor, tax_minor, total_minor) "
             "VALUES (?, ?, ?, 'Item', 249, 2, 70000, 0, 33, 498)"_s,
             {id, line, line == 1 ? u"BROT"_s : u"WEIN"_s});
        exec(u"INSERT INTO stock_movements (order_id, step, sku, quantity, at) "
             "VALUES (?, 'sale', ?, -2, ?)"_s,
             {id, line == 1 ? u"BROT"_s : u"WEIN"_s, now});
    }
    exec(u"INSERT INTO tenders (order_id, seq, kind, amount_minor, needs_capture) "
         "VALUES (?, 1, 'cash', 1397, 0)"_s,
         {id});
    exec(u"SELECT hash FROM journal_links WHERE terminal_id = ? AND seq = ?"_s,
         {g_server->principalId, sequence});
    exec(u"INSERT INTO journal_links (terminal_id, seq, prev_hash, hash, order_id, kind, "
         "received_at) VALUES (?, ?, ?, ?, ?, 'sale', ?)"_s,
         {g_server->principalId, sequence, QString(64, u'0'), QString(64, u'f'), id, now});
    exec(u"UPDATE idempotency_keys SET state = 'done', response_status = 201, response_body = ? "
         "WHERE principal_id = ? AND idem_key = ?"_s,
         {u"{}"_s, g_server->principalId, id});
    QSqlQuery(db).exec(u"COMMIT"_s);
}

void sqliteCeiling(benchmark::State &state)
{
    const int clients = int(state.range(0));
    const int total = 1500;
    for (auto _ : state) {
        std::vector<double> latencies;
        std::mutex mutex;
        std::atomic<int> remaining{total};
        QElapsedTimer wall;
        wall.start();
        QList<QThread *> threads;
        for (int c = 0; c < clients; ++c) {
            threads.append(QThread::create([&, c] {
                const QString name = u"ceiling-%1"_s.arg(c);
                {
                    QSqlDatabase db = openDirect(name);
                    while (remaining.fetch_sub(1) > 0) {
                        QElapsedTimer one;
                        one.start();
                        insertOrderDirectly(db, true);
                        std::lock_guard lock(mutex);
                        latencies.push_back(double(one.nsecsElapsed()) / 1e6);
                    }
                }
                QSqlDatabase::removeDatabase(name);
            }));
            threads.last()->start();
        }
        for (QThread *thread : threads) {
            thread->wait();
            delete thread;
        }
        state.SetIterationTime(double(wall.nsecsElapsed()) / 1e9);
        state.counters["p50_ms"] = counterline::bench::p50(latencies);
        state.counters["p99_ms"] = counterline::bench::p99(latencies);
    }
    state.SetItemsProcessed(state.iterations() * total);
}

// pgbench with the same statements as a custom script; its tps and latency are reported.
void postgresCeiling(benchmark::State &state)
{
    const int clients = int(state.range(0));
    const QString script = counterline::bench::scratchDirectory().filePath(u"ingest.sql"_s);
    QFile file(script);
    file.open(QIODevice::WriteOnly);
    const QByteArray principal = g_server->principalId.toLatin1();
    // pgbench substitutes variables as raw text, so the id is fetched with its quotes.
    file.write(
        "SELECT quote_literal(gen_random_uuid()::text) AS oid \\gset\n"
        "\\set seq random(1, 9000000000000000)\n"
        "INSERT INTO idempotency_keys (principal_id, idem_key, fingerprint, state, "
        "created_at, lease_until) VALUES ('" +
        principal +
        "', :oid, 'f', 'running', "
        "'2026-11-24T10:00:00.000Z', '2026-11-24T10:00:00.000Z');\n"
        "BEGIN;\n"
        "INSERT INTO orders (id, terminal_id, store_id, receipt_no, cashier_id, currency, "
        "subtotal_minor, discount_minor, tax_minor, total_minor, status, version, "
        "created_at, received_at) VALUES (:oid, '" +
        principal +
        "', 'S1', :oid, "
        "'bench', 'EUR', 1397, 0, 176, 1397, 'PAID', 2, '2026-11-24T10:00:00.000Z', "
        "'2026-11-24T10:00:00.000Z');\n"
        "INSERT INTO order_lines VALUES (:oid, 1, 'BROT', 'Item', 249, 2, 70000, 0, 33, 498);\n"
        "INSERT INTO stock_movements VALUES (:oid, 'sale', 'BROT', -2, 'x');\n"
        "INSERT INTO order_lines VALUES (:oid, 2, 'WEIN', 'Item', 249, 2, 70000, 0, 33, 498);\n"
        "INSERT INTO stock_movements VALUES (:oid, 'sale', 'WEIN', -2, 'x');\n"
        "INSERT INTO tenders VALUES (:oid, 1, 'cash', 1397, NULL, 0);\n"
        "SELECT hash FROM journal_links WHERE terminal_id = '" +
        principal +
        "' AND seq = :seq;\n"
        "INSERT INTO journal_links VALUES ('" +
        principal +
        "', :seq, repeat('0', 64), repeat('f', 64), :oid, 'sale', 'x');\n"
        "UPDATE idempotency_keys SET state = 'done', response_status = 201, "
        "response_body = '{}' WHERE principal_id = '" +
        principal +
        "' AND idem_key = :oid;\n"
        "COMMIT;\n");
    file.close();
    const QUrl url(g_server->postgresUrl);
    for (auto _ : state) {
        QProcess pgbench;
        pgbench.start(QStringLiteral(PGBENCH_PATH),
                      {u"-h"_s, url.host(), u"-p"_s, QString::number(url.port()), u"-U"_s,
                       url.userName(), u"-n"_s, u"-f"_s, script, u"-c"_s, QString::number(clients),
                       u"-j"_s, QString::number(std::min(clients, 8)), u"-t"_s,
                       QString::number(std::max(1, 1500 / clients)), u"-r"_s, url.path().mid(1)});
        pgbench.waitForFinished(-1);
        const QString out = QString::fromUtf8(pgbench.readAllStandardOutput());
        double tps = 0;
        double latencyMs = 0;
        for (const QString &line : out.split(u'\n')) {
            if (line.startsWith(u"tps = "_s))
                tps = line.section(u' ', 2, 2).toDouble();
            if (line.startsWith(u"latency average = "_s))
                latencyMs = line.section(u' ', 3, 3).toDouble();
        }
        if (tps <= 0)
            state.SkipWithError(
                qPrintable(out + QString::fromUtf8(pgbench.readAllStandardError())));
        state.SetIterationTime(1500.0 / std::max(tps, 1.0));
        state.counters["avg_ms"] = latencyMs;
    }
    state.SetItemsProcessed(state.iterations() * 1500);
}

void BM_StorageCeiling(benchmark::State &state)
{
    if (g_server->backend == u"postgres"_s)
        postgresCeiling(state);
    else
        sqliteCeiling(state);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    const QString backend = qEnvironmentVariable("COUNTERLINE_BENCH_BACKEND", u"sqlite"_s);
    startServer(backend);
    for (auto *bench : {benchmark::RegisterBenchmark("BM_HttpCeiling", BM_HttpCeiling),
                        benchmark::RegisterBenchmark("BM_StorageCeiling", BM_StorageCeiling),
                        benchmark::RegisterBenchmark("BM_Ingest", BM_Ingest)}) {
        bench->Arg(1)->Arg(8)->Arg(32)->Iterations(1)->UseManualTime()->Unit(
            benchmark::kMillisecond);
    }
    benchmark::RegisterBenchmark("BM_HealthzUnderLoad", BM_HealthzUnderLoad)
        ->Iterations(1)
        ->UseManualTime()
        ->Unit(benchmark::kMillisecond);
    std::printf("backend: %s\n", qPrintable(backend));
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    g_server->process.terminate();
    g_server->process.waitForFinished(30'000);
    return 0;
}
