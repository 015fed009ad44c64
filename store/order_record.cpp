#include "store/order_record.h"

#include "store/canonical_json.h"
#include "store/time_text.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace counterline::store {

namespace {

QString taxModeName(const PricingPolicy &policy)
{
    return policy.taxMode == TaxMode::PricesIncludeTax ? u"inclusive"_s : u"exclusive"_s;
}

QJsonValue optionalText(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

} // namespace

QJsonObject eventRecordJson(const QString &orderId, const OrderEventRecord &event)
{
    return QJsonObject{
        {u"type"_s, u"event"_s},
        {u"order_id"_s, orderId},
        {u"event"_s, orderEventName(event.event)},
        {u"from"_s,
         event.from ? QJsonValue(orderStatusName(*event.from)) : QJsonValue(QJsonValue::Null)},
        {u"to"_s, orderStatusName(event.to)},
        {u"version"_s, event.version},
        {u"actor"_s, event.actor.userId},
        {u"approved_by"_s, optionalText(event.actor.approvedBy)},
        {u"at"_s, timeText(event.at)},
    };
}

namespace {

// The same fields as eventRecordJson, written in their sorted order.
void writeEvent(CanonicalJson &json, const QString &orderId, const OrderEventRecord &event)
{
    json.beginObject()
        .key("actor"_L1)
        .value(event.actor.userId)
        .key("approved_by"_L1)
        .optional(event.actor.approvedBy)
        .key("at"_L1)
        .value(timeText(event.at))
        .key("event"_L1)
        .value(orderEventName(event.event))
        .key("from"_L1);
    if (event.from)
        json.value(orderStatusName(*event.from));
    else
        json.null();
    json.key("order_id"_L1)
        .value(orderId)
        .key("to"_L1)
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

QByteArray eventRecord(const QString &orderId, const OrderEventRecord &event)
{
    CanonicalJson json;
    writeEvent(json, orderId, event);
    return json.take();
}

QJsonObject saleRecordJson(const Order &order)
{
    const QString orderId = order.id().toString(QUuid::WithoutBraces);
    QJsonArray lines;
    const bool isReturn = order.kind() == OrderKind::Return;
    for (const OrderLine &line : order.lines()) {
        QJsonObject encoded{
            {u"line_no"_s, line.lineNo},
            {u"sku"_s, line.sku},
            {u"name"_s, line.name},
            {u"unit_price"_s, line.unitPrice.minorUnits()},
            {u"quantity"_s, line.quantity},
            {u"tax_rate_ppm"_s, line.taxRate.partsPerMillion()},
            {u"discount"_s, line.discount.minorUnits()},
            {u"net"_s, line.net.minorUnits()},
            {u"tax"_s, line.tax.minorUnits()},
            {u"total"_s, line.total.minorUnits()},
        };
        if (isReturn)
            encoded.insert(u"original_line_no"_s, line.originalLineNo);
        lines.append(encoded);
    }
    QJsonArray tenders;
    for (const Tender &tender : order.tenders()) {
        tenders.append(QJsonObject{
            {u"kind"_s, tenderKindName(tender.kind)},
            {u"amount"_s, tender.amount.minorUnits()},
            {u"reference"_s, optionalText(tender.reference)},
            {u"needs_capture"_s, tender.needsCapture},
        });
    }
    QJsonArray events;
    for (const OrderEventRecord &event : order.events())
        events.append(eventRecordJson(orderId, event));
    QJsonObject record{
        {u"type"_s, orderKindName(order.kind())},
        {u"id"_s, orderId},
        {u"receipt_no"_s, order.receiptNumber().toString()},
        {u"store_id"_s, order.storeId()},
        {u"terminal_id"_s, order.terminalId()},
        {u"cashier_id"_s, order.cashierId()},
        {u"customer_id"_s, optionalText(order.customerId())},
        {u"currency"_s, order.currency().code()},
        {u"tax_mode"_s, taxModeName(order.policy())},
        {u"rounding"_s, roundingRuleName(order.policy().rounding)},
        {u"created_at"_s, timeText(order.createdAt())},
        {u"status"_s, orderStatusName(order.status())},
        {u"version"_s, order.version()},
        {u"subtotal"_s, order.subtotal().minorUnits()},
        {u"discount"_s, order.discount().minorUnits()},
        {u"net"_s, order.net().minorUnits()},
        {u"tax"_s, order.tax().minorUnits()},
        {u"total"_s, order.total().minorUnits()},
        {u"change"_s, order.change().minorUnits()},
        {u"lines"_s, lines},
        {u"tenders"_s, tenders},
        {u"events"_s, events},
    };
    // A sale's record is what it always was; a return also names the sale it gives back from.
    if (isReturn)
        record.insert(u"original_order_id"_s,
                      order.originalOrderId().toString(QUuid::WithoutBraces));
    return record;
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
        .value(timeText(order.createdAt()))
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

} // namespace counterline::store
