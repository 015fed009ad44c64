#include "server/order_saga.h"

#include "server/fault_point.h"
#include "server/idempotency.h"
#include "server/order_transitions.h"
#include "server/server_sql.h"
#include "server/stock_ledger.h"
#include "sync/protocol/problem.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace counterline::server {

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
    Result<QSqlQuery> found =
        execSql(db,
                u"SELECT t.amount_minor, t.payment_token, o.currency FROM tenders t "
                "JOIN orders o ON o.id = t.order_id WHERE t.order_id = ? AND t.needs_capture = 1 "
                "ORDER BY t.seq"_s,
                {orderId});
    if (!found)
        return found.error();
    if (!found.value().next())
        return std::optional<Capture>();
    return std::optional<Capture>(Capture{found.value().value(0).toLongLong(),
                                          found.value().value(1).toString(),
                                          found.value().value(2).toString()});
}

Result<void> recordStep(const QSqlDatabase &db, const QString &orderId, const QString &step,
                        const QString &outcome, const QString &detail, const QDateTime &at)
{
    // Once per order and step; a second runner's record of the same step changes nothing.
    Result<QSqlQuery> ran = execSql(
        db,
        u"INSERT INTO saga_steps (order_id, step, outcome, detail, at) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (order_id, step) DO NOTHING"_s,
        {orderId, step, outcome, detail.isEmpty() ? QVariant() : QVariant(detail), timeText(at)});
    return ran ? success() : Result<void>(ran.error());
}

Result<bool> hasStep(const QSqlDatabase &db, const QString &orderId, const QString &step)
{
    Result<QSqlQuery> found = execSql(
        db, u"SELECT count(*) FROM saga_steps WHERE order_id = ? AND step = ?"_s, {orderId, step});
    if (!found)
        return found.error();
    return found.value().next() && found.value().value(0).toInt() > 0;
}

// Moves the recovery point from `from` to `to`, guarded by `from`: false when another runner
// moved it first (the caller's transaction is then rolled back).
Result<bool> moveStep(const QSqlDatabase &db, const QString &orderId, const QString &from,
                      const QString &to, const QDateTime &now, const QString &chargeId = {},
                      const QString &reason = {})
{
    Result<QSqlQuery> updated = execSql(
        db,
        u"UPDATE sagas SET step = ?, charge_id = COALESCE(?, charge_id), "
        "reason = COALESCE(?, reason), updated_at = ? WHERE order_id = ? AND step = ?"_s,
        {to, chargeId.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(chargeId),
         reason.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(reason),
         timeText(now), orderId, from});
    if (!updated)
        return updated.error();
    return updated.value().numRowsAffected() == 1;
}

// A step whose outcome is not known yet (the payment service did not answer): tried again later
// with the same key, by whoever holds the saga then.
Result<void> postpone(const QSqlDatabase &db, const SagaState &saga, const QString &why,
                      const QDateTime &now)
{
    const qint64 waitSeconds = std::min<qint64>(qint64(1) << std::min(saga.attempts, 8), 300);
    Result<QSqlQuery> updated =
        execSql(db,
                u"UPDATE sagas SET attempts = attempts + 1, reason = ?, next_attempt_at = ?, "
                "lease_until = ?, updated_at = ? WHERE order_id = ? AND step = ?"_s,
                {why, timeText(now.addSecs(waitSeconds)), timeText(now), timeText(now),
                 saga.orderId, saga.step});
    return updated ? success() : Result<void>(updated.error());
}

// Runs `effects` and the move of the recovery point in one transaction.
template<typename Effects>
Result<void> inTransaction(const QSqlDatabase &db, Effects effects)
{
    Transaction transaction(db);
    if (Result<void> begun = transaction.begin(); !begun)
        return begun;
    Result<bool> done = effects();
    if (!done)
        return done.error();
    if (!*done) {
        transaction.rollback(); // someone else finished this step: read again
        return success();
    }
    return transaction.commit();
}

} // namespace

bool SagaState::finished() const
{
    return step == u"done"_s || step == u"cancelled"_s || step == u"follow_up"_s;
}

QJsonObject SagaState::toJson() const
{
    QJsonObject json{{u"step"_s, step}, {u"kind"_s, kind}, {u"attempts"_s, attempts}};
    if (!chargeId.isEmpty())
        json.insert(u"charge_id"_s, chargeId);
    if (!reason.isEmpty())
        json.insert(u"reason"_s, reason);
    return json;
}

Result<void> OrderSaga::start(const QSqlDatabase &db, const QString &orderId, Kind kind,
                              bool hasCharge, const QDateTime &now, std::chrono::seconds lease)
{
    // A counter sale with nothing to charge is done within this transaction: nothing to resume,
    // nothing to record beyond its stock movements (writing a row per sale halved the ingest).
    if (kind == Kind::Counter && !hasCharge)
        return success();
    // A remote order's request runs its saga at once and holds it; a counter sale's card is
    // captured by the recovery worker, so that a slow payment service never holds up a till.
    const QDateTime heldUntil = kind == Kind::Remote ? now.addSecs(lease.count()) : now;
    Result<QSqlQuery> inserted =
        execSql(db,
                u"INSERT INTO sagas (order_id, kind, step, attempts, lease_until, next_attempt_at, "
                "created_at, updated_at) VALUES (?, ?, ?, 0, ?, ?, ?, ?)"_s,
                {orderId, kind == Kind::Remote ? u"remote"_s : u"counter"_s,
                 hasCharge ? u"charge"_s : u"done"_s, timeText(heldUntil), timeText(now),
                 timeText(now), timeText(now)});
    if (!inserted)
        return inserted.error();
    return recordStep(db, orderId, u"reserve"_s, kind == Kind::Remote ? u"reserved"_s : u"sold"_s,
                      {}, now);
}

Result<SagaState> OrderSaga::read(const QSqlDatabase &db, const QString &orderId)
{
    Result<QSqlQuery> found = execSql(
        db, u"SELECT kind, step, charge_id, reason, attempts FROM sagas WHERE order_id = ?"_s,
        {orderId});
    if (!found)
        return found.error();
    QSqlQuery &row = found.value();
    if (!row.next())
        return Error{u"order.not_found"_s, tr("Order %1 has no saga.").arg(orderId)};
    return SagaState{orderId,
                     row.value(0).toString(),
                     row.value(1).toString(),
                     row.value(2).toString(),
                     row.value(3).toString(),
                     row.value(4).toInt()};
}

Result<bool> OrderSaga::claim(const QSqlDatabase &db, const QString &orderId, const QDateTime &now,
                              std::chrono::seconds lease)
{
    Result<QSqlQuery> taken =
        execSql(db,
                u"UPDATE sagas SET lease_until = ? WHERE order_id = ? AND lease_until <= ? "
                "AND step IN ('charge', 'confirm', 'compensate')"_s,
                {timeText(now.addSecs(lease.count())), orderId, timeText(now)});
    if (!taken)
        return taken.error();
    return taken.value().numRowsAffected() == 1;
}

Result<QStringList> OrderSaga::due(const QSqlDatabase &db, const QDateTime &now, int limit)
{
    Result<QSqlQuery> found = execSql(
        db,
        u"SELECT order_id FROM sagas WHERE step IN ('charge', 'confirm', 'compensate') "
        "AND next_attempt_at <= ? AND lease_until <= ? ORDER BY next_attempt_at LIMIT %1"_s.arg(
            limit),
        {timeText(now), timeText(now)});
    if (!found)
        return found.error();
    QStringList ids;
    while (found.value().next())
        ids.append(found.value().value(0).toString());
    return ids;
}

Result<SagaState> OrderSaga::advance(const QSqlDatabase &db, const QString &orderId,
                                     const SagaContext &context)
{
    // Each round finishes one step; a step that someone else finished first is read again.
    for (int round = 0; round < 16; ++round) {
        Result<SagaState> saga = read(db, orderId);
        if (!saga || saga->finished())
            return saga;
        const QDateTime now = context.clock.now();
        const bool remote = saga->kind == u"remote"_s;

        if (saga->step == u"charge"_s) {
            Result<std::optional<Capture>> capture = captureOf(db, orderId);
            if (!capture)
                return capture.error();
            if (!*capture) {
                Result<void> moved = inTransaction(
                    db, [&] { return moveStep(db, orderId, u"charge"_s, u"confirm"_s, now); });
                if (!moved)
                    return moved.error();
                continue;
            }
            if (!context.payments.isConfigured()) {
                Result<void> waiting =
                    postpone(db, *saga, tr("no payment service is configured (--payments)"), now);
                if (!waiting)
                    return waiting.error();
                return read(db, orderId);
            }
            const PaymentOutcome outcome = context.payments.charge(
                u"order:%1:charge"_s.arg(orderId), capture->value().amount,
                capture->value().currency, capture->value().token, u"order:%1"_s.arg(orderId));
            faultPoint("after_charge");
            const QDateTime answered = context.clock.now();
            Result<void> recorded = success();
            switch (outcome.kind) {
            case PaymentOutcome::Kind::Captured:
                recorded = inTransaction(db, [&]() -> Result<bool> {
                    Result<bool> moved =
                        moveStep(db, orderId, u"charge"_s, u"confirm"_s, answered, outcome.id);
                    if (!moved || !*moved)
                        return moved;
                    if (Result<void> step = recordStep(db, orderId, u"charge"_s, u"captured"_s,
                                                       outcome.id, answered);
                        !step) {
                        return step.error();
                    }
                    return true;
                });
                break;
            case PaymentOutcome::Kind::Declined:
            case PaymentOutcome::Kind::NotCharged: {
                const QString why =
                    outcome.kind == PaymentOutcome::Kind::Declined
                        ? tr("the card was declined (%1)").arg(outcome.why)
                        : tr("the payment service refused the charge: %1").arg(outcome.why);
                // A sale that left the shop stays a sale: a person follows it up. A remote order
                // is compensated: its reservation released, the order cancelled.
                recorded = inTransaction(db, [&]() -> Result<bool> {
                    Result<bool> moved =
                        moveStep(db, orderId, u"charge"_s,
                                 remote ? u"compensate"_s : u"follow_up"_s, answered, {}, why);
                    if (!moved || !*moved)
                        return moved;
                    if (Result<void> step =
                            recordStep(db, orderId, u"charge"_s, u"declined"_s, why, answered);
                        !step) {
                        return step.error();
                    }
                    return true;
                });
                break;
            }
            case PaymentOutcome::Kind::Unknown:
                recorded = postpone(db, *saga, outcome.why, answered);
                if (!recorded)
                    return recorded.error();
                return read(db, orderId);
            }
            if (!recorded)
                return recorded.error();
            continue;
        }

        if (saga->step == u"confirm"_s) {
            faultPoint("before_confirm");
            Result<void> confirmed = inTransaction(db, [&]() -> Result<bool> {
                if (remote) {
                    Result<StoredState> order = OrderTransitions::read(db, orderId);
                    if (!order)
                        return order.error();
                    if (order->status != OrderStatus::Created) {
                        // Cancelled while the card was being charged: give the money back.
                        return moveStep(db, orderId, u"confirm"_s, u"compensate"_s, now, {},
                                        tr("the order was %1 before the payment was confirmed")
                                            .arg(orderStatusName(order->status)));
                    }
                    Result<bool> paid = OrderTransitions::move(
                        db, order->terminalId, orderId, *order, OrderEvent::PaymentCaptured, now);
                    if (!paid || !*paid)
                        return paid;
                }
                Result<bool> moved = moveStep(db, orderId, u"confirm"_s, u"done"_s, now);
                if (!moved || !*moved)
                    return moved;
                if (Result<void> step =
                        recordStep(db, orderId, u"confirm"_s, u"confirmed"_s, {}, now);
                    !step) {
                    return step.error();
                }
                return true;
            });
            if (!confirmed)
                return confirmed.error();
            continue;
        }

        // Compensation, in reverse: the refund first, then the stock and the order.
        if (!saga->chargeId.isEmpty()) {
            Result<bool> refunded = hasStep(db, orderId, u"refund"_s);
            if (!refunded)
                return refunded.error();
            if (!*refunded) {
                Result<std::optional<Capture>> capture = captureOf(db, orderId);
                if (!capture)
                    return capture.error();
                const PaymentOutcome outcome =
                    context.payments.refund(u"order:%1:refund"_s.arg(orderId), saga->chargeId,
                                            *capture ? capture->value().amount : 0);
                if (outcome.kind == PaymentOutcome::Kind::Unknown) {
                    Result<void> waiting = postpone(db, *saga, outcome.why, context.clock.now());
                    if (!waiting)
                        return waiting.error();
                    return read(db, orderId);
                }
                const bool done = outcome.kind == PaymentOutcome::Kind::Captured;
                if (Result<void> step =
                        recordStep(db, orderId, u"refund"_s, done ? u"refunded"_s : u"refused"_s,
                                   done ? outcome.id : outcome.why, context.clock.now());
                    !step) {
                    return step.error();
                }
            }
        }
        Result<void> compensated = inTransaction(db, [&]() -> Result<bool> {
            Result<bool> moved = moveStep(db, orderId, u"compensate"_s, u"cancelled"_s, now);
            if (!moved || !*moved)
                return moved;
            Result<StoredState> order = OrderTransitions::read(db, orderId);
            if (!order)
                return order.error();
            // The reservation goes back unless a cancel has restocked it already.
            Result<StockLedger::Quantities> restocked =
                StockLedger::takenBy(db, orderId, u"restock"_s);
            if (!restocked)
                return restocked.error();
            if (restocked->isEmpty()) {
                Result<StockLedger::Quantities> reserved =
                    StockLedger::takenBy(db, orderId, u"reserve"_s);
                if (!reserved)
                    return reserved.error();
                if (Result<void> released = StockLedger::record(db, orderId, order->storeId,
                                                                u"release"_s, *reserved, now);
                    !released) {
                    return released.error();
                }
            }
            if (order->status == OrderStatus::Created) {
                Result<bool> cancelled =
                    OrderTransitions::move(db, order->terminalId, orderId, *order,
                                           OrderEvent::PaymentFailed, now, saga->reason);
                if (!cancelled || !*cancelled)
                    return cancelled;
            }
            if (Result<void> step =
                    recordStep(db, orderId, u"cancel"_s, u"cancelled"_s, saga->reason, now);
                !step) {
                return step.error();
            }
            return true;
        });
        if (!compensated)
            return compensated.error();
    }
    return read(db, orderId);
}

Result<IngestAnswer> OrderSaga::answerFor(const QSqlDatabase &db, const SagaState &saga,
                                          int createdStatus)
{
    if (saga.step == u"cancelled"_s) {
        const Error error{u"payment.failed"_s,
                          tr("Order %1 was not paid: %2. It is cancelled and its stock released.")
                              .arg(saga.orderId, saga.reason)};
        return IngestAnswer{402, protocol::Problem::fromError(error, 402).toBody()};
    }
    Result<QJsonObject> order = OrderIngest::orderJson(db, saga.orderId);
    if (!order)
        return order.error();
    QJsonObject body = *order;
    body.insert(u"saga"_s, saga.toJson());
    return IngestAnswer{saga.finished() ? createdStatus : 202,
                        QJsonDocument(body).toJson(QJsonDocument::Compact)};
}

Result<IngestAnswer> OrderSaga::answerRequest(const QSqlDatabase &db, const QString &orderId,
                                              int placedStatus, const SagaContext &context,
                                              const IdempotencySlot &slot)
{
    Result<SagaState> saga = read(db, orderId);
    if (!saga)
        return saga.error();
    if (placedStatus == 201) {
        faultPoint("after_reserve");
    } else if (!saga->finished()) {
        // Placed before: run it on unless another runner (the recovery worker) holds it.
        Result<bool> claimed = claim(db, orderId, context.clock.now(), context.lease);
        if (!claimed)
            return claimed.error();
        if (!*claimed)
            return answerFor(db, *saga, placedStatus);
    }
    if (!saga->finished())
        saga = advance(db, orderId, context);
    if (!saga)
        return saga.error();
    Result<IngestAnswer> answer = answerFor(db, *saga, placedStatus);
    if (!answer)
        return answer;
    const Result<void> settled =
        saga->finished()
            ? Idempotency::complete(db, slot.principalId, slot.key, answer->status, answer->body)
            : Idempotency::release(db, slot.principalId, slot.key);
    if (!settled)
        return settled.error();
    return answer;
}

Result<QJsonObject> OrderSaga::report(const QSqlDatabase &db, const QString &orderId)
{
    Result<SagaState> saga = read(db, orderId);
    if (!saga && saga.error().code == u"order.not_found"_s) {
        // A counter sale with nothing to charge: its saga was its ingest transaction.
        Result<QSqlQuery> sold =
            execSql(db, u"SELECT created_at FROM orders WHERE id = ?"_s, {orderId});
        if (!sold)
            return sold.error();
        if (!sold.value().next())
            return saga.error();
        const QString at = sold.value().value(0).toString();
        return QJsonObject{{u"order_id"_s, orderId},
                           {u"kind"_s, u"counter"_s},
                           {u"step"_s, u"done"_s},
                           {u"attempts"_s, 0},
                           {u"steps"_s, QJsonArray{QJsonObject{{u"step"_s, u"reserve"_s},
                                                               {u"outcome"_s, u"sold"_s},
                                                               {u"at"_s, at}}}}};
    }
    if (!saga)
        return saga.error();
    Result<QSqlQuery> found = execSql(
        db, u"SELECT step, outcome, detail, at FROM saga_steps WHERE order_id = ? ORDER BY at"_s,
        {orderId});
    if (!found)
        return found.error();
    QJsonArray steps;
    QSqlQuery &row = found.value();
    while (row.next()) {
        QJsonObject step{{u"step"_s, row.value(0).toString()},
                         {u"outcome"_s, row.value(1).toString()},
                         {u"at"_s, row.value(3).toString()}};
        if (!row.value(2).isNull())
            step.insert(u"detail"_s, row.value(2).toString());
        steps.append(step);
    }
    QJsonObject json = saga->toJson();
    json.insert(u"order_id"_s, orderId);
    json.insert(u"steps"_s, steps);
    return json;
}

Result<QJsonObject> OrderSaga::followUps(const QSqlDatabase &db, const QString &storeId)
{
    QString sql = u"SELECT s.order_id, o.store_id, o.receipt_no, o.total_minor, o.currency, "
                  "s.reason, s.updated_at FROM sagas s JOIN orders o ON o.id = s.order_id "
                  "WHERE s.step = 'follow_up'"_s;
    QVariantList values;
    if (!storeId.isEmpty()) {
        sql += u" AND o.store_id = ?"_s;
        values.append(storeId);
    }
    sql += u" ORDER BY s.updated_at LIMIT 500"_s;
    Result<QSqlQuery> found = execSql(db, sql, values);
    if (!found)
        return found.error();
    QJsonArray orders;
    QSqlQuery &row = found.value();
    while (row.next()) {
        orders.append(QJsonObject{{u"order_id"_s, row.value(0).toString()},
                                  {u"store_id"_s, row.value(1).toString()},
                                  {u"receipt_no"_s, row.value(2).toString()},
                                  {u"total"_s, row.value(3).toLongLong()},
                                  {u"currency"_s, row.value(4).toString()},
                                  {u"reason"_s, row.value(5).toString()},
                                  {u"since"_s, row.value(6).toString()}});
    }
    return QJsonObject{{u"orders"_s, orders}};
}

} // namespace counterline::server
