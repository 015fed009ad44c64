#include "store/sql.h"

#include <QCoreApplication>
#include <QSqlError>

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

} // namespace

Result<QSqlQuery> runSql(const QSqlDatabase &db, const QString &sql, const QVariantList &values)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return sqlError(sql, query.lastError());
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec())
        return sqlError(sql, query.lastError());
    return query;
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
