#pragma once

#include <QByteArray>
#include <QHttpServerRequest>
#include <QString>
#include <QUrl>

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

// The URL's query with '+' read as a space, as HTML forms and most clients send it
// ("cashier=Anna+Maria"); a literal plus arrives as %2B and stays one. QUrlQuery, which reads
// the query afterwards, leaves '+' alone.
QString formQuery(const QUrl &url);

// The Idempotency-Key header, also in the draft's structured-field string form ("…").
QByteArray idempotencyKeyOf(const QHttpServerRequest &request);

} // namespace counterline::httpkit
