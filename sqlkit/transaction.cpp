#include "sqlkit/transaction.h"

#include "sqlkit/statement.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace counterline::sqlkit {

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
    Result<QSqlQuery> begun = exec(m_db, sqlite ? u"BEGIN IMMEDIATE"_s : u"BEGIN"_s);
    if (!begun)
        return begun.error();
    m_active = true;
    return success();
}

Result<void> Transaction::commit()
{
    Result<QSqlQuery> committed = exec(m_db, u"COMMIT"_s);
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

} // namespace counterline::sqlkit
