#include "sqlkit/migrations.h"

#include "sqlkit/sql_script.h"
#include "sqlkit/statement.h"
#include "sqlkit/time_text.h"
#include "sqlkit/transaction.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QMap>
#include <QSqlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace counterline::sqlkit {

namespace {

const QStringList kDialects{u"sqlite"_s, u"postgres"_s};

bool isPostgres(const QSqlDatabase &db)
{
    return db.driverName() == u"QPSQL"_s;
}

// The dialect a file name is written for ("0008_rules.sqlite.sql" → "sqlite"), or empty.
QString dialectOf(const QString &fileName)
{
    const QString stem = fileName.chopped(4); // ".sql"
    const QString last = stem.section(u'.', -1);
    return stem.contains(u'.') && kDialects.contains(last) ? last : QString();
}

// Holds PostgreSQL's session advisory lock for migrations while it lives: servers that start
// together take turns, and the second finds the work done.
class MigrationLock
{
public:
    explicit MigrationLock(QSqlDatabase db)
        : m_db(std::move(db))
    {}
    ~MigrationLock()
    {
        if (!m_held)
            return;
        Result<QSqlQuery> released = exec(m_db, u"SELECT pg_advisory_unlock(%1)"_s.arg(kKey));
        Q_UNUSED(released); // the lock goes with the session anyway
    }
    MigrationLock(const MigrationLock &) = delete;
    MigrationLock &operator=(const MigrationLock &) = delete;

    Result<void> take()
    {
        if (!isPostgres(m_db))
            return success();
        Result<QSqlQuery> taken = exec(m_db, u"SELECT pg_advisory_lock(%1)"_s.arg(kKey));
        if (!taken)
            return taken.error();
        m_held = true;
        return success();
    }

private:
    static constexpr qint64 kKey = 0x436c4d6967726174; // "ClMigrat"
    QSqlDatabase m_db;
    bool m_held = false;
};

Result<bool> hasVersionTable(const QSqlDatabase &db)
{
    const QString sql = isPostgres(db)
                            ? u"SELECT count(*) FROM information_schema.tables WHERE table_name = "
                              "'schema_migrations' AND table_schema = current_schema()"_s
                            : u"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = "
                              "'schema_migrations'"_s;
    Result<QVariant> found = selectValue(db, sql);
    if (!found)
        return found.error();
    return found->toInt() > 0;
}

Result<void> recordVersion(const QSqlDatabase &db, const Migration &step,
                           const MigrationTarget &target)
{
    QStringList statements;
    if (target.record == VersionRecord::Table) {
        Result<QSqlQuery> recorded = exec(
            db, u"INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)"_s,
            {step.version, step.name, timeText(QDateTime::currentDateTimeUtc())});
        return recorded ? success() : Result<void>(recorded.error());
    }
    statements.append(u"PRAGMA user_version = %1"_s.arg(step.version));
    if (step.version == 1 && target.applicationId != 0)
        statements.append(u"PRAGMA application_id = %1"_s.arg(target.applicationId));
    for (const QString &statement : std::as_const(statements)) {
        if (Result<QSqlQuery> set = exec(db, statement); !set)
            return set.error();
    }
    return success();
}

// Runs one step in its own transaction. False when another process had already applied it.
Result<bool> applyStep(const QSqlDatabase &db, const Migration &step, int before,
                       const MigrationTarget &target)
{
    const auto failed = [&](const QString &why) {
        return Error{target.errorDomain + u".migration_failed"_s,
                     QCoreApplication::translate(
                         "counterline::sqlkit::Migrations",
                         "Migration %1 failed and was rolled back. %2 stays at version %3. %4")
                         .arg(step.name, target.what)
                         .arg(before)
                         .arg(why)};
    };
    Transaction transaction(db);
    if (Result<void> begun = transaction.begin(); !begun)
        return begun.error();
    // Read again under the write lock (SQLite) or the advisory lock (PostgreSQL).
    Result<int> now = schemaVersion(db, target.record);
    if (!now)
        return now.error();
    if (*now >= step.version)
        return false;
    const QString script = target.prepare ? target.prepare(step.script) : step.script;
    for (const QString &statement : splitSqlScript(script)) {
        if (Result<QSqlQuery> ran = exec(db, statement); !ran)
            return failed(ran.error().message);
    }
    if (Result<void> recorded = recordVersion(db, step, target); !recorded)
        return failed(recorded.error().message);
    if (Result<void> committed = transaction.commit(); !committed)
        return failed(committed.error().message);
    return true;
}

} // namespace

Result<QList<Migration>> loadMigrations(const QString &directory, const QString &dialect)
{
    const QDir dir(directory);
    QMap<int, QStringList> files;
    for (const QString &fileName : dir.entryList({u"*.sql"_s}, QDir::Files, QDir::Name)) {
        bool numbered = false;
        const int version = fileName.section(u'_', 0, 0).toInt(&numbered);
        if (!numbered || version < 1) {
            return Error{
                u"sql.migration_unnamed"_s,
                QCoreApplication::translate("counterline::sqlkit::Migrations",
                                            "The migration %1 does not start with its number.")
                    .arg(dir.filePath(fileName))};
        }
        const QString own = dialectOf(fileName);
        if (own.isEmpty() || own == dialect)
            files[version].append(fileName);
    }
    QList<Migration> migrations;
    for (auto step = files.cbegin(); step != files.cend(); ++step) {
        QStringList names = step.value();
        // The shared part first, then the dialect's own.
        std::stable_sort(names.begin(), names.end(), [](const QString &a, const QString &b) {
            return dialectOf(a).isEmpty() > dialectOf(b).isEmpty();
        });
        Migration migration{step.key(), names.first(), QString()};
        for (const QString &name : std::as_const(names)) {
            QFile file(dir.filePath(name));
            if (!file.open(QIODevice::ReadOnly)) {
                return Error{u"sql.migration_unreadable"_s,
                             QCoreApplication::translate("counterline::sqlkit::Migrations",
                                                         "Cannot read the migration %1.")
                                 .arg(file.fileName())};
            }
            migration.script += QString::fromUtf8(file.readAll()) + u'\n';
        }
        migrations.append(migration);
    }
    return migrations;
}

Result<int> schemaVersion(const QSqlDatabase &db, VersionRecord record)
{
    if (record == VersionRecord::UserVersion) {
        Result<QVariant> version = selectValue(db, u"PRAGMA user_version"_s);
        if (!version)
            return version.error();
        return version->toInt();
    }
    Result<bool> table = hasVersionTable(db);
    if (!table)
        return table.error();
    if (!*table)
        return 0;
    Result<QVariant> newest = selectValue(db, u"SELECT max(version) FROM schema_migrations"_s);
    if (!newest)
        return newest.error();
    return newest->toInt();
}

Result<void> refuseNewer(const QSqlDatabase &db, const QList<Migration> &migrations,
                         const MigrationTarget &target)
{
    Result<int> current = schemaVersion(db, target.record);
    if (!current)
        return current.error();
    const int newest = migrations.isEmpty() ? 0 : migrations.last().version;
    if (*current <= newest)
        return success();
    return Error{target.errorDomain + u".newer_schema"_s,
                 QCoreApplication::translate(
                     "counterline::sqlkit::Migrations",
                     "%1 has schema version %2, newer than this program knows (%3). Use a "
                     "newer Counterline; it was left untouched.")
                     .arg(target.what)
                     .arg(*current)
                     .arg(newest)};
}

Result<int> migrate(const QSqlDatabase &db, const QList<Migration> &migrations,
                    const MigrationTarget &target)
{
    MigrationLock lock(db);
    if (Result<void> taken = lock.take(); !taken)
        return taken.error();
    if (Result<void> known = refuseNewer(db, migrations, target); !known)
        return known.error();
    if (target.record == VersionRecord::Table) {
        if (Result<QSqlQuery> made = exec(db, u"CREATE TABLE IF NOT EXISTS schema_migrations ("
                                              "version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
                                              "applied_at TEXT NOT NULL)"_s);
            !made) {
            return made.error();
        }
    }
    Result<int> current = schemaVersion(db, target.record);
    if (!current)
        return current;
    int reached = *current;
    for (const Migration &step : migrations) {
        if (step.version <= reached)
            continue;
        if (step.version != reached + 1) {
            return Error{target.errorDomain + u".migration_gap"_s,
                         QCoreApplication::translate("counterline::sqlkit::Migrations",
                                                     "Migration %1 does not follow version %2.")
                             .arg(step.name)
                             .arg(reached)};
        }
        Result<bool> applied = applyStep(db, step, reached, target);
        if (!applied)
            return applied.error();
        reached = step.version;
        if (*applied && target.afterStep)
            target.afterStep(step.version);
    }
    return reached;
}

} // namespace counterline::sqlkit
