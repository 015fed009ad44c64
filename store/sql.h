#pragma once

#include "domain/result.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariantList>

struct sqlite3;

namespace counterline::store {

// Prepares `sql`, binds `values` to its positional placeholders in order and runs it. The error
// names the statement and carries SQLite's own words (trigger messages included). Prepared each
// time, so that no half-read statement outlives its caller and pins an old snapshot of the
// database.
Result<QSqlQuery> runSql(const QSqlDatabase &db, const QString &sql,
                         const QVariantList &values = {});

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

// The error for `sql` refused by SQLite on `handle` with `code`, in SQLite's own words; a full
// disk is store.disk_full, anything else store.sql_failed.
Error sqliteError(const QString &sql, sqlite3 *handle, int code);

// Database registers its connection for reusable statements when it opens it, and drops them
// before it closes it. Other connections (tests, tools) prepare every statement.
void keepStatements(const QString &connectionName);
void forgetStatements(const QString &connectionName);

// The first column of the first row, or an error when the statement fails or returns no row.
Result<QVariant> selectValue(const QSqlDatabase &db, const QString &sql,
                             const QVariantList &values = {});
// The same with a statement prepared once per connection (runReusedRead), finished before it
// returns.
Result<QVariant> selectReusedValue(const QSqlDatabase &db, const QString &sql,
                                   const QVariantList &values = {});

// A write transaction taken with BEGIN IMMEDIATE, so that it never has to upgrade a read lock
// while another connection writes. Rolled back unless commit() succeeds.
class WriteTransaction
{
public:
    explicit WriteTransaction(QSqlDatabase db);
    ~WriteTransaction();
    WriteTransaction(const WriteTransaction &) = delete;
    WriteTransaction &operator=(const WriteTransaction &) = delete;

    Result<void> begin();
    Result<void> commit();
    void rollback();

private:
    QSqlDatabase m_db;
    bool m_active = false;
};

} // namespace counterline::store
