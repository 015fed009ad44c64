#pragma once

#include "domain/result.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariantList>

namespace counterline::store {

// Prepares `sql`, binds `values` to its positional placeholders in order and runs it. The error
// names the statement and carries SQLite's own words (trigger messages included).
Result<QSqlQuery> runSql(const QSqlDatabase &db, const QString &sql,
                         const QVariantList &values = {});

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
