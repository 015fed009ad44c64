#pragma once

#include <QString>

namespace counterline::server {

// The two databases the server runs on. Every difference between them lives in this file and
// its .cpp: schema tokens and the connection driver.
enum class SqlKind
{
    Sqlite,
    Postgres
};

QString driverName(SqlKind kind);

// Replaces the schema tokens of server/migrations for `kind`: {{id}} an auto-increment primary
// key, {{bigint}} a 64-bit integer, {{now}} the current UTC time as the server writes times.
QString applyDialect(const QString &sql, SqlKind kind);

} // namespace counterline::server
