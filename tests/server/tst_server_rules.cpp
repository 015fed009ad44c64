// The server keeps the order's rules (issue 17), on SQLite and PostgreSQL: the database refuses
// raw edits of what an order is, the ingest refuses a history the state machine cannot produce
// and a receipt number already taken, with nothing written; every earlier wire shape is still
// accepted; and a database upgraded with duplicate receipt numbers keeps them and reports them.

#include "domain/order_state_machine.h"
#include "sqlkit/sql_script.h"
#include "tests/server/server_harness.h"
#include "tests/server/wire_orders.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>

using namespace counterline;
using namespace counterline::testing;
using namespace Qt::StringLiterals;

namespace {

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QByteArray bytes(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// A golden body of tests/server/golden with its placeholders filled in.
QByteArray golden(const QString &name, const QMap<QString, QString> &values)
{
    QFile file(QStringLiteral(COUNTERLINE_SOURCE_DIR) + u"/tests/server/golden/"_s + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read golden body %s", qPrintable(name));
    QString text = QString::fromUtf8(file.readAll());
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        text.replace(u"{{"_s + it.key() + u"}}"_s, it.value());
    return text.trimmed().toUtf8();
}

// The placeholders of entry `seq` of T1's journal, and of receipt `seq`.
QMap<QString, QString> numbered(const QString &id, int seq)
{
    return {{u"id"_s, id},
            {u"seq"_s, u"%1"_s.arg(seq, 6, 10, QChar(u'0'))},
            {u"journal_seq"_s, QString::number(seq)},
            {u"prev_hash"_s, fakeHash(u"T1"_s, seq - 1)},
            {u"hash"_s, fakeHash(u"T1"_s, seq)}};
}

} // namespace

class ServerRulesTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase_data() { onBothDatabases(); }

    void init()
    {
        m_server = serverForThisRow();
        QVERIFY2(m_server->problem().isEmpty(), qPrintable(m_server->problem()));
    }

    void cleanup() { m_server.reset(); }

    void theTransitionTableMatchesTheDomain()
    {
        QVERIFY(startWithStore());
        QSet<QString> database;
        for (const QVariantList &row :
             m_server->rows(u"SELECT from_status, event, to_status FROM order_transitions"_s))
            database.insert(row[0].toString() + u' ' + row[1].toString() + u' ' +
                            row[2].toString());
        QSet<QString> domain;
        for (const OrderTransition &t : kOrderTransitions) {
            domain.insert(orderStatusName(t.from) + u' ' + orderEventName(t.event) + u' ' +
                          orderStatusName(t.to));
        }
        QCOMPARE(database, domain);
        QVERIFY(m_server
                    ->exec(u"INSERT INTO order_transitions VALUES ('REFUNDED', 'Ship', "
                           "'SHIPPED')"_s)
                    .contains(u"fixed by migrations"_s));
    }

    // Raw SQL that breaks an order's rules is refused by the database itself, whatever program
    // sends it, and leaves the order as it was (one server per database: nothing changes).
    void rawEditsAreRefused()
    {
        struct RawEdit
        {
            QString what;
            QString sql;
            QString message;
        };
        const QList<RawEdit> edits{
            {u"edit a line"_s, u"UPDATE order_lines SET quantity = 1"_s,
             u"order_lines are immutable"_s},
            {u"delete a line"_s, u"DELETE FROM order_lines"_s, u"order_lines are immutable"_s},
            {u"edit a tender"_s, u"UPDATE tenders SET amount_minor = 1"_s,
             u"tenders are immutable"_s},
            {u"delete a tender"_s, u"DELETE FROM tenders"_s, u"tenders are immutable"_s},
            {u"edit an event"_s, u"UPDATE order_events SET actor_id = 'someone'"_s,
             u"order_events are immutable"_s},
            {u"delete an event"_s, u"DELETE FROM order_events"_s, u"order_events are immutable"_s},
            {u"delete an order"_s, u"DELETE FROM orders"_s, u"never deleted"_s},
            {u"change a total"_s, u"UPDATE orders SET total_minor = 1"_s,
             u"only status and version"_s},
            {u"change the receipt"_s, u"UPDATE orders SET receipt_no = 'S1-T1-000099'"_s,
             u"only status and version"_s},
            {u"change the cashier"_s, u"UPDATE orders SET cashier_id = 'mallory'"_s,
             u"only status and version"_s},
            {u"skip a version"_s, u"UPDATE orders SET version = version + 2"_s, u"exactly 1"_s},
            {u"status without a version"_s, u"UPDATE orders SET status = 'COMPLETED'"_s,
             u"exactly 1"_s},
            {u"refund a paid sale"_s,
             u"UPDATE orders SET status = 'REFUNDED', version = version + 1"_s,
             u"illegal status transition"_s},
            {u"an illegal event"_s,
             u"INSERT INTO order_events SELECT id, 3, 'Refund', 'PAID', 'REFUNDED', 'x', NULL, "
             "'2026-12-01T10:00:00.000Z' FROM orders"_s,
             u"order_events: illegal transition"_s},
            {u"a second Place"_s,
             u"INSERT INTO order_events SELECT id, 3, 'Place', NULL, 'CREATED', 'x', NULL, "
             "'2026-12-01T10:00:00.000Z' FROM orders"_s,
             u"Place starts an order"_s},
            {u"an unknown status"_s,
             u"INSERT INTO orders (id, terminal_id, store_id, receipt_no, cashier_id, currency, "
             "subtotal_minor, discount_minor, tax_minor, total_minor, status, version, "
             "created_at, received_at) SELECT 'x-1', terminal_id, store_id, 'S1-T1-000077', "
             "cashier_id, currency, 0, 0, 0, 0, 'LOST', 1, created_at, received_at FROM orders"_s,
             u"orders_status_known"_s},
        };
        QVERIFY(startWithStore());
        QCOMPARE(post(bytes(orderJson(newId(), 1)), "k1").status, 201);
        const QString before = fingerprint();
        for (const RawEdit &edit : edits) {
            const QString error = m_server->exec(edit.sql);
            QVERIFY2(
                error.contains(edit.message),
                qPrintable(edit.what + u": got "_s + (error.isEmpty() ? u"no error"_s : error)));
            QVERIFY2(fingerprint() == before, qPrintable(edit.what + u": the order changed"_s));
        }
        // What the server itself does still works: a legal move with its event.
        QCOMPARE(m_server->exec(u"UPDATE orders SET status = 'COMPLETED', version = 3"_s),
                 QString());
    }

    // A history no genuine till produces is refused by name, with nothing written and the
    // request's key still free for a good body.
    void illegalHistoriesAreRefusedWithNothingWritten()
    {
        struct Illegal
        {
            QString what;
            QJsonArray events;
            QString status;
            int version;
            QString named;
        };
        const QJsonObject place{{u"event"_s, u"Place"_s},
                                {u"to"_s, u"CREATED"_s},
                                {u"version"_s, 1},
                                {u"actor"_s, u"anna"_s},
                                {u"at"_s, u"2026-11-24T09:30:00.000Z"_s}};
        auto step = [&](const char *event, const char *from, const char *to, int version) {
            QJsonObject e = place;
            e.insert(u"event"_s, QString::fromLatin1(event));
            e.insert(u"from"_s, QString::fromLatin1(from));
            e.insert(u"to"_s, QString::fromLatin1(to));
            e.insert(u"version"_s, version);
            return e;
        };
        const QJsonObject paid = step("PaymentCaptured", "CREATED", "PAID", 2);
        const QList<Illegal> histories{
            {u"refunded without being completed"_s,
             QJsonArray{place, paid, step("Refund", "PAID", "REFUNDED", 3)}, u"REFUNDED"_s, 3,
             u"events[2] (Refund)"_s},
            {u"paid without being placed"_s, QJsonArray{paid}, u"PAID"_s, 2,
             u"events[0] (PaymentCaptured)"_s},
            {u"versions that skip"_s,
             QJsonArray{place, step("PaymentCaptured", "CREATED", "PAID", 5)}, u"PAID"_s, 5,
             u"events[1] (PaymentCaptured)"_s},
            {u"events that end elsewhere than the order"_s, QJsonArray{place, paid}, u"COMPLETED"_s,
             3, u"lead to PAID at version 2"_s},
            {u"a status no single history leads to"_s, QJsonArray{}, u"CANCELLED"_s, 2,
             u"more than one history"_s},
        };
        QVERIFY(startWithStore());
        const QString id = newId();
        for (const Illegal &history : histories) {
            QJsonObject order = orderJson(id, 1);
            order.insert(u"events"_s, history.events);
            order.insert(u"status"_s, history.status);
            order.insert(u"version"_s, history.version);
            const HttpAnswer answer = post(bytes(order), "k-illegal");
            QVERIFY2(answer.status == 422, qPrintable(history.what));
            QCOMPARE(answer.json().value(u"code"_s).toString(), u"order.illegal_transition"_s);
            QVERIFY2(answer.json().value(u"detail"_s).toString().contains(history.named),
                     qPrintable(history.what + u": "_s + QString::fromUtf8(answer.body)));
            for (const QString &table : {u"orders"_s, u"order_events"_s, u"stock_movements"_s,
                                         u"journal_links"_s, u"outbox_events"_s}) {
                QVERIFY2(m_server->count(u"SELECT count(*) FROM %1"_s.arg(table)) == 0,
                         qPrintable(history.what + u": wrote to "_s + table));
            }
        }
        QCOMPARE(post(bytes(orderJson(id, 1)), "k-illegal").status, 201); // the key is still free
    }

    // A genuine till numbers its receipts without repeats: a second order under a receipt
    // number of the same till is refused, naming the order that has it.
    void aReceiptNumberBelongsToOneOrder()
    {
        QVERIFY(startWithStore());
        const QString first = newId();
        QCOMPARE(post(bytes(orderJson(first, 1)), "r1").status, 201);
        QJsonObject second = orderJson(newId(), 1);
        second.remove(u"journal"_s);
        const HttpAnswer answer = post(bytes(second), "r2");
        QCOMPARE(answer.status, 422);
        QCOMPARE(answer.json().value(u"code"_s).toString(), u"order.receipt_no_taken"_s);
        QVERIFY(answer.json().value(u"detail"_s).toString().contains(first));
        QCOMPARE(m_server->count(u"SELECT count(*) FROM orders"_s), 1);
        // Another till may use the same number of its own.
        const QByteArray other = m_server->enroll(u"S1"_s, u"T2"_s);
        QJsonObject elsewhere = orderJson(newId(), 1, u"T2"_s);
        QCOMPARE(
            http(m_network, "POST", m_server->url(u"/v1/orders"_s), other, "r3", bytes(elsewhere))
                .status,
            201);
    }

    // BRIEF §11: bodies of every earlier shape, as tills sent them, are still accepted.
    void everyEarlierShapeIsAccepted()
    {
        QVERIFY(startWithStore());
        const QString sale = newId();
        QMap<QString, QString> first = numbered(sale, 1);
        QCOMPARE(post(golden(u"sale-2026-11-24.json"_s, first), "g1").status, 201);
        QCOMPARE(post(golden(u"sale-2026-11-24.json"_s, first), "g1").status, 201); // replay
        const QString withJournal = newId();
        QCOMPARE(
            post(golden(u"sale-with-journal-2026-11-24.json"_s, numbered(withJournal, 2)), "g2")
                .status,
            201);
        const QString offline = newId();
        QCOMPARE(
            post(golden(u"offline-card-sale-2026-11-29.json"_s, numbered(offline, 3)), "g3").status,
            201);
        QMap<QString, QString> back = numbered(newId(), 4);
        back.insert(u"original"_s, withJournal);
        const HttpAnswer returned = post(golden(u"return-2026-11-29.json"_s, back), "g4");
        QVERIFY2(returned.status == 201, returned.body.constData());
        QCOMPARE(returned.json().value(u"type"_s).toString(), u"return"_s);

        // A till's event and cancel of before it named its cashier or its refunds.
        const HttpAnswer handedOver =
            http(m_network, "POST", m_server->url(u"/v1/orders/%1/events"_s.arg(offline)), m_token,
                 {}, golden(u"event-2026-11-24.json"_s, numbered(offline, 5)));
        QCOMPARE(handedOver.status, 200);
        QCOMPARE(handedOver.json().value(u"status"_s).toString(), u"COMPLETED"_s);
        const HttpAnswer cancelled =
            http(m_network, "POST", m_server->url(u"/v1/orders/%1/cancel"_s.arg(sale)), m_token,
                 "g6", golden(u"cancel-2026-11-24.json"_s, numbered(sale, 6)));
        QCOMPARE(cancelled.status, 200);
        QCOMPARE(cancelled.json().value(u"status"_s).toString(), u"CANCELLED"_s);
        // Its cash went back at the counter, as tills then did without saying so.
        QCOMPARE(m_server->count(u"SELECT count(*) FROM refunds WHERE order_id = '%1' "
                                 "AND outcome = 'given_back'"_s.arg(sale)),
                 1);
        QCOMPARE(
            m_server->count(u"SELECT count(*) FROM order_events WHERE order_id = '%1'"_s.arg(sale)),
            3);
        const QJsonObject chain =
            http(m_network, "GET", m_server->url(u"/v1/terminal/journal"_s), m_token).json();
        QCOMPARE(chain.value(u"highest_seq"_s).toInt(), 6);
    }

    // Orders stored before receipt numbers were unique per till keep their numbers: marked, on
    // the follow-up list, named when the server starts; new ones are held to the rule.
    void storedDuplicatesAreReportedByTheMigration()
    {
        QVERIFY2(schemaOfVersion7(), "could not build a database of version 7");
        const QString insertOrder =
            u"INSERT INTO orders (id, terminal_id, store_id, receipt_no, cashier_id, currency, "
            "subtotal_minor, discount_minor, tax_minor, total_minor, status, version, created_at, "
            "received_at) VALUES ('%1', 'p-t1', 'S1', 'S1-T1-000001', 'anna', 'EUR', 1397, 0, "
            "201, 1397, 'PAID', 2, '2026-11-20T10:00:00.000Z', '2026-11-20T10:00:01.000Z')"_s;
        const QString firstId = newId();
        const QString secondId = newId();
        for (const QString &sql :
             {u"INSERT INTO stores VALUES ('S1', 'S1', 'EUR', 'inclusive', 'half-up', "
              "'2026-11-20T09:00:00.000Z')"_s,
              u"INSERT INTO principals VALUES ('p-t1', 'terminal', 'S1', 'T1', 'hash', "
              "'2026-11-20T09:00:00.000Z')"_s,
              insertOrder.arg(firstId), insertOrder.arg(secondId)}) {
            QCOMPARE(m_server->exec(sql), QString());
        }
        QVERIFY(m_server->start());
        QTRY_VERIFY(m_server->process().bytesAvailable() >= 0);
        const QString said = QString::fromUtf8(m_server->process().readAllStandardError());
        QVERIFY2(said.contains(secondId) && said.contains(u"S1-T1-000001"_s), qPrintable(said));
        QCOMPARE(m_server->count(
                     u"SELECT receipt_duplicate FROM orders WHERE id = '%1'"_s.arg(secondId)),
                 1);
        QCOMPARE(
            m_server->count(u"SELECT receipt_duplicate FROM orders WHERE id = '%1'"_s.arg(firstId)),
            0);
        const QList<QVariantList> items =
            m_server->rows(u"SELECT order_id, kind FROM follow_ups"_s);
        QCOMPARE(items, (QList<QVariantList>{{secondId, u"receipt_duplicate"_s}}));
        QVERIFY(!m_server->exec(insertOrder.arg(newId())).isEmpty()); // a third: refused
    }

private:
    bool startWithStore()
    {
        if (!m_server->addStore(u"S1"_s))
            return false;
        m_token = m_server->enroll(u"S1"_s, u"T1"_s);
        QFile catalog(m_dir.filePath(u"catalog.csv"_s));
        if (!catalog.open(QIODevice::WriteOnly))
            return false;
        catalog.write("sku,barcode,name,price,currency,tax_rate,stock\r\n"
                      "BROT,,Brot,2.49,EUR,7,10\r\nWEIN,,Wein,8.99,EUR,19,5\r\n");
        catalog.close();
        int code = -1;
        m_server->command({u"catalog"_s, u"import"_s, catalog.fileName(), u"--store"_s, u"S1"_s},
                          &code);
        return code == 0 && m_server->start();
    }

    HttpAnswer post(const QByteArray &body, const QByteArray &key)
    {
        return http(m_network, "POST", m_server->url(u"/v1/orders"_s), m_token, key, body);
    }

    // Everything an order is, as one text: a refused edit must leave it as it was.
    QString fingerprint()
    {
        QStringList parts;
        for (
            const QString &sql :
            {u"SELECT id, receipt_no, cashier_id, total_minor, status, version FROM orders "
             "ORDER BY seq"_s,
             u"SELECT order_id, line_no, quantity, total_minor FROM order_lines ORDER BY line_no"_s,
             u"SELECT order_id, seq, amount_minor FROM tenders ORDER BY seq"_s,
             u"SELECT order_id, version, event, actor_id FROM order_events ORDER BY version"_s}) {
            for (const QVariantList &row : m_server->rows(sql)) {
                for (const QVariant &value : row)
                    parts.append(value.toString());
            }
        }
        return parts.join(u'|');
    }

    // The server's schema as migrations 1 to 7 made it, applied from the sources.
    bool schemaOfVersion7()
    {
        const bool postgres = m_server->onPostgres();
        if (!postgres) {
            // The server creates its file in the data directory; an empty one is enough here.
            QFile file(m_server->location().last() + u"/server.sqlite"_s);
            if (!file.open(QIODevice::WriteOnly))
                return false;
        }
        if (!m_server
                 ->exec(u"CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT "
                        "NOT NULL, applied_at TEXT NOT NULL)"_s)
                 .isEmpty()) {
            return false;
        }
        const QDir migrations(QStringLiteral(COUNTERLINE_SOURCE_DIR) + u"/server/migrations"_s);
        for (int version = 1; version <= 7; ++version) {
            const QStringList files =
                migrations.entryList({u"%1_*.sql"_s.arg(version, 4, 10, QChar(u'0'))});
            if (files.size() != 1)
                return false;
            QFile file(migrations.filePath(files.first()));
            if (!file.open(QIODevice::ReadOnly))
                return false;
            QString script = QString::fromUtf8(file.readAll());
            script.replace(u"{{id}}"_s, postgres ? u"BIGSERIAL PRIMARY KEY"_s
                                                 : u"INTEGER PRIMARY KEY AUTOINCREMENT"_s);
            script.replace(u"{{bigint}}"_s, postgres ? u"BIGINT"_s : u"INTEGER"_s);
            for (const QString &statement : sqlkit::splitSqlScript(script)) {
                if (const QString error = m_server->exec(statement); !error.isEmpty()) {
                    qWarning("%s: %s", qPrintable(files.first()), qPrintable(error));
                    return false;
                }
            }
            if (!m_server
                     ->exec(u"INSERT INTO schema_migrations VALUES (%1, '%2', "
                            "'2026-11-20T09:00:00.000Z')"_s.arg(version)
                                .arg(files.first()))
                     .isEmpty()) {
                return false;
            }
        }
        return true;
    }

    QTemporaryDir m_dir;
    QNetworkAccessManager m_network;
    std::unique_ptr<ServerUnderTest> m_server;
    QByteArray m_token;
};

QTEST_GUILESS_MAIN(ServerRulesTest)
#include "tst_server_rules.moc"
