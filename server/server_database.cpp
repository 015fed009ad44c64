#include "server/server_database.h"

#include "server/server_sql.h"
#include "sqlkit/sql_script.h"

#include <QAtomicInteger>
#include <QDateTime>
#include <QDebug>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace counterline::server {

Result<DatabaseLocation> DatabaseLocation::from(const QString &dataDirectory,
                                                const QString &databaseUrl)
{
    DatabaseLocation location;
    if (!databaseUrl.isEmpty()) {
        const QUrl url(databaseUrl, QUrl::StrictMode);
        if (!url.isValid() || (url.scheme() != u"postgresql"_s && url.scheme() != u"postgres"_s) ||
            url.host().isEmpty() || url.path().size() < 2) {
            return Error{u"server.bad_database_url"_s,
                         ServerDatabase::tr("\"%1\" is not a database URL like "
                                            "postgresql://user:password@host:5432/counterline")
                             .arg(databaseUrl)};
        }
        location.kind = SqlKind::Postgres;
        location.postgres = url;
        return location;
    }
    if (dataDirectory.isEmpty()) {
        return Error{u"server.no_data_dir"_s,
                     ServerDatabase::tr("Give --data-dir DIR (SQLite) or --database URL "
                                        "(PostgreSQL).")};
    }
    location.sqliteFile = QDir(dataDirectory).filePath(u"server.sqlite"_s);
    return location;
}

ServerDatabase::ServerDatabase(DatabaseLocation location)
    : m_location(std::move(location))
{
    static QAtomicInteger<quint64> instances;
    m_prefix = u"counterline-server-%1-"_s.arg(instances.fetchAndAddRelaxed(1));
}

ServerDatabase::~ServerDatabase()
{
    QMutexLocker lock(&m_mutex);
    // Worker threads' connections are closed here too; removeDatabase closes them without
    // touching them from this thread.
    // This thread's prepared statements go first: a statement must not outlive its connection.
    // (Workers' statements went when the pool's threads ended.)
    for (const QString &name : std::as_const(m_connectionNames)) {
        forgetPrepared(name);
        QSqlDatabase::removeDatabase(name);
    }
}

Result<std::unique_ptr<ServerDatabase>> ServerDatabase::open(const DatabaseLocation &location)
{
    if (location.kind == SqlKind::Sqlite) {
        const QFileInfo file(location.sqliteFile);
        if (!QDir().mkpath(file.absolutePath())) {
            return Error{u"server.data_dir_unusable"_s,
                         tr("Cannot create the data directory %1.").arg(file.absolutePath())};
        }
    }
    std::unique_ptr<ServerDatabase> database(new ServerDatabase(location));
    Result<QSqlDatabase> first = database->connection();
    if (!first)
        return first.error();
    if (Result<void> migrated = database->migrate(*first); !migrated)
        return migrated.error();
    return database;
}

Result<QSqlDatabase> ServerDatabase::connection()
{
    const QString name =
        m_prefix + QString::number(reinterpret_cast<quintptr>(QThread::currentThread()), 16);
    QSqlDatabase existing = QSqlDatabase::database(name, false);
    if (existing.isValid() && existing.isOpen())
        return existing;
    return openConnection(name);
}

Result<QSqlDatabase> ServerDatabase::openConnection(const QString &name)
{
    forgetPrepared(name); // statements of a connection that was lost are no use any more
    QSqlDatabase db = QSqlDatabase::contains(name)
                          ? QSqlDatabase::database(name, false)
                          : QSqlDatabase::addDatabase(driverName(m_location.kind), name);
    {
        QMutexLocker lock(&m_mutex);
        if (!m_connectionNames.contains(name))
            m_connectionNames.append(name);
    }
    if (m_location.kind == SqlKind::Sqlite) {
        db.setDatabaseName(m_location.sqliteFile);
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=10000"_s);
    } else {
        const QUrl &url = m_location.postgres;
        db.setHostName(url.host());
        db.setPort(url.port(5432));
        db.setUserName(url.userName());
        db.setPassword(url.password());
        db.setDatabaseName(url.path().mid(1));
    }
    if (!db.open()) {
        const QString where = m_location.kind == SqlKind::Sqlite
                                  ? m_location.sqliteFile
                                  : m_location.postgres.toDisplayString(QUrl::RemovePassword);
        return Error{
            u"server.database_unavailable"_s,
            tr("Cannot open the server database %1: %2").arg(where, db.lastError().text())};
    }
    if (m_location.kind == SqlKind::Postgres) {
        // Keep "already exists, skipping" notices out of operators' terminals.
        if (Result<QSqlQuery> quiet = execSql(db, u"SET client_min_messages TO warning"_s); !quiet)
            return quiet.error();
    }
    if (m_location.kind == SqlKind::Sqlite) {
        for (const QString &pragma :
             {u"PRAGMA journal_mode = WAL"_s, u"PRAGMA synchronous = FULL"_s,
              u"PRAGMA foreign_keys = ON"_s}) {
            if (Result<QSqlQuery> ran = execSql(db, pragma); !ran)
                return ran.error();
        }
    }
    return db;
}

Result<void> ServerDatabase::migrate(const QSqlDatabase &db)
{
    if (Result<QSqlQuery> created = execSql(db, u"CREATE TABLE IF NOT EXISTS schema_migrations ("
                                                "version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
                                                "applied_at TEXT NOT NULL)"_s);
        !created) {
        return created.error();
    }
    // A step is NNNN_name.sql for both databases, plus NNNN_name.sqlite.sql or
    // NNNN_name.postgres.sql for what only one of them can say (triggers); both run in one
    // transaction, the shared part first.
    const QString ownSuffix =
        m_location.kind == SqlKind::Sqlite ? u".sqlite.sql"_s : u".postgres.sql"_s;
    const QString otherSuffix =
        m_location.kind == SqlKind::Sqlite ? u".postgres.sql"_s : u".sqlite.sql"_s;
    const QDir directory(u":/server/migrations"_s);
    QMap<int, QStringList> steps;
    for (const QString &fileName : directory.entryList({u"*.sql"_s}, QDir::Files, QDir::Name)) {
        if (!fileName.endsWith(otherSuffix))
            steps[fileName.section(u'_', 0, 0).toInt()].append(fileName);
    }
    for (auto step = steps.cbegin(); step != steps.cend(); ++step) {
        const int version = step.key();
        Result<QSqlQuery> applied =
            execSql(db, u"SELECT count(*) FROM schema_migrations WHERE version = ?"_s, {version});
        if (!applied)
            return applied.error();
        if (applied.value().next() && applied.value().value(0).toInt() > 0)
            continue;
        applied.value().finish();
        QStringList files = step.value();
        std::sort(files.begin(), files.end(), [&](const QString &a, const QString &b) {
            return a.endsWith(ownSuffix) < b.endsWith(ownSuffix);
        });
        QString script;
        for (const QString &fileName : std::as_const(files)) {
            QFile file(directory.filePath(fileName));
            if (!file.open(QIODevice::ReadOnly))
                return Error{u"server.migration_missing"_s, tr("Cannot read %1.").arg(fileName)};
            script += applyDialect(QString::fromUtf8(file.readAll()), m_location.kind) + u'\n';
        }
        const QString name = files.first();

        Transaction transaction(db);
        if (Result<void> begun = transaction.begin(); !begun)
            return begun;
        for (const QString &statement : sqlkit::splitSqlScript(script)) {
            if (Result<QSqlQuery> ran = execSql(db, statement); !ran) {
                return Error{u"server.migration_failed"_s,
                             tr("Migration %1 failed and was rolled back: %2")
                                 .arg(name, ran.error().message)};
            }
        }
        if (Result<QSqlQuery> recorded = execSql(
                db, u"INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)"_s,
                {version, name, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)});
            !recorded) {
            // Another server process migrated at the same moment: its work stands.
            transaction.rollback();
            continue;
        }
        if (Result<void> committed = transaction.commit(); !committed)
            return committed;
        if (version == 8)
            reportReceiptDuplicates(db);
    }
    return success();
}

void ServerDatabase::reportReceiptDuplicates(const QSqlDatabase &db)
{
    Result<QSqlQuery> found =
        execSql(db, u"SELECT o.receipt_no, o.id, p.name FROM orders o "
                    "JOIN principals p ON p.id = o.terminal_id WHERE o.receipt_duplicate = 1 "
                    "ORDER BY o.seq"_s);
    if (!found)
        return;
    while (found.value().next()) {
        qWarning().noquote()
            << tr("Order %1 of terminal %2 has receipt number %3, which an earlier "
                  "order of that terminal already had. Both are kept; it is on "
                  "the follow-up list.")
                   .arg(found.value().value(1).toString(), found.value().value(2).toString(),
                        found.value().value(0).toString());
    }
}

} // namespace counterline::server
