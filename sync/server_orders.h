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
    // Counter sales whose card, taken offline, was declined afterwards (GET /v1/follow-ups).
    void followUps(const QString &store, Done done);

private:
    void finish(class QNetworkReply *reply, Done done);

    store::SyncTarget m_target;
    QNetworkAccessManager m_network;
};

} // namespace counterline::sync
