#pragma once

#include "domain/result.h"
#include "server/order_ingest.h"

#include <QCoreApplication>
#include <QSqlDatabase>

namespace counterline::server {

// Checks a return against the sale it gives back from, as this server holds it, inside the
// ingest's transaction: the sale is a paid or completed sale of the same store; every line names
// one of its lines with the same SKU, unit price and tax rate; no more units come back than are
// left; and each line's discount and total are the share domain's returnShare gives. The sale's row
// is locked first, so that a cancel or full refund of it and a return cannot pass each other.
class ReturnCheck
{
    Q_DECLARE_TR_FUNCTIONS(ReturnCheck)

public:
    // Holds the sale's row for the rest of the transaction; "return.original_unknown" unless the
    // sale the return names is held here. First, before the return is looked up or written.
    static Result<void> lockOriginal(const QSqlDatabase &db, const protocol::WireOrder &order);

    // With the sale held: fills in each line's tax (its share of the sold line's) and returns the
    // return's tax, before the return is written (an order's figures never change once stored).
    static Result<qint64> verify(const QSqlDatabase &db, protocol::WireOrder &order);
};

} // namespace counterline::server
