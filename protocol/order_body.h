#pragma once

#include "domain/result.h"
#include "protocol/journal_link.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace counterline::protocol {

// A POST /v1/orders body (docs/openapi.yaml, OrderRequest) as the server reads it: types and
// shapes checked, nothing looked up. Amounts are integer minor units. orderRequestBody
// (order_request.h) writes the same body from a terminal's outbox.
struct WireLine
{
    int lineNo = 0;
    QString sku;
    QString name;
    qint64 unitPrice = 0;
    qint64 quantity = 0;
    qint64 taxRatePpm = 0;
    qint64 discount = 0;
    qint64 total = 0;
    qint64 tax = 0;         // not on the wire: the server recomputes it
    int originalLineNo = 0; // on a return: the sold line it gives back
};

struct WireTender
{
    QString kind;
    qint64 amount = 0;
    QString reference;
    QString paymentToken; // what the saga charges, for a tender that needs capture
    bool needsCapture = false;
};

struct WireEvent
{
    QString event;
    QString from;
    QString to;
    int version = 0;
    QString actor;
    QString approvedBy;
    QString at;
};

struct WireOrder
{
    bool isReturn = false;   // "type": "return"; a sale has no type on the wire
    QString originalOrderId; // on a return: the sale it gives back from
    QString id;
    QString receiptNo;
    QString storeId;
    QString terminalId;
    QString cashierId;
    QString customerId;
    QString currency;
    QString createdAt;
    QString status;
    int version = 1;
    qint64 total = 0;
    QList<WireLine> lines;
    QList<WireTender> tenders;
    QList<WireEvent> events;
    std::optional<JournalLink> journal;
    // The cursor of the till's last catalog pull (GET /v1/catalog "next"): the catalog the
    // server compares the sale with. Optional; absent, the catalog as of created_at.
    std::optional<qint64> catalogVersion;
    QByteArray canonical; // the body as compact JSON with sorted keys, for the fingerprint

    // A remote order (a web shop's): placed CREATED with a card to charge; its saga reserves the
    // stock, charges, and confirms it PAID. Everything else is a counter sale that arrives paid.
    bool isRemote() const;
    bool needsCapture() const;
};

// Reads a POST /v1/orders body. Errors: request.malformed_json, or request.invalid_field
// naming the first field that is wrong by its path ("lines[1].quantity").
Result<WireOrder> parseOrderBody(const QByteArray &body);

// Whether a body might hold a tender that needs capture (a remote order, which waits on the
// payment service), told from its bytes without parsing: the server picks the worker pool on
// the HTTP thread with it. False only when no tender can need capture; a body with \u escapes
// counts as one that might.
bool mayNeedCapture(QByteArrayView body);

} // namespace counterline::protocol
