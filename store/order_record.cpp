#include "store/order_record.h"

#include "store/time_text.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace counterline::store {

namespace {

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
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

QByteArray eventRecord(const QString &orderId, const OrderEventRecord &event)
{
    return compact(eventRecordJson(orderId, event));
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
        {u"tax_mode"_s,
         order.policy().taxMode == TaxMode::PricesIncludeTax ? u"inclusive"_s : u"exclusive"_s},
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
    return compact(saleRecordJson(order));
}

} // namespace counterline::store
