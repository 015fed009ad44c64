#pragma once

#include "domain/result.h"

#include <QByteArray>
#include <QHttpServerResponse>

namespace counterline::httpkit {

// An RFC 9457 problem (application/problem+json) for `error` with `status`; with Retry-After
// when `retryAfterSeconds` is positive.
QHttpServerResponse problemResponse(const Error &error, int status, int retryAfterSeconds = 0);

// A JSON answer. A stored answer may be a problem (a declined payment kept for a replay): at 400
// and above it keeps the problem media type.
QHttpServerResponse jsonResponse(int status, const QByteArray &body);

} // namespace counterline::httpkit
