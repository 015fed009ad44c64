#include "sqlkit/statement.h"
#include "store/catalog.h"
#include "store/database.h"
#include "store/journal.h"
#include "store/migrations.h"
#include "store/order_store.h"
#include "store/sql.h"
#include "store/terminal_identity.h"
#include "store_fixture.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace counterline;
using namespace counterline::store;
using namespace counterline::testing;
using namespace Qt::StringLiterals;

namespace {

QByteArray digest(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

QStringList tables(const QSqlDatabase &db)
{
    QStringList names;
    QSqlQuery query(db);
    query.exec(u"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
               "ORDER BY name"_s);
    while (query.next())
        names.append(query.value(0).toString());
    return names;
}

// Every row of `table` as one text, in key order.
QString tableText(const QSqlDatabase &db, const QString &table)
{
    QSqlQuery query(db);
    query.exec(u"SELECT * FROM %1 ORDER BY 1"_s.arg(table));
    QStringList rows;
    while (query.next()) {
        QStringList values;
        for (int i = 0; i < query.record().count(); ++i)
            values.append(query.value(i).toString());
        rows.append(values.join(u'|'));
    }
    return rows.join(u'\n');
}

} // namespace

class MigrationsTest : public QObject
{
    Q_OBJECT

private slots:
    void migrationsAreNumberedWithoutGaps()
    {
        const QList<Migration> &migrations = terminalMigrations();
        QVERIFY(migrations.size() >= 4);
        for (qsizetype i = 0; i < migrations.size(); ++i)
            QCOMPARE(migrations[i].version, int(i + 1));
    }

    void freshDatabaseReachesTheNewestVersion()
    {
        QTemporaryDir dir;
        auto database = Database::open(dir.filePath(u"t.sqlite"_s));
        QVERIFY(database.ok());
        QCOMPARE(database.value()->schemaVersion(), terminalMigrations().last().version);
        const QStringList expected{u"cart_lines"_s,
                                   u"carts"_s,
                                   u"journal"_s,
                                   u"journal_audit"_s,
                                   u"offline_card_limits"_s,
                                   u"order_events"_s,
                                   u"order_lines"_s,
                                   u"order_transitions"_s,
                                   u"orders"_s,
                                   u"outbox"_s,
                                   u"pin_guard"_s,
                                   u"product_search"_s,
                                   u"product_search_config"_s,
                                   u"product_search_data"_s,
                                   u"product_search_docsize"_s,
                                   u"product_search_idx"_s,
                                   u"product_trigrams"_s,
                                   u"product_trigrams_config"_s,
                                   u"product_trigrams_data"_s,
                                   u"product_trigrams_docsize"_s,
                                   u"product_trigrams_idx"_s,
                                   u"products"_s,
                                   u"refunds"_s,
                                   u"shifts"_s,
                                   u"stock"_s,
                                   u"sync_cursors"_s,
                                   u"sync_settings"_s,
                                   u"tenders"_s,
                                   u"terminal"_s,
                                   u"users"_s};
        QCOMPARE(tables(database.value()->connection()), expected);
    }

    // A database left at each older version (by an older program) is upgraded in place, and
    // what it held survives.
    void upgradeFromEveryOlderVersion_data()
    {
        QTest::addColumn<int>("startVersion");
        for (int v = 1; v < terminalMigrations().last().version; ++v)
            QTest::addRow("from v%d", v) << v;
    }
    void upgradeFromEveryOlderVersion()
    {
        QFETCH(int, startVersion);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"t.sqlite"_s);
        {
            auto old = Database::open(path, terminalMigrations().mid(0, startVersion));
            QVERIFY(old.ok());
            QCOMPARE(old.value()->schemaVersion(), startVersion);
            QSqlQuery query(old.value()->connection());
            QVERIFY(query.exec(u"INSERT INTO products VALUES ('A', NULL, 'Apfel', 50, 70000, "
                               "'2026-01-01T00:00:00.000Z')"_s));
        }
        auto upgraded = Database::open(path);
        QVERIFY2(upgraded.ok(), qPrintable(upgraded.ok() ? QString() : upgraded.error().message));
        QCOMPARE(upgraded.value()->schemaVersion(), terminalMigrations().last().version);
        const QSqlDatabase db = upgraded.value()->connection();
        QCOMPARE(
            sqlkit::selectValue(db, u"SELECT name FROM products WHERE sku = 'A'"_s)->toString(),
            u"Apfel"_s);
        // the names already there are folded into the inner-word index (version 14)
        QCOMPARE(sqlkit::selectValue(db, u"SELECT count(*) FROM product_trigrams "
                                         "WHERE product_trigrams MATCH '\"PFEL\"'"_s)
                     ->toInt(),
                 1);
        QCOMPARE(sqlkit::selectValue(db, u"SELECT search_name FROM products"_s)->toString(),
                 u"apfel"_s);
        QCOMPARE(sqlkit::selectValue(db, u"PRAGMA integrity_check"_s)->toString(), u"ok"_s);
        QCOMPARE(sqlkit::selectValue(db, u"PRAGMA application_id"_s)->toLongLong(),
                 qint64(Database::kApplicationId));
    }

    // Version 13 keeps the server's problem code beside the recorded answer; entries set aside
    // before it get theirs from the text they recorded ("code: detail"), others none.
    void setAsideEntriesKeepTheirCode()
    {
        StoreFixture f;
        QTemporaryDir dir;
        const QString path = dir.filePath(u"t.sqlite"_s);
        {
            auto old = Database::open(path, terminalMigrations().mid(0, 12));
            QVERIFY(old.ok());
            const QSqlDatabase db = old.value()->connection();
            QSqlQuery insert(db);
            for (const QString &recorded : {u"order.totals_mismatch: lines add up to 4.99"_s,
                                            u"Connection refused"_s, u"Server says: no"_s}) {
                insert.prepare(u"INSERT INTO outbox (kind, idempotency_key, payload, created_at, "
                               "state, last_error) VALUES ('journal', ?, '{}', "
                               "'2026-01-01T00:00:00.000Z', 'needs_attention', ?)"_s);
                insert.addBindValue(QUuid::createUuid().toString(QUuid::WithoutBraces));
                insert.addBindValue(recorded);
                QVERIFY2(insert.exec(), qPrintable(insert.lastError().text()));
            }
        }
        auto upgraded = Database::open(path);
        QVERIFY(upgraded.ok());
        QCOMPARE(
            tableText(upgraded.value()->connection(), u"(SELECT seq, last_code FROM outbox)"_s),
            u"1|order.totals_mismatch\n2|\n3|"_s);
    }

    // Version 12 rebuilds the journal and the outbox (a generic journal entry has no order): a
    // till's sales, chain and waiting entries come through unchanged, and the rules stay.
    void theRebuiltJournalAndOutboxKeepTheirRowsAndRules()
    {
        StoreFixture f; // the newest schema, only for its clock, ids and catalog text
        QTemporaryDir dir;
        const QString path = dir.filePath(u"t.sqlite"_s);
        QString outboxBefore;
        {
            auto old = Database::open(path, terminalMigrations().mid(0, 11));
            QVERIFY(old.ok());
            QVERIFY(TerminalSettings::initialise(
                        old.value()->connection(),
                        {u"S1"_s, u"T1"_s, *Currency::fromCode(u"EUR"), PricingPolicy{}},
                        f.clock.now())
                        .ok());
            QSqlQuery products(old.value()->connection()); // as a version 11 catalog held them
            QVERIFY(products.exec(u"INSERT INTO products VALUES ('BROT', '4000000000013', "
                                  "'Brot', 249, 70000, '2026-01-01T00:00:00.000Z')"_s));
            OrderStore orders(*old.value(), f.clock, f.ids);
            for (int i = 0; i < 3; ++i) {
                Cart cart(f.ids.next(), *Currency::fromCode(u"EUR"), PricingPolicy{});
                QVERIFY(cart.addProduct(**Catalog(*old.value()).bySku(u"BROT"_s), 1).ok());
                const Money total = cart.totals()->total;
                QVERIFY(orders
                            .checkout(cart, {u"anna"_s,
                                             {},
                                             {Tender{TenderKind::Cash, total, {}, false}},
                                             Actor{u"anna"_s, {}}})
                            .ok());
            }
            outboxBefore = tableText(old.value()->connection(), u"outbox"_s);
        }
        auto upgraded = Database::open(path, terminalMigrations().mid(0, 12)); // to version 12
        QVERIFY(upgraded.ok());
        const QSqlDatabase db = upgraded.value()->connection();
        QCOMPARE(tableText(db, u"outbox"_s), outboxBefore);
        Result<JournalVerification> verified = Journal::verify(db);
        QVERIFY(verified.ok() && verified->ok());
        QCOMPARE(verified->entries, 3);
        QSqlQuery query(db);
        QVERIFY(!query.exec(u"DELETE FROM journal"_s));
        QVERIFY(query.lastError().text().contains(u"immutable"_s));
        QVERIFY(!query.exec(u"UPDATE outbox SET idempotency_key = 'new'"_s));
        QVERIFY(!query.exec(u"INSERT INTO journal SELECT 9, NULL, 'sale', '{}', hash, 'x', at "
                            "FROM journal WHERE seq = 3"_s));
        QCOMPARE(sqlkit::selectValue(db, u"PRAGMA integrity_check"_s)->toString(), u"ok"_s);
        QVERIFY(query.exec(u"PRAGMA foreign_key_check"_s));
        QVERIFY(!query.next()); // no row breaks a reference
    }

    void newerDatabaseIsRefusedUntouched()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"t.sqlite"_s);
        {
            auto database = Database::open(path);
            QVERIFY(database.ok());
            QSqlQuery query(database.value()->connection());
            QVERIFY(query.exec(u"PRAGMA user_version = 99"_s));
            QVERIFY(query.exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s));
        }
        const QByteArray before = digest(path);
        auto refused = Database::open(path);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, u"store.newer_schema"_s);
        QVERIFY(refused.error().message.contains(path));
        QVERIFY(refused.error().message.contains(u"99"_s));
        QCOMPARE(digest(path), before);
    }

    // Step 3 of 3 fails halfway: its own statements are rolled back and the database stays at
    // version 2 with everything of steps 1 and 2.
    void failingStepIsRolledBack()
    {
        const QList<Migration> broken{
            {1, u"0001_a.sql"_s, u"CREATE TABLE a (x INTEGER);"_s},
            {2, u"0002_b.sql"_s, u"CREATE TABLE b (y INTEGER); INSERT INTO a VALUES (1);"_s},
            {3, u"0003_bad.sql"_s,
             u"CREATE TABLE c (z INTEGER); INSERT INTO a VALUES (2); INSERT INTO nowhere VALUES (3);"_s},
        };
        QTemporaryDir dir;
        const QString path = dir.filePath(u"t.sqlite"_s);
        auto failed = Database::open(path, broken);
        QVERIFY(!failed.ok());
        QCOMPARE(failed.error().code, u"store.migration_failed"_s);
        QVERIFY(failed.error().message.contains(u"0003_bad.sql"_s));
        QVERIFY(failed.error().message.contains(u"nowhere"_s));

        auto reopened = Database::open(path, broken.mid(0, 2));
        QVERIFY(reopened.ok());
        const QSqlDatabase db = reopened.value()->connection();
        QCOMPARE(reopened.value()->schemaVersion(), 2);
        QCOMPARE(tables(db), (QStringList{u"a"_s, u"b"_s}));
        QCOMPARE(sqlkit::selectValue(db, u"SELECT count(*) FROM a"_s)->toInt(), 1);
    }
};

QTEST_GUILESS_MAIN(MigrationsTest)
#include "tst_migrations.moc"
