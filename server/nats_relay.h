#pragma once

#include "domain/result.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>

struct __natsConnection;
struct __jsCtx;

namespace counterline::server {

// Carries outbox_events to NATS JetStream (BRIEF §8): stream COUNTERLINE_EVENTS, subject
// counterline.events.<store>.<type>, each message with the event id as Nats-Msg-Id. The relay's
// cursor (relay_cursors 'nats') moves after each acknowledged publish; a relay that dies between
// the two publishes the event again after a restart and the broker drops it as a duplicate (the
// stream keeps message ids for 10 minutes).
class NatsRelay
{
    Q_DECLARE_TR_FUNCTIONS(NatsRelay)

public:
    static constexpr const char *kStream = "COUNTERLINE_EVENTS";

    explicit NatsRelay(QString url);
    ~NatsRelay();
    NatsRelay(const NatsRelay &) = delete;
    NatsRelay &operator=(const NatsRelay &) = delete;

    // Publishes up to `limit` events after the cursor, in order; blocks this thread. Returns how
    // many were published (duplicates the broker dropped included).
    Result<int> publishDue(const QSqlDatabase &db, int limit = 200);

private:
    Result<void> connect();
    void disconnect();

    QString m_url;
    __natsConnection *m_connection = nullptr;
    __jsCtx *m_js = nullptr;
};

} // namespace counterline::server
