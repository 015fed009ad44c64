#pragma once

#include "domain/result.h"

#include <QByteArray>
#include <QFuture>
#include <QHttpServerResponse>
#include <QJsonObject>

namespace counterline::server {

// How the server answers (docs/openapi.yaml): which error is which status, the order with its
// ETag, the version conflict with the order as it is now.

// The HTTP status of an error, by its code.
int statusFor(const Error &error);

// The problem for `error`. A busy database (sqlkit's sql.busy) is answered as server.busy, 503
// with Retry-After, and noted for this worker thread (takeDatabaseBusy) so that the request is
// run again before anyone is told.
QHttpServerResponse problem(Error error);
bool takeDatabaseBusy();

QHttpServerResponse json(int status, const QByteArray &body);
QHttpServerResponse orderResponse(const QJsonObject &order);
// 409 for a stale version, with the order as it is now so the caller can see what changed.
QHttpServerResponse staleVersion(const QJsonObject &current);

// An error whose message is translated in the server's context.
Error translatedError(const char *code, const char *text);
QHttpServerResponse missingKey();
// 503 with Retry-After: the pool this request runs on has no room (server/worker_pools.h).
QHttpServerResponse poolFull();

// 413, refused on the HTTP thread without touching the pool: nothing to look up.
QFuture<QHttpServerResponse> tooLarge();

} // namespace counterline::server
