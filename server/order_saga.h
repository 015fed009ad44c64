#pragma once

#include "domain/clock.h"
#include "domain/result.h"
#include "server/order_ingest.h"
#include "server/payment_gateway.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QSqlDatabase>

#include <chrono>
#include <optional>

namespace counterline::server {

// Where an order's saga stands (`sagas`).
struct SagaState
{
    QString orderId;
    QString kind; // "counter" or "remote"
    QString step; // charge, confirm, compensate; or done, cancelled, follow_up when finished
    QString chargeId;
    QString reason;
    int attempts = 0;

    bool finished() const;
    QJsonObject toJson() const;
};

// What the saga needs from outside: the payment service, the clock, and how long a runner holds
// a saga before another (the recovery worker) may take it over.
struct SagaContext
{
    const PaymentGateway &payments;
    const Clock &clock;
    std::chrono::seconds lease;
};

// The saga of BRIEF §6 for every order: reserve stock → charge → confirm, compensated in reverse
// (refund, release stock, cancel with the reason) when a step fails.
//
// The reservation is made by the ingest, in the order's own transaction (a remote order asking
// for more than is on hand is refused before anything is written or charged; a counter sale's
// stock leaves as it was sold). The charge carries the key `order:<id>:charge`, so a retry after
// a crash or a lost answer is a replay at the payment service, and an unknown outcome is settled
// by asking about that key. Each step's recovery point (`sagas.step`) changes in the same
// transaction as the step's effects, guarded by the step it leaves: two runners cannot both
// complete a step.
class OrderSaga
{
    Q_DECLARE_TR_FUNCTIONS(OrderSaga)

public:
    enum class Kind
    {
        Counter, // arrived paid from a till; only needs_capture tenders are charged
        Remote   // arrived CREATED with a payment token; PAID once charged
    };

    // Written by the ingest in the order's transaction. A sale with nothing to charge is done.
    static Result<void> start(const QSqlDatabase &db, const QString &orderId, Kind kind,
                              bool hasCharge, const QDateTime &now, std::chrono::seconds lease);

    static Result<SagaState> read(const QSqlDatabase &db, const QString &orderId);

    // Takes an unfinished saga for this runner if nobody holds it; false when someone does.
    static Result<bool> claim(const QSqlDatabase &db, const QString &orderId, const QDateTime &now,
                              std::chrono::seconds lease);

    // Runs the saga from its recovery point as far as it can go now: to its end, or to a step
    // whose outcome must wait (the payment service did not answer; tried again later).
    static Result<SagaState> advance(const QSqlDatabase &db, const QString &orderId,
                                     const SagaContext &context);

    // Unfinished sagas nobody holds whose next attempt is due, oldest first.
    static Result<QStringList> due(const QSqlDatabase &db, const QDateTime &now, int limit);

    // The answer for the request that placed a remote order, from where its saga stands: 201 (or
    // `knownStatus` 200) and the order once PAID, 402 when the payment failed and the order was
    // cancelled, 202 while the charge's outcome is still being settled.
    static Result<IngestAnswer> answerFor(const QSqlDatabase &db, const SagaState &saga,
                                          int createdStatus);

    // Runs a remote order's saga for the request that placed it (`placedStatus` 201) or that
    // found it placed before (200), and settles the request's key: the saga's outcome is stored
    // as the key's answer once it is final; while the charge's outcome is still being settled
    // the key is released and 202 says so (the natural key keeps the order once).
    static Result<IngestAnswer> answerRequest(const QSqlDatabase &db, const QString &orderId,
                                              int placedStatus, const SagaContext &context,
                                              const IdempotencySlot &slot);

    // The saga and each step it took (GET /v1/orders/{id}/saga).
    static Result<QJsonObject> report(const QSqlDatabase &db, const QString &orderId);
};

} // namespace counterline::server
