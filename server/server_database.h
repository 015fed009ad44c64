#pragma once

#include "domain/result.h"
#include "server/sql_dialect.h"
#include "sqlkit/migrations.h"

#include <QCoreApplication>
#include <QMutex>
#include <QSqlDatabase>
#include <QStringList>
#include <QUrl>

#include <memory>

namespace counterline::server {

// Where the server keeps its data: a SQLite file in the data directory (zero configuration), or
// PostgreSQL given as postgresql://user[:password]@host[:port]/database.
struct DatabaseLocation
{
    SqlKind kind = SqlKind::Sqlite;
    QString sqliteFile;
    QUrl postgres;

    static Result<DatabaseLocation> from(const QString &dataDirectory, const QString &databaseUrl);
};

// The server's database: migrated once at open, then one connection per thread that asks
// (handlers run on a thread pool, each worker with its own connection).
class ServerDatabase
{
    Q_DECLARE_TR_FUNCTIONS(ServerDatabase)

public:
    static Result<std::unique_ptr<ServerDatabase>> open(const DatabaseLocation &location);
    // The same with other steps than the server's own (tests: an older version, a broken step).
    static Result<std::unique_ptr<ServerDatabase>> open(const DatabaseLocation &location,
                                                        const QList<sqlkit::Migration> &steps);
    // The server's migrations for `kind`: server/migrations, compiled in.
    static Result<QList<sqlkit::Migration>> migrations(SqlKind kind);
    ~ServerDatabase();

    SqlKind kind() const { return m_location.kind; }
    const DatabaseLocation &location() const { return m_location; }

    // This thread's connection, opened on first use.
    Result<QSqlDatabase> connection();

private:
    explicit ServerDatabase(DatabaseLocation location);
    Result<QSqlDatabase> openConnection(const QString &name);
    Result<void> migrate(const QSqlDatabase &db, const QList<sqlkit::Migration> &steps);
    // Names, on standard error, the orders migration 8 found sharing a receipt number.
    static void reportReceiptDuplicates(const QSqlDatabase &db);

    DatabaseLocation m_location;
    QString m_prefix;
    QMutex m_mutex;
    QStringList m_connectionNames;
};

} // namespace counterline::server
