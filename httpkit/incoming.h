#pragma once

#include <QByteArray>
#include <QHttpServerRequest>
#include <QString>

namespace counterline::httpkit {

// What a handler needs from a request, copied on the HTTP thread: QHttpServerRequest does not
// outlive the route call, and the work runs on a worker thread.
struct Incoming
{
    QByteArray method;
    QByteArray path;
    QByteArray token;          // Authorization: Bearer <token>, without the scheme
    QByteArray idempotencyKey; // Idempotency-Key, without the structured-field quotes
    QByteArray body;
    QByteArray ifMatch;
    QString query;
};

Incoming incomingOf(const QHttpServerRequest &request, QByteArray method);

// The Idempotency-Key header, also in the draft's structured-field string form ("…").
QByteArray idempotencyKeyOf(const QHttpServerRequest &request);

} // namespace counterline::httpkit
