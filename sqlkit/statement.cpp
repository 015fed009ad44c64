#include "sqlkit/statement.h"

#include <QCoreApplication>
#include <QHash>
#include <QMutex>
#include <QSqlError>

#include <memory>

using namespace Qt::StringLiterals;

namespace counterline::sqlkit {

namespace {

bool isBusy(const QString &native, const QString &text)
{
    // SQLite: SQLITE_BUSY (5) and its extended forms (261 recovery, 517 snapshot: a read that
    // began before another writer committed cannot become a write), SQLITE_LOCKED (6) and 262;
    // PostgreSQL: serialization failure, deadlock, lock not available.
    static const QStringList codes{u"5"_s,   u"6"_s,     u"261"_s,   u"262"_s,
                                   u"517"_s, u"40001"_s, u"40P01"_s, u"55P03"_s};
    return codes.contains(native) || text.contains(u"database is locked"_s);
}

bool isUniqueViolation(const QString &native, const QString &text)
{
    // SQLite: SQLITE_CONSTRAINT_UNIQUE (2067) or _PRIMARYKEY (1555), which QtSql may report as
    // plain 19 with the text; PostgreSQL: SQLSTATE 23505.
    return native == u"23505"_s || native == u"2067"_s || native == u"1555"_s ||
           text.contains(u"UNIQUE constraint failed"_s);
}

bool isDiskFull(const QString &native)
{
    // SQLite: SQLITE_FULL (13); PostgreSQL: disk_full (53100).
    return native == u"13"_s || native == u"53100"_s;
}

Error failureOf(const QString &sql, const QSqlError &error)
{
    return failure(sql, error.text(), error.nativeErrorCode());
}

// The kept statements of one connection. A connection is used by one thread at a time (QtSql's
// rule); the registry's mutex guards only the registry.
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

std::shared_ptr<Statements> keptFor(const QString &connectionName)
{
    Registry &r = registry();
    QMutexLocker lock(&r.mutex);
    return r.byConnection.value(connectionName);
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

Error failure(const QString &sql, const QString &message, const QString &nativeCode)
{
    const QString statement = sql.simplified().left(120);
    if (isBusy(nativeCode, message)) {
        return Error{u"sql.busy"_s,
                     QCoreApplication::translate("counterline::sqlkit",
                                                 "The database is busy (\"%1\": %2); try again "
                                                 "in a moment.")
                         .arg(statement, message)};
    }
    QString code = u"sql.failed"_s;
    if (isDiskFull(nativeCode))
        code = u"sql.disk_full"_s;
    else if (isUniqueViolation(nativeCode, message))
        code = u"sql.conflict"_s;
    return Error{
        code, QCoreApplication::translate("counterline::sqlkit", "The database refused \"%1\": %2")
                  .arg(statement, message)};
}

void keepStatements(const QString &connectionName)
{
    Registry &r = registry();
    QMutexLocker lock(&r.mutex);
    if (!r.byConnection.contains(connectionName))
        r.byConnection.insert(connectionName, std::make_shared<Statements>());
}

void forgetStatements(const QString &connectionName)
{
    std::shared_ptr<Statements> statements;
    {
        Registry &r = registry();
        QMutexLocker lock(&r.mutex);
        statements = r.byConnection.take(connectionName);
    }
    // Released here, outside the lock.
}

Result<QSqlQuery> exec(const QSqlDatabase &db, const QString &sql, const QVariantList &values)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (values.isEmpty()) {
        if (!query.exec(sql))
            return failureOf(sql, query.lastError());
        return query;
    }
    QSqlQuery *statement = &query;
    std::shared_ptr<Statements> kept; // keeps the kept statement alive while it runs
    if (reusable(db, sql))
        kept = keptFor(db.connectionName());
    if (kept) {
        auto found = kept->find(sql);
        if (found == kept->end()) {
            if (!query.prepare(sql))
                return failureOf(sql, query.lastError());
            found = kept->insert(sql, query);
        }
        statement = &found.value();
    } else if (!query.prepare(sql)) {
        return failureOf(sql, query.lastError());
    }
    for (qsizetype i = 0; i < values.size(); ++i)
        statement->bindValue(int(i), values[i]);
    if (!statement->exec())
        return failureOf(sql, statement->lastError());
    return *statement;
}

Result<QVariant> selectValue(const QSqlDatabase &db, const QString &sql, const QVariantList &values)
{
    Result<QSqlQuery> query = exec(db, sql, values);
    if (!query)
        return query.error();
    QSqlQuery &row = query.value();
    if (!row.next()) {
        return Error{u"sql.no_row"_s,
                     QCoreApplication::translate("counterline::sqlkit", "\"%1\" returned no row.")
                         .arg(sql.simplified().left(120))};
    }
    QVariant value = row.value(0);
    row.finish();
    return value;
}

} // namespace counterline::sqlkit
