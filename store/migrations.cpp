#include "store/migrations.h"

#include "sqlkit/sql_script.h"
#include "store/sql.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace counterline::store {

namespace {

QString translate(const char *text)
{
    return QCoreApplication::translate("counterline::store::Migrations", text);
}

} // namespace

QList<Migration> loadMigrations(const QString &directory)
{
    QList<Migration> migrations;
    const QDir dir(directory);
    const QStringList files = dir.entryList({u"*.sql"_s}, QDir::Files, QDir::Name);
    for (const QString &fileName : files) {
        bool numbered = false;
        const int version = fileName.section(u'_', 0, 0).toInt(&numbered);
        QFile file(dir.filePath(fileName));
        if (!numbered || version < 1 || !file.open(QIODevice::ReadOnly))
            qFatal("Unusable migration %s", qPrintable(file.fileName()));
        migrations.append(Migration{version, fileName, QString::fromUtf8(file.readAll())});
    }
    std::sort(migrations.begin(), migrations.end(),
              [](const Migration &a, const Migration &b) { return a.version < b.version; });
    return migrations;
}

const QList<Migration> &terminalMigrations()
{
    static const QList<Migration> migrations = loadMigrations(u":/store/migrations"_s);
    return migrations;
}

Result<int> schemaVersion(const QSqlDatabase &db)
{
    Result<QVariant> version = selectValue(db, u"PRAGMA user_version"_s);
    if (!version)
        return version.error();
    return version.value().toInt();
}

Result<int> migrate(const QSqlDatabase &db, const QList<Migration> &migrations,
                    qint32 applicationId)
{
    Result<int> current = schemaVersion(db);
    if (!current)
        return current;
    const int newest = migrations.isEmpty() ? 0 : migrations.last().version;
    if (*current > newest) {
        return Error{u"store.newer_schema"_s,
                     translate("The database %1 has schema version %2, newer than this program "
                               "knows (%3). Use a newer Counterline; the file was not changed.")
                         .arg(db.databaseName())
                         .arg(*current)
                         .arg(newest)};
    }

    int reached = *current;
    for (const Migration &migration : migrations) {
        if (migration.version <= reached)
            continue;
        if (migration.version != reached + 1) {
            return Error{u"store.migration_gap"_s,
                         translate("Migration %1 does not follow version %2.")
                             .arg(migration.name)
                             .arg(reached)};
        }
        WriteTransaction transaction(db);
        if (Result<void> begun = transaction.begin(); !begun)
            return begun.error();
        QStringList statements = sqlkit::splitSqlScript(migration.script);
        statements.append(u"PRAGMA user_version = %1"_s.arg(migration.version));
        if (migration.version == 1)
            statements.append(u"PRAGMA application_id = %1"_s.arg(applicationId));
        for (const QString &statement : statements) {
            if (Result<QSqlQuery> ran = runSql(db, statement); !ran) {
                return Error{u"store.migration_failed"_s,
                             translate("Migration %1 failed and was rolled back; the database "
                                       "stays at version %2. %3")
                                 .arg(migration.name)
                                 .arg(reached)
                                 .arg(ran.error().message)};
            }
        }
        if (Result<void> committed = transaction.commit(); !committed)
            return committed.error();
        reached = migration.version;
    }
    return reached;
}

} // namespace counterline::store
