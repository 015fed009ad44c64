#include "store/sql.h"

#include <QCoreApplication>
#include <QHash>
#include <QMutex>
#include <QSqlError>

#include <memory>

using namespace Qt::StringLiterals;

namespace counterline::store {

namespace {

Error sqlError(const QString &sql, const QSqlError &error)
{
    // SQLITE_FULL surfaces as "database or disk is full"; keep SQLite's text for the operator.
    const QString code =
        error.nativeErrorCode() == u"13"_s ? u"store.disk_full"_s : u"store.sql_failed"_s;
    return Error{code, QCoreApplication::translate("counterline::store",
                                                   "The terminal database refused \"%1\": %2")
                           .arg(sql.simplified().left(120), error.text())};
}

// Prepared writes of the connections that Database opened, by connection name. A connection is
// used by one thread at a time (QtSql's rule); the mutex guards only the registry itself.
struct StatementRegistry
{
    QMutex mutex;
    QHash<QString, std::shared_ptr<QHash<QString, QSqlQuery>>> byConnection;
};

StatementRegistry &registry()
{
    static StatementRegistry instance;
    return instance;
}

std::shared_ptr<QHash<QString, QSqlQuery>> statementsOf(const QString &connectionName)
{
    StatementRegistry &r = registry();
    QMutexLocker lock(&r.mutex);
    return r.byConnection.value(connectionName);
}

bool isReusableWrite(const QString &sql)
{
    const QStringView head = QStringView(sql).left(7);
    return (head.startsWith(u"INSERT", Qt::CaseInsensitive) ||
            head.startsWith(u"UPDATE", Qt::CaseInsensitive) ||
            head.startsWith(u"DELETE", Qt::CaseInsensitive)) &&
           !sql.contains(u"RETURNING"_s, Qt::CaseInsensitive);
}

Result<QSqlQuery> execute(QSqlQuery &query, const QString &sql, const QVariantList &values)
{
    for (qsizetype i = 0; i < values.size(); ++i)
        query.bindValue(int(i), values[i]);
    if (!query.exec()) {
        const Error error = sqlError(sql, query.lastError());
        query.finish();
        return error;
    }
    return query;
}

} // namespace

void keepStatements(const QString &connectionName)
{
    StatementRegistry &r = registry();
    QMutexLocker lock(&r.mutex);
    r.byConnection.insert(connectionName, std::make_shared<QHash<QString, QSqlQuery>>());
}

void forgetStatements(const QString &connectionName)
{
    std::shared_ptr<QHash<QString, QSqlQuery>> statements;
    {
        StatementRegistry &r = registry();
        QMutexLocker lock(&r.mutex);
        statements = r.byConnection.take(connectionName);
    }
    // The prepared queries are released here, before the connection closes.
}

namespace {

Result<QSqlQuery> run(const QSqlDatabase &db, const QString &sql, const QVariantList &values,
                      bool reuse)
{
    const std::shared_ptr<QHash<QString, QSqlQuery>> reusable =
        reuse ? statementsOf(db.connectionName()) : nullptr;
    if (reusable) {
        QHash<QString, QSqlQuery> &statements = *reusable;
        auto cached = statements.find(sql);
        if (cached == statements.end()) {
            QSqlQuery query(db);
            query.setForwardOnly(true);
            if (!query.prepare(sql))
                return sqlError(sql, query.lastError());
            cached = statements.insert(sql, query);
        }
        return execute(*cached, sql, values);
    }
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return sqlError(sql, query.lastError());
    return execute(query, sql, values);
}

} // namespace

Result<QSqlQuery> runSql(const QSqlDatabase &db, const QString &sql, const QVariantList &values)
{
    return run(db, sql, values, isReusableWrite(sql));
}

Result<QSqlQuery> runReusedRead(const QSqlDatabase &db, const QString &sql,
                                const QVariantList &values)
{
    return run(db, sql, values, true);
}

Result<QVariant> selectValue(const QSqlDatabase &db, const QString &sql, const QVariantList &values)
{
    Result<QSqlQuery> query = runSql(db, sql, values);
    if (!query)
        return query.error();
    if (!query.value().next()) {
        return Error{u"store.no_row"_s,
                     QCoreApplication::translate("counterline::store", "\"%1\" found nothing")
                         .arg(sql.simplified().left(120))};
    }
    return query.value().value(0);
}

WriteTransaction::WriteTransaction(QSqlDatabase db)
    : m_db(std::move(db))
{}

WriteTransaction::~WriteTransaction()
{
    rollback();
}

Result<void> WriteTransaction::begin()
{
    Q_ASSERT(!m_active);
    if (Result<QSqlQuery> begun = runSql(m_db, u"BEGIN IMMEDIATE"_s); !begun)
        return begun.error();
    m_active = true;
    return success();
}

Result<void> WriteTransaction::commit()
{
    Q_ASSERT(m_active);
    Result<QSqlQuery> committed = runSql(m_db, u"COMMIT"_s);
    if (!committed) {
        rollback();
        return committed.error();
    }
    m_active = false;
    return success();
}

void WriteTransaction::rollback()
{
    if (!m_active)
        return;
    m_active = false;
    QSqlQuery query(m_db);
    query.exec(u"ROLLBACK"_s);
}

} // namespace counterline::store
