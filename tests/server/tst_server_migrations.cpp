// The server's migrations on SQLite and PostgreSQL (issue 18), as the terminal's are tested:
// a fresh database, an upgrade from every older version to the same schema a fresh one gets, a
// failing step rolled back, a newer schema refused untouched, and servers starting together on
// one database migrating it once.

#include "server/server_database.h"
#include "sqlkit/statement.h"
#include "tests/server/server_harness.h"

#include <QCryptographicHash>
#include <QFile>
#include <QThread>

using namespace counterline;
using namespace counterline::server;
using namespace counterline::testing;
using namespace Qt::StringLiterals;

namespace {

DatabaseLocation locationOf(const ServerUnderTest &server)
{
    const QStringList &given = server.location();
    const bool postgres = given.value(0) == u"--database"_s;
    return DatabaseLocation::from(postgres ? QString() : given.value(1),
                                  postgres ? given.value(1) : QString())
        .value();
}

QStringList column(const QSqlDatabase &db, const QString &sql)
{
    QStringList values;
    Result<QSqlQuery> rows = sqlkit::exec(db, sql);
    if (!rows)
        return {rows.error().message};
    QSqlQuery &query = rows.value();
    while (query.next()) {
        QStringList row;
        for (int i = 0; i < query.record().count(); ++i)
            row.append(query.value(i).toString());
        values.append(row.join(u'|'));
    }
    return values;
}

// Everything a migration makes, in a form that compares: tables with their columns, indexes
// and triggers.
QStringList schemaOf(const QSqlDatabase &db)
{
    if (db.driverName() == u"QSQLITE"_s)
        return column(db, u"SELECT type, name, sql FROM sqlite_master ORDER BY type, name"_s);
    return column(db, u"SELECT table_name, column_name, data_type, is_nullable, column_default "
                      "FROM information_schema.columns WHERE table_schema = current_schema() "
                      "ORDER BY table_name, column_name"_s) +
           column(db, u"SELECT indexname, indexdef FROM pg_indexes "
                      "WHERE schemaname = current_schema() ORDER BY indexname"_s) +
           column(db, u"SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
                      "WHERE connamespace = current_schema()::regnamespace ORDER BY conname"_s) +
           column(db, u"SELECT tgname FROM pg_trigger WHERE NOT tgisinternal ORDER BY tgname"_s);
}

QStringList versionsOf(const QSqlDatabase &db)
{
    return column(db, u"SELECT version FROM schema_migrations ORDER BY version"_s);
}

QByteArray digest(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

} // namespace

class ServerMigrationsTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase_data() { onBothDatabases(); }

    void init()
    {
        m_server = serverForThisRow();
        QVERIFY2(m_server->problem().isEmpty(), qPrintable(m_server->problem()));
        m_location = locationOf(*m_server);
        Result<QList<sqlkit::Migration>> steps = ServerDatabase::migrations(m_location.kind);
        QVERIFY2(steps, steps ? "" : qPrintable(steps.error().message));
        m_steps = *steps;
        QVERIFY(m_steps.size() >= 9);
    }

    void cleanup() { m_server.reset(); }

    void freshDatabaseGetsEveryStepOnce()
    {
        QStringList expected;
        for (const sqlkit::Migration &step : std::as_const(m_steps))
            expected.append(QString::number(step.version));
        QStringList schema;
        {
            auto database = ServerDatabase::open(m_location);
            QVERIFY2(database, database ? "" : qPrintable(database.error().message));
            const QSqlDatabase db = database.value()->connection().value();
            QCOMPARE(versionsOf(db), expected);
            schema = schemaOf(db);
        }
        // Opening again changes nothing.
        auto again = ServerDatabase::open(m_location);
        QVERIFY(again);
        QCOMPARE(versionsOf(again.value()->connection().value()), expected);
        QCOMPARE(schemaOf(again.value()->connection().value()), schema);
    }

    // From every older version to the newest: the schema is the one a fresh database gets.
    void everyOlderVersionUpgradesToTheFreshSchema()
    {
        QStringList fresh;
        {
            auto database = ServerDatabase::open(m_location);
            QVERIFY(database);
            fresh = schemaOf(database.value()->connection().value());
        }
        QFETCH_GLOBAL(QString, backend);
        for (qsizetype older = 1; older < m_steps.size(); ++older) {
            ServerUnderTest other(backend);
            QVERIFY2(other.problem().isEmpty(), qPrintable(other.problem()));
            const DatabaseLocation location = locationOf(other);
            {
                auto old = ServerDatabase::open(location, m_steps.mid(0, older));
                QVERIFY2(old, old ? "" : qPrintable(old.error().message));
                QCOMPARE(versionsOf(old.value()->connection().value()).size(), older);
            }
            auto upgraded = ServerDatabase::open(location);
            QVERIFY2(upgraded, upgraded ? "" : qPrintable(upgraded.error().message));
            const QSqlDatabase db = upgraded.value()->connection().value();
            QCOMPARE(versionsOf(db).size(), m_steps.size());
            QVERIFY2(schemaOf(db) == fresh, qPrintable(u"from version %1"_s.arg(older)));
        }
    }

    // A step that fails halfway leaves nothing of itself and the database at the version before.
    void failingStepIsRolledBack()
    {
        QList<sqlkit::Migration> broken = m_steps;
        const int next = m_steps.last().version + 1;
        broken.append({next, u"%1_broken.sql"_s.arg(next, 4, 10, QChar(u'0')),
                       u"CREATE TABLE half_made (x INTEGER); INSERT INTO nowhere VALUES (1);"_s});
        auto failed = ServerDatabase::open(m_location, broken);
        QVERIFY(!failed);
        QCOMPARE(failed.error().code, u"server.migration_failed"_s);
        QVERIFY2(failed.error().message.contains(u"_broken.sql"_s),
                 qPrintable(failed.error().message));
        QVERIFY(failed.error().message.contains(u"nowhere"_s));

        auto reopened = ServerDatabase::open(m_location);
        QVERIFY2(reopened, reopened ? "" : qPrintable(reopened.error().message));
        const QSqlDatabase db = reopened.value()->connection().value();
        QCOMPARE(versionsOf(db).size(), m_steps.size());
        QVERIFY(!schemaOf(db).join(u'\n').contains(u"half_made"_s));
    }

    // A database a newer server migrated is refused, and not written to.
    void newerSchemaIsRefusedUntouched()
    {
        {
            auto database = ServerDatabase::open(m_location);
            QVERIFY(database);
            const QSqlDatabase db = database.value()->connection().value();
            QVERIFY(sqlkit::exec(db, u"INSERT INTO schema_migrations (version, name, applied_at) "
                                     "VALUES (99, '0099_future.sql', 'later')"_s));
            if (m_location.kind == SqlKind::Sqlite)
                QVERIFY(sqlkit::exec(db, u"PRAGMA wal_checkpoint(TRUNCATE)"_s));
        }
        const QByteArray before =
            m_location.kind == SqlKind::Sqlite ? digest(m_location.sqliteFile) : QByteArray();
        auto refused = ServerDatabase::open(m_location);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, u"server.newer_schema"_s);
        QVERIFY2(refused.error().message.contains(u"99"_s), qPrintable(refused.error().message));
        if (m_location.kind == SqlKind::Sqlite)
            QCOMPARE(digest(m_location.sqliteFile), before);
    }

    // Servers starting together on one new database: each opens it, every step is applied once.
    void serversStartingTogetherMigrateOnce()
    {
        constexpr int kServers = 4;
        QList<QString> problems(kServers);
        QList<QThread *> threads;
        for (int i = 0; i < kServers; ++i) {
            threads.append(QThread::create([this, &problems, i] {
                auto database = ServerDatabase::open(m_location);
                if (!database)
                    problems[i] = database.error().message;
            }));
        }
        for (QThread *thread : std::as_const(threads))
            thread->start();
        for (QThread *thread : std::as_const(threads)) {
            QVERIFY(thread->wait(120'000));
            delete thread;
        }
        for (const QString &problem : std::as_const(problems))
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
        auto database = ServerDatabase::open(m_location);
        QVERIFY(database);
        QCOMPARE(versionsOf(database.value()->connection().value()).size(), m_steps.size());
    }

private:
    std::unique_ptr<ServerUnderTest> m_server;
    DatabaseLocation m_location;
    QList<sqlkit::Migration> m_steps;
};

QTEST_GUILESS_MAIN(ServerMigrationsTest)
#include "tst_server_migrations.moc"
