#include "server/order_saga.h"

#include "protocol/problem.h"
#include "server/card_refunds.h"
#include "server/fault_point.h"
#include "server/idempotency.h"
#include "server/order_json.h"
#include "server/order_transitions.h"
#include "server/saga_steps.h"
#include "server/stock_ledger.h"
#include "sqlkit/statement.h"
#include "sqlkit/time_text.h"
#include "sqlkit/transaction.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace counterline::server {

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
    Result<QSqlQuery> inserted = sqlkit::exec(
        db,
        u"INSERT INTO sagas (order_id, kind, step, attempts, lease_until, next_attempt_at, "
        "created_at, updated_at) VALUES (?, ?, ?, 0, ?, ?, ?, ?)"_s,
        {orderId, kind == Kind::Remote ? u"remote"_s : u"counter"_s,
         hasCharge ? u"charge"_s : u"done"_s, sqlkit::timeText(heldUntil), sqlkit::timeText(now),
         sqlkit::timeText(now), sqlkit::timeText(now)});
    if (!inserted)
        return inserted.error();
    return saga::recordStep(db, orderId, u"reserve"_s,
                            kind == Kind::Remote ? u"reserved"_s : u"sold"_s, {}, now);
}

Result<SagaState> OrderSaga::read(const QSqlDatabase &db, const QString &orderId)
{
    Result<QSqlQuery> found = sqlkit::exec(
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
    Result<QSqlQuery> taken = sqlkit::exec(
        db,
        u"UPDATE sagas SET lease_until = ? WHERE order_id = ? AND lease_until <= ? "
        "AND step IN ('charge', 'confirm', 'compensate')"_s,
        {sqlkit::timeText(now.addSecs(lease.count())), orderId, sqlkit::timeText(now)});
    if (!taken)
        return taken.error();
    return taken.value().numRowsAffected() == 1;
}

Result<QStringList> OrderSaga::due(const QSqlDatabase &db, const QDateTime &now, int limit)
{
    Result<QSqlQuery> found = sqlkit::exec(
        db,
        u"SELECT order_id FROM sagas WHERE step IN ('charge', 'confirm', 'compensate') "
        "AND next_attempt_at <= ? AND lease_until <= ? ORDER BY next_attempt_at LIMIT %1"_s.arg(
            limit),
        {sqlkit::timeText(now), sqlkit::timeText(now)});
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
    // Each round finishes one step (or leaves it for later); a step that someone else finished
    // first is read again.
    for (int round = 0; round < 16; ++round) {
        Result<SagaState> saga = read(db, orderId);
        if (!saga || saga->finished())
            return saga;
        const int attempts = saga->attempts;
        Result<void> stepped = saga->step == u"charge"_s    ? saga::charge(db, *saga, context)
                               : saga->step == u"confirm"_s ? saga::confirm(db, *saga, context)
                                                            : saga::compensate(db, *saga, context);
        if (!stepped)
            return stepped.error();
        Result<SagaState> after = read(db, orderId);
        if (!after || after->attempts != attempts)
            return after; // postponed: its outcome must wait
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
    Result<QJsonObject> order = OrderJson::order(db, saga.orderId);
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
            sqlkit::exec(db, u"SELECT created_at FROM orders WHERE id = ?"_s, {orderId});
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
    Result<QSqlQuery> found = sqlkit::exec(
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
    found.value().finish();
    Result<QJsonArray> refunds = CardRefunds::report(db, orderId);
    if (!refunds)
        return refunds.error();
    QJsonObject json = saga->toJson();
    json.insert(u"order_id"_s, orderId);
    json.insert(u"steps"_s, steps);
    json.insert(u"refunds"_s, *refunds);
    return json;
}

} // namespace counterline::server
