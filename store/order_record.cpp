#include "store/order_record.h"

#include "sqlkit/time_text.h"
#include "store/canonical_json.h"

using namespace Qt::StringLiterals;

namespace counterline::store {

namespace {

QString taxModeName(const PricingPolicy &policy)
{
    return policy.taxMode == TaxMode::PricesIncludeTax ? u"inclusive"_s : u"exclusive"_s;
}

// What an event's outbox payload adds to its record.
struct EventLink
{
    int expectedVersion;
    const JournalEntry &journal;
};

void writeRefunds(CanonicalJson &json, const QList<TenderRefund> &refunds)
{
    json.beginArray();
    for (const TenderRefund &refund : refunds) {
        json.beginObject()
            .key("amount"_L1)
            .value(refund.amount.minorUnits())
            .key("outcome"_L1)
            .value(tenderRefundOutcomeName(refund.outcome))
            .key("refund_id"_L1)
            .optional(refund.refundId)
            .key("tender"_L1)
            .value(refund.tender)
            .endObject();
    }
    json.endArray();
}

// An event's record, fields in sorted order; with `link`, as its outbox payload.
void writeEvent(CanonicalJson &json, const QString &orderId, const OrderEventRecord &event,
                const EventLink *link = nullptr, const QList<TenderRefund> &refunds = {})
{
    json.beginObject()
        .key("actor"_L1)
        .value(event.actor.userId)
        .key("approved_by"_L1)
        .optional(event.actor.approvedBy)
        .key("at"_L1)
        .value(sqlkit::timeText(event.at))
        .key("event"_L1)
        .value(orderEventName(event.event));
    if (link)
        json.key("expected_version"_L1).value(link->expectedVersion);
    json.key("from"_L1);
    if (event.from)
        json.value(orderStatusName(*event.from));
    else
        json.null();
    if (link) {
        json.key("journal"_L1);
        writeJournalLink(json, link->journal);
    }
    json.key("order_id"_L1).value(orderId);
    if (!refunds.isEmpty()) {
        json.key("refunds"_L1);
        writeRefunds(json, refunds);
    }
    json.key("to"_L1)
        .value(orderStatusName(event.to))
        .key("type"_L1)
        .value(u"event")
        .key("version"_L1)
        .value(event.version)
        .endObject();
}

void writeLine(CanonicalJson &json, const OrderLine &line, bool isReturn)
{
    json.beginObject()
        .key("discount"_L1)
        .value(line.discount.minorUnits())
        .key("line_no"_L1)
        .value(line.lineNo)
        .key("name"_L1)
        .value(line.name)
        .key("net"_L1)
        .value(line.net.minorUnits());
    if (isReturn)
        json.key("original_line_no"_L1).value(line.originalLineNo);
    json.key("quantity"_L1)
        .value(line.quantity)
        .key("sku"_L1)
        .value(line.sku)
        .key("tax"_L1)
        .value(line.tax.minorUnits())
        .key("tax_rate_ppm"_L1)
        .value(line.taxRate.partsPerMillion())
        .key("total"_L1)
        .value(line.total.minorUnits())
        .key("unit_price"_L1)
        .value(line.unitPrice.minorUnits())
        .endObject();
}

void writeTender(CanonicalJson &json, const Tender &tender)
{
    json.beginObject()
        .key("amount"_L1)
        .value(tender.amount.minorUnits())
        .key("kind"_L1)
        .value(tenderKindName(tender.kind))
        .key("needs_capture"_L1)
        .boolean(tender.needsCapture)
        .key("reference"_L1)
        .optional(tender.reference)
        .endObject();
}

} // namespace

void writeJournalLink(CanonicalJson &json, const JournalEntry &entry)
{
    json.beginObject()
        .key("hash"_L1)
        .value(QString::fromLatin1(entry.hash))
        .key("prev_hash"_L1)
        .value(QString::fromLatin1(entry.prevHash))
        .key("seq"_L1)
        .value(entry.seq)
        .endObject();
}

QByteArray eventRecord(const QString &orderId, const OrderEventRecord &event,
                       const QList<TenderRefund> &refunds)
{
    CanonicalJson json;
    writeEvent(json, orderId, event, nullptr, refunds);
    return json.take();
}

QByteArray saleRecord(const Order &order)
{
    const QString orderId = order.id().toString(QUuid::WithoutBraces);
    const bool isReturn = order.kind() == OrderKind::Return;
    CanonicalJson json;
    json.beginObject()
        .key("cashier_id"_L1)
        .value(order.cashierId())
        .key("change"_L1)
        .value(order.change().minorUnits())
        .key("created_at"_L1)
        .value(sqlkit::timeText(order.createdAt()))
        .key("currency"_L1)
        .value(order.currency().code())
        .key("customer_id"_L1)
        .optional(order.customerId())
        .key("discount"_L1)
        .value(order.discount().minorUnits())
        .key("events"_L1)
        .beginArray();
    for (const OrderEventRecord &event : order.events())
        writeEvent(json, orderId, event);
    json.endArray().key("id"_L1).value(orderId).key("lines"_L1).beginArray();
    for (const OrderLine &line : order.lines())
        writeLine(json, line, isReturn);
    json.endArray().key("net"_L1).value(order.net().minorUnits());
    if (isReturn)
        json.key("original_order_id"_L1)
            .value(order.originalOrderId().toString(QUuid::WithoutBraces));
    json.key("receipt_no"_L1)
        .value(order.receiptNumber().toString())
        .key("rounding"_L1)
        .value(roundingRuleName(order.policy().rounding))
        .key("status"_L1)
        .value(orderStatusName(order.status()))
        .key("store_id"_L1)
        .value(order.storeId())
        .key("subtotal"_L1)
        .value(order.subtotal().minorUnits())
        .key("tax"_L1)
        .value(order.tax().minorUnits())
        .key("tax_mode"_L1)
        .value(taxModeName(order.policy()))
        .key("tenders"_L1)
        .beginArray();
    for (const Tender &tender : order.tenders())
        writeTender(json, tender);
    json.endArray()
        .key("terminal_id"_L1)
        .value(order.terminalId())
        .key("total"_L1)
        .value(order.total().minorUnits())
        .key("type"_L1)
        .value(orderKindName(order.kind()))
        .key("version"_L1)
        .value(order.version())
        .endObject();
    return json.take();
}

QByteArray newOrderPayload(const QByteArray &record, const JournalEntry &journal,
                           std::optional<qint64> catalogVersion)
{
    CanonicalJson json;
    json.beginObject();
    if (catalogVersion)
        json.key("catalog_version"_L1).value(*catalogVersion);
    json.key("journal"_L1);
    writeJournalLink(json, journal);
    json.key("order"_L1).raw(record).endObject();
    return json.take();
}

QByteArray eventPayload(const QString &orderId, const OrderEventRecord &event, int expectedVersion,
                        const JournalEntry &journal, const QList<TenderRefund> &refunds)
{
    const EventLink link{expectedVersion, journal};
    CanonicalJson json;
    writeEvent(json, orderId, event, &link, refunds);
    return json.take();
}

} // namespace counterline::store
