#pragma once

#include "domain/result.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace counterline::store {

// One numbered schema step: migrations/0003_orders.sql is version 3.
struct Migration
{
    int version = 0;
    QString name;
    QString script;
};

// The terminal's migrations, compiled in as Qt resources, in version order.
const QList<Migration> &terminalMigrations();

// Reads the migrations under a resource or file directory; names must start with their number.
QList<Migration> loadMigrations(const QString &directory);

// The schema version a database file records (PRAGMA user_version).
Result<int> schemaVersion(const QSqlDatabase &db);

// Brings `db` to the newest version in `migrations`, each step in its own transaction together
// with its PRAGMA user_version (and, for the first step, the application_id). A step that fails
// is rolled back and leaves the database at the previous version. A database newer than the
// migrations is refused untouched. Returns the version reached.
Result<int> migrate(const QSqlDatabase &db, const QList<Migration> &migrations,
                    qint32 applicationId);

} // namespace counterline::store
