#pragma once

#include "domain/result.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

namespace counterline::sqlkit {

// Runs one statement with positional bound values (never values built into the text). The
// error names the statement and carries the database's own words, with a code callers act on:
//   sql.busy       another writer held the database too long (SQLite busy/locked; PostgreSQL
//                  serialization failure, deadlock, lock not available): try again later;
//   sql.conflict   a unique or primary-key constraint refused a row (a concurrent insert of the
//                  same key, usually);
//   sql.disk_full  the disk is full;
//   sql.failed     anything else.
// On a connection registered with keepStatements, statements that can be reused are prepared
// once and kept: every statement on PostgreSQL (which prepares on the server, saving two round
// trips), only writes on SQLite (a kept half-read statement would pin an old snapshot).
// Statements without values run as they are: PostgreSQL cannot PREPARE DDL or BEGIN.
Result<QSqlQuery> exec(const QSqlDatabase &db, const QString &sql, const QVariantList &values = {});

// The first column of the first row, or an error when the statement fails or returns no row.
Result<QVariant> selectValue(const QSqlDatabase &db, const QString &sql,
                             const QVariantList &values = {});

// The error exec gives for `sql` refused with the database's own `message` and native code
// (SQLite's extended result code or PostgreSQL's SQLSTATE): for code that talks to a driver
// directly (the terminal's fast SQLite path) so its errors read and classify the same.
Error failure(const QString &sql, const QString &message, const QString &nativeCode);

// Keeps reusable statements for a connection from now on; forgetStatements drops them, and
// must run before the connection closes (a statement must not outlive its connection) and
// before a lost connection is opened again.
void keepStatements(const QString &connectionName);
void forgetStatements(const QString &connectionName);

} // namespace counterline::sqlkit
