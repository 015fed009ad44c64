#include "store/database.h"

#include "sqlkit/statement.h"
#include "store/search_fold_sql.h"
#include "store/sql.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace counterline::store {

namespace {

QString nextConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return u"counterline-store-%1"_s.arg(counter.fetchAndAddRelaxed(1));
}

// Looks at the first bytes without letting SQLite near the file: an existing file must be a
// SQLite database before anything else happens to it.
Result<void> checkExistingFile(const QFileInfo &file)
{
    if (!file.exists())
        return success();
    if (!file.isFile()) {
        return Error{u"store.not_a_database"_s,
                     Database::tr("%1 is not a file.").arg(file.absoluteFilePath())};
    }
    QFile handle(file.absoluteFilePath());
    if (!handle.open(QIODevice::ReadOnly)) {
        return Error{
            u"store.open_failed"_s,
            Database::tr("Cannot read %1: %2").arg(file.absoluteFilePath(), handle.errorString())};
    }
    const QByteArray header = handle.read(16);
    if (header.isEmpty()) {
        return Error{u"store.not_a_database"_s,
                     Database::tr("%1 is an empty file, not a Counterline database; it was left "
                                  "untouched. Move it away or choose another --data-dir.")
                         .arg(file.absoluteFilePath())};
    }
    if (header != QByteArrayView("SQLite format 3\0", 16)) {
        return Error{u"store.not_a_database"_s,
                     Database::tr("%1 is not a SQLite database; it was left untouched.")
                         .arg(file.absoluteFilePath())};
    }
    return success();
}

// An existing SQLite file must carry Counterline's application_id, or be a blank database.
Result<void> checkOwnership(const QSqlDatabase &db, const QString &path)
{
    Result<QVariant> applicationId = sqlkit::selectValue(db, u"PRAGMA application_id"_s);
    Result<QVariant> objects = sqlkit::selectValue(db, u"SELECT count(*) FROM sqlite_master"_s);
    if (!applicationId || !objects) {
        return Error{u"store.not_a_database"_s,
                     Database::tr("%1 cannot be read as a SQLite database: %2")
                         .arg(path, (!applicationId ? applicationId : objects).error().message)};
    }
    const qint64 id = applicationId.value().toLongLong();
    if (id == Database::kApplicationId || (id == 0 && objects.value().toLongLong() == 0))
        return success();
    return Error{u"store.foreign_database"_s,
                 Database::tr("%1 is a SQLite database of another program (application_id %2), "
                              "not a Counterline terminal database; it was left untouched.")
                     .arg(path)
                     .arg(id)};
}

} // namespace

Database::Database(QString connectionName, QString filePath)
    : m_connectionName(std::move(connectionName))
    , m_filePath(std::move(filePath))
{}

Database::~Database()
{
    forgetStatements(m_connectionName);
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isValid())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

QString Database::fileIn(const QString &dataDirectory)
{
    return QDir(dataDirectory).filePath(u"terminal.sqlite"_s);
}

QString Database::defaultDataDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

Result<std::unique_ptr<Database>> Database::open(const QString &filePath,
                                                 const QList<Migration> &migrations)
{
    const QFileInfo file(filePath);
    if (Result<void> usable = checkExistingFile(file); !usable)
        return usable.error();
    const bool newDirectory = !QFileInfo::exists(file.absolutePath());
    if (!QDir().mkpath(file.absolutePath())) {
        return Error{u"store.directory_unusable"_s,
                     tr("Cannot create the data directory %1.").arg(file.absolutePath())};
    }
    // The database holds the till's token: a directory made here is its user's alone.
    if (newDirectory)
        QFile::setPermissions(file.absolutePath(),
                              QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);

    std::unique_ptr<Database> database(new Database(nextConnectionName(), file.absoluteFilePath()));
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, database->m_connectionName);
    db.setDatabaseName(database->m_filePath);
    db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
    if (!db.open()) {
        return Error{u"store.open_failed"_s, tr("Cannot open the terminal database %1: %2")
                                                 .arg(database->m_filePath, db.lastError().text())};
    }

    keepStatements(database->m_connectionName);

    // Readable by the till's user only, before the token or a sale is written; the WAL and
    // shared-memory files SQLite makes later take the same permissions.
    for (const QString &path : QStringList{database->m_filePath, database->m_filePath + u"-wal"_s,
                                           database->m_filePath + u"-shm"_s}) {
        if (QFile::exists(path))
            QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    }

    // Everything that could refuse the file is read before the first write.
    if (Result<void> ours = checkOwnership(db, database->m_filePath); !ours)
        return ours.error();
    const sqlkit::MigrationTarget target = terminalTarget(database->m_filePath, kApplicationId);
    if (Result<void> known = sqlkit::refuseNewer(db, migrations, target); !known)
        return known.error();

    const QString setup[] = {
        u"PRAGMA journal_mode = WAL"_s,
        u"PRAGMA synchronous = FULL"_s,
        u"PRAGMA foreign_keys = ON"_s,
        u"PRAGMA busy_timeout = 5000"_s,
    };
    for (const QString &statement : setup) {
        if (Result<QSqlQuery> ran = sqlkit::exec(db, statement); !ran)
            return ran.error();
    }

    if (Result<void> folding = installSearchFold(db); !folding)
        return folding.error();
    Result<int> migrated = sqlkit::migrate(db, migrations, target);
    if (!migrated)
        return migrated.error();
    database->m_schemaVersion = *migrated;
    return database;
}

} // namespace counterline::store
