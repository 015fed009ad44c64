#include "protocol/order_request.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace counterline::protocol {

namespace {

// Copies the named members of `from` that are present.
QJsonObject pick(const QJsonObject &from, std::initializer_list<QString> names)
{
    QJsonObject to;
    for (const QString &name : names) {
        const QJsonValue value = from.value(name);
        if (!value.isUndefined())
            to.insert(name, value);
    }
    return to;
}

} // namespace

Result<QByteArray> orderRequestBody(const QByteArray &outboxPayload)
{
    const QJsonObject payload = QJsonDocument::fromJson(outboxPayload).object();
    const QJsonObject sale = payload.value(u"order"_s).toObject();
    const QString type = sale.value(u"type"_s).toString();
    const bool isReturn = type == u"return"_s;
    if ((type != u"sale"_s && !isReturn) || !sale.value(u"id"_s).isString() ||
        (isReturn && !sale.value(u"original_order_id"_s).isString())) {
        return Error{
            u"protocol.bad_outbox_payload"_s,
            QCoreApplication::translate("counterline::protocol",
                                        "The outbox row does not hold a sale or return record.")};
    }
    QJsonObject body = pick(sale, {u"id"_s, u"receipt_no"_s, u"store_id"_s, u"terminal_id"_s,
                                   u"cashier_id"_s, u"customer_id"_s, u"currency"_s,
                                   u"created_at"_s, u"status"_s, u"version"_s, u"total"_s});
    // A sale goes as it always went (no "type": a retried request keeps its fingerprint); a
    // return names itself and the sale it gives back from, and each line the sold line.
    if (isReturn) {
        body.insert(u"type"_s, type);
        body.insert(u"original_order_id"_s, sale.value(u"original_order_id"_s));
    }
    QJsonArray lines;
    for (const QJsonValue &line : sale.value(u"lines"_s).toArray()) {
        lines.append(pick(line.toObject(),
                          {u"line_no"_s, u"sku"_s, u"name"_s, u"unit_price"_s, u"quantity"_s,
                           u"tax_rate_ppm"_s, u"discount"_s, u"total"_s, u"original_line_no"_s}));
    }
    QJsonArray tenders;
    for (const QJsonValue &value : sale.value(u"tenders"_s).toArray()) {
        QJsonObject tender =
            pick(value.toObject(), {u"kind"_s, u"amount"_s, u"reference"_s, u"needs_capture"_s});
        // A card taken offline carries its token in the reference: the server charges it.
        if (tender.value(u"needs_capture"_s).toBool())
            tender.insert(u"payment_token"_s, tender.value(u"reference"_s));
        tenders.append(tender);
    }
    QJsonArray events;
    for (const QJsonValue &event : sale.value(u"events"_s).toArray()) {
        events.append(pick(event.toObject(), {u"event"_s, u"from"_s, u"to"_s, u"version"_s,
                                              u"actor"_s, u"approved_by"_s, u"at"_s}));
    }
    body.insert(u"lines"_s, lines);
    body.insert(u"tenders"_s, tenders);
    body.insert(u"events"_s, events);
    const QJsonValue journal = payload.value(u"journal"_s);
    if (journal.isObject())
        body.insert(u"journal"_s, journal);
    // Payloads frozen before the till sent it carry none and go as they always went.
    const QJsonValue catalog = payload.value(u"catalog_version"_s);
    if (catalog.isDouble())
        body.insert(u"catalog_version"_s, catalog);
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

namespace {

// What a till recorded with its change: the person, the approver, the refunds.
void addTillRecord(QJsonObject &body, const QJsonObject &payload)
{
    for (const QString &name : {u"actor"_s, u"approved_by"_s}) {
        if (payload.value(name).isString() && !payload.value(name).toString().isEmpty())
            body.insert(name, payload.value(name));
    }
    if (payload.value(u"refunds"_s).isArray())
        body.insert(u"refunds"_s, payload.value(u"refunds"_s));
}

} // namespace

QByteArray cancelRequestBody(const QByteArray &outboxPayload)
{
    const QJsonObject payload = QJsonDocument::fromJson(outboxPayload).object();
    QJsonObject body{{u"reason"_s, u"Cancelled at the terminal"_s},
                     {u"restock"_s, true},
                     {u"refund_tenders"_s, true},
                     {u"journal"_s, payload.value(u"journal"_s)}};
    addTillRecord(body, payload);
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QByteArray eventRequestBody(const QByteArray &outboxPayload)
{
    const QJsonObject payload = QJsonDocument::fromJson(outboxPayload).object();
    QJsonObject body{{u"event"_s, payload.value(u"event"_s)},
                     {u"expected_version"_s, payload.value(u"expected_version"_s)},
                     {u"journal"_s, payload.value(u"journal"_s)}};
    addTillRecord(body, payload);
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

} // namespace counterline::protocol
