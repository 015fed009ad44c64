#pragma once

#include "domain/result.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <functional>

namespace counterline::sqlkit {

// One numbered schema step: 0003_orders.sql is version 3.
struct Migration
{
    int version = 0;
    QString name;
    QString script;
};

// Reads the numbered migrations of a resource or file directory, in version order. A step is
// NNNN_name.sql; NNNN_name.<dialect>.sql holds what only that dialect can say (triggers) and
// follows the shared part in the same step; another dialect's files are skipped. `dialect` is
// "sqlite" or "postgres", or empty where there is only one.
Result<QList<Migration>> loadMigrations(const QString &directory, const QString &dialect = {});

// Where a database records the version it has reached.
enum class VersionRecord
{
    // SQLite's PRAGMA user_version, and PRAGMA application_id at the first step.
    UserVersion,
    // A table schema_migrations (version, name, applied_at), on SQLite and PostgreSQL.
    Table,
};

// What migrate() needs to know besides the steps.
struct MigrationTarget
{
    // Names the database in messages, e.g. "The terminal database /srv/terminal.sqlite".
    QString what;
    VersionRecord record = VersionRecord::UserVersion;
    qint32 applicationId = 0;
    // The first word of error codes ("store" gives store.newer_schema, …).
    QString errorDomain;
    // Applied to every script before it is split (schema tokens of a dialect); none if empty.
    std::function<QString(const QString &)> prepare;
    // Runs after a step committed, with its version (reports a step found in the data).
    std::function<void(int version)> afterStep;
};

// The version `db` records (0 for a database without one).
Result<int> schemaVersion(const QSqlDatabase &db, VersionRecord record);

// Refuses a database whose version is newer than the newest step, untouched:
// <domain>.newer_schema.
Result<void> refuseNewer(const QSqlDatabase &db, const QList<Migration> &migrations,
                         const MigrationTarget &target);

// Brings `db` to the newest version, each step in its own transaction together with the record
// of its version. A step that fails is rolled back and leaves the database at the version before
// (<domain>.migration_failed); steps must follow one another (<domain>.migration_gap). A database
// newer than the steps is refused untouched. On PostgreSQL the whole run holds an advisory lock,
// so that servers starting together migrate once; on SQLite each step re-reads the version under
// its write lock. Returns the version reached.
Result<int> migrate(const QSqlDatabase &db, const QList<Migration> &migrations,
                    const MigrationTarget &target);

} // namespace counterline::sqlkit
