// A terminal synced through counterline-cli against the real server: enrolment, exactly-once
// delivery, the server going away and coming back, an order the server refuses (set aside without
// blocking the others) and a refused token (sync pauses).

#include "tests/app/cli_runner.h"
#include "tests/app/terminal_inspect.h"
#include "tests/server/server_harness.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QRandomGenerator>

using namespace counterline::testing;
using namespace Qt::StringLiterals;

class SyncCliTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase_data() { onBothDatabases(); }

    void ordersArriveExactlyOnceAcrossAnOutage()
    {
        QFETCH_GLOBAL(QString, backend);
        ServerUnderTest server(backend);
        QVERIFY2(server.problem().isEmpty(), qPrintable(server.problem()));
        QVERIFY(server.addStore(u"S1"_s));
        int code = -1;
        server.command({u"catalog"_s, u"import"_s,
                        QStringLiteral(COUNTERLINE_SOURCE_DIR "/resources/demo/catalog.csv"),
                        u"--store"_s, u"S1"_s},
                       &code);
        QCOMPARE(code, 0);
        const QByteArray token = server.enroll(u"S1"_s, u"T1"_s);
        QVERIFY(server.start());
        const QString url = server.url(QString()).toString();

        QTemporaryDir dir;
        const QString data = dir.filePath(u"terminal"_s);
        CliRun run =
            cli(data, {u"enroll"_s, u"--server"_s, url, u"--token"_s, QString::fromLatin1(token)});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(run.out.contains(u"300 products"_s));

        for (const QString &sku : {u"SKU-00001:2"_s, u"SKU-00010"_s, u"SKU-00100:3"_s})
            QCOMPARE(cli(data, {u"sale"_s, u"--sku"_s, sku, u"--tender"_s, u"cash"_s}).exitCode, 0);
        run = cli(data, {u"sync"_s, u"--once"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        QVERIFY(run.out.contains(u"Sent 3"_s));
        QCOMPARE(server.count(u"SELECT count(*) FROM orders"_s), 3);
        QCOMPARE(terminalCount(data, u"SELECT count(*) FROM orders WHERE sync_state = 'synced'"_s),
                 3);
        // Nothing left: another pass sends nothing and says so with exit 0.
        run = cli(data, {u"sync"_s, u"--once"_s});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains(u"Sent 0"_s));

        // The server goes away: the sale is kept, the attempt is recorded, exit 1.
        server.stop();
        QCOMPARE(
            cli(data, {u"sale"_s, u"--sku"_s, u"SKU-00002"_s, u"--tender"_s, u"card"_s}).exitCode,
            0);
        run = cli(data, {u"sync"_s, u"--once"_s});
        QCOMPARE(run.exitCode, 1);
        run = cli(data, {u"sync"_s, u"status"_s, u"--json"_s});
        const QJsonObject status = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(status.value(u"pending"_s).toInt(), 1);
        QVERIFY(!status.value(u"last_error"_s).toString().isEmpty());
        // Each waiting entry with its own history.
        const QJsonArray waiting = status.value(u"waiting"_s).toArray();
        QCOMPARE(waiting.size(), 1);
        QCOMPARE(waiting[0][u"kind"_s].toString(), u"create"_s);
        QCOMPARE(waiting[0][u"attempts"_s].toInt(), 1);
        QCOMPARE(waiting[0][u"last_status"_s].toInt(), 0);
        QVERIFY(waiting[0][u"receipt_no"_s].toString().startsWith(u"S1-T1-"_s));
        // The last full drain found the journal continuous on the server.
        QCOMPARE(status.value(u"journal"_s)[u"continuous"_s].toBool(), true);
        QCOMPARE(status.value(u"journal"_s)[u"server_highest"_s].toInt(), 3);

        // It comes back (on another port): after the backoff the order goes, once.
        QVERIFY(server.start());
        QVERIFY(cli(data, {u"enroll"_s, u"--server"_s, server.url(QString()).toString(),
                           u"--token"_s, QString::fromLatin1(token)})
                    .exitCode == 0);
        QTest::qWait(600); // the first retry waits at most 0.5 s
        run = cli(data, {u"sync"_s, u"--once"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        QCOMPARE(server.count(u"SELECT count(*) FROM orders"_s), 4);
        QCOMPARE(terminalCount(data, u"SELECT attempts FROM outbox ORDER BY seq DESC LIMIT 1"_s),
                 2);
    }

    // An order made on the terminal that never reached the server (here its outbox row is marked
    // sent behind sync's back, as a bug or a restored backup might): once the outbox has drained,
    // the gap is reported on the terminal (exit 1, sync status) and on the server.
    void aLostOrderIsReportedOnBothSides()
    {
        QFETCH_GLOBAL(QString, backend);
        ServerUnderTest server(backend);
        QVERIFY2(server.problem().isEmpty(), qPrintable(server.problem()));
        QVERIFY(server.addStore(u"S1"_s));
        server.command({u"catalog"_s, u"import"_s,
                        QStringLiteral(COUNTERLINE_SOURCE_DIR "/resources/demo/catalog.csv"),
                        u"--store"_s, u"S1"_s});
        const QByteArray token = server.enroll(u"S1"_s, u"T1"_s);
        QVERIFY(server.start());
        QTemporaryDir dir;
        const QString data = dir.filePath(u"terminal"_s);
        QCOMPARE(cli(data, {u"enroll"_s, u"--server"_s, server.url(QString()).toString(),
                            u"--token"_s, QString::fromLatin1(token)})
                     .exitCode,
                 0);
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(cli(data, {u"sale"_s, u"--sku"_s, u"SKU-00003"_s, u"--tender"_s, u"cash"_s})
                         .exitCode,
                     0);
        }
        QCOMPARE(terminalCount(data, u"UPDATE outbox SET state = 'sent' WHERE seq IN (2, 4)"_s), 2);

        CliRun run = cli(data, {u"sync"_s, u"--once"_s});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(u"entries 2,4 never reached the server"_s), qPrintable(run.err));
        QCOMPARE(server.count(u"SELECT count(*) FROM orders"_s), 2);

        run = cli(data, {u"sync"_s, u"status"_s, u"--json"_s});
        const QJsonObject journal =
            QJsonDocument::fromJson(run.out.toUtf8()).object().value(u"journal"_s).toObject();
        QCOMPARE(journal.value(u"continuous"_s).toBool(), false);
        QCOMPARE(journal.value(u"missing"_s).toString(), u"2,4"_s);
        QCOMPARE(journal.value(u"local_highest"_s).toInt(), 4);
        QCOMPARE(journal.value(u"server_highest"_s).toInt(), 3);

        // The server's side: entry 2 is a gap below what it holds (entry 4 it cannot know of).
        QNetworkAccessManager network;
        const QJsonObject view =
            http(network, "GET", server.url(u"/v1/terminal/journal"_s), token).json();
        QCOMPARE(view.value(u"gaps"_s).toArray(),
                 QJsonArray{QJsonObject({{u"first"_s, 2}, {u"last"_s, 2}})});
    }

    // After enrolment the terminal keeps pulling: a new price and stock level from head office's
    // catalog, and a shipment booked in the back office on an order this terminal sold, applied
    // through the state machine. Cursors are kept: the next pull brings nothing new.
    void centralChangesArePulled()
    {
        QFETCH_GLOBAL(QString, backend);
        ServerUnderTest server(backend);
        QVERIFY2(server.problem().isEmpty(), qPrintable(server.problem()));
        QVERIFY(server.addStore(u"S1"_s));
        server.command({u"catalog"_s, u"import"_s,
                        QStringLiteral(COUNTERLINE_SOURCE_DIR "/resources/demo/catalog.csv"),
                        u"--store"_s, u"S1"_s});
        const QByteArray token = server.enroll(u"S1"_s, u"T1"_s);
        const QByteArray office = server.addUser(u"Petra"_s);
        QVERIFY(server.start());
        QTemporaryDir dir;
        const QString data = dir.filePath(u"terminal"_s);
        QCOMPARE(cli(data, {u"enroll"_s, u"--server"_s, server.url(QString()).toString(),
                            u"--token"_s, QString::fromLatin1(token)})
                     .exitCode,
                 0);
        CliRun run = cli(data, {u"sale"_s, u"--sku"_s, u"SKU-00002"_s, u"--tender"_s, u"cash"_s});
        QCOMPARE(run.exitCode, 0);
        const QString orderId = run.out.section(u' ', 1, 1);
        QCOMPARE(cli(data, {u"sync"_s, u"--once"_s}).exitCode, 0);

        // Head office: a new price and stock for one product, and the order shipped.
        QFile update(dir.filePath(u"update.csv"_s));
        QVERIFY(update.open(QIODevice::WriteOnly));
        update.write("sku,barcode,name,price,currency,tax_rate,stock\r\n"
                     "SKU-00001,4010146957249,Vollkornbrot 500 g,4.19,EUR,7,55\r\n");
        update.close();
        int code = -1;
        server.command({u"catalog"_s, u"import"_s, update.fileName(), u"--store"_s, u"S1"_s},
                       &code);
        QCOMPARE(code, 0);
        QNetworkAccessManager network;
        QCOMPARE(http(network, "POST", server.url(u"/v1/orders/%1/events"_s.arg(orderId)), office,
                      {}, R"({"event":"Ship","expected_version":2})")
                     .status,
                 200);

        run = cli(data, {u"sync"_s, u"--once"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        QVERIFY2(run.out.contains(u"Pulled 1 product changes, 1 stock levels, 1 order changes"_s),
                 qPrintable(run.out));
        QCOMPARE(terminalCount(data, u"SELECT price_minor FROM products WHERE sku = 'SKU-00001'"_s),
                 419);
        QCOMPARE(terminalCount(data, u"SELECT on_hand FROM stock WHERE sku = 'SKU-00001'"_s), 55);
        const QList<QVariantList> order = terminalRows(
            data, u"SELECT o.status, o.version, e.actor_id FROM orders o JOIN order_events e "
                  "ON e.order_id = o.id AND e.version = o.version WHERE o.id = '"_s +
                      orderId + u"'"_s);
        QCOMPARE(order.size(), 1);
        QCOMPARE(order[0][0].toString(), u"SHIPPED"_s);
        QCOMPARE(order[0][1].toInt(), 3);
        QCOMPARE(order[0][2].toString(), u"server:Petra"_s);
        // The shipment was made centrally: nothing goes back, and the journal holds only what
        // this terminal did.
        QCOMPARE(terminalCount(data, u"SELECT count(*) FROM outbox"_s), 1);
        QCOMPARE(terminalCount(data, u"SELECT count(*) FROM journal"_s), 1);

        run = cli(data, {u"sync"_s, u"--once"_s});
        QVERIFY2(run.out.contains(u"Pulled 0 product changes, 0 stock levels, 0 order changes"_s),
                 qPrintable(run.out));
    }

    // The store on the server prices without tax; this terminal was set up with tax-inclusive
    // prices. Orders with taxed lines disagree with the server's arithmetic and are set aside; an
    // order of untaxed goods (the same either way) still goes through.
    void refusedOrdersAreSetAsideWithoutBlocking()
    {
        QFETCH_GLOBAL(QString, backend);
        ServerUnderTest server(backend);
        QVERIFY2(server.problem().isEmpty(), qPrintable(server.problem()));
        QVERIFY(server.addStore(u"S1"_s, {u"--prices-exclude-tax"_s}));
        const QByteArray token = server.enroll(u"S1"_s, u"T1"_s);
        QVERIFY(server.start());

        QTemporaryDir dir;
        const QString data = dir.filePath(u"terminal"_s);
        QCOMPARE(cli(data, {u"init"_s, u"--store"_s, u"S1"_s, u"--terminal"_s, u"T1"_s,
                            u"--currency"_s, u"EUR"_s})
                     .exitCode,
                 0);
        QVERIFY(cli(data, {u"enroll"_s, u"--server"_s, server.url(QString()).toString(),
                           u"--token"_s, QString::fromLatin1(token)})
                    .exitCode == 0);
        QFile catalog(dir.filePath(u"local.csv"_s));
        QVERIFY(catalog.open(QIODevice::WriteOnly));
        catalog.write("sku,barcode,name,price,currency,tax_rate\r\n"
                      "TAXED,,Wein,8.99,EUR,19\r\nFREE,,Briefmarke,0.95,EUR,0\r\n");
        catalog.close();
        QCOMPARE(cli(data, {u"catalog"_s, u"import"_s, catalog.fileName()}).exitCode, 0);
        QCOMPARE(cli(data, {u"sale"_s, u"--sku"_s, u"TAXED"_s, u"--tender"_s, u"cash"_s}).exitCode,
                 0);
        QCOMPARE(cli(data, {u"sale"_s, u"--sku"_s, u"FREE"_s, u"--tender"_s, u"cash"_s}).exitCode,
                 0);

        CliRun run = cli(data, {u"sync"_s, u"--once"_s});
        QVERIFY(run.out.contains(u"Sent 1"_s));
        QVERIFY(run.out.contains(u"set aside 1"_s));
        QCOMPARE(run.exitCode, 0); // nothing is left waiting; one needs a person
        QCOMPARE(server.count(u"SELECT count(*) FROM orders"_s), 1);
        run = cli(data, {u"sync"_s, u"status"_s, u"--json"_s});
        const QJsonObject status = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(status.value(u"needs_attention"_s).toInt(), 1);
        QVERIFY2(status.value(u"last_error"_s).toString().contains(u"order.totals_mismatch"_s),
                 qPrintable(run.out));
        QCOMPARE(status.value(u"waiting"_s)[0][u"last_code"_s].toString(),
                 u"order.totals_mismatch"_s);
        QCOMPARE(terminalCount(data, u"SELECT count(*) FROM orders WHERE sync_state = "
                                     "'needs_attention'"_s),
                 1);
    }

    // `sync` without --once keeps going: sales arrive while it runs; when the server is away it
    // probes, and when the server answers again the waiting order goes at once, not after its
    // backoff. SIGTERM ends it cleanly.
    void backgroundSyncCatchesUpWhenTheServerReturns()
    {
        QFETCH_GLOBAL(QString, backend);
        ServerUnderTest server(backend);
        QVERIFY2(server.problem().isEmpty(), qPrintable(server.problem()));
        QVERIFY(server.addStore(u"S1"_s));
        const QByteArray token = server.enroll(u"S1"_s, u"T1"_s);
        QVERIFY(server.start());
        const QUrl url = server.url(QString());
        QTemporaryDir dir;
        const QString data = dir.filePath(u"terminal"_s);
        QVERIFY(cli(data, {u"enroll"_s, u"--server"_s, url.toString(), u"--token"_s,
                           QString::fromLatin1(token)})
                    .exitCode == 0);
        QFile catalog(dir.filePath(u"local.csv"_s));
        QVERIFY(catalog.open(QIODevice::WriteOnly));
        catalog.write("sku,barcode,name,price,currency,tax_rate\r\nA,,Apfel,0.50,EUR,7\r\n");
        catalog.close();
        QCOMPARE(cli(data, {u"catalog"_s, u"import"_s, catalog.fileName()}).exitCode, 0);

        QProcess syncing;
        syncing.start(QStringLiteral(COUNTERLINE_CLI_PATH),
                      {u"--data-dir"_s, data, u"sync"_s, u"--interval-ms"_s, u"200"_s});
        QVERIFY(syncing.waitForStarted());
        for (int i = 0; i < 2; ++i)
            QCOMPARE(cli(data, {u"sale"_s, u"--sku"_s, u"A"_s, u"--tender"_s, u"cash"_s}).exitCode,
                     0);
        QVERIFY(QTest::qWaitFor([&] { return server.count(u"SELECT count(*) FROM orders"_s) == 2; },
                                15'000));

        server.stop();
        QCOMPARE(cli(data, {u"sale"_s, u"--sku"_s, u"A"_s, u"--tender"_s, u"cash"_s}).exitCode, 0);
        // Let it fail a few times so that its backoff grows well beyond the interval.
        QTest::qWait(3000);
        QVERIFY(server.start({u"--listen"_s, u"127.0.0.1:%1"_s.arg(url.port())}));
        QElapsedTimer back;
        back.start();
        QVERIFY(QTest::qWaitFor([&] { return server.count(u"SELECT count(*) FROM orders"_s) == 3; },
                                15'000));
        qInfo("the waiting order arrived %lld ms after the server came back", back.elapsed());

        syncing.terminate();
        QVERIFY(syncing.waitForFinished(10'000));
        QCOMPARE(syncing.exitStatus(), QProcess::NormalExit);
        QCOMPARE(syncing.exitCode(), 0);
        const QString log = QString::fromUtf8(syncing.readAllStandardOutput());
        QVERIFY2(log.contains(u"out of reach"_s) && log.contains(u"answers again"_s),
                 qPrintable(log));
    }

    // Promises 1 and 2 across server deaths: the server is SIGKILLed again and again while a
    // terminal syncs (before, during and after commits, with answers lost on the way). In the
    // end every order is on the server exactly once, with exactly one set of stock movements and
    // one idempotency record, and the terminal has nothing left to send.
    void serverKilledWhileSyncingLosesAndDuplicatesNothing()
    {
        QFETCH_GLOBAL(QString, backend);
        ServerUnderTest server(backend);
        QVERIFY2(server.problem().isEmpty(), qPrintable(server.problem()));
        QVERIFY(server.addStore(u"S1"_s));
        const QByteArray token = server.enroll(u"S1"_s, u"T1"_s);
        const QStringList lease{u"--key-lease-seconds"_s, u"1"_s};
        QVERIFY(server.start(lease));
        const QUrl url = server.url(QString());
        const QStringList sameAddress =
            lease + QStringList{u"--listen"_s, u"127.0.0.1:%1"_s.arg(url.port())};
        QTemporaryDir dir;
        const QString data = dir.filePath(u"terminal"_s);
        QVERIFY(cli(data, {u"enroll"_s, u"--server"_s, url.toString(), u"--token"_s,
                           QString::fromLatin1(token)})
                    .exitCode == 0);
        QFile catalog(dir.filePath(u"local.csv"_s));
        QVERIFY(catalog.open(QIODevice::WriteOnly));
        catalog.write("sku,barcode,name,price,currency,tax_rate\r\nA,,Apfel,0.50,EUR,7\r\n"
                      "B,,Brot,2.49,EUR,7\r\n");
        catalog.close();
        QCOMPARE(cli(data, {u"catalog"_s, u"import"_s, catalog.fileName()}).exitCode, 0);
        constexpr int kOrders = 30;
        for (int i = 0; i < kOrders; ++i) {
            QCOMPARE(cli(data, {u"sale"_s, u"--sku"_s, u"A"_s, u"--sku"_s, u"B:2"_s, u"--tender"_s,
                                u"cash"_s})
                         .exitCode,
                     0);
        }

        QRandomGenerator random(20261124);
        int interrupted = 0;
        for (int round = 0; round < 8; ++round) {
            QProcess syncing;
            syncing.start(QStringLiteral(COUNTERLINE_CLI_PATH),
                          {u"--data-dir"_s, data, u"sync"_s, u"--once"_s});
            QVERIFY(syncing.waitForStarted());
            QTest::qWait(int(random.bounded(2, 40)));
            server.process().kill(); // SIGKILL: no drain, no goodbye
            QVERIFY(server.process().waitForFinished(10'000));
            if (syncing.state() != QProcess::NotRunning)
                QVERIFY(syncing.waitForFinished(60'000));
            if (syncing.exitCode() != 0)
                ++interrupted;
            QVERIFY(server.start(sameAddress));
        }
        qInfo("%d of 8 passes were cut short by the kill; %lld orders were on the server then",
              interrupted, server.count(u"SELECT count(*) FROM orders"_s));
        QVERIFY(interrupted > 0);

        // The server stays up now: passes until nothing is left (dead attempts' keys are taken
        // over once their 1-second lease has run out).
        int exitCode = -1;
        for (int pass = 0; pass < 20 && exitCode != 0; ++pass) {
            QTest::qWait(700);
            exitCode = cli(data, {u"sync"_s, u"--once"_s}).exitCode;
        }
        QCOMPARE(exitCode, 0);
        QCOMPARE(server.count(u"SELECT count(*) FROM orders"_s), kOrders);
        QCOMPARE(server.count(u"SELECT count(*) FROM stock_movements"_s), 2 * kOrders);
        QCOMPARE(server.count(u"SELECT count(*) FROM order_lines"_s), 2 * kOrders);
        QCOMPARE(server.count(u"SELECT count(*) FROM idempotency_keys"_s), kOrders);
        QCOMPARE(terminalCount(data, u"SELECT count(*) FROM orders WHERE sync_state = 'synced'"_s),
                 kOrders);
        QCOMPARE(terminalCount(data, u"SELECT count(*) FROM outbox WHERE state <> 'sent'"_s), 0);
    }

    void aRefusedTokenPausesSync()
    {
        QFETCH_GLOBAL(QString, backend);
        ServerUnderTest server(backend);
        QVERIFY2(server.problem().isEmpty(), qPrintable(server.problem()));
        QVERIFY(server.addStore(u"S1"_s));
        const QByteArray token = server.enroll(u"S1"_s, u"T1"_s);
        QVERIFY(server.start());
        QTemporaryDir dir;
        const QString data = dir.filePath(u"terminal"_s);
        QVERIFY(cli(data, {u"enroll"_s, u"--server"_s, server.url(QString()).toString(),
                           u"--token"_s, QString::fromLatin1(token)})
                    .exitCode == 0);
        QFile catalog(dir.filePath(u"local.csv"_s));
        QVERIFY(catalog.open(QIODevice::WriteOnly));
        catalog.write("sku,barcode,name,price,currency,tax_rate\r\nA,,Apfel,0.50,EUR,7\r\n");
        catalog.close();
        QCOMPARE(cli(data, {u"catalog"_s, u"import"_s, catalog.fileName()}).exitCode, 0);
        QCOMPARE(cli(data, {u"sale"_s, u"--sku"_s, u"A"_s, u"--tender"_s, u"cash"_s}).exitCode, 0);
        QCOMPARE(terminalCount(data, u"UPDATE sync_settings SET token = 'clt_revoked'"_s), 1);

        const CliRun run = cli(data, {u"sync"_s, u"--once"_s});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(u"enrol it again"_s), qPrintable(run.err));
        QCOMPARE(server.count(u"SELECT count(*) FROM orders"_s), 0);
        QCOMPARE(terminalCount(data, u"SELECT count(*) FROM outbox WHERE state = 'pending'"_s), 1);
    }
};

QTEST_GUILESS_MAIN(SyncCliTest)
#include "tst_sync_cli.moc"
