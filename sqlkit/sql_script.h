#pragma once

#include <QString>
#include <QStringList>

namespace counterline::sqlkit {

// Splits a SQL script into single statements, because QSqlQuery runs one at a time. Semicolons
// inside string literals, quoted identifiers, comments, PostgreSQL dollar-quoted bodies ($$ … $$,
// $tag$ … $tag$) and BEGIN…END / CASE…END blocks (SQLite triggers) do not split. Comments are
// dropped; empty statements are skipped.
QStringList splitSqlScript(const QString &script);

} // namespace counterline::sqlkit
