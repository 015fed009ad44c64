#include "server/server_sql.h"

#include <QCoreApplication>
#include <QHash>
#include <QMutex>
#include <QSqlDriver>
#include <QSqlError>

#include <memory>

using namespace Qt::StringLiterals;

namespace counterline::server {

namespace {

bool isUniqueViolation(const QSqlError &error)
{
    // SQLite: extended code 2067 (SQLITE_CONSTRAINT_UNIQUE) or 1555 (PRIMARYKEY), reported by
    // Qt as "19" with the text; PostgreSQL: SQLSTATE 23505.
    const QString native = error.nativeErrorCode();
    return native == u"23505"_s || native == u"2067"_s || native == u"1555"_s ||
           error.databaseText().contains(u"UNIQUE constraint failed"_s);
}

bool isBusy(const QSqlError &error)
{
    // SQLite: SQLITE_BUSY (5) and its extended forms (261 recovery, 517 snapshot: a read that
    // began before another writer committed cannot become a write), SQLITE_LOCKED (6);
    // PostgreSQL: serialization failure, deadlock, lock not available.
    static const QStringList codes{u"5"_s,     u"6"_s,     u"261"_s,  u"517"_s,
                                   u"40001"_s, u"40P01"_s, u"55P03"_s};
    return codes.contains(error.nativeErrorCode()) ||
           error.databaseText().contains(u"database is locked"_s);
}

Error failure(const QString &sql, const QSqlError &error)
{
    if (isBusy(error)) {
        return Error{u"server.busy"_s,
                     QCoreApplication::translate("counterline::server",
                                                 "The database is busy; try again in a moment.")};
    }
    return Error{isUniqueViolation(error) ? u"server.conflict"_s : u"server.sql_failed"_s,
                 QCoreApplication::translate("counterline::server", "\"%1\" failed: %2")
                     .arg(sql.simplified().left(120), error.text())};
}

// Prepared statements per connection (every worker thread has its own connection). PostgreSQL
// prepares on the server, so reuse saves two round trips per statement; SQLite reuses only
// writes, which never leave a half-read statement holding a snapshot. The registry belongs to no
// thread: ServerDatabase releases a connection's statements before it closes the connection, so
// none can outlive it (thread-local storage would be torn down after QThread::wait returns).
using Statements = QHash<QString, QSqlQuery>;

struct Registry
{
    QMutex mutex;
    QHash<QString, std::shared_ptr<Statements>> byConnection;
};

Registry &registry()
{
    static Registry instance;
    return instance;
}

std::shared_ptr<Statements> statementsOf(const QString &connectionName)
{
    Registry &r = registry();
    QMutexLocker lock(&r.mutex);
    std::shared_ptr<Statements> &statements = r.byConnection[connectionName];
    if (!statements)
        statements = std::make_shared<Statements>();
    return statements;
}

bool reusable(const QSqlDatabase &db, const QString &sql)
{
    if (db.driverName() == u"QPSQL"_s)
        return true;
    const QStringView head = QStringView(sql).left(6);
    return head.compare(u"INSERT", Qt::CaseInsensitive) == 0 ||
           head.compare(u"UPDATE", Qt::CaseInsensitive) == 0 ||
           head.compare(u"DELETE", Qt::CaseInsensitive) == 0;
}

} // namespace

QString timeText(const QDateTime &at)
{
    return at.toUTC().toString(Qt::ISODateWithMs);
}

void forgetPrepared(const QString &connectionName)
{
    std::shared_ptr<Statements> statements;
    {
        Registry &r = registry();
        QMutexLocker lock(&r.mutex);
        statements = r.byConnection.take(connectionName);
    }
    // Released here, outside the lock.
}

Result<QSqlQuery> execSql(const QSqlDatabase &db, const QString &sql, const QVariantList &values)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    // Statements without values run as they are: PostgreSQL cannot PREPARE DDL or BEGIN.
    if (values.isEmpty()) {
        if (!query.exec(sql))
            return failure(sql, query.lastError());
        return query;
    }
    QSqlQuery *statement = &query;
    std::shared_ptr<Statements> prepared; // keeps the cached statement alive while it runs
    if (reusable(db, sql)) {
        prepared = statementsOf(db.connectionName());
        auto found = prepared->find(sql);
        if (found == prepared->end()) {
            if (!query.prepare(sql))
                return failure(sql, query.lastError());
            found = prepared->insert(sql, query);
        }
        statement = &found.value();
    } else if (!query.prepare(sql)) {
        return failure(sql, query.lastError());
    }
    for (qsizetype i = 0; i < values.size(); ++i)
        statement->bindValue(int(i), values[i]);
    if (!statement->exec())
        return failure(sql, statement->lastError());
    return *statement;
}

Transaction::Transaction(QSqlDatabase db)
    : m_db(std::move(db))
{}

Transaction::~Transaction()
{
    rollback();
}

Result<void> Transaction::begin()
{
    const bool sqlite = m_db.driverName() == u"QSQLITE"_s;
    // SQLite: take the write lock up front so two writers never deadlock upgrading read locks.
    Result<QSqlQuery> begun = execSql(m_db, sqlite ? u"BEGIN IMMEDIATE"_s : u"BEGIN"_s);
    if (!begun)
        return begun.error();
    m_active = true;
    return success();
}

Result<void> Transaction::commit()
{
    Result<QSqlQuery> committed = execSql(m_db, u"COMMIT"_s);
    if (!committed) {
        rollback();
        return committed.error();
    }
    m_active = false;
    return success();
}

void Transaction::rollback()
{
    if (!m_active)
        return;
    m_active = false;
    QSqlQuery query(m_db);
    query.exec(u"ROLLBACK"_s);
}

} // namespace counterline::server
