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

// The body of POST /v1/orders/{id}/cancel for an outbox row of kind "cancel", and of
// POST /v1/orders/{id}/events for one of kind "event": the event's journal link, and who made the
// change, who approved it and what happened to each tender's money, as the till recorded them
// (members a till before this version did not send; an old row still maps to its old body).
QByteArray cancelRequestBody(const QByteArray &outboxPayload);
QByteArray eventRequestBody(const QByteArray &outboxPayload);

} // namespace counterline::protocol
