#pragma once

#include "domain/money.h"
#include "domain/order_state_machine.h"
#include "domain/result.h"
#include "store/database.h"

#include <QDateTime>

#include <optional>

namespace counterline::store {

// What the history browser asks for. Every set field narrows the result; each has an index.
struct OrderFilter
{
    std::optional<QDateTime> from; // inclusive
    std::optional<QDateTime> to;   // exclusive
    std::optional<OrderStatus> status;
    QString cashierId;
    QString customerId;
    QString receiptNumber;
    QString sku;
    std::optional<qint64> minTotalMinor;
    std::optional<qint64> maxTotalMinor;
};

struct OrderSummary
{
    QString id;
    QString receiptNumber;
    QDateTime createdAt;
    OrderStatus status = OrderStatus::Created;
    int version = 0;
    QString cashierId;
    QString customerId;
    Money total;
    QString syncState;
    bool isReturn = false; // a return order: `total` was paid back
};

// Where a page ended: newest first, so the next page holds what is older than this.
struct HistoryCursor
{
    QString createdAt; // stored text form
    QString id;
};

struct OrderPage
{
    QList<OrderSummary> orders;
    std::optional<HistoryCursor> next; // empty on the last page
};

// Keyset pagination over the terminal's orders, newest first. No OFFSET: a deep page costs what
// the first one costs.
class OrderHistory
{
public:
    explicit OrderHistory(const Database &database);

    Result<OrderPage> page(const OrderFilter &filter, const std::optional<HistoryCursor> &after,
                           int limit = 50);

    // The SQL and its bound values for a page, for EXPLAIN QUERY PLAN tests and benchmarks.
    struct Statement
    {
        QString sql;
        QVariantList values;
    };
    static Statement pageStatement(const OrderFilter &filter,
                                   const std::optional<HistoryCursor> &after, int limit);

private:
    QSqlDatabase m_db;
};

} // namespace counterline::store
