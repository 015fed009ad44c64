#pragma once

#include "domain/result.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariantList>

namespace counterline::server {

// Runs one statement with positional bound values (never string-built values). The error names
// the statement; "server.conflict" marks a unique-constraint violation, which callers use to
// detect a concurrent insert of the same key; "server.busy" a database another writer held too
// long (the HTTP layer runs the request again, then answers 503).
Result<QSqlQuery> execSql(const QSqlDatabase &db, const QString &sql,
                          const QVariantList &values = {});

// A time as the server stores it: UTC, ISO 8601 with milliseconds (sorts as text).
QString timeText(const QDateTime &at);

// Drops this thread's prepared statements of a connection (before the connection reopens).
void forgetPrepared(const QString &connectionName);

// A transaction on a server connection; rolled back unless committed.
class Transaction
{
public:
    explicit Transaction(QSqlDatabase db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    Result<void> begin();
    Result<void> commit();
    void rollback();

private:
    QSqlDatabase m_db;
    bool m_active = false;
};

} // namespace counterline::server
