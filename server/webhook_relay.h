#pragma once

#include "domain/clock.h"
#include "domain/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QSqlDatabase>
#include <QUrl>

#include <chrono>

namespace counterline::server {

struct WebhookSubscriber
{
    QString id;
    QUrl url;
    QByteArray secret;
    QString storeId; // empty: every store
};

// Carries outbox_events to each webhook subscriber (BRIEF §8), one event per POST, in order, at
// least once: a subscriber's cursor moves past an event only when it answered 2xx; a failure is
// tried again with exponential backoff (full jitter, 0.5 s base, 5 minutes at most) and holds
// back the events after it. Every delivery is signed:
//
//   Counterline-Event-Id: <event id>
//   Counterline-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>
class WebhookRelay
{
    Q_DECLARE_TR_FUNCTIONS(WebhookRelay)

public:
    // `webhook add`: plain http only to this machine; the secret is made here unless given.
    static Result<WebhookSubscriber> add(const QSqlDatabase &db, const QString &url,
                                         const QString &storeId, const QByteArray &secret,
                                         const QDateTime &now);

    // The header value that signs `body` at `unixSeconds`.
    static QByteArray signature(const QByteArray &secret, qint64 unixSeconds,
                                const QByteArray &body);

    // Delivers what is due to every subscriber, blocking this thread; returns how many events
    // were delivered.
    static Result<int> deliverDue(const QSqlDatabase &db, const Clock &clock,
                                  std::chrono::milliseconds timeout = std::chrono::seconds(10));
};

} // namespace counterline::server
