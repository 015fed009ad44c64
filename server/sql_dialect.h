#pragma once

#include <QString>
#include <QStringList>

namespace counterline::server {

// The two databases the server runs on. Every difference between them lives in this file and
// its .cpp: schema tokens and the connection driver.
enum class SqlKind
{
    Sqlite,
    Postgres
};

QString driverName(SqlKind kind);

// Replaces the schema tokens of server/migrations ({{id}}, {{bigint}}) for `kind`.
QString applyDialect(const QString &sql, SqlKind kind);

// Server migrations hold plain statements (no triggers): each ends with a semicolon at the end of
// a line. Comments are dropped.
QStringList splitStatements(const QString &script);

} // namespace counterline::server
