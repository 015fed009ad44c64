#pragma once

#include "domain/result.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariantList>

namespace counterline::store {

// Prepares `sql`, binds `values` to its positional placeholders in order and runs it. The error
// names the statement and carries SQLite's own words (trigger messages included).
//
// Writes (INSERT, UPDATE, DELETE) are prepared once per connection and reused, which halves the
// cost of a checkout. Reads are prepared each time, so that no half-read statement outlives its
// caller and pins an old snapshot of the database.
Result<QSqlQuery> runSql(const QSqlDatabase &db, const QString &sql,
                         const QVariantList &values = {});

// A read on a hot path, prepared once and reused like a write. The caller must call finish() on
// the returned query when done with it (or read it to the end), so that it does not hold on to a
// snapshot of the database.
Result<QSqlQuery> runReusedRead(const QSqlDatabase &db, const QString &sql,
                                const QVariantList &values = {});

// Database registers its connection for reusable statements when it opens it, and drops them
// before it closes it. Other connections (tests, tools) prepare every statement.
void keepStatements(const QString &connectionName);
void forgetStatements(const QString &connectionName);

// The first column of the first row, or an error when the statement fails or returns no row.
Result<QVariant> selectValue(const QSqlDatabase &db, const QString &sql,
                             const QVariantList &values = {});

// A write transaction taken with BEGIN IMMEDIATE, so that it never has to upgrade a read lock
// while another connection writes. Rolled back unless commit() succeeds.
class WriteTransaction
{
public:
    explicit WriteTransaction(QSqlDatabase db);
    ~WriteTransaction();
    WriteTransaction(const WriteTransaction &) = delete;
    WriteTransaction &operator=(const WriteTransaction &) = delete;

    Result<void> begin();
    Result<void> commit();
    void rollback();

private:
    QSqlDatabase m_db;
    bool m_active = false;
};

} // namespace counterline::store
