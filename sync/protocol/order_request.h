#pragma once

#include "domain/result.h"

#include <QByteArray>
#include <QJsonObject>

namespace counterline::protocol {

// The body of POST /v1/orders (docs/openapi.yaml, OrderRequest) for an outbox row of kind
// "create". The terminal froze the payload at checkout ({"order": sale record, "journal": link});
// this maps it to the wire, deterministically, so that every retry sends the same bytes and the
// server's idempotency fingerprint matches.
Result<QByteArray> orderRequestBody(const QByteArray &outboxPayload);

} // namespace counterline::protocol
