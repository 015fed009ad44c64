#include "server/server_database.h"

#include "sqlkit/migrations.h"
#include "sqlkit/statement.h"

#include <QAtomicInteger>
#include <QDateTime>
#include <QDebug>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace counterline::server {

Result<DatabaseLocation> DatabaseLocation::from(const QString &dataDirectory,
                                                const QString &databaseUrl)
{
    DatabaseLocation location;
    if (!databaseUrl.isEmpty()) {
        const QUrl url(databaseUrl, QUrl::StrictMode);
        if (!url.isValid() || (url.scheme() != u"postgresql"_s && url.scheme() != u"postgres"_s) ||
            url.host().isEmpty() || url.path().size() < 2) {
            return Error{u"server.bad_database_url"_s,
                         ServerDatabase::tr("\"%1\" is not a database URL like "
                                            "postgresql://user:password@host:5432/counterline")
                             .arg(databaseUrl)};
        }
        location.kind = SqlKind::Postgres;
        location.postgres = url;
        return location;
    }
    if (dataDirectory.isEmpty()) {
        return Error{u"server.no_data_dir"_s,
                     ServerDatabase::tr("Give --data-dir DIR (SQLite) or --database URL "
                                        "(PostgreSQL).")};
    }
    location.sqliteFile = QDir(dataDirectory).filePath(u"server.sqlite"_s);
    return location;
}

ServerDatabase::ServerDatabase(DatabaseLocation location)
    : m_location(std::move(location))
{
    static QAtomicInteger<quint64> instances;
    m_prefix = u"counterline-server-%1-"_s.arg(instances.fetchAndAddRelaxed(1));
}

ServerDatabase::~ServerDatabase()
{
    QMutexLocker lock(&m_mutex);
    // Worker threads' connections are closed here too; removeDatabase closes them without
    // touching them from this thread.
    // This thread's prepared statements go first: a statement must not outlive its connection.
    // (Workers' statements went when the pool's threads ended.)
    for (const QString &name : std::as_const(m_connectionNames)) {
        sqlkit::forgetStatements(name);
        QSqlDatabase::removeDatabase(name);
    }
}

Result<QList<sqlkit::Migration>> ServerDatabase::migrations(SqlKind kind)
{
    return sqlkit::loadMigrations(u":/server/migrations"_s,
                                  kind == SqlKind::Sqlite ? u"sqlite"_s : u"postgres"_s);
}

Result<std::unique_ptr<ServerDatabase>> ServerDatabase::open(const DatabaseLocation &location)
{
    Result<QList<sqlkit::Migration>> steps = migrations(location.kind);
    if (!steps)
        return steps.error();
    return open(location, *steps);
}

Result<std::unique_ptr<ServerDatabase>> ServerDatabase::open(const DatabaseLocation &location,
                                                             const QList<sqlkit::Migration> &steps)
{
    if (location.kind == SqlKind::Sqlite) {
        const QFileInfo file(location.sqliteFile);
        if (!QDir().mkpath(file.absolutePath())) {
            return Error{u"server.data_dir_unusable"_s,
                         tr("Cannot create the data directory %1.").arg(file.absolutePath())};
        }
    }
    std::unique_ptr<ServerDatabase> database(new ServerDatabase(location));
    Result<QSqlDatabase> first = database->connection();
    if (!first)
        return first.error();
    if (Result<void> migrated = database->migrate(*first, steps); !migrated)
        return migrated.error();
    return database;
}

Result<QSqlDatabase> ServerDatabase::connection()
{
    const QString name =
        m_prefix + QString::number(reinterpret_cast<quintptr>(QThread::currentThread()), 16);
    QSqlDatabase existing = QSqlDatabase::database(name, false);
    if (existing.isValid() && existing.isOpen())
        return existing;
    return openConnection(name);
}

Result<QSqlDatabase> ServerDatabase::openConnection(const QString &name)
{
    // Statements of a connection that was lost are no use any more.
    sqlkit::forgetStatements(name);
    sqlkit::keepStatements(name);
    QSqlDatabase db = QSqlDatabase::contains(name)
                          ? QSqlDatabase::database(name, false)
                          : QSqlDatabase::addDatabase(driverName(m_location.kind), name);
    {
        QMutexLocker lock(&m_mutex);
        if (!m_connectionNames.contains(name))
            m_connectionNames.append(name);
    }
    if (m_location.kind == SqlKind::Sqlite) {
        db.setDatabaseName(m_location.sqliteFile);
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=10000"_s);
    } else {
        const QUrl &url = m_location.postgres;
        db.setHostName(url.host());
        db.setPort(url.port(5432));
        db.setUserName(url.userName());
        db.setPassword(url.password());
        db.setDatabaseName(url.path().mid(1));
    }
    if (!db.open()) {
        const QString where = m_location.kind == SqlKind::Sqlite
                                  ? m_location.sqliteFile
                                  : m_location.postgres.toDisplayString(QUrl::RemovePassword);
        return Error{
            u"server.database_unavailable"_s,
            tr("Cannot open the server database %1: %2").arg(where, db.lastError().text())};
    }
    if (m_location.kind == SqlKind::Postgres) {
        // Keep "already exists, skipping" notices out of operators' terminals.
        if (Result<QSqlQuery> quiet = sqlkit::exec(db, u"SET client_min_messages TO warning"_s);
            !quiet)
            return quiet.error();
    }
    if (m_location.kind == SqlKind::Sqlite) {
        for (const QString &pragma :
             {u"PRAGMA journal_mode = WAL"_s, u"PRAGMA synchronous = FULL"_s,
              u"PRAGMA foreign_keys = ON"_s}) {
            // Switching a new file to WAL needs it alone for a moment; servers starting together
            // on one new file wait for each other (SQLite's busy timeout does not cover it).
            Result<QSqlQuery> ran = sqlkit::exec(db, pragma);
            for (int attempt = 0; !ran && ran.error().code == u"sql.busy"_s && attempt < 100;
                 ++attempt) {
                QThread::msleep(50);
                ran = sqlkit::exec(db, pragma);
            }
            if (!ran)
                return ran.error();
        }
    }
    return db;
}

Result<void> ServerDatabase::migrate(const QSqlDatabase &db, const QList<sqlkit::Migration> &steps)
{
    const SqlKind kind = m_location.kind;
    sqlkit::MigrationTarget target;
    target.what = kind == SqlKind::Sqlite
                      ? tr("The server database %1").arg(m_location.sqliteFile)
                      : tr("The server database %1")
                            .arg(m_location.postgres.toDisplayString(QUrl::RemovePassword));
    target.record = sqlkit::VersionRecord::Table;
    target.errorDomain = u"server"_s;
    target.prepare = [kind](const QString &script) { return applyDialect(script, kind); };
    target.afterStep = [&db](int version) {
        if (version == 8)
            reportReceiptDuplicates(db);
    };
    Result<int> reached = sqlkit::migrate(db, steps, target);
    if (!reached)
        return reached.error();
    return success();
}

void ServerDatabase::reportReceiptDuplicates(const QSqlDatabase &db)
{
    Result<QSqlQuery> found =
        sqlkit::exec(db, u"SELECT o.receipt_no, o.id, p.name FROM orders o "
                         "JOIN principals p ON p.id = o.terminal_id WHERE o.receipt_duplicate = 1 "
                         "ORDER BY o.seq"_s);
    if (!found)
        return;
    while (found.value().next()) {
        qWarning().noquote()
            << tr("Order %1 of terminal %2 has receipt number %3, which an earlier "
                  "order of that terminal already had. Both are kept; it is on "
                  "the follow-up list.")
                   .arg(found.value().value(1).toString(), found.value().value(2).toString(),
                        found.value().value(0).toString());
    }
}

} // namespace counterline::server
