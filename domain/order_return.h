#pragma once

#include "domain/order.h"

namespace counterline {

// The part of a sold line's amounts that some of its units give back when they are returned.
struct ReturnShare
{
    qint64 discount = 0;
    qint64 net = 0;
    qint64 tax = 0;
    qint64 total = 0;
};

// What returning `quantity` more units of a line sold `sold` times gives back, after
// `returnedBefore` units came back already. Each return takes the difference of the rounded
// cumulative shares, so the returns of all units add up to the sold line exactly, however they
// are split. Both the till and the server compute it: the server checks the till's figures.
Result<ReturnShare> returnShare(const OrderLine &sold, qint64 returnedBefore, qint64 quantity);

// A sold line and how many of its units have come back already.
struct ReturnableLine
{
    OrderLine line;
    qint64 returned = 0;

    qint64 returnable() const { return line.quantity - returned; }
};

// The sale a return is made against, as its store holds it.
struct ReturnSource
{
    QUuid orderId;
    QString receiptNo;
    OrderKind kind = OrderKind::Sale;
    OrderStatus status = OrderStatus::Completed;
    Currency currency;
    PricingPolicy policy;
    QList<ReturnableLine> lines;
};

// Units of one sold line that the customer brings back.
struct ReturnItem
{
    int lineNo = 0; // the sold line's number
    qint64 quantity = 0;
};

} // namespace counterline
