#pragma once

#include "domain/result.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariantList>

struct sqlite3;

namespace counterline::store {

// Runs a statement that returns no rows (INSERT, UPDATE, DELETE, BEGIN, COMMIT) and returns how
// many rows it changed; errors as runSql's. It goes to SQLite directly, prepared once per
// connection that Database opened and reused: a checkout is some twenty of these, and QtSql's
// binding layer cost as much as SQLite's own work. Values bind as QtSql binds them.
Result<qint64> execute(const QSqlDatabase &db, const QString &sql, const QVariantList &values = {});

// A read on a hot path, prepared once per connection and reused. The caller must call finish() on
// the returned query when done with it (or read it to the end), so that it does not hold on to a
// snapshot of the database.
Result<QSqlQuery> runReusedRead(const QSqlDatabase &db, const QString &sql,
                                const QVariantList &values = {});

// The SQLite handle under a QtSql connection (QSqlDriver's documented native handle), or null
// when the connection is closed or not SQLite. For the hot paths that talk to SQLite directly.
sqlite3 *nativeHandle(const QSqlDatabase &db);

// The error for `sql` refused by SQLite on `handle` with `code`, in SQLite's own words and with
// the codes of sqlkit::exec (sql.disk_full, sql.conflict, sql.busy, sql.failed).
Error sqliteError(const QString &sql, sqlite3 *handle, int code);

// Database registers its connection for reusable statements when it opens it, and drops them
// before it closes it. Other connections (tests, tools) prepare every statement.
void keepStatements(const QString &connectionName);
void forgetStatements(const QString &connectionName);

// The first column of the first row of a read prepared once per connection (runReusedRead),
// finished before it returns.
Result<QVariant> selectReusedValue(const QSqlDatabase &db, const QString &sql,
                                   const QVariantList &values = {});

} // namespace counterline::store
