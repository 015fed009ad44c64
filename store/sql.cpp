#include "store/sql.h"

#include "sqlkit/statement.h"

#include <QCoreApplication>
#include <QHash>
#include <QMutex>
#include <QSqlDriver>
#include <QSqlError>
#include <QVarLengthArray>

#include <memory>
#include <sqlite3.h>
#include <unordered_map>

using namespace Qt::StringLiterals;

namespace counterline::store {

namespace {

// SQLite's words for why it refused `sql`, classified as sqlkit::exec classifies them.
Error nativeError(const QString &sql, const QString &message, int code)
{
    return sqlkit::failure(sql, message, QString::number(code));
}

Error sqlError(const QString &sql, const QSqlError &error)
{
    return nativeError(sql, error.text(), error.nativeErrorCode().toInt());
}

// An sqlite3 statement of our own, prepared on a connection's handle.
struct NativeStatement
{
    explicit NativeStatement(sqlite3_stmt *statement)
        : handle(statement)
    {}
    ~NativeStatement() { sqlite3_finalize(handle); }
    NativeStatement(const NativeStatement &) = delete;
    NativeStatement &operator=(const NativeStatement &) = delete;

    sqlite3_stmt *handle;
};

// The reusable statements of one connection that Database opened: reads prepared through QtSql
// and writes prepared on SQLite itself. A connection is used by one thread at a time (QtSql's
// rule); the registry's mutex guards only the registry.
struct ConnectionStatements
{
    QHash<QString, QSqlQuery> reads;
    std::unordered_map<QString, std::unique_ptr<NativeStatement>> writes;
};

struct StatementRegistry
{
    QMutex mutex;
    QHash<QString, std::shared_ptr<ConnectionStatements>> byConnection;
};

StatementRegistry &registry()
{
    static StatementRegistry instance;
    return instance;
}

std::shared_ptr<ConnectionStatements> statementsOf(const QString &connectionName)
{
    StatementRegistry &r = registry();
    QMutexLocker lock(&r.mutex);
    return r.byConnection.value(connectionName);
}

Result<QSqlQuery> runPrepared(QSqlQuery &query, const QString &sql, const QVariantList &values)
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

// What QtSql's SQLite driver binds as NULL: an empty variant, and a null string or byte array
// (QVariant::isNull does not look inside since Qt 6; the driver does).
bool isNullValue(const QVariant &value)
{
    if (value.isNull())
        return true;
    switch (value.typeId()) {
    case QMetaType::QString:
        return static_cast<const QString *>(value.constData())->isNull();
    case QMetaType::QByteArray:
        return static_cast<const QByteArray *>(value.constData())->isNull();
    default:
        return false;
    }
}

// Binds `values` as QtSql's SQLite driver binds them (a null variant, or a variant holding a
// null string, is NULL; integers as integers; bytes as a blob; anything else as text, in UTF-8).
// `keep` holds the bytes until the statement has run.
Result<void> bindAll(sqlite3_stmt *statement, const QString &sql, sqlite3 *handle,
                     const QVariantList &values, QVarLengthArray<QByteArray, 24> &keep)
{
    for (qsizetype i = 0; i < values.size(); ++i) {
        const QVariant &value = values[i];
        const int at = int(i) + 1;
        auto bindText = [&](const QString &text) {
            keep.append(text.toUtf8());
            return sqlite3_bind_text64(statement, at, keep.last().constData(),
                                       sqlite3_uint64(keep.last().size()), SQLITE_STATIC,
                                       SQLITE_UTF8);
        };
        int bound = SQLITE_OK;
        if (isNullValue(value)) {
            bound = sqlite3_bind_null(statement, at);
        } else {
            switch (value.typeId()) {
            case QMetaType::Int:
            case QMetaType::UInt:
            case QMetaType::LongLong:
            case QMetaType::ULongLong:
            case QMetaType::Bool:
                bound = sqlite3_bind_int64(statement, at, value.toLongLong());
                break;
            case QMetaType::Double:
                bound = sqlite3_bind_double(statement, at, value.toDouble());
                break;
            case QMetaType::QByteArray:
                keep.append(value.toByteArray());
                bound = sqlite3_bind_blob64(statement, at, keep.last().constData(),
                                            sqlite3_uint64(keep.last().size()), SQLITE_STATIC);
                break;
            case QMetaType::QDateTime:
                bound = bindText(value.toDateTime().toString(Qt::ISODateWithMs));
                break;
            default:
                bound = bindText(value.toString());
            }
        }
        if (bound != SQLITE_OK)
            return sqliteError(sql, handle, bound);
    }
    return success();
}

// Runs a prepared statement to its end and leaves it reset, with nothing bound.
Result<qint64> step(sqlite3_stmt *statement, const QString &sql, sqlite3 *handle,
                    const QVariantList &values)
{
    QVarLengthArray<QByteArray, 24> keep;
    Result<qint64> result = qint64(0);
    if (Result<void> bound = bindAll(statement, sql, handle, values, keep); !bound) {
        result = bound.error();
    } else {
        int code = sqlite3_step(statement);
        while (code == SQLITE_ROW)
            code = sqlite3_step(statement);
        if (code == SQLITE_DONE)
            result = qint64(sqlite3_changes64(handle));
        else
            result = sqliteError(sql, handle, code);
    }
    sqlite3_reset(statement);
    sqlite3_clear_bindings(statement);
    return result;
}

} // namespace

void keepStatements(const QString &connectionName)
{
    StatementRegistry &r = registry();
    QMutexLocker lock(&r.mutex);
    r.byConnection.insert(connectionName, std::make_shared<ConnectionStatements>());
}

void forgetStatements(const QString &connectionName)
{
    std::shared_ptr<ConnectionStatements> statements;
    {
        StatementRegistry &r = registry();
        QMutexLocker lock(&r.mutex);
        statements = r.byConnection.take(connectionName);
    }
    // The prepared statements are released here, before the connection closes.
}

sqlite3 *nativeHandle(const QSqlDatabase &db)
{
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

Error sqliteError(const QString &sql, sqlite3 *handle, int code)
{
    return nativeError(sql, QString::fromUtf8(sqlite3_errmsg(handle)), code);
}

namespace {

Result<QSqlQuery> runReused(const QSqlDatabase &db, const QString &sql, const QVariantList &values)
{
    const std::shared_ptr<ConnectionStatements> reusable = statementsOf(db.connectionName());
    if (!reusable)
        return sqlkit::exec(db, sql, values);
    QHash<QString, QSqlQuery> &statements = reusable->reads;
    auto cached = statements.find(sql);
    if (cached == statements.end()) {
        QSqlQuery query(db);
        query.setForwardOnly(true);
        if (!query.prepare(sql))
            return sqlError(sql, query.lastError());
        cached = statements.insert(sql, query);
    }
    return runPrepared(*cached, sql, values);
}

} // namespace

Result<qint64> execute(const QSqlDatabase &db, const QString &sql, const QVariantList &values)
{
    sqlite3 *handle = nativeHandle(db);
    if (!handle)
        return nativeError(sql, u"the connection is not an open SQLite database"_s, SQLITE_MISUSE);
    auto prepare = [&](unsigned flags) -> Result<std::unique_ptr<NativeStatement>> {
        const QByteArray text = sql.toUtf8();
        sqlite3_stmt *prepared = nullptr;
        const int code = sqlite3_prepare_v3(handle, text.constData(), int(text.size()), flags,
                                            &prepared, nullptr);
        auto owned = std::make_unique<NativeStatement>(prepared);
        if (code != SQLITE_OK)
            return sqliteError(sql, handle, code);
        return owned;
    };
    const std::shared_ptr<ConnectionStatements> reusable = statementsOf(db.connectionName());
    if (!reusable) {
        Result<std::unique_ptr<NativeStatement>> once = prepare(0);
        if (!once)
            return once.error();
        return step(once.value()->handle, sql, handle, values);
    }
    auto cached = reusable->writes.find(sql);
    if (cached == reusable->writes.end()) {
        Result<std::unique_ptr<NativeStatement>> prepared = prepare(SQLITE_PREPARE_PERSISTENT);
        if (!prepared)
            return prepared.error();
        cached = reusable->writes.emplace(sql, std::move(prepared.value())).first;
    }
    return step(cached->second->handle, sql, handle, values);
}

Result<QSqlQuery> runReusedRead(const QSqlDatabase &db, const QString &sql,
                                const QVariantList &values)
{
    return runReused(db, sql, values);
}

namespace {

Result<QVariant> firstValue(Result<QSqlQuery> query, const QString &sql)
{
    if (!query)
        return query.error();
    QSqlQuery &row = query.value();
    if (!row.next()) {
        return Error{u"sql.no_row"_s,
                     QCoreApplication::translate("counterline::store", "\"%1\" found nothing")
                         .arg(sql.simplified().left(120))};
    }
    const QVariant value = row.value(0);
    row.finish();
    return value;
}

} // namespace

Result<QVariant> selectReusedValue(const QSqlDatabase &db, const QString &sql,
                                   const QVariantList &values)
{
    return firstValue(runReusedRead(db, sql, values), sql);
}

} // namespace counterline::store
