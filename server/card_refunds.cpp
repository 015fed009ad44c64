#include "server/card_refunds.h"

#include "server/fault_point.h"
#include "server/follow_ups.h"
#include "sqlkit/statement.h"
#include "sqlkit/time_text.h"
#include "sqlkit/transaction.h"

#include <QJsonObject>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace counterline::server {

namespace {

struct StoredRefund
{
    QString key;
    QString chargeId;
    qint64 amountMinor = 0;
    QString currency;
    QString state;
    int attempts = 0;
    QString storeId;
    QString terminalId;
};

Result<std::optional<StoredRefund>> readRefund(const QSqlDatabase &db, const QString &orderId,
                                               int n)
{
    Result<QSqlQuery> found = sqlkit::exec(
        db,
        u"SELECT r.idem_key, r.charge_id, r.amount_minor, r.currency, r.state, r.attempts, "
        "o.store_id, o.terminal_id FROM payment_refunds r JOIN orders o ON o.id = r.order_id "
        "WHERE r.order_id = ? AND r.n = ?"_s,
        {orderId, n});
    if (!found)
        return found.error();
    QSqlQuery &row = found.value();
    if (!row.next())
        return std::optional<StoredRefund>();
    StoredRefund refund{row.value(0).toString(), row.value(1).toString(), row.value(2).toLongLong(),
                        row.value(3).toString(), row.value(4).toString(), row.value(5).toInt(),
                        row.value(6).toString(), row.value(7).toString()};
    row.finish();
    return std::optional<StoredRefund>(refund);
}

// Not settled now: released, and tried again after a wait that grows with the attempts.
Result<void> postpone(const QSqlDatabase &db, const QString &orderId, int n, int attempts,
                      const QString &why, const QDateTime &now)
{
    const qint64 waitSeconds = std::min<qint64>(qint64(1) << std::min(attempts, 8), 300);
    Result<QSqlQuery> updated = sqlkit::exec(
        db,
        u"UPDATE payment_refunds SET detail = ?, next_attempt_at = ?, lease_until = ?, "
        "updated_at = ? WHERE order_id = ? AND n = ? AND state IN ('due', 'sent')"_s,
        {why, sqlkit::timeText(now.addSecs(waitSeconds)), sqlkit::timeText(now),
         sqlkit::timeText(now), orderId, n});
    return updated ? success() : Result<void>(updated.error());
}

// The outcome, with the saga's record of the step, in one transaction.
Result<void> record(const QSqlDatabase &db, const QString &orderId, int n,
                    const StoredRefund &refund, const PaymentOutcome &outcome, const QDateTime &at)
{
    const bool refunded = outcome.kind == PaymentOutcome::Kind::Captured;
    sqlkit::Transaction transaction(db);
    if (Result<void> begun = transaction.begin(); !begun)
        return begun;
    Result<QSqlQuery> updated = sqlkit::exec(
        db,
        u"UPDATE payment_refunds SET state = ?, refund_id = ?, detail = ?, lease_until = ?, "
        "updated_at = ? WHERE order_id = ? AND n = ? AND state IN ('due', 'sent')"_s,
        {refunded ? u"refunded"_s : u"refused"_s,
         refunded ? QVariant(outcome.id) : QVariant(QMetaType(QMetaType::QString)),
         refunded ? QVariant(QMetaType(QMetaType::QString)) : QVariant(outcome.why),
         sqlkit::timeText(at), sqlkit::timeText(at), orderId, n});
    if (!updated)
        return updated.error();
    if (updated.value().numRowsAffected() != 1)
        return success(); // another runner recorded it first
    const QString step = n == 1 ? u"refund"_s : u"refund:%1"_s.arg(n);
    Result<QSqlQuery> stepped = sqlkit::exec(
        db,
        u"INSERT INTO saga_steps (order_id, step, outcome, detail, at) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (order_id, step) DO NOTHING"_s,
        {orderId, step, refunded ? u"refunded"_s : u"refused"_s,
         refunded ? outcome.id : outcome.why, sqlkit::timeText(at)});
    if (!stepped)
        return stepped.error();
    if (!refunded) {
        const FollowUp item{refund.storeId,
                            refund.terminalId,
                            orderId,
                            QString(FollowUp::kRefundRefused),
                            u"order:%1:refund:%2"_s.arg(orderId).arg(n),
                            refund.amountMinor,
                            refund.currency,
                            CardRefunds::tr("The payment service refused to refund %1 of charge "
                                            "%2: %3")
                                .arg(FollowUps::amountText(refund.amountMinor, refund.currency),
                                     refund.chargeId, outcome.why),
                            u"server"_s};
        if (Result<void> raised = FollowUps::raise(db, item, at); !raised)
            return raised;
    }
    return transaction.commit();
}

} // namespace

QString CardRefunds::keyFor(const QString &orderId, int n)
{
    return n == 1 ? u"order:%1:refund"_s.arg(orderId) : u"order:%1:refund:%2"_s.arg(orderId).arg(n);
}

Result<int> CardRefunds::owe(const QSqlDatabase &db, const OwedRefund &refund, qint64 captured,
                             const QDateTime &at)
{
    Result<QSqlQuery> before = sqlkit::exec(
        db,
        u"SELECT COALESCE(SUM(CASE WHEN charge_id = ? AND state <> 'refused' THEN amount_minor "
        "ELSE 0 END), 0), COALESCE(MAX(n), 0) FROM payment_refunds WHERE order_id = ?"_s,
        {refund.chargeId, refund.orderId});
    if (!before)
        return before.error();
    before.value().next();
    const qint64 owedAlready = before.value().value(0).toLongLong();
    const int n = before.value().value(1).toInt() + 1;
    before.value().finish();
    const qint64 amount = std::min(refund.amountMinor, captured - owedAlready);
    if (amount <= 0)
        return 0;
    Result<QSqlQuery> inserted = sqlkit::exec(
        db,
        u"INSERT INTO payment_refunds (order_id, n, idem_key, charge_id, amount_minor, currency, "
        "reason, requested_by, state, attempts, lease_until, next_attempt_at, created_at, "
        "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'due', 0, ?, ?, ?, ?)"_s,
        {refund.orderId, n, keyFor(refund.orderId, n), refund.chargeId, amount, refund.currency,
         refund.reason, refund.requestedBy, sqlkit::timeText(at), sqlkit::timeText(at),
         sqlkit::timeText(at), sqlkit::timeText(at)});
    if (!inserted)
        return inserted.error();
    return n;
}

Result<RefundStep> CardRefunds::settle(const QSqlDatabase &db, const QString &orderId, int n,
                                       const PaymentGateway &payments, const Clock &clock,
                                       std::chrono::seconds lease)
{
    const QDateTime now = clock.now();
    Result<QSqlQuery> claimed = sqlkit::exec(
        db,
        u"UPDATE payment_refunds SET lease_until = ?, attempts = attempts + 1, updated_at = ? "
        "WHERE order_id = ? AND n = ? AND state IN ('due', 'sent') AND lease_until <= ?"_s,
        {sqlkit::timeText(now.addSecs(lease.count())), sqlkit::timeText(now), orderId, n,
         sqlkit::timeText(now)});
    if (!claimed)
        return claimed.error();
    const bool mine = claimed.value().numRowsAffected() == 1;
    Result<std::optional<StoredRefund>> stored = readRefund(db, orderId, n);
    if (!stored)
        return stored.error();
    if (!*stored)
        return Error{u"order.not_found"_s,
                     tr("Order %1 has no refund number %2.").arg(orderId).arg(n)};
    const StoredRefund refund = **stored;
    if (!mine)
        return RefundStep{orderId, n, refund.state};
    if (!payments.isConfigured()) {
        if (Result<void> waiting =
                postpone(db, orderId, n, refund.attempts,
                         tr("no payment service is configured (--payments)"), now);
            !waiting) {
            return waiting.error();
        }
        return RefundStep{orderId, n, refund.state};
    }

    // Sent before (by a runner that died, or whose answer never came): ask, never send again
    // unless the service says nothing was made with the key.
    PaymentOutcome outcome{PaymentOutcome::Kind::NotCharged, {}, {}};
    if (refund.state == u"sent"_s)
        outcome = payments.refundStatus(refund.key);
    if (outcome.kind == PaymentOutcome::Kind::NotCharged) {
        Result<QSqlQuery> marked = sqlkit::exec(
            db,
            u"UPDATE payment_refunds SET state = 'sent', updated_at = ? WHERE order_id = ? "
            "AND n = ? AND state IN ('due', 'sent')"_s,
            {sqlkit::timeText(now), orderId, n});
        if (!marked)
            return marked.error();
        faultPoint("before_refund");
        outcome = payments.refund(refund.key, refund.chargeId, refund.amountMinor);
        faultPoint("after_refund");
    }
    const QDateTime answered = clock.now();
    if (outcome.kind == PaymentOutcome::Kind::Unknown) {
        if (Result<void> waiting = postpone(db, orderId, n, refund.attempts, outcome.why, answered);
            !waiting) {
            return waiting.error();
        }
        return RefundStep{orderId, n, u"sent"_s};
    }
    if (Result<void> recorded = record(db, orderId, n, refund, outcome, answered); !recorded)
        return recorded.error();
    return RefundStep{
        orderId, n, outcome.kind == PaymentOutcome::Kind::Captured ? u"refunded"_s : u"refused"_s};
}

Result<int> CardRefunds::settleOrder(const QSqlDatabase &db, const QString &orderId,
                                     const PaymentGateway &payments, const Clock &clock,
                                     std::chrono::seconds lease)
{
    Result<QSqlQuery> found = sqlkit::exec(
        db,
        u"SELECT n FROM payment_refunds WHERE order_id = ? AND state IN ('due', 'sent') "
        "AND next_attempt_at <= ? ORDER BY n"_s,
        {orderId, sqlkit::timeText(clock.now())});
    if (!found)
        return found.error();
    QList<int> numbers;
    while (found.value().next())
        numbers.append(found.value().value(0).toInt());
    found.value().finish();
    int left = 0;
    for (int n : std::as_const(numbers)) {
        Result<RefundStep> step = settle(db, orderId, n, payments, clock, lease);
        if (!step)
            return step.error();
        if (step->state == u"due"_s || step->state == u"sent"_s)
            ++left;
    }
    return left;
}

Result<QList<RefundStep>> CardRefunds::due(const QSqlDatabase &db, const QDateTime &now, int limit)
{
    Result<QSqlQuery> found = sqlkit::exec(
        db,
        u"SELECT order_id, n, state FROM payment_refunds WHERE state IN ('due', 'sent') "
        "AND next_attempt_at <= ? AND lease_until <= ? ORDER BY next_attempt_at LIMIT %1"_s.arg(
            limit),
        {sqlkit::timeText(now), sqlkit::timeText(now)});
    if (!found)
        return found.error();
    QList<RefundStep> steps;
    while (found.value().next()) {
        steps.append({found.value().value(0).toString(), found.value().value(1).toInt(),
                      found.value().value(2).toString()});
    }
    return steps;
}

Result<QJsonArray> CardRefunds::report(const QSqlDatabase &db, const QString &orderId)
{
    Result<QSqlQuery> found = sqlkit::exec(
        db,
        u"SELECT n, idem_key, charge_id, amount_minor, state, refund_id, detail, reason, "
        "requested_by, created_at, updated_at FROM payment_refunds WHERE order_id = ? ORDER BY n"_s,
        {orderId});
    if (!found)
        return found.error();
    QJsonArray refunds;
    while (found.value().next()) {
        const QSqlQuery &row = found.value();
        QJsonObject refund{{u"n"_s, row.value(0).toInt()},
                           {u"key"_s, row.value(1).toString()},
                           {u"charge_id"_s, row.value(2).toString()},
                           {u"amount"_s, row.value(3).toLongLong()},
                           {u"state"_s, row.value(4).toString()},
                           {u"reason"_s, row.value(7).toString()},
                           {u"requested_by"_s, row.value(8).toString()},
                           {u"created_at"_s, row.value(9).toString()},
                           {u"updated_at"_s, row.value(10).toString()}};
        if (!row.value(5).isNull())
            refund.insert(u"refund_id"_s, row.value(5).toString());
        if (!row.value(6).isNull())
            refund.insert(u"detail"_s, row.value(6).toString());
        refunds.append(refund);
    }
    return refunds;
}

} // namespace counterline::server
