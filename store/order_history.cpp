#include "store/order_history.h"

#include "sqlkit/time_text.h"
#include "store/sql.h"

#include <QCoreApplication>
#include <QScopeGuard>
#include <QSqlDriver>

#include <sqlite3.h>

using namespace Qt::StringLiterals;

namespace counterline::store {

OrderHistory::OrderHistory(const Database &database)
    : m_db(database.connection())
{}

OrderHistory::Statement OrderHistory::pageStatement(const OrderFilter &filter,
                                                    const std::optional<HistoryCursor> &after,
                                                    int limit)
{
    Statement statement;
    QStringList where;
    auto add = [&](const QString &condition, const QVariantList &values) {
        where.append(condition);
        statement.values.append(values);
    };
    if (filter.from)
        add(u"o.created_at >= ?"_s, {sqlkit::timeText(*filter.from)});
    // With a cursor, the cursor's time is the tighter upper bound for the index range: SQLite
    // uses one upper bound on created_at, and the row-value comparison alone does not bound it.
    const bool cursorBounds =
        after && (!filter.to || after->createdAt < sqlkit::timeText(*filter.to));
    if (cursorBounds)
        add(u"o.created_at <= ?"_s, {after->createdAt});
    else if (filter.to)
        add(u"o.created_at < ?"_s, {sqlkit::timeText(*filter.to)});
    if (filter.status)
        add(u"o.status = ?"_s, {orderStatusName(*filter.status)});
    if (!filter.cashierId.isEmpty())
        add(u"o.cashier_id = ?"_s, {filter.cashierId});
    if (!filter.customerId.isEmpty())
        add(u"o.customer_id = ?"_s, {filter.customerId});
    if (!filter.receiptNumber.isEmpty())
        add(u"o.receipt_no = ?"_s, {filter.receiptNumber});
    if (!filter.sku.isEmpty())
        add(u"o.id IN (SELECT l.order_id FROM order_lines l WHERE l.sku = ?)"_s, {filter.sku});
    if (filter.minTotalMinor)
        add(u"o.total_minor >= ?"_s, {*filter.minTotalMinor});
    if (filter.maxTotalMinor)
        add(u"o.total_minor <= ?"_s, {*filter.maxTotalMinor});
    if (after)
        add(u"(o.created_at, o.id) < (?, ?)"_s, {after->createdAt, after->id});

    statement.sql = u"SELECT o.id, o.receipt_no, o.created_at, o.status, o.version, o.cashier_id, "
                    "o.customer_id, o.total_minor, o.currency, o.sync_state, o.kind "
                    "FROM orders o"_s;
    if (!where.isEmpty())
        statement.sql += u" WHERE "_s + where.join(u" AND "_s);
    statement.sql += u" ORDER BY o.created_at DESC, o.id DESC LIMIT %1"_s.arg(limit);
    return statement;
}

namespace {

// History pages are read through SQLite's own API on the connection QtSql opened
// (store::nativeHandle): a page of 50 rows costs half as much as through QSqlQuery's per-value
// QVariants, which is what keeps paging within reach of the sqlite3 shell.

QString columnText(sqlite3_stmt *statement, int column)
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(statement, column));
    return text ? QString::fromUtf8(text, sqlite3_column_bytes(statement, column)) : QString();
}

} // namespace

Result<OrderPage> OrderHistory::page(const OrderFilter &filter,
                                     const std::optional<HistoryCursor> &after, int limit)
{
    limit = std::clamp(limit, 1, 1000);
    // One row more than asked tells whether another page follows.
    const Statement statement = pageStatement(filter, after, limit + 1);
    sqlite3 *db = nativeHandle(m_db);
    if (!db) {
        return Error{u"store.not_sqlite"_s,
                     QCoreApplication::translate("counterline::store",
                                                 "The order history needs a SQLite connection.")};
    }
    const QByteArray sql = statement.sql.toUtf8();
    sqlite3_stmt *prepared = nullptr;
    if (sqlite3_prepare_v2(db, sql.constData(), int(sql.size()), &prepared, nullptr) != SQLITE_OK)
        return sqliteError(statement.sql, db, sqlite3_errcode(db));
    const auto finalize = qScopeGuard([prepared] { sqlite3_finalize(prepared); });
    for (qsizetype i = 0; i < statement.values.size(); ++i) {
        const QVariant &value = statement.values[i];
        const int index = int(i + 1);
        if (value.typeId() == QMetaType::QString) {
            const QByteArray text = value.toString().toUtf8();
            sqlite3_bind_text(prepared, index, text.constData(), int(text.size()),
                              SQLITE_TRANSIENT);
        } else {
            sqlite3_bind_int64(prepared, index, value.toLongLong());
        }
    }

    OrderPage page;
    QString lastCreatedText;
    Currency currency;
    int step = SQLITE_ROW;
    while ((step = sqlite3_step(prepared)) == SQLITE_ROW) {
        if (page.orders.size() == limit) {
            page.next = HistoryCursor{lastCreatedText, page.orders.last().id};
            break;
        }
        const QString currencyCode = columnText(prepared, 8);
        if (currencyCode != currency.code()) { // every order of a terminal has the same one
            Result<Currency> found = Currency::fromCode(currencyCode);
            if (!found)
                return found.error();
            currency = *found;
        }
        Result<OrderStatus> status = orderStatusFromName(columnText(prepared, 3));
        if (!status)
            return status.error();
        lastCreatedText = columnText(prepared, 2);
        page.orders.append(OrderSummary{
            columnText(prepared, 0), columnText(prepared, 1), sqlkit::timeFromText(lastCreatedText),
            *status, sqlite3_column_int(prepared, 4), columnText(prepared, 5),
            columnText(prepared, 6), Money(sqlite3_column_int64(prepared, 7), currency),
            columnText(prepared, 9), columnText(prepared, 10) == u"return"_s});
    }
    if (step != SQLITE_ROW && step != SQLITE_DONE)
        return sqliteError(statement.sql, db, sqlite3_errcode(db));
    return page;
}

} // namespace counterline::store
