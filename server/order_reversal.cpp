#include "server/order_reversal.h"

#include "domain/tender_refund.h"
#include "server/card_refunds.h"
#include "server/follow_ups.h"
#include "server/stock_ledger.h"
#include "sqlkit/statement.h"
#include "sqlkit/time_text.h"
#include "sqlkit/transaction.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace counterline::server {

namespace {

struct TenderRow
{
    int seq = 0;
    QString kind;
    qint64 amountMinor = 0; // what it paid toward the total (cash: handed over less the change)
    QString reference;
    bool needsCapture = false;
};

struct OrderMoney
{
    QString currency;
    QString receiptNo;
    qint64 totalMinor = 0;
    QList<TenderRow> tenders;
    QString sagaStep; // empty: no saga (nothing for the server to charge)
    QString chargeId;
};

Result<OrderMoney> readMoney(const QSqlDatabase &db, const QString &orderId)
{
    OrderMoney money;
    Result<QSqlQuery> head = sqlkit::exec(
        db,
        u"SELECT o.currency, o.receipt_no, s.step, s.charge_id, o.total_minor FROM orders o "
        "LEFT JOIN sagas s ON s.order_id = o.id WHERE o.id = ?"_s,
        {orderId});
    if (!head)
        return head.error();
    if (head.value().next()) {
        money.currency = head.value().value(0).toString();
        money.receiptNo = head.value().value(1).toString();
        money.sagaStep = head.value().value(2).toString();
        money.chargeId = head.value().value(3).toString();
        money.totalMinor = head.value().value(4).toLongLong();
    }
    head.value().finish();
    Result<QSqlQuery> tenders =
        sqlkit::exec(db,
                     u"SELECT seq, kind, amount_minor, reference, needs_capture FROM tenders "
                     "WHERE order_id = ? ORDER BY seq"_s,
                     {orderId});
    if (!tenders)
        return tenders.error();
    while (tenders.value().next()) {
        const QSqlQuery &row = tenders.value();
        money.tenders.append({row.value(0).toInt(), row.value(1).toString(),
                              row.value(2).toLongLong(), row.value(3).toString(),
                              row.value(4).toInt() == 1});
    }
    tenders.value().finish();
    // What each tender paid toward the total: cash handed over less the change (the server
    // keeps what was handed over), so that what goes back is what was paid, not what was given.
    Result<Currency> currency = Currency::fromCode(money.currency);
    if (!currency)
        return currency.error();
    QList<Tender> paid;
    qint64 handed = 0;
    for (const TenderRow &tender : std::as_const(money.tenders)) {
        paid.append(Tender{*tenderKindFromName(tender.kind), Money(tender.amountMinor, *currency),
                           tender.reference, tender.needsCapture});
        handed += tender.amountMinor;
    }
    const QList<Money> shares =
        tenderShares(paid, Money(std::max<qint64>(0, handed - money.totalMinor), *currency));
    for (qsizetype i = 0; i < money.tenders.size(); ++i)
        money.tenders[i].amountMinor = shares[i].minorUnits();
    return money;
}

// Back what the order took (sold or reserved), once: movements are unique per step.
Result<void> restock(const QSqlDatabase &db, const QString &orderId, const QString &storeId,
                     const QDateTime &at)
{
    StockLedger::Quantities back;
    for (const QString &step : {u"sale"_s, u"reserve"_s}) {
        Result<StockLedger::Quantities> taken = StockLedger::takenBy(db, orderId, step);
        if (!taken)
            return taken.error();
        for (auto it = taken->cbegin(); it != taken->cend(); ++it)
            back[it.key()] += it.value();
    }
    return StockLedger::record(db, orderId, storeId, u"restock"_s, back, at);
}

// A card the server charges (taken offline at a till, or a web order): its saga decides.
Result<QString> byServer(const QSqlDatabase &db, const QString &orderId, const OrderMoney &money,
                         const TenderRow &tender, const QString &reason, const QString &who,
                         const QDateTime &at)
{
    if (money.sagaStep == u"done"_s && !money.chargeId.isEmpty()) {
        Result<int> owed = CardRefunds::owe(
            db,
            OwedRefund{orderId, money.chargeId, tender.amountMinor, money.currency, reason, who},
            tender.amountMinor, at);
        if (!owed)
            return owed.error();
        return u"by_server"_s;
    }
    if (money.sagaStep == u"charge"_s || money.sagaStep == u"confirm"_s) {
        // Not captured yet (never will be), or being captured (refunded once it is): the saga
        // looks again now rather than at its next attempt.
        Result<QSqlQuery> nudged =
            sqlkit::exec(db, u"UPDATE sagas SET next_attempt_at = ? WHERE order_id = ?"_s,
                         {sqlkit::timeText(at), orderId});
        if (!nudged)
            return nudged.error();
        return u"by_server"_s;
    }
    return u"not_charged"_s; // declined, or compensated already
}

// Why nobody gave a tender's money back when the sale was undone.
enum class OwedBecause
{
    TillUnreachable, // the till voided it and could not reach the payment service
    AwayFromTill,    // head office undid it, away from the till that took the money
    OldTill          // a till's void from before tills said what they gave back
};

QString owedDetail(const TenderRow &tender, const QString &receiptNo, const QString &currency,
                   OwedBecause because)
{
    const QString amount = FollowUps::amountText(tender.amountMinor, currency);
    QString what;
    if (tender.kind == u"cash"_s) {
        what = OrderReversal::tr("Give back %1 in cash for receipt %2.").arg(amount, receiptNo);
    } else if (tender.reference.startsWith(u"ch_"_s)) {
        what = OrderReversal::tr("Refund %1 to the card of receipt %2 (charge %3) through the "
                                 "payment service.")
                   .arg(amount, receiptNo, tender.reference);
    } else {
        what = OrderReversal::tr("Refund %1 to the card of receipt %2 on the card reader that "
                                 "took it (approval %3).")
                   .arg(amount, receiptNo, tender.reference);
    }
    switch (because) {
    case OwedBecause::TillUnreachable:
        return what + u' ' +
               OrderReversal::tr("The till could not reach the payment service when it voided "
                                 "the sale.");
    case OwedBecause::AwayFromTill:
        return what + u' ' +
               OrderReversal::tr("Head office cancelled or refunded the sale, away from the till "
                                 "that took the money.");
    case OwedBecause::OldTill:
        return what + u' ' +
               OrderReversal::tr("The till voided the sale before tills gave card money back "
                                 "themselves.");
    }
    return what;
}

} // namespace

Result<QList<TillRefund>> OrderReversal::parse(const QJsonObject &body)
{
    QList<TillRefund> refunds;
    const QJsonValue value = body.value(u"refunds"_s);
    if (value.isUndefined() || value.isNull())
        return refunds;
    auto bad = [](const QString &problem) { return Error{u"request.invalid_field"_s, problem}; };
    if (!value.isArray())
        return Error{u"request.invalid_field"_s, tr("\"refunds\" must be an array")};
    const QJsonArray list = value.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QJsonObject item = list[i].toObject();
        const qint64 tender = item.value(u"tender"_s).toInteger(0);
        const qint64 amount = item.value(u"amount"_s).toInteger(-1);
        const QString outcome = item.value(u"outcome"_s).toString();
        if (!list[i].isObject() || tender < 1 || tender > 1000)
            return bad(tr("\"refunds[%1]\" must name its tender (1, 2, …)").arg(i));
        if (amount < 0)
            return bad(tr("\"refunds[%1]\" must give its amount in minor units").arg(i));
        if (outcome != u"given_back"_s && outcome != u"card_refunded"_s && outcome != u"reader"_s &&
            outcome != u"owed"_s) {
            return bad(tr("\"refunds[%1].outcome\" must be given_back, card_refunded, reader or "
                          "owed")
                           .arg(i));
        }
        const QString refundId = item.value(u"refund_id"_s).toString();
        if (outcome == u"card_refunded"_s && refundId.isEmpty())
            return bad(tr("\"refunds[%1].refund_id\" must name the card refund").arg(i));
        refunds.append(TillRefund{int(tender), amount, outcome, refundId});
    }
    return refunds;
}

Result<void> OrderReversal::apply(const QSqlDatabase &db, const Principal &caller,
                                  const ChangeActor &actor, const QString &orderId,
                                  const StoredState &before, const Reversal &reversal,
                                  const QDateTime &at)
{
    if (reversal.restock) {
        if (Result<void> back = restock(db, orderId, before.storeId, at); !back)
            return back;
    }
    if (!reversal.refundTenders)
        return success();
    Result<OrderMoney> money = readMoney(db, orderId);
    if (!money)
        return money.error();
    const bool ownTill = caller.isTerminal() && caller.id == before.terminalId;
    const QString reason =
        reversal.reason.isEmpty() ? orderEventName(reversal.event) : reversal.reason;
    for (const TenderRow &tender : std::as_const(money->tenders)) {
        const TillRefund *told = nullptr;
        for (const TillRefund &refund : reversal.tillRefunds) {
            if (refund.tender == tender.seq)
                told = &refund;
        }
        QString outcome;
        QString refundId;
        OwedBecause because = OwedBecause::AwayFromTill;
        if (tender.needsCapture) {
            Result<QString> decided =
                byServer(db, orderId, *money, tender, reason, actor.who(), at);
            if (!decided)
                return decided.error();
            outcome = *decided;
        } else if (told) {
            outcome = told->outcome;
            refundId = told->refundId;
            because = OwedBecause::TillUnreachable;
        } else if (ownTill && tender.kind == u"cash"_s) {
            outcome = u"given_back"_s; // a till's void before it said so: the cash went back
        } else {
            outcome = u"owed"_s;
            because = ownTill ? OwedBecause::OldTill : OwedBecause::AwayFromTill;
        }
        if (outcome == u"owed"_s) {
            const FollowUp item{before.storeId,
                                before.terminalId,
                                orderId,
                                QString(FollowUp::kRefundOwed),
                                u"order:%1:tender:%2:owed"_s.arg(orderId).arg(tender.seq),
                                tender.amountMinor,
                                money->currency,
                                owedDetail(tender, money->receiptNo, money->currency, because),
                                actor.who()};
            if (Result<void> raised = FollowUps::raise(db, item, at); !raised)
                return raised;
        }
        Result<QSqlQuery> recorded = sqlkit::exec(
            db,
            u"INSERT INTO refunds (order_id, seq, kind, amount_minor, reason, actor_id, at, "
            "outcome, refund_id, approved_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
            {orderId, tender.seq, tender.kind, tender.amountMinor, reason, actor.who(),
             sqlkit::timeText(at), outcome,
             refundId.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(refundId),
             actor.approvedBy.isEmpty() ? QVariant(QMetaType(QMetaType::QString))
                                        : QVariant(actor.approvedBy)});
        if (!recorded)
            return recorded.error();
    }
    return success();
}

} // namespace counterline::server
