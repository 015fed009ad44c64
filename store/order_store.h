#pragma once

#include "domain/cart.h"
#include "domain/clock.h"
#include "domain/id_source.h"
#include "domain/order.h"
#include "store/database.h"
#include "store/journal.h"

#include <QCoreApplication>

namespace counterline::store {

struct CheckoutRequest
{
    QString cashierId;
    QString customerId;
    QList<Tender> tenders;
    Actor actor;
};

struct CheckoutResult
{
    Order order;
    JournalEntry journal;
    QUuid idempotencyKey;
};

// Writes orders. Checkout is one transaction (BRIEF §4): the order and its line snapshots,
// tenders, its first events, the outbox row with its idempotency key, the journal entry, the
// stock decrement, the receipt sequence and the closed cart. All of it, or none of it.
class OrderStore
{
    Q_DECLARE_TR_FUNCTIONS(OrderStore)

public:
    OrderStore(const Database &database, const Clock &clock, IdSource &ids);

    Result<CheckoutResult> checkout(const Cart &cart, const CheckoutRequest &request);

    // Applies one state machine event to a stored order, if the order still has the version the
    // caller saw; otherwise "store.version_conflict" and nothing changes. Returns the new version.
    Result<int> applyEvent(const QUuid &orderId, int expectedVersion, OrderEvent event,
                           const Actor &actor);

private:
    QSqlDatabase m_db;
    const Clock &m_clock;
    IdSource &m_ids;
};

} // namespace counterline::store
