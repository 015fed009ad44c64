#pragma once

#include "domain/result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QMap>
#include <QSqlDatabase>

namespace counterline::server {

// Stock on hand per store and SKU (`stock.on_hand`), moved only together with a row in
// `stock_movements`, unique per (order, step, SKU) so that no retry moves stock twice.
class StockLedger
{
    Q_DECLARE_TR_FUNCTIONS(StockLedger)

public:
    // Quantities per SKU: negative takes stock, positive returns it.
    using Quantities = QMap<QString, qint64>;

    // A counter sale, a restock, a release: stock may go below zero (the goods have left the
    // shop); such movements are flagged `below_zero`. SKUs the store does not stock are recorded
    // as movements only. Runs inside the caller's transaction.
    static Result<void> record(const QSqlDatabase &db, const QString &orderId,
                               const QString &storeId, const QString &step,
                               const Quantities &quantities, const QDateTime &at);

    // A reservation for a remote order: all or nothing. "stock.insufficient" names the first SKU
    // with less on hand than asked for; the caller's transaction must then be rolled back.
    static Result<void> reserve(const QSqlDatabase &db, const QString &orderId,
                                const QString &storeId, const Quantities &quantities,
                                const QDateTime &at);

    // What an order took in `step`, as quantities to give back.
    static Result<Quantities> takenBy(const QSqlDatabase &db, const QString &orderId,
                                      const QString &step);
};

} // namespace counterline::server
