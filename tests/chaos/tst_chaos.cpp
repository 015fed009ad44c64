// Sync under fire (issue 5): terminals driven through counterline-cli talk to the real server
// through a proxy that breaks connections on purpose, while the test kills terminal processes and
// restarts the server. At the end every order is on the server exactly once and equal to the
// terminal's copy, every outbox is empty, every journal chain is continuous and no stock movement
// is doubled.

#include "fault_proxy.h"
#include "tests/app/cli_runner.h"
#include "tests/app/terminal_inspect.h"
#include "tests/server/server_harness.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>

#include <memory>

using namespace counterline::testing;
using namespace Qt::StringLiterals;

namespace {

// Runs `sync --once` until it has sent everything or 30 s have passed, waiting past the
// outbox's backoff in between; the last run.
CliRun syncUntilDone(const QString &data)
{
    QElapsedTimer waited;
    waited.start();
    CliRun run;
    do {
        QTest::qWait(300);
        run = cli(data, {u"sync"_s, u"--once"_s});
    } while (run.exitCode != 0 && waited.elapsed() < 30'000);
    return run;
}

int setting(const char *name, int fallback)
{
    bool numeric = false;
    const int value = qEnvironmentVariableIntValue(name, &numeric);
    return numeric ? value : fallback;
}

QString normalTime(const QVariant &text)
{
    return QDateTime::fromString(text.toString(), Qt::ISODateWithMs)
        .toUTC()
        .toString(Qt::ISODateWithMs);
}

// Each order as one line of text, field by field with its lines and tenders, keyed by id; built
// from the same three queries on the terminal's database and on the server's.
template<typename Rows>
QHash<QString, QString> ordersAsText(Rows rows, const QString &ordersWhere)
{
    QHash<QString, QString> orders;
    for (const QVariantList &row :
         rows(u"SELECT id, receipt_no, cashier_id, currency, subtotal_minor, discount_minor, "
              "tax_minor, total_minor, status, version, created_at FROM orders "_s +
              ordersWhere)) {
        orders.insert(row[0].toString(),
                      u"%1 %2 %3 %4/%5/%6/%7 %8 v%9 %10"_s
                          .arg(row[1].toString(), row[2].toString(), row[3].toString(),
                               row[4].toString(), row[5].toString(), row[6].toString(),
                               row[7].toString(), row[8].toString(), row[9].toString())
                          .arg(normalTime(row[10])));
    }
    for (const QVariantList &row :
         rows(u"SELECT order_id, line_no, sku, name, unit_price_minor, quantity, tax_rate_ppm, "
              "discount_minor, tax_minor, total_minor FROM order_lines ORDER BY order_id, "
              "line_no"_s)) {
        if (orders.contains(row[0].toString())) {
            QStringList fields;
            for (qsizetype i = 1; i < row.size(); ++i)
                fields << row[i].toString();
            orders[row[0].toString()] += u" | line "_s + fields.join(u':');
        }
    }
    for (const QVariantList &row : rows(u"SELECT order_id, seq, kind, amount_minor FROM tenders "
                                        "ORDER BY order_id, seq"_s)) {
        if (orders.contains(row[0].toString())) {
            orders[row[0].toString()] += u" | tender %1:%2:%3"_s.arg(
                row[1].toString(), row[2].toString(), row[3].toString());
        }
    }
    return orders;
}

// One terminal: its data directory, token, background sync process and sales so far.
struct Terminal
{
    QString name;
    QString data;
    QByteArray token;
    int target = 0;
    int sold = 0;
    std::unique_ptr<QProcess> sync;
    std::unique_ptr<QProcess> sale;
};

} // namespace

class ChaosTest : public QObject
{
    Q_OBJECT

    // Store S1 with the demo catalog on `server`, reached through `proxy`, and a terminal in
    // `data` enrolled with it through the proxy.
    void enrolBehind(FaultProxy &proxy, ServerUnderTest &server, const QString &data)
    {
        QVERIFY(server.addStore(u"S1"_s));
        server.command({u"catalog"_s, u"import"_s,
                        QStringLiteral(COUNTERLINE_SOURCE_DIR "/resources/demo/catalog.csv"),
                        u"--store"_s, u"S1"_s});
        const QByteArray token = server.enroll(u"S1"_s, u"T1"_s);
        QVERIFY(server.start());
        proxy.setUpstreamPort(server.port());
        QVERIFY(proxy.listen() != 0);
        const CliRun run =
            cli(data, {u"enroll"_s, u"--server"_s, u"http://127.0.0.1:%1"_s.arg(proxy.port()),
                       u"--token"_s, QString::fromLatin1(token)});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    }

private slots:
    // Each fault on its own: whatever it breaks, the order arrives once after the retry.
    void eachFaultAloneStillDeliversOnce_data()
    {
        QTest::addColumn<Fault>("fault");
        QTest::addColumn<int>("committedDespiteFault"); // orders the server holds after the fault
        QTest::newRow("refuse") << Fault::Refuse << 0;
        QTest::newRow("drop-request") << Fault::DropRequest << 0;
        QTest::newRow("reset-mid-body") << Fault::ResetMidBody << 0;
        QTest::newRow("drop-response") << Fault::DropResponse << 2;
        QTest::newRow("delay") << Fault::Delay << 2;
        QTest::newRow("trickle") << Fault::Trickle << 2;
    }

    void eachFaultAloneStillDeliversOnce()
    {
        QFETCH(Fault, fault);
        QFETCH(int, committedDespiteFault);
        ServerUnderTest server(u"sqlite"_s);
        FaultProxy proxy(7);
        QTemporaryDir dir;
        const QString data = dir.filePath(u"terminal"_s);
        enrolBehind(proxy, server, data);
        if (QTest::currentTestFailed())
            return;
        CliRun run;
        for (const QString &sku : {u"SKU-00004:2"_s, u"SKU-00005"_s})
            QCOMPARE(cli(data, {u"sale"_s, u"--sku"_s, sku, u"--tender"_s, u"cash"_s}).exitCode, 0);

        proxy.force(fault);
        run = cli(data, {u"sync"_s, u"--once"_s});
        QCOMPARE(run.exitCode, committedDespiteFault == 2 && fault != Fault::DropResponse ? 0 : 1);
        QCOMPARE(server.count(u"SELECT count(*) FROM orders"_s), committedDespiteFault);
        QVERIFY(proxy.counts().faults.value(fault) >= 1);

        // The network heals; after the backoff the same keys go again.
        proxy.force(Fault::None);
        run = syncUntilDone(data);
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        QCOMPARE(server.count(u"SELECT count(*) FROM orders"_s), 2);
        QCOMPARE(server.count(u"SELECT count(*) FROM stock_movements"_s), 2);
        QCOMPARE(terminalCount(data, u"SELECT count(*) FROM outbox WHERE state <> 'sent'"_s), 0);
        QVERIFY2(run.out.contains(u"continuous on the server"_s), qPrintable(run.out));
    }

    // A partial return through each fault on its own: the server holds it once, and its items
    // came back into stock once, however the first try was broken.
    void aReturnThroughEachFaultArrivesOnce_data() { eachFaultAloneStillDeliversOnce_data(); }

    void aReturnThroughEachFaultArrivesOnce()
    {
        QFETCH(Fault, fault);
        QFETCH(int, committedDespiteFault);
        ServerUnderTest server(u"sqlite"_s);
        FaultProxy proxy(11);
        QTemporaryDir dir;
        const QString data = dir.filePath(u"terminal"_s);
        enrolBehind(proxy, server, data);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(
            cli(data, {u"sale"_s, u"--sku"_s, u"SKU-00004:3"_s, u"--tender"_s, u"cash"_s}).exitCode,
            0);
        QCOMPARE(cli(data, {u"sync"_s, u"--once"_s}).exitCode, 0);
        CliRun run =
            cli(data, {u"return"_s, u"--receipt"_s, u"S1-T1-000001"_s, u"--item"_s, u"1:2"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));

        proxy.force(fault);
        (void)cli(data, {u"sync"_s, u"--once"_s});
        QCOMPARE(server.count(u"SELECT count(*) FROM orders WHERE kind = 'return'"_s),
                 committedDespiteFault > 0 ? 1 : 0);
        proxy.force(Fault::None);
        run = syncUntilDone(data);
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        QCOMPARE(server.count(u"SELECT count(*) FROM orders WHERE kind = 'return'"_s), 1);
        QCOMPARE(server.count(u"SELECT count(*) FROM stock_movements WHERE step = 'return'"_s), 1);
        QCOMPARE(server.count(u"SELECT SUM(quantity) FROM stock_movements WHERE step = 'return'"_s),
                 2);
        QCOMPARE(terminalCount(data, u"SELECT count(*) FROM outbox WHERE state <> 'sent'"_s), 0);
    }

    // The proof: three terminals, faults on about 30 % of connections, terminal processes
    // SIGKILLed and the server restarted along the way.
    void threeTerminalsUnderFireConvergeExactlyOnce()
    {
        const int total = setting("COUNTERLINE_CHAOS_ORDERS", 3000);
        const int kills = setting("COUNTERLINE_CHAOS_KILLS", 20);
        const int restarts = setting("COUNTERLINE_CHAOS_RESTARTS", 5);
        const QString backend = qEnvironmentVariable("COUNTERLINE_CHAOS_BACKEND", u"sqlite"_s);
        const quint32 seed = quint32(setting("COUNTERLINE_CHAOS_SEED", 20261124));
        qInfo("%d orders on %s, %d terminal kills, %d server restarts, seed %u", total,
              qPrintable(backend), kills, restarts, seed);
        QRandomGenerator random(seed);

        ServerUnderTest server(backend);
        QVERIFY2(server.problem().isEmpty(), qPrintable(server.problem()));
        QVERIFY(server.addStore(u"S1"_s));
        int code = -1;
        server.command({u"catalog"_s, u"import"_s,
                        QStringLiteral(COUNTERLINE_SOURCE_DIR "/resources/demo/catalog.csv"),
                        u"--store"_s, u"S1"_s},
                       &code);
        QCOMPARE(code, 0);
        QTemporaryDir dir;
        std::vector<Terminal> terminals(3);
        for (int i = 0; i < 3; ++i) {
            Terminal &terminal = terminals[size_t(i)];
            terminal.name = u"T%1"_s.arg(i + 1);
            terminal.data = dir.filePath(terminal.name);
            terminal.token = server.enroll(u"S1"_s, terminal.name);
            terminal.target = total / 3 + (i < total % 3 ? 1 : 0);
        }
        QVERIFY(server.start());
        FaultProxy proxy(seed);
        proxy.setUpstreamPort(server.port());
        QVERIFY(proxy.listen() != 0);
        const QString url = u"http://127.0.0.1:%1"_s.arg(proxy.port());
        for (Terminal &terminal : terminals) {
            const CliRun run = cli(terminal.data, {u"enroll"_s, u"--server"_s, url, u"--token"_s,
                                                   QString::fromLatin1(terminal.token)});
            QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        }
        proxy.setFaultPercent(30);

        auto startSync = [](Terminal &terminal) {
            terminal.sync = std::make_unique<QProcess>();
            terminal.sync->setStandardOutputFile(QProcess::nullDevice());
            terminal.sync->setStandardErrorFile(QProcess::nullDevice());
            terminal.sync->start(
                QStringLiteral(COUNTERLINE_CLI_PATH),
                {u"--data-dir"_s, terminal.data, u"sync"_s, u"--interval-ms"_s, u"100"_s});
            return terminal.sync->waitForStarted();
        };
        for (Terminal &terminal : terminals)
            QVERIFY(startSync(terminal));

        // Sales go on in all three terminals at once, one counterline-cli process each time; the
        // kills and restarts fall at even steps of the total.
        QEventLoop loop;
        int soldTotal = 0;
        int killed = 0;
        int restarted = 0;
        QString failure;
        std::function<void(Terminal &)> sell = [&](Terminal &terminal) {
            QStringList arguments{u"--data-dir"_s, terminal.data, u"sale"_s};
            const int lines = 1 + int(random.bounded(3));
            for (int i = 0; i < lines; ++i) {
                arguments << u"--sku"_s
                          << u"SKU-%1:%2"_s.arg(1 + random.bounded(300), 5, 10, QChar(u'0'))
                                 .arg(1 + random.bounded(4));
            }
            arguments << u"--tender"_s << (random.bounded(2) ? u"cash"_s : u"card"_s);
            terminal.sale = std::make_unique<QProcess>();
            QProcess *sale = terminal.sale.get();
            connect(sale, &QProcess::finished, &loop, [&, sale](int exitCode) {
                if (exitCode != 0 && failure.isEmpty())
                    failure = QString::fromUtf8(sale->readAllStandardError());
                if (exitCode == 0) {
                    ++terminal.sold;
                    ++soldTotal;
                }
                if (killed < kills && soldTotal >= (killed + 1) * total / (kills + 1)) {
                    Terminal &victim = terminals[random.bounded(3)];
                    victim.sync->kill(); // SIGKILL, wherever it was
                    victim.sync->waitForFinished();
                    ++killed;
                    if (!startSync(victim) && failure.isEmpty())
                        failure = u"a sync process did not start again"_s;
                }
                if (restarted < restarts && soldTotal >= (restarted + 1) * total / (restarts + 1)) {
                    // Only the test may stop the server.
                    if (server.process().state() != QProcess::Running && failure.isEmpty()) {
                        failure = u"the server died on its own (exit %1)"_s.arg(
                            server.process().exitCode());
                    }
                    if (restarted % 2 == 0) {
                        server.process().kill(); // SIGKILL mid-request
                        server.process().waitForFinished();
                    } else {
                        server.stop(); // SIGTERM: drains
                    }
                    ++restarted;
                    if (!server.start() && failure.isEmpty())
                        failure = u"the server did not start again"_s;
                    proxy.setUpstreamPort(server.port());
                }
                if (!failure.isEmpty()) {
                    loop.quit();
                } else if (terminal.sold < terminal.target) {
                    QMetaObject::invokeMethod(
                        &loop, [&] { sell(terminal); }, Qt::QueuedConnection);
                } else if (std::all_of(terminals.cbegin(), terminals.cend(),
                                       [](const Terminal &t) { return t.sold >= t.target; })) {
                    loop.quit();
                }
            });
            sale->start(QStringLiteral(COUNTERLINE_CLI_PATH), arguments);
        };
        QElapsedTimer clock;
        clock.start();
        for (Terminal &terminal : terminals)
            sell(terminal);
        loop.exec();
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        QCOMPARE(soldTotal, total);
        QCOMPARE(killed, kills);
        QCOMPARE(restarted, restarts);
        const qint64 salesMs = clock.elapsed();

        // The storm passes; the sync processes catch up on their own.
        proxy.setFaultPercent(0);
        const FaultProxy::Counts storm = proxy.counts();
        auto pending = [&] {
            qint64 waiting = 0;
            for (const Terminal &terminal : terminals) {
                waiting += terminalCount(terminal.data,
                                         u"SELECT count(*) FROM outbox WHERE state <> 'sent'"_s);
            }
            return waiting;
        };
        QElapsedTimer drain;
        drain.start();
        while (pending() > 0 && drain.elapsed() < 120'000)
            QTest::qWait(250);
        if (pending() > 0) {
            // Is the server there, and does it answer without the proxy?
            QNetworkAccessManager direct;
            QNetworkReply *health = direct.get(QNetworkRequest(server.url(u"/healthz"_s)));
            QTRY_VERIFY_WITH_TIMEOUT(health->isFinished(), 10'000);
            qInfo("server %s (exit %d), /healthz directly: %d %s; the proxy since the storm: %d "
                  "connections",
                  server.process().state() == QProcess::Running ? "running" : "not running",
                  server.process().exitCode(),
                  health->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                  qPrintable(health->errorString()),
                  proxy.counts().connections - storm.connections);
            const QList<QByteArray> serverSaid =
                server.process().readAllStandardError().split('\n');
            for (qsizetype i = std::max<qsizetype>(0, serverSaid.size() - 12);
                 i < serverSaid.size(); ++i) {
                qInfo("server: %s", serverSaid[i].constData());
            }
            delete health;
            for (const Terminal &terminal : terminals) {
                // What the sync process said last (its output since its last restart).
                const QList<QByteArray> said =
                    QByteArray(terminal.sync->readAllStandardOutput() + "|" +
                               terminal.sync->readAllStandardError())
                        .split('\n');
                for (qsizetype i = std::max<qsizetype>(0, said.size() - 12); i < said.size(); ++i)
                    qInfo("%s sync: %s", qPrintable(terminal.name), said[i].constData());
                for (const QVariantList &row : terminalRows(
                         terminal.data, u"SELECT seq, attempts, last_status, next_attempt_at, "
                                        "last_error FROM outbox WHERE state <> 'sent' LIMIT 5"_s)) {
                    qInfo("%s: entry %lld, %d attempts, last %d, next %s: %s",
                          qPrintable(terminal.name), row[0].toLongLong(), row[1].toInt(),
                          row[2].toInt(), qPrintable(row[3].toString()),
                          qPrintable(row[4].toString()));
                }
            }
        }
        QCOMPARE(pending(), 0);
        QCOMPARE(server.process().state(), QProcess::Running); // it never died on its own
        for (Terminal &terminal : terminals) {
            terminal.sync->terminate();
            QVERIFY(terminal.sync->waitForFinished(30'000));
        }

        QStringList faultSummary;
        for (auto it = storm.faults.cbegin(); it != storm.faults.cend(); ++it)
            faultSummary << u"%1 %2"_s.arg(faultName(it.key())).arg(it.value());
        qInfo("sales %lld ms, drain %lld ms; during the sales %d connections, %d faulted (%s)",
              salesMs, drain.elapsed(), storm.connections, storm.faultedConnections,
              qPrintable(faultSummary.join(u", "_s)));
        for (Fault fault : {Fault::Refuse, Fault::DropRequest, Fault::ResetMidBody,
                            Fault::DropResponse, Fault::Delay, Fault::Trickle}) {
            QVERIFY2(storm.faults.value(fault) > 0, qPrintable(faultName(fault)));
        }
        // About 30 % of the connections were faulted while the orders were made.
        QVERIFY(storm.faultedConnections * 100 >= storm.connections * 20);
        QVERIFY(storm.faultedConnections * 100 <= storm.connections * 40);

        // Exactly the orders made, each once.
        QCOMPARE(server.count(u"SELECT count(*) FROM orders"_s), qint64(total));
        QCOMPARE(server.count(u"SELECT count(DISTINCT id) FROM orders"_s), qint64(total));
        QCOMPARE(server.count(u"SELECT count(DISTINCT receipt_no) FROM orders"_s), qint64(total));

        QNetworkAccessManager network;
        QHash<QString, qint64> soldBySku;
        qint64 soldPairs = 0;
        for (const Terminal &terminal : terminals) {
            QCOMPARE(terminalCount(terminal.data, u"SELECT count(*) FROM orders"_s),
                     qint64(terminal.target));
            QCOMPARE(terminalCount(terminal.data,
                                   u"SELECT count(*) FROM orders WHERE sync_state <> 'synced'"_s),
                     0);
            // Field by field, the server's copy is the terminal's.
            const QHash<QString, QString> mine = ordersAsText(
                [&](const QString &sql) { return terminalRows(terminal.data, sql); }, QString());
            const QHash<QString, QString> theirs =
                ordersAsText([&](const QString &sql) { return server.rows(sql); },
                             u"WHERE receipt_no LIKE 'S1-%1-%%'"_s.arg(terminal.name));
            QCOMPARE(theirs.size(), mine.size());
            for (auto it = mine.cbegin(); it != mine.cend(); ++it)
                QCOMPARE(theirs.value(it.key()), it.value());

            // The journal chain arrived whole.
            const QJsonObject journal =
                http(network, "GET", server.url(u"/v1/terminal/journal"_s), terminal.token).json();
            QVERIFY2(journal.value(u"continuous"_s).toBool(),
                     QJsonDocument(journal).toJson().constData());
            QCOMPARE(journal.value(u"highest_seq"_s).toInteger(),
                     terminalCount(terminal.data, u"SELECT max(seq) FROM journal"_s));
            QCOMPARE(journal.value(u"entries"_s).toInteger(),
                     journal.value(u"highest_seq"_s).toInteger());
            const CliRun check = cli(terminal.data, {u"sync"_s, u"--once"_s});
            QVERIFY2(check.exitCode == 0 && check.out.contains(u"continuous on the server"_s),
                     qPrintable(check.out + check.err));

            for (const QVariantList &row :
                 terminalRows(terminal.data, u"SELECT sku, sum(quantity), count(DISTINCT "
                                             "order_id) FROM order_lines GROUP BY sku"_s)) {
                soldBySku[row[0].toString()] += row[1].toLongLong();
                soldPairs += row[2].toLongLong();
            }
        }

        // Stock left once per order and SKU, never twice.
        QCOMPARE(server.count(u"SELECT count(*) FROM stock_movements"_s), soldPairs);
        for (const QVariantList &row : server.rows(u"SELECT sku, sum(quantity) FROM "
                                                   "stock_movements GROUP BY sku"_s)) {
            QCOMPARE(-row[1].toLongLong(), soldBySku.value(row[0].toString()));
        }
    }
};

QTEST_GUILESS_MAIN(ChaosTest)
#include "tst_chaos.moc"
