#pragma once

#include <QString>
#include <QStringList>

namespace counterline::store {

// Splits a SQL script into single statements, because QSqlQuery runs one at a time. Semicolons
// inside string literals, comments, and BEGIN…END / CASE…END bodies (triggers) do not split.
// Comments are dropped; empty statements are skipped.
QStringList splitSqlScript(const QString &script);

} // namespace counterline::store
