#include "protocol/order_body.h"

#include "domain/order_state_machine.h"
#include "domain/tender.h"
#include "protocol/json_fields.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QUuid>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace counterline::protocol {

namespace {

// "lines": at least one, each a priced line (on a return, the sold line it gives back).
void readLines(JsonFields &fields, WireOrder &order)
{
    const QJsonArray lines = fields.array(u"lines"_s);
    if (!fields.error() && lines.isEmpty())
        fields.fail(u"lines"_s, QCoreApplication::translate("counterline::protocol::OrderBody",
                                                            "must hold at least one line"));
    for (qsizetype i = 0; i < lines.size() && !fields.error(); ++i) {
        const QString path = u"lines[%1]"_s.arg(i);
        if (!lines[i].isObject()) {
            fields.fail(path, QCoreApplication::translate("counterline::protocol::OrderBody",
                                                          "must be an object"));
            break;
        }
        JsonFields line(lines[i].toObject(), path);
        WireLine wire;
        wire.lineNo = int(line.integer(u"line_no"_s, 1, 100000));
        wire.sku = line.text(u"sku"_s);
        wire.name = line.text(u"name"_s);
        wire.unitPrice = line.integer(u"unit_price"_s, 0);
        wire.quantity = line.integer(u"quantity"_s, 1, 1'000'000);
        wire.taxRatePpm = line.integer(u"tax_rate_ppm"_s, 0, 1'000'000);
        wire.discount = line.integer(u"discount"_s, 0, kLargestJsonInteger, false);
        wire.total = line.integer(u"total"_s, 0);
        wire.originalLineNo =
            int(line.integer(u"original_line_no"_s, 1, 100000, order.isReturn, 0));
        if (!order.isReturn && wire.originalLineNo != 0)
            line.fail(u"original_line_no"_s,
                      QCoreApplication::translate("counterline::protocol::OrderBody",
                                                  "is for returns only"));
        fields.adopt(line.error());
        order.lines.append(wire);
    }
}

// "tenders": how it was paid; at most one card to capture later.
void readTenders(JsonFields &fields, WireOrder &order)
{
    const QJsonArray tenders = fields.array(u"tenders"_s);
    for (qsizetype i = 0; i < tenders.size() && !fields.error(); ++i) {
        const QString path = u"tenders[%1]"_s.arg(i);
        if (!tenders[i].isObject()) {
            fields.fail(path, QCoreApplication::translate("counterline::protocol::OrderBody",
                                                          "must be an object"));
            break;
        }
        JsonFields tender(tenders[i].toObject(), path);
        WireTender wire;
        wire.kind = tender.text(u"kind"_s);
        if (!wire.kind.isEmpty() && !tenderKindFromName(wire.kind))
            tender.fail(u"kind"_s, QCoreApplication::translate("counterline::protocol::OrderBody",
                                                               "must be cash or card"));
        wire.amount = tender.integer(u"amount"_s, 1);
        wire.reference = tender.text(u"reference"_s, false);
        wire.needsCapture = tender.boolean(u"needs_capture"_s);
        wire.paymentToken = tender.text(u"payment_token"_s, wire.needsCapture);
        if (wire.needsCapture && !wire.kind.isEmpty() && wire.kind != u"card"_s)
            tender.fail(u"needs_capture"_s,
                        QCoreApplication::translate("counterline::protocol::OrderBody",
                                                    "is for card tenders only"));
        fields.adopt(tender.error());
        order.tenders.append(wire);
    }

    if (!fields.error()) {
        const auto captured = std::count_if(order.tenders.cbegin(), order.tenders.cend(),
                                            [](const WireTender &t) { return t.needsCapture; });
        if (captured > 1)
            fields.fail(u"tenders"_s, QCoreApplication::translate(
                                          "counterline::protocol::OrderBody",
                                          "may hold one tender that needs capture, not %1")
                                          .arg(captured));
    }
}

// "events": the order's history as the till recorded it (optional: a web shop sends none).
void readEvents(JsonFields &fields, WireOrder &order)
{
    const QJsonArray events = fields.array(u"events"_s, false);
    for (qsizetype i = 0; i < events.size() && !fields.error(); ++i) {
        const QString path = u"events[%1]"_s.arg(i);
        JsonFields event(events[i].toObject(), path);
        WireEvent wire;
        wire.event = event.text(u"event"_s);
        if (!wire.event.isEmpty() && !orderEventFromName(wire.event))
            event.fail(u"event"_s, QCoreApplication::translate("counterline::protocol::OrderBody",
                                                               "is not an order event"));
        wire.from = event.text(u"from"_s, false);
        wire.to = event.text(u"to"_s);
        wire.version = int(event.integer(u"version"_s, 1, 1000));
        wire.actor = event.text(u"actor"_s);
        wire.approvedBy = event.text(u"approved_by"_s, false);
        wire.at = event.text(u"at"_s);
        fields.adopt(event.error());
        order.events.append(wire);
    }
}

} // namespace

Result<WireOrder> parseOrderBody(const QByteArray &body)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return Error{u"request.malformed_json"_s,
                     QCoreApplication::translate("counterline::protocol::OrderBody",
                                                 "The body is not valid JSON at byte %1: %2")
                         .arg(parseError.offset)
                         .arg(parseError.errorString())};
    }
    if (!document.isObject())
        return Error{u"request.malformed_json"_s,
                     QCoreApplication::translate("counterline::protocol::OrderBody",
                                                 "The body must be a JSON object.")};

    JsonFields fields(document.object(), QString());
    WireOrder order;
    order.canonical = document.toJson(QJsonDocument::Compact);
    const QString type = fields.text(u"type"_s, false);
    if (!type.isEmpty() && type != u"sale"_s && type != u"return"_s)
        fields.fail(u"type"_s, QCoreApplication::translate("counterline::protocol::OrderBody",
                                                           "must be sale or return"));
    order.isReturn = type == u"return"_s;
    order.id = fields.text(u"id"_s);
    if (!order.id.isEmpty() && QUuid::fromString(order.id).isNull())
        fields.fail(u"id"_s, QCoreApplication::translate("counterline::protocol::OrderBody",
                                                         "must be a UUID"));
    order.originalOrderId = fields.text(u"original_order_id"_s, order.isReturn);
    if (!order.originalOrderId.isEmpty() && !order.isReturn)
        fields.fail(
            u"original_order_id"_s,
            QCoreApplication::translate("counterline::protocol::OrderBody", "is for returns only"));
    else if (!order.originalOrderId.isEmpty() && QUuid::fromString(order.originalOrderId).isNull())
        fields.fail(
            u"original_order_id"_s,
            QCoreApplication::translate("counterline::protocol::OrderBody", "must be a UUID"));
    order.receiptNo = fields.text(u"receipt_no"_s);
    order.storeId = fields.text(u"store_id"_s);
    order.terminalId = fields.text(u"terminal_id"_s);
    order.cashierId = fields.text(u"cashier_id"_s);
    order.customerId = fields.text(u"customer_id"_s, false);
    order.currency = fields.text(u"currency"_s);
    order.createdAt = fields.text(u"created_at"_s);
    if (!order.createdAt.isEmpty() &&
        !QDateTime::fromString(order.createdAt, Qt::ISODateWithMs).isValid())
        fields.fail(u"created_at"_s, QCoreApplication::translate("counterline::protocol::OrderBody",
                                                                 "must be an RFC 3339 time"));
    order.status = fields.text(u"status"_s);
    if (!order.status.isEmpty() && !orderStatusFromName(order.status))
        fields.fail(u"status"_s, QCoreApplication::translate("counterline::protocol::OrderBody",
                                                             "is not an order status"));
    order.version = int(fields.integer(u"version"_s, 1, 1000, false, 1));
    order.total = fields.integer(u"total"_s, 0);
    if (document.object().contains(u"catalog_version"_s))
        order.catalogVersion = fields.integer(u"catalog_version"_s, 0);

    readLines(fields, order);
    readTenders(fields, order);
    readEvents(fields, order);
    if (!fields.error()) {
        Result<std::optional<JournalLink>> journal = parseJournalLink(document.object());
        if (!journal)
            return journal.error();
        order.journal = *journal;
    }
    if (fields.error())
        return *fields.error();
    return order;
}

bool WireOrder::isRemote() const
{
    return status == u"CREATED"_s && needsCapture();
}

bool WireOrder::needsCapture() const
{
    return std::any_of(tenders.cbegin(), tenders.cend(),
                       [](const WireTender &tender) { return tender.needsCapture; });
}

bool mayNeedCapture(QByteArrayView body)
{
    // JSON may spell the key with escapes ("needs\u005fcapture"): a body with any \u escape
    // might need capture (found by fuzz/order_body_fuzzer). The terminal's bodies have none.
    if (body.contains("\\u"))
        return true;
    // A till writes "needs_capture": false on every tender; only true needs the payment service.
    constexpr QByteArrayView key = "\"needs_capture\"";
    const auto skipSpace = [&](qsizetype at) {
        while (at < body.size() && QByteArrayView(" \t\r\n").contains(body.at(at)))
            ++at;
        return at;
    };
    for (qsizetype found = body.indexOf(key); found >= 0; found = body.indexOf(key, found + 1)) {
        qsizetype at = skipSpace(found + key.size());
        if (at >= body.size() || body.at(at) != ':')
            continue;
        if (body.sliced(skipSpace(at + 1)).startsWith("true"))
            return true;
    }
    return false;
}

} // namespace counterline::protocol
