#pragma once

#include "domain/result.h"
#include "domain/tender_refund.h"

#include <QDateTime>
#include <QSqlDatabase>

namespace counterline::store {

// What a Cancel or Refund of a whole sale does at the till besides moving the order, within the
// caller's transaction (OrderStore::applyEvent).
class SaleUndo
{
public:
    // What each tender's money came to, checked against the tenders: one each, never more than
    // it paid, none for a card the server captures; kept in `refunds`.
    static Result<void> recordRefunds(const QSqlDatabase &db, const QString &orderId,
                                      const QList<TenderRefund> &refunds, const QDateTime &at);

    // The sale's goods back on the shelf here too (the server restocks its own books; the next
    // catalog pull agrees).
    static Result<void> restock(const QSqlDatabase &db, const QString &orderId);
};

} // namespace counterline::store
