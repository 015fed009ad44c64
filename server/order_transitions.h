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

// Who makes a change: the principal whose token asked (a terminal, a user, or the terminal the
// server's saga acts for), and the person as that principal recorded them (the till's cashier and
// the manager who approved) — empty person: the principal itself.
struct ChangeActor
{
    QString principalId;
    QString person;
    QString approvedBy;

    QString who() const { return person.isEmpty() ? principalId : person; }
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
    // else changed it first. The event row keeps the person and the approver; the change feed the
    // principal.
    static Result<bool> move(const QSqlDatabase &db, const ChangeActor &actor,
                             const QString &orderId, const StoredState &state, OrderEvent event,
                             const QDateTime &at, const QString &reason = {});
};

} // namespace counterline::server
