#include "store/database.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace counterline::store {

namespace {

QString nextConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return u"counterline-store-%1"_s.arg(counter.fetchAndAddRelaxed(1));
}

Result<QVariant> pragma(QSqlDatabase &db, const QString &statement)
{
    QSqlQuery query(db);
    if (!query.exec(statement)) {
        return Error{
            u"store.pragma_failed"_s,
            QCoreApplication::translate("counterline::store::Database", "SQLite refused \"%1\": %2")
                .arg(statement, query.lastError().text())};
    }
    return query.next() ? query.value(0) : QVariant();
}

} // namespace

Database::Database(QString connectionName, QString filePath)
    : m_connectionName(std::move(connectionName))
    , m_filePath(std::move(filePath))
{}

Database::~Database()
{
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

Result<std::unique_ptr<Database>> Database::open(const QString &filePath)
{
    const QFileInfo file(filePath);
    if (!QDir().mkpath(file.absolutePath())) {
        return Error{u"store.directory_unusable"_s,
                     tr("Cannot create the data directory %1.").arg(file.absolutePath())};
    }
    std::unique_ptr<Database> database(new Database(nextConnectionName(), file.absoluteFilePath()));
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, database->m_connectionName);
    db.setDatabaseName(database->m_filePath);
    db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
    if (!db.open()) {
        return Error{u"store.open_failed"_s, tr("Cannot open the terminal database %1: %2")
                                                 .arg(database->m_filePath, db.lastError().text())};
    }

    // Reading the header first: a file that is not SQLite, or is someone else's database, is
    // refused before anything is written to it.
    const Result<QVariant> applicationId = pragma(db, u"PRAGMA application_id"_s);
    if (!applicationId) {
        return Error{u"store.not_a_database"_s,
                     tr("%1 is not a SQLite database: %2")
                         .arg(database->m_filePath, applicationId.error().message)};
    }
    const qint64 foundId = applicationId.value().toLongLong();
    if (foundId != 0 && foundId != kApplicationId) {
        return Error{u"store.foreign_database"_s,
                     tr("%1 belongs to another program (application_id %2); it was left untouched.")
                         .arg(database->m_filePath)
                         .arg(foundId)};
    }

    const QString setup[] = {
        u"PRAGMA journal_mode = WAL"_s,
        u"PRAGMA synchronous = FULL"_s,
        u"PRAGMA foreign_keys = ON"_s,
        u"PRAGMA busy_timeout = 5000"_s,
    };
    for (const QString &statement : setup) {
        if (const auto result = pragma(db, statement); !result)
            return result.error();
    }
    if (foundId == 0) {
        if (const auto result = pragma(db, u"PRAGMA application_id = %1"_s.arg(kApplicationId));
            !result) {
            return result.error();
        }
    }
    return database;
}

} // namespace counterline::store
