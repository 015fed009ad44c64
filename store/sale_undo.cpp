#include "store/sale_undo.h"

#include "sqlkit/statement.h"
#include "sqlkit/time_text.h"
#include "store/sql.h"

#include <QCoreApplication>
#include <QSet>

using namespace Qt::StringLiterals;

namespace counterline::store {

// What each tender of a sale undone in full came to: checked against the tenders (one each, never
// more than it paid, none for a card the server captures) and kept.
Result<void> SaleUndo::recordRefunds(const QSqlDatabase &db, const QString &orderId,
                                     const QList<TenderRefund> &refunds, const QDateTime &at)
{
    if (refunds.isEmpty())
        return success();
    Result<QSqlQuery> found =
        sqlkit::exec(db,
                     u"SELECT t.kind, t.amount_minor, t.reference, t.needs_capture, "
                     "o.change_minor, o.currency FROM tenders t JOIN orders o "
                     "ON o.id = t.order_id WHERE t.order_id = ? ORDER BY t.seq"_s,
                     {orderId});
    if (!found)
        return found.error();
    QList<Tender> tenders;
    qint64 change = 0;
    Currency currency;
    while (found.value().next()) {
        const QSqlQuery &row = found.value();
        currency = *Currency::fromCode(row.value(5).toString());
        tenders.append(Tender{*tenderKindFromName(row.value(0).toString()),
                              Money(row.value(1).toLongLong(), currency), row.value(2).toString(),
                              row.value(3).toInt() == 1});
        change = row.value(4).toLongLong();
    }
    found.value().finish();
    const QList<Money> shares = tenderShares(tenders, Money(change, currency));
    QSet<int> seen;
    for (const TenderRefund &refund : refunds) {
        const qsizetype at_ = refund.tender - 1;
        const bool known = at_ >= 0 && at_ < tenders.size() && !seen.contains(refund.tender);
        if (!known || tenders[at_].needsCapture ||
            refund.amount.minorUnits() > shares[at_].minorUnits() || refund.amount.isNegative()) {
            return Error{u"store.bad_refund"_s,
                         QCoreApplication::translate("counterline::store::OrderStore",
                                                     "Tender %1 of order %2 cannot give back %3.")
                             .arg(refund.tender)
                             .arg(orderId, refund.amount.toString())};
        }
        seen.insert(refund.tender);
        Result<qint64> kept = execute(
            db,
            u"INSERT INTO refunds (order_id, tender_seq, amount_minor, outcome, refund_id, at) "
            "VALUES (?, ?, ?, ?, ?, ?)"_s,
            {orderId, refund.tender, refund.amount.minorUnits(),
             tenderRefundOutcomeName(refund.outcome),
             refund.refundId.isEmpty() ? QVariant() : QVariant(refund.refundId),
             sqlkit::timeText(at)});
        if (!kept)
            return kept.error();
    }
    return success();
}

// A sale undone in full: its goods are back on the shelf here too (the server restocks its own
// books; the next catalog pull agrees).
Result<void> SaleUndo::restock(const QSqlDatabase &db, const QString &orderId)
{
    Result<qint64> back =
        execute(db,
                u"UPDATE stock SET on_hand = on_hand + (SELECT SUM(l.quantity) FROM order_lines l "
                "WHERE l.order_id = ? AND l.sku = stock.sku) "
                "WHERE sku IN (SELECT sku FROM order_lines WHERE order_id = ?)"_s,
                {orderId, orderId});
    return back ? success() : Result<void>(back.error());
}

} // namespace counterline::store
