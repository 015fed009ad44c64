#include "server/stock_ledger.h"

#include "sqlkit/statement.h"
#include "sqlkit/time_text.h"
#include "sqlkit/transaction.h"

using namespace Qt::StringLiterals;

namespace counterline::server {

namespace {

Result<void> insertMovement(const QSqlDatabase &db, const QString &orderId, const QString &step,
                            const QString &sku, qint64 quantity, bool belowZero,
                            const QDateTime &at)
{
    Result<QSqlQuery> ran =
        sqlkit::exec(db,
                     u"INSERT INTO stock_movements (order_id, step, sku, quantity, "
                     "at, below_zero) VALUES (?, ?, ?, ?, ?, ?)"_s,
                     {orderId, step, sku, quantity, sqlkit::timeText(at), belowZero ? 1 : 0});
    if (!ran)
        return ran.error();
    return success();
}

} // namespace

Result<void> StockLedger::record(const QSqlDatabase &db, const QString &orderId,
                                 const QString &storeId, const QString &step,
                                 const Quantities &quantities, const QDateTime &at)
{
    for (auto it = quantities.cbegin(); it != quantities.cend(); ++it) {
        Result<QSqlQuery> moved = sqlkit::exec(db,
                                               u"UPDATE stock SET on_hand = on_hand + ? "
                                               "WHERE store_id = ? AND sku = ? RETURNING on_hand"_s,
                                               {it.value(), storeId, it.key()});
        if (!moved)
            return moved.error();
        const bool belowZero = moved.value().next() && moved.value().value(0).toLongLong() < 0;
        moved.value().finish();
        if (Result<void> inserted =
                insertMovement(db, orderId, step, it.key(), it.value(), belowZero, at);
            !inserted) {
            return inserted.error();
        }
    }
    return success();
}

Result<void> StockLedger::reserve(const QSqlDatabase &db, const QString &orderId,
                                  const QString &storeId, const Quantities &quantities,
                                  const QDateTime &at)
{
    for (auto it = quantities.cbegin(); it != quantities.cend(); ++it) {
        const qint64 wanted = -it.value();
        // One conditional statement: two reservations at once cannot both take the last items.
        Result<QSqlQuery> taken = sqlkit::exec(db,
                                               u"UPDATE stock SET on_hand = on_hand - ? "
                                               "WHERE store_id = ? AND sku = ? AND on_hand >= ?"_s,
                                               {wanted, storeId, it.key(), wanted});
        if (!taken)
            return taken.error();
        if (taken.value().numRowsAffected() != 1) {
            Result<QSqlQuery> left =
                sqlkit::exec(db, u"SELECT on_hand FROM stock WHERE store_id = ? AND sku = ?"_s,
                             {storeId, it.key()});
            if (!left)
                return left.error();
            const qint64 onHand = left.value().next() ? left.value().value(0).toLongLong() : 0;
            return Error{u"stock.insufficient"_s,
                         tr("Store %1 has %2 of %3 on hand; the order asks for %4.")
                             .arg(storeId)
                             .arg(onHand)
                             .arg(it.key())
                             .arg(wanted)};
        }
        if (Result<void> inserted =
                insertMovement(db, orderId, u"reserve"_s, it.key(), it.value(), false, at);
            !inserted) {
            return inserted.error();
        }
    }
    return success();
}

Result<StockLedger::Quantities> StockLedger::takenBy(const QSqlDatabase &db, const QString &orderId,
                                                     const QString &step)
{
    Result<QSqlQuery> found = sqlkit::exec(
        db, u"SELECT sku, quantity FROM stock_movements WHERE order_id = ? AND step = ?"_s,
        {orderId, step});
    if (!found)
        return found.error();
    Quantities back;
    while (found.value().next())
        back[found.value().value(0).toString()] = -found.value().value(1).toLongLong();
    return back;
}

} // namespace counterline::server
