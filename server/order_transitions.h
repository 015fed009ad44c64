#pragma once

#include "domain/order_state_machine.h"
#include "domain/result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlDatabase>

namespace counterline::server {

// An order's place in the state machine, as stored.
struct StoredState
{
    OrderStatus status = OrderStatus::Created;
    int version = 0;
    QString storeId;
    QString terminalId;
};

// Every state change of a stored order goes through here: the domain's state machine, the
// version check, the order's event row, the change feed terminals pull and the outbox event, all
// in the caller's transaction.
class OrderTransitions
{
    Q_DECLARE_TR_FUNCTIONS(OrderTransitions)

public:
    static Result<StoredState> read(const QSqlDatabase &db, const QString &orderId);

    // Moves the order from `state` by `event` if it is still at state.version; false when someone
    // else changed it first. `actorId` is the principal the change is recorded for.
    static Result<bool> move(const QSqlDatabase &db, const QString &actorId, const QString &orderId,
                             const StoredState &state, OrderEvent event, const QDateTime &at,
                             const QString &reason = {});
};

} // namespace counterline::server
