// The sync engine in-process against the real server: the operating system's network signal
// wakes sync at once, and a change made on the terminal after someone changed the order centrally
// is set aside with the server's state instead of overwriting it, and a backlog longer than the
// server's bound on journal jumps arrives whole through broken connections.

#include "sqlkit/statement.h"
#include "sqlkit/time_text.h"
#include "store/outbox_store.h"
#include "store/sync_settings.h"
#include "sync/outbox_sender.h"
#include "sync/puller.h"
#include "sync/sync_loop.h"
#include "tests/chaos/fault_proxy.h"
#include "tests/server/server_harness.h"
#include "tests/store/store_fixture.h"
#include "tests/sync/one_pass.h"

#include <QSignalSpy>

using namespace counterline;
using namespace counterline::testing;
using namespace Qt::StringLiterals;

class SyncLoopTest : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_server = std::make_unique<ServerUnderTest>(u"sqlite"_s);
        QVERIFY(m_server->addStore(u"S1"_s));
        QVERIFY(m_server->importCatalog(kSmallCatalog, u"S1"_s)); // what the till sells from
        m_token = m_server->enroll(u"S1"_s, u"T1"_s);
        QVERIFY(m_server->start());
    }
    void cleanup() { m_server.reset(); }

    // The interval is a minute: only the network signal can make the order go within seconds.
    void networkReturningWakesSyncAtOnce()
    {
        FaultProxy proxy(1);
        proxy.setUpstreamPort(m_server->port());
        QVERIFY(proxy.listen() != 0);
        proxy.force(Fault::Refuse); // the shop's uplink is down

        StoreFixture terminal;
        QVERIFY(terminal.sell(terminal.cart({{"BROT", 2}})).ok());
        const store::SyncTarget target{QUrl(u"http://127.0.0.1:%1"_s.arg(proxy.port())), m_token};
        sync::SyncLoop loop(*terminal.database, terminal.clock, target, std::chrono::minutes(1));
        QSignalSpy online(&loop, &sync::SyncLoop::onlineChanged);
        loop.start();
        QTRY_VERIFY_WITH_TIMEOUT(!loop.isOnline(), 10'000);
        QCOMPARE(m_server->count(u"SELECT count(*) FROM orders"_s), 0);

        proxy.force(Fault::None);
        loop.networkReachabilityChanged(true);
        QTRY_COMPARE_WITH_TIMEOUT(m_server->count(u"SELECT count(*) FROM orders"_s), 1, 10'000);
        QVERIFY(loop.isOnline());

        // The network goes away: offline at once, without a failed request first.
        loop.networkReachabilityChanged(false);
        QVERIFY(!loop.isOnline());
        QCOMPARE(online.size(), 3); // offline, online, offline
    }

    void aChangeThatLostTheRaceIsSetAsideWithTheServersState()
    {
        StoreFixture terminal;
        const Result<store::CheckoutResult> sold = terminal.sell(terminal.cart({{"WEIN", 1}}));
        QVERIFY(sold.ok());
        const QString id = sold->order.id().toString(QUuid::WithoutBraces);
        const store::SyncTarget target{m_server->url(QString()), m_token};
        sync::OutboxSender sender(*terminal.database, terminal.clock, target);
        QCOMPARE(onePass(sender).sent, 1);

        // Head office ships the order (version 2 → 3) ...
        const QByteArray office = m_server->addUser(u"Petra"_s);
        QNetworkAccessManager network;
        const HttpAnswer shipped =
            http(network, "POST", m_server->url(u"/v1/orders/%1/events"_s.arg(id)), office, {},
                 R"({"event":"Ship","expected_version":2})");
        QCOMPARE(shipped.status, 200);

        // ... while the cashier hands it over at the counter, from version 2.
        store::OrderStore orders(*terminal.database, terminal.clock, terminal.ids);
        QVERIFY(orders.applyEvent(sold->order.id(), 2, OrderEvent::HandOver, Actor{u"anna"_s, {}})
                    .ok());
        const sync::SyncPass pass = onePass(sender);
        QCOMPARE(pass.sent, 0);
        QCOMPARE(pass.setAside, 1);
        const Result<store::SyncStatus> status =
            store::OutboxStore(*terminal.database, terminal.clock).status(10);
        QVERIFY(status.ok());
        QCOMPARE(status->needsAttention, 1);
        QCOMPARE(status->waiting.size(), 1);
        QCOMPARE(status->waiting[0].kind, u"event"_s);
        QCOMPARE(status->waiting[0].lastStatus, 409);
        QVERIFY2(status->waiting[0].lastError.contains(u"SHIPPED at version 3"_s),
                 qPrintable(status->waiting[0].lastError));
        // The shipment comes back with the pull: it does not fit the order here (handed over at
        // version 3), so the order is flagged for a person and left as it is.
        sync::Puller puller(*terminal.database, terminal.clock, target);
        std::optional<Result<sync::PullResult>> pulled;
        puller.run([&](const Result<sync::PullResult> &result) { pulled = result; });
        QTRY_VERIFY_WITH_TIMEOUT(pulled.has_value(), 10'000);
        QVERIFY(pulled->ok());
        QCOMPARE((*pulled)->orderChanges, 0);
        QCOMPARE((*pulled)->conflicts.size(), 1);
        QVERIFY2((*pulled)->conflicts[0].contains(u"COMPLETED at version 3"_s),
                 qPrintable((*pulled)->conflicts[0]));
        QCOMPARE(
            sqlkit::selectValue(terminal.db(), u"SELECT status || ' ' || sync_state FROM orders"_s)
                ->toString(),
            u"COMPLETED needs_attention"_s);

        // Nothing was overwritten on the server.
        const HttpAnswer now = http(network, "GET", m_server->url(u"/v1/orders/"_s + id), office);
        QCOMPARE(now.json().value(u"status"_s).toString(), u"SHIPPED"_s);
        QCOMPARE(now.json().value(u"version"_s).toInt(), 3);
    }

    // The server answers "this key is still being processed" (409 with Retry-After) for a
    // request that died with the server, until its lease runs out. However many attempts the
    // entry has behind it, it is asked again after Retry-After, not after minutes of backoff.
    void aKeyStillRunningIsAskedAgainSoon()
    {
        FaultProxy proxy(1);
        proxy.setUpstreamPort(m_server->port());
        QVERIFY(proxy.listen() != 0);
        proxy.force(Fault::DropResponse); // the server commits, the terminal never hears

        StoreFixture terminal;
        QVERIFY(terminal.sell(terminal.cart({{"BROT", 1}})).ok());
        const store::SyncTarget target{QUrl(u"http://127.0.0.1:%1"_s.arg(proxy.port())), m_token};
        sync::OutboxSender sender(*terminal.database, terminal.clock, target);
        QCOMPARE(onePass(sender).retrying, 1);
        QCOMPARE(m_server->count(u"SELECT count(*) FROM orders"_s), 1);

        // As if the server had died while running the request: its key is held for a minute.
        const QString heldUntil =
            QDateTime::currentDateTimeUtc().addSecs(60).toString(Qt::ISODateWithMs);
        QCOMPARE(m_server->count(u"UPDATE idempotency_keys SET state = 'running', "
                                 "response_status = NULL, response_body = NULL, "
                                 "lease_until = '%1'"_s.arg(heldUntil)),
                 1);
        // A long history of failed attempts: backoff alone would be minutes.
        QVERIFY(sqlkit::exec(terminal.db(), u"UPDATE outbox SET attempts = 12, "
                                            "next_attempt_at = NULL"_s)
                    .ok());
        proxy.force(Fault::None);
        const sync::SyncPass pass = onePass(sender);
        QCOMPARE(pass.retrying, 1);
        QCOMPARE(pass.lastNetworkError, false);
        QCOMPARE(sqlkit::selectValue(terminal.db(), u"SELECT last_status FROM outbox"_s)->toInt(),
                 409);
        const qint64 waitMs = terminal.clock.now().msecsTo(sqlkit::timeFromText(
            sqlkit::selectValue(terminal.db(), u"SELECT next_attempt_at FROM outbox"_s)
                ->toString()));
        QVERIFY2(waitMs >= 1'000 && waitMs <= 2'000, qPrintable(QString::number(waitMs)));
    }

    // A till offline for longer than the server's bound on journal jumps (1,000 numbers past what
    // it holds) still delivers every sale once its uplink is back, through connections that break
    // on about a third of requests: it sends in journal order, so no number is ever refused as
    // too far ahead and nothing is set aside (BRIEF §1: no order lost).
    void aLongOfflineBacklogArrivesWhole()
    {
        constexpr int kBacklog = 1'100;
        FaultProxy proxy(20261205);
        proxy.setUpstreamPort(m_server->port());
        QVERIFY(proxy.listen() != 0);
        StoreFixture terminal;
        for (int i = 0; i < kBacklog; ++i)
            QVERIFY(terminal.sell(terminal.cart({{"BROT", 1}})).ok());
        const store::SyncTarget target{QUrl(u"http://127.0.0.1:%1"_s.arg(proxy.port())), m_token};
        sync::OutboxSender sender(*terminal.database, terminal.clock, target);
        proxy.setFaultPercent(30);
        int passes = 0;
        const auto waiting = [&] {
            return sqlkit::selectValue(terminal.db(),
                                       u"SELECT count(*) FROM outbox WHERE state <> 'sent'"_s)
                ->toInt();
        };
        while (waiting() > 0 && passes < 200) {
            const sync::SyncPass pass = onePass(sender);
            QCOMPARE(pass.setAside, 0);
            ++passes;
            terminal.clock.advanceMs(10 * 60 * 1000); // past every entry's backoff
        }
        qInfo("%d sales delivered in %d passes through %d broken connections", kBacklog, passes,
              proxy.counts().faultedConnections);
        QCOMPARE(waiting(), 0);
        QVERIFY(proxy.counts().faultedConnections > 0);
        QCOMPARE(m_server->count(u"SELECT count(*) FROM orders"_s), kBacklog);
        QCOMPARE(m_server->count(u"SELECT count(*) FROM journal_links"_s), kBacklog);
        QCOMPARE(
            m_server->count(u"SELECT max(seq) FROM journal_links"_s),
            sqlkit::selectValue(terminal.db(), u"SELECT max(seq) FROM journal"_s)->toLongLong());
    }

private:
    std::unique_ptr<ServerUnderTest> m_server;
    QByteArray m_token;
};

QTEST_GUILESS_MAIN(SyncLoopTest)
#include "tst_sync_loop.moc"
