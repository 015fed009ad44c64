#pragma once

#include "domain/order_state_machine.h"
#include "domain/result.h"
#include "server/order_transitions.h"
#include "server/principals.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QSqlDatabase>

namespace counterline::server {

// What a till did with one tender's money when it voided or took back a whole sale (the optional
// "refunds" of a cancel or event body): given back in cash, refunded to the card through the
// payment service (with the refund's id), refunded on a standalone card reader, or owed because
// the payment service could not be reached.
struct TillRefund
{
    int tender = 0; // the tender's number in the order, from 1
    qint64 amountMinor = 0;
    QString outcome; // "given_back", "card_refunded", "reader", "owed"
    QString refundId;
};

// A whole sale undone: Cancel (PAID or CREATED) or Refund (COMPLETED).
struct Reversal
{
    OrderEvent event = OrderEvent::Cancel;
    QString reason;
    bool restock = true;
    bool refundTenders = true;
    QList<TillRefund> tillRefunds;
};

// The goods and the money of an order that was cancelled or refunded as a whole, in the same
// transaction as its move (BRIEF §11): the stock comes back once; each tender's money goes back
// by whoever took it — the till says what it gave back or refunded to the card it charged; a card
// the server captured is refunded by the server (CardRefunds, a persisted step); one the server
// has yet to capture is never captured, or refunded by the saga if its capture was under way; and
// whatever nobody could give back is owed, on the follow-up list. Each tender's outcome is kept
// (`refunds`) with its refund id, so that the other side never refunds again.
class OrderReversal
{
    Q_DECLARE_TR_FUNCTIONS(OrderReversal)

public:
    // The "refunds" member of a body, if present; errors name the field.
    static Result<QList<TillRefund>> parse(const QJsonObject &body);

    static Result<void> apply(const QSqlDatabase &db, const Principal &caller,
                              const ChangeActor &actor, const QString &orderId,
                              const StoredState &before, const Reversal &reversal,
                              const QDateTime &at);
};

} // namespace counterline::server
