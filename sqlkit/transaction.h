#pragma once

#include "domain/result.h"

#include <QSqlDatabase>

namespace counterline::sqlkit {

// A write transaction, rolled back unless commit() succeeds. On SQLite it is taken with
// BEGIN IMMEDIATE, so that it never has to upgrade a read lock while another connection writes
// (two writers would otherwise deadlock, one of them told "database is locked" at once).
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

} // namespace counterline::sqlkit
