#pragma once

#include "domain/clock.h"
#include "domain/result.h"
#include "server/payment_gateway.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSqlDatabase>

#include <chrono>

namespace counterline::server {

// One refund the server owes through the payment service.
struct OwedRefund
{
    QString orderId;
    QString chargeId;
    qint64 amountMinor = 0;
    QString currency;
    QString reason;
    QString requestedBy;
};

// Where a refund stands: due (never sent), sent (its outcome is asked by key before anything
// else), refunded, or refused (on the follow-up list).
struct RefundStep
{
    QString orderId;
    int n = 0;
    QString state;
};

// Money the server gives back to cards it charged (BRIEF §11: who refunds is who charged), as
// persisted compensation steps: a row per refund of an order (`payment_refunds`) with its own key,
// `order:<id>:refund` for the first and `order:<id>:refund:<n>` after. Owing one is part of the
// transaction that decides it (a cancel, a refund, a saga that captured a voided sale); settling
// it calls the payment service outside any transaction: the row is claimed and marked sent first,
// so a server killed before or after the call resumes by asking the service about the key — a
// refund whose answer was lost is never sent twice. A refund the service refuses goes on the
// follow-up list.
class CardRefunds
{
    Q_DECLARE_TR_FUNCTIONS(CardRefunds)

public:
    static QString keyFor(const QString &orderId, int n);

    // In the caller's transaction: a new refund of at most what is left of the charge (captured
    // minus what is already owed or refunded); nothing when nothing is left. Its number, or 0.
    static Result<int> owe(const QSqlDatabase &db, const OwedRefund &refund, qint64 captured,
                           const QDateTime &at);

    // Settles refund `n` of the order as far as it can now. False when another runner holds it.
    static Result<RefundStep> settle(const QSqlDatabase &db, const QString &orderId, int n,
                                     const PaymentGateway &payments, const Clock &clock,
                                     std::chrono::seconds lease);

    // Settles every refund of the order that is due now; the steps left unsettled.
    static Result<int> settleOrder(const QSqlDatabase &db, const QString &orderId,
                                   const PaymentGateway &payments, const Clock &clock,
                                   std::chrono::seconds lease);

    // Refunds that nobody holds and whose next attempt is due, oldest first.
    static Result<QList<RefundStep>> due(const QSqlDatabase &db, const QDateTime &now, int limit);

    // An order's refunds, for GET /v1/orders/{id}/saga.
    static Result<QJsonArray> report(const QSqlDatabase &db, const QString &orderId);
};

} // namespace counterline::server
