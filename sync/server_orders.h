#pragma once

#include "domain/result.h"
#include "store/sync_settings.h"

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QUrlQuery>

#include <functional>

namespace counterline::sync {

// The head office's client of the server's orders (the back office with --server): history
// pages, one order in full, and state machine events sent with the version the user saw.
// Asynchronous; `done` is called once, on this object's thread. A refusal is an error with the
// server's problem code ("order.version_conflict" when someone changed the order first).
class ServerOrders : public QObject
{
    Q_OBJECT

public:
    explicit ServerOrders(store::SyncTarget target, QObject *parent = nullptr);

    const store::SyncTarget &target() const { return m_target; }

    using Done = std::function<void(const Result<QJsonObject> &)>;
    void list(const QUrlQuery &query, Done done);
    void order(const QString &orderId, Done done);
    void applyEvent(const QString &orderId, const QString &event, int expectedVersion, Done done);
    // The follow-up list (GET /v1/follow-ups): "state" open, settled or all; "store".
    void followUps(const QUrlQuery &query, Done done);
    // A note on follow-up `id`, settling it when `settle` (POST /v1/follow-ups/{id}/notes, with
    // a fresh Idempotency-Key: one note per call).
    void addFollowUpNote(qint64 id, const QString &note, bool settle, Done done);

private:
    void finish(class QNetworkReply *reply, Done done);

    store::SyncTarget m_target;
    QNetworkAccessManager m_network;
};

} // namespace counterline::sync
