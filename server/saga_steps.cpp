#include "server/saga_steps.h"

#include "server/card_refunds.h"
#include "server/fault_point.h"
#include "server/follow_ups.h"
#include "server/order_transitions.h"
#include "server/stock_ledger.h"
#include "sqlkit/statement.h"
#include "sqlkit/time_text.h"
#include "sqlkit/transaction.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace counterline::server::saga {

namespace {

// The tender the saga charges, with the order's currency.
struct Capture
{
    qint64 amount = 0;
    QString token;
    QString currency;
};

Result<std::optional<Capture>> captureOf(const QSqlDatabase &db, const QString &orderId)
{
    Result<QSqlQuery> found = sqlkit::exec(
        db,
        u"SELECT t.amount_minor, t.payment_token, o.currency FROM tenders t "
        "JOIN orders o ON o.id = t.order_id WHERE t.order_id = ? AND t.needs_capture = 1 "
        "ORDER BY t.seq"_s,
        {orderId});
    if (!found)
        return found.error();
    if (!found.value().next())
        return std::optional<Capture>();
    const Capture capture{found.value().value(0).toLongLong(), found.value().value(1).toString(),
                          found.value().value(2).toString()};
    found.value().finish();
    return std::optional<Capture>(capture);
}

// Runs `effects` and the move of the recovery point in one transaction; `effects` answers false
// when another runner moved the saga first (the transaction is then rolled back).
template<typename Effects>
Result<void> inTransaction(const QSqlDatabase &db, Effects effects)
{
    sqlkit::Transaction transaction(db);
    if (Result<void> begun = transaction.begin(); !begun)
        return begun;
    Result<bool> done = effects();
    if (!done)
        return done.error();
    if (!*done) {
        transaction.rollback();
        return success();
    }
    return transaction.commit();
}

bool voided(OrderStatus status)
{
    return status == OrderStatus::Cancelled || status == OrderStatus::Refunded;
}

QString chargeKey(const QString &orderId)
{
    return u"order:%1:charge"_s.arg(orderId);
}

// A charge that was never made ends here: a voided counter sale is cancelled with nothing
// charged; a remote order is compensated (its reservation released).
Result<void> endUncharged(const QSqlDatabase &db, const SagaState &saga, const QString &why,
                          const QDateTime &now)
{
    return inTransaction(db, [&]() -> Result<bool> {
        const bool remote = saga.kind == u"remote"_s;
        Result<bool> moved = moveStep(db, saga.orderId, u"charge"_s,
                                      remote ? u"compensate"_s : u"cancelled"_s, now, {}, why);
        if (!moved || !*moved)
            return moved;
        if (Result<void> step =
                recordStep(db, saga.orderId, u"charge"_s, u"not_charged"_s, why, now);
            !step) {
            return step.error();
        }
        return true;
    });
}

Result<void> recordCapture(const QSqlDatabase &db, const SagaState &saga,
                           const PaymentOutcome &outcome, const QDateTime &at)
{
    return inTransaction(db, [&]() -> Result<bool> {
        Result<bool> moved = moveStep(db, saga.orderId, u"charge"_s, u"confirm"_s, at, outcome.id);
        if (!moved || !*moved)
            return moved;
        if (Result<void> step =
                recordStep(db, saga.orderId, u"charge"_s, u"captured"_s, outcome.id, at);
            !step) {
            return step.error();
        }
        return true;
    });
}

// A sale that left the shop stays a sale: a person follows it up. A remote order is compensated:
// its reservation released, the order cancelled.
Result<void> recordDecline(const QSqlDatabase &db, const SagaState &saga, const Capture &capture,
                           const QString &why, const QDateTime &at)
{
    const bool remote = saga.kind == u"remote"_s;
    return inTransaction(db, [&]() -> Result<bool> {
        Result<bool> moved = moveStep(db, saga.orderId, u"charge"_s,
                                      remote ? u"compensate"_s : u"follow_up"_s, at, {}, why);
        if (!moved || !*moved)
            return moved;
        if (Result<void> step = recordStep(db, saga.orderId, u"charge"_s, u"declined"_s, why, at);
            !step) {
            return step.error();
        }
        if (remote)
            return true;
        Result<StoredState> order = OrderTransitions::read(db, saga.orderId);
        if (!order)
            return order.error();
        const FollowUp item{order->storeId,
                            order->terminalId,
                            saga.orderId,
                            QString(FollowUp::kCaptureDeclined),
                            u"order:%1:capture"_s.arg(saga.orderId),
                            capture.amount,
                            capture.currency,
                            why,
                            u"saga"_s};
        if (Result<void> raised = FollowUps::raise(db, item, at); !raised)
            return raised.error();
        return true;
    });
}

} // namespace

Result<bool> moveStep(const QSqlDatabase &db, const QString &orderId, const QString &from,
                      const QString &to, const QDateTime &now, const QString &chargeId,
                      const QString &reason)
{
    Result<QSqlQuery> updated = sqlkit::exec(
        db,
        u"UPDATE sagas SET step = ?, charge_id = COALESCE(?, charge_id), "
        "reason = COALESCE(?, reason), updated_at = ? WHERE order_id = ? AND step = ?"_s,
        {to, chargeId.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(chargeId),
         reason.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(reason),
         sqlkit::timeText(now), orderId, from});
    if (!updated)
        return updated.error();
    return updated.value().numRowsAffected() == 1;
}

Result<void> recordStep(const QSqlDatabase &db, const QString &orderId, const QString &step,
                        const QString &outcome, const QString &detail, const QDateTime &at)
{
    // Once per order and step; a second runner's record of the same step changes nothing.
    Result<QSqlQuery> ran = sqlkit::exec(
        db,
        u"INSERT INTO saga_steps (order_id, step, outcome, detail, at) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (order_id, step) DO NOTHING"_s,
        {orderId, step, outcome, detail.isEmpty() ? QVariant() : QVariant(detail),
         sqlkit::timeText(at)});
    return ran ? success() : Result<void>(ran.error());
}

Result<void> postpone(const QSqlDatabase &db, const SagaState &saga, const QString &why,
                      const QDateTime &now)
{
    const qint64 waitSeconds = std::min<qint64>(qint64(1) << std::min(saga.attempts, 8), 300);
    Result<QSqlQuery> updated =
        sqlkit::exec(db,
                     u"UPDATE sagas SET attempts = attempts + 1, reason = ?, next_attempt_at = ?, "
                     "lease_until = ?, updated_at = ? WHERE order_id = ? AND step = ?"_s,
                     {why, sqlkit::timeText(now.addSecs(waitSeconds)), sqlkit::timeText(now),
                      sqlkit::timeText(now), saga.orderId, saga.step});
    return updated ? success() : Result<void>(updated.error());
}

Result<void> charge(const QSqlDatabase &db, const SagaState &saga, const SagaContext &context)
{
    const QString &orderId = saga.orderId;
    Result<std::optional<Capture>> capture = captureOf(db, orderId);
    if (!capture)
        return capture.error();
    if (!*capture) {
        return inTransaction(db, [&] {
            return moveStep(db, orderId, u"charge"_s, u"confirm"_s, context.clock.now());
        });
    }
    if (!context.payments.isConfigured())
        return postpone(db, saga, OrderSaga::tr("no payment service is configured (--payments)"),
                        context.clock.now());

    // The capture is claimed before it is sent: a sale voided before then is never charged; once
    // sent, a voided sale's charge is asked about (by its key), never sent again.
    const QDateTime now = context.clock.now();
    bool ask = false;
    bool ended = false;
    Result<void> claimed = inTransaction(db, [&]() -> Result<bool> {
        Result<StoredState> order = OrderTransitions::read(db, orderId);
        if (!order)
            return order.error();
        Result<QSqlQuery> found = sqlkit::exec(
            db, u"SELECT charge_sent_at FROM sagas WHERE order_id = ? AND step = 'charge'"_s,
            {orderId});
        if (!found)
            return found.error();
        if (!found.value().next())
            return false; // another runner moved on
        const bool sentBefore = !found.value().value(0).isNull();
        found.value().finish();
        if (voided(order->status)) {
            if (sentBefore) {
                ask = true;
                return true;
            }
            ended = true;
            const QString why = OrderSaga::tr("the order was %1 before its card was charged")
                                    .arg(orderStatusName(order->status));
            Result<bool> moved =
                moveStep(db, orderId, u"charge"_s,
                         saga.kind == u"remote"_s ? u"compensate"_s : u"cancelled"_s, now, {}, why);
            if (!moved || !*moved)
                return moved;
            if (Result<void> step =
                    recordStep(db, orderId, u"charge"_s, u"not_charged"_s, why, now);
                !step) {
                return step.error();
            }
            return true;
        }
        if (sentBefore)
            return true;
        Result<QSqlQuery> marked = sqlkit::exec(
            db,
            u"UPDATE sagas SET charge_sent_at = ? WHERE order_id = ? AND step = 'charge' "
            "AND charge_sent_at IS NULL"_s,
            {sqlkit::timeText(now), orderId});
        if (!marked)
            return marked.error();
        return marked.value().numRowsAffected() == 1;
    });
    if (!claimed || ended)
        return claimed;
    faultPoint("after_capture_claim");
    const PaymentOutcome outcome =
        ask ? context.payments.chargeStatus(chargeKey(orderId))
            : context.payments.charge(chargeKey(orderId), capture->value().amount,
                                      capture->value().currency, capture->value().token,
                                      u"order:%1"_s.arg(orderId));
    faultPoint("after_charge");
    const QDateTime answered = context.clock.now();
    switch (outcome.kind) {
    case PaymentOutcome::Kind::Captured:
        return recordCapture(db, saga, outcome, answered);
    case PaymentOutcome::Kind::Declined:
        return recordDecline(db, saga, capture->value(),
                             OrderSaga::tr("the card was declined (%1)").arg(outcome.why),
                             answered);
    case PaymentOutcome::Kind::NotCharged:
        if (ask) {
            return endUncharged(db, saga,
                                OrderSaga::tr("the order was voided and its card never charged"),
                                answered);
        }
        return recordDecline(
            db, saga, capture->value(),
            OrderSaga::tr("the payment service refused the charge: %1").arg(outcome.why), answered);
    case PaymentOutcome::Kind::Unknown:
        break;
    }
    return postpone(db, saga, outcome.why, answered);
}

Result<void> confirm(const QSqlDatabase &db, const SagaState &saga, const SagaContext &context)
{
    faultPoint("before_confirm");
    const QString &orderId = saga.orderId;
    const QDateTime now = context.clock.now();
    return inTransaction(db, [&]() -> Result<bool> {
        Result<StoredState> order = OrderTransitions::read(db, orderId);
        if (!order)
            return order.error();
        QString outcome = u"confirmed"_s;
        if (saga.kind == u"remote"_s) {
            if (order->status != OrderStatus::Created) {
                // Cancelled while the card was being charged: give the money back.
                return moveStep(db, orderId, u"confirm"_s, u"compensate"_s, now, {},
                                OrderSaga::tr("the order was %1 before the payment was confirmed")
                                    .arg(orderStatusName(order->status)));
            }
            Result<bool> paid =
                OrderTransitions::move(db, ChangeActor{order->terminalId, {}, {}}, orderId, *order,
                                       OrderEvent::PaymentCaptured, now);
            if (!paid || !*paid)
                return paid;
        } else if (voided(order->status) && !saga.chargeId.isEmpty()) {
            // A counter sale voided while its card was being captured: the money goes back.
            Result<std::optional<Capture>> capture = captureOf(db, orderId);
            if (!capture)
                return capture.error();
            const qint64 amount = *capture ? capture->value().amount : 0;
            Result<int> owed = CardRefunds::owe(
                db,
                OwedRefund{orderId, saga.chargeId, amount,
                           *capture ? capture->value().currency : QString(),
                           OrderSaga::tr("the sale was %1 while its card was being charged")
                               .arg(orderStatusName(order->status)),
                           u"saga"_s},
                amount, now);
            if (!owed)
                return owed.error();
            outcome = u"voided"_s;
        }
        Result<bool> moved = moveStep(db, orderId, u"confirm"_s, u"done"_s, now);
        if (!moved || !*moved)
            return moved;
        if (Result<void> step = recordStep(db, orderId, u"confirm"_s, outcome, {}, now); !step)
            return step.error();
        return true;
    });
}

Result<void> compensate(const QSqlDatabase &db, const SagaState &saga, const SagaContext &context)
{
    const QString &orderId = saga.orderId;
    // The refund first: owed once (a second owe finds nothing left of the charge), settled
    // through the payment service; the compensation waits while its outcome is open.
    if (!saga.chargeId.isEmpty()) {
        Result<std::optional<Capture>> capture = captureOf(db, orderId);
        if (!capture)
            return capture.error();
        const qint64 amount = *capture ? capture->value().amount : 0;
        Result<void> owed = inTransaction(db, [&]() -> Result<bool> {
            Result<int> n =
                CardRefunds::owe(db,
                                 OwedRefund{orderId, saga.chargeId, amount,
                                            *capture ? capture->value().currency : QString(),
                                            saga.reason, u"saga"_s},
                                 amount, context.clock.now());
            if (!n)
                return n.error();
            return true;
        });
        if (!owed)
            return owed;
        Result<int> left =
            CardRefunds::settleOrder(db, orderId, context.payments, context.clock, context.lease);
        if (!left)
            return left.error();
        if (*left > 0) {
            return postpone(db, saga, OrderSaga::tr("the refund's outcome is not known yet"),
                            context.clock.now());
        }
    }
    const QDateTime now = context.clock.now();
    return inTransaction(db, [&]() -> Result<bool> {
        Result<bool> moved = moveStep(db, orderId, u"compensate"_s, u"cancelled"_s, now);
        if (!moved || !*moved)
            return moved;
        Result<StoredState> order = OrderTransitions::read(db, orderId);
        if (!order)
            return order.error();
        // The reservation goes back unless a cancel has restocked it already.
        Result<StockLedger::Quantities> restocked = StockLedger::takenBy(db, orderId, u"restock"_s);
        if (!restocked)
            return restocked.error();
        if (restocked->isEmpty()) {
            Result<StockLedger::Quantities> reserved =
                StockLedger::takenBy(db, orderId, u"reserve"_s);
            if (!reserved)
                return reserved.error();
            if (Result<void> released =
                    StockLedger::record(db, orderId, order->storeId, u"release"_s, *reserved, now);
                !released) {
                return released.error();
            }
        }
        if (order->status == OrderStatus::Created) {
            Result<bool> cancelled =
                OrderTransitions::move(db, ChangeActor{order->terminalId, {}, {}}, orderId, *order,
                                       OrderEvent::PaymentFailed, now, saga.reason);
            if (!cancelled || !*cancelled)
                return cancelled;
        }
        if (Result<void> step =
                recordStep(db, orderId, u"cancel"_s, u"cancelled"_s, saga.reason, now);
            !step) {
            return step.error();
        }
        return true;
    });
}

} // namespace counterline::server::saga
