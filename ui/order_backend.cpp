#include "ui/order_backend.h"

#include "store/order_store.h"
#include "store/return_source.h"
#include "sync/card_payments.h"
#include "sync/sale_reversal.h"
#include "sync/server_orders.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace counterline::ui {

LocalOrderBackend::LocalOrderBackend(const store::Database &database, const Clock &clock,
                                     IdSource &ids, sync::CardPayments *cards)
    : m_database(database)
    , m_clock(clock)
    , m_ids(ids)
    , m_cards(cards)
    , m_reversal(std::make_unique<sync::SaleReversal>(database, clock, ids, cards))
{}

LocalOrderBackend::~LocalOrderBackend() = default;

void LocalOrderBackend::load(const QString &orderId, Loaded done)
{
    done(store::OrderDetails::load(m_database, orderId));
}

void LocalOrderBackend::apply(const QString &orderId, int expectedVersion, OrderEvent event,
                              const QString &user, Applied done)
{
    if (event == OrderEvent::Cancel || event == OrderEvent::Refund) {
        // The whole sale undone: its money goes back by whoever took it first.
        m_reversal->undo({orderId, expectedVersion, event, Actor{user, QString()}},
                         [done](const Result<sync::SaleUndone> &undone) {
                             if (undone)
                                 done(success());
                             else
                                 done(undone.error());
                         });
        return;
    }
    store::OrderStore orders(m_database, m_clock, m_ids);
    Result<int> applied =
        orders.applyEvent(QUuid(orderId), expectedVersion, event, Actor{user, QString()});
    if (applied) {
        done(success());
    } else if (applied.error().code == u"store.version_conflict"_s) {
        done(Error{u"order.version_conflict"_s, applied.error().message});
    } else {
        done(applied.error());
    }
}

void OrderBackend::loadReturnSource(const QString &, SourceLoaded done)
{
    done(Error{u"return.not_here"_s, tr("Returns are taken at the till the goods come back to.")});
}

bool OrderBackend::refundsToCard(const store::OrderDetail &) const
{
    return false;
}

void OrderBackend::recordReturn(const QString &, const QList<ReturnItem> &, RefundTo,
                                const QString &, Returned done)
{
    done(Error{u"return.not_here"_s, tr("Returns are taken at the till the goods come back to.")});
}

void LocalOrderBackend::loadReturnSource(const QString &orderId, SourceLoaded done)
{
    done(store::ReturnSources::load(m_database.connection(), orderId));
}

QString LocalOrderBackend::chargeOf(const store::OrderDetail &sale) const
{
    // Charges the payment service made carry its ids; a manual approval code cannot be refunded
    // through it, nor can a card taken offline that the server charges later.
    for (const store::OrderDetail::TenderLine &tender : sale.tenders) {
        if (tender.kind == u"card"_s && !tender.needsCapture &&
            tender.reference.startsWith(u"ch_"_s))
            return tender.reference;
    }
    return {};
}

bool LocalOrderBackend::refundsToCard(const store::OrderDetail &sale) const
{
    return m_cards && !chargeOf(sale).isEmpty();
}

void LocalOrderBackend::recordReturn(const QString &orderId, const QList<ReturnItem> &items,
                                     RefundTo refundTo, const QString &user, Returned done)
{
    Result<ReturnSource> sale = store::ReturnSources::load(m_database.connection(), orderId);
    if (!sale) {
        done(sale.error());
        return;
    }
    Result<Order> preview = store::ReturnSources::preview(*sale, items, m_clock.now());
    if (!preview) {
        done(preview.error());
        return;
    }
    const Money refund = preview->total();
    if (refundTo == RefundTo::Cash) {
        writeReturn(orderId, items, Tender{TenderKind::Cash, refund, {}, false}, user, done);
        return;
    }
    Result<store::OrderDetail> detail = store::OrderDetails::load(m_database, orderId);
    if (!detail) {
        done(detail.error());
        return;
    }
    const QString charge = chargeOf(*detail);
    if (!m_cards || charge.isEmpty()) {
        done(Error{u"return.no_card"_s,
                   tr("This sale was not charged to a card through the payment service; pay the "
                      "return back in cash.")});
        return;
    }
    // The key names this sale's next return: asked again after a lost answer or a failed write,
    // the service answers the refund it made, never a second one.
    const QString key = u"return:%1:%2"_s.arg(orderId).arg(detail->returns.size() + 1);
    m_cards->refund({key, charge, refund}, [this, orderId, items, user, refund,
                                            done](const sync::CardOutcome &outcome) {
        if (outcome.kind != sync::CardOutcome::Kind::Approved) {
            done(Error{u"return.refund_failed"_s, outcome.message});
            return;
        }
        writeReturn(orderId, items, Tender{TenderKind::Card, refund, outcome.chargeId, false}, user,
                    done);
    });
}

void LocalOrderBackend::writeReturn(const QString &orderId, const QList<ReturnItem> &items,
                                    const Tender &refund, const QString &user, const Returned &done)
{
    store::OrderStore orders(m_database, m_clock, m_ids);
    Result<store::CheckoutResult> recorded =
        orders.recordReturn({orderId, items, {refund}, Actor{user, {}}});
    if (!recorded) {
        done(recorded.error());
        return;
    }
    done(recorded->order.id().toString(QUuid::WithoutBraces));
}

ServerOrderBackend::ServerOrderBackend(sync::ServerOrders &orders)
    : m_orders(orders)
{}

Result<store::OrderDetail> ServerOrderBackend::detailFromJson(const QJsonObject &order)
{
    Result<OrderStatus> status = orderStatusFromName(order.value(u"status"_s).toString());
    Result<Currency> currency = Currency::fromCode(order.value(u"currency"_s).toString());
    if (!status)
        return status.error();
    if (!currency)
        return currency.error();
    store::OrderDetail detail;
    detail.summary = store::OrderSummary{
        order.value(u"id"_s).toString(),
        order.value(u"receipt_no"_s).toString(),
        QDateTime::fromString(order.value(u"created_at"_s).toString(), Qt::ISODateWithMs),
        *status,
        order.value(u"version"_s).toInt(),
        order.value(u"cashier_id"_s).toString(),
        order.value(u"customer_id"_s).toString(),
        Money(order.value(u"total"_s).toInteger(), *currency),
        tr("on the server"),
        order.value(u"type"_s).toString() == u"return"_s};
    detail.originalOrderId = order.value(u"original_order_id"_s).toString();
    detail.storeId = order.value(u"store_id"_s).toString();
    detail.terminalId = order.value(u"terminal_id"_s).toString();
    detail.taxMinor = order.value(u"tax"_s).toInteger();
    detail.serverOrderNo = QString::number(order.value(u"order_no"_s).toInteger());
    for (const QJsonValue &value : order.value(u"lines"_s).toArray()) {
        const QJsonObject l = value.toObject();
        detail.lines.append(
            {int(l.value(u"line_no"_s).toInteger()), l.value(u"sku"_s).toString(),
             l.value(u"name"_s).toString(), l.value(u"unit_price"_s).toInteger(),
             l.value(u"quantity"_s).toInteger(), l.value(u"tax_rate_ppm"_s).toInteger(),
             l.value(u"discount"_s).toInteger(), l.value(u"tax"_s).toInteger(),
             l.value(u"total"_s).toInteger(), int(l.value(u"original_line_no"_s).toInteger())});
    }
    for (const QJsonValue &value : order.value(u"tenders"_s).toArray()) {
        const QJsonObject t = value.toObject();
        detail.tenders.append({t.value(u"kind"_s).toString(), t.value(u"amount"_s).toInteger(),
                               t.value(u"reference"_s).toString(),
                               t.value(u"needs_capture"_s).toBool()});
    }
    for (const QJsonValue &value : order.value(u"refunds"_s).toArray()) {
        const QJsonObject r = value.toObject();
        detail.moneyBack.append({int(r.value(u"tender"_s).toInteger()),
                                 r.value(u"amount"_s).toInteger(), r.value(u"outcome"_s).toString(),
                                 r.value(u"refund_id"_s).toString(),
                                 r.value(u"state"_s).toString()});
    }
    for (const QJsonValue &value : order.value(u"events"_s).toArray()) {
        const QJsonObject e = value.toObject();
        detail.events.append(
            {int(e.value(u"version"_s).toInteger()), e.value(u"event"_s).toString(),
             e.value(u"from"_s).toString(), e.value(u"to"_s).toString(),
             e.value(u"actor"_s).toString(), e.value(u"approved_by"_s).toString(),
             QDateTime::fromString(e.value(u"at"_s).toString(), Qt::ISODateWithMs)});
    }
    return detail;
}

void ServerOrderBackend::load(const QString &orderId, Loaded done)
{
    m_orders.order(orderId, [done = std::move(done)](const Result<QJsonObject> &answer) {
        if (!answer)
            done(answer.error());
        else
            done(detailFromJson(*answer));
    });
}

void ServerOrderBackend::apply(const QString &orderId, int expectedVersion, OrderEvent event,
                               const QString &, Applied done)
{
    m_orders.applyEvent(orderId, orderEventName(event), expectedVersion,
                        [done = std::move(done)](const Result<QJsonObject> &answer) {
                            if (answer)
                                done(success());
                            else
                                done(answer.error());
                        });
}

} // namespace counterline::ui
