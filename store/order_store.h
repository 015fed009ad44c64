#pragma once

#include "domain/cart.h"
#include "domain/clock.h"
#include "domain/id_source.h"
#include "domain/order.h"
#include "domain/order_return.h"
#include "domain/tender_refund.h"
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

// Units of a completed sale brought back to this till: a new return order linked to the sale.
struct ReturnRequest
{
    QString originalOrderId;
    QList<ReturnItem> items;
    QList<Tender> refunds; // what is paid back: exactly the return's total
    Actor actor;           // who takes the goods back (the return's cashier)
};

struct CheckoutResult
{
    Order order;
    JournalEntry journal;
    QUuid idempotencyKey;
};

// A state change made on the server (GET /v1/changes): the back office shipped or cancelled an
// order this terminal sold.
struct CentralChange
{
    QString orderId;
    int version = 0; // the order's version after the change
    OrderEvent event = OrderEvent::Place;
    OrderStatus from = OrderStatus::Created;
    OrderStatus to = OrderStatus::Created;
    QString actor; // who made it on the server
    QDateTime at;
};

struct CentralChangesApplied
{
    int applied = 0;
    int alreadyHeld = 0;   // this terminal's own changes, or pulled before
    int notHere = 0;       // orders this database does not hold
    QStringList conflicts; // the order moved differently here; a person must look
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

    // A partial return of a paid or completed sale (BRIEF §3), one transaction like checkout:
    // the return order COMPLETED with its lines (each the share of the sold line it gives back),
    // what was paid back, its events, the outbox row, the journal entry, the returned units back
    // in stock and the next receipt number. The sale does not change; it can no longer be
    // cancelled or refunded in full.
    Result<CheckoutResult> recordReturn(const ReturnRequest &request);

    // Applies one state machine event to a stored order, if the order still has the version the
    // caller saw; otherwise "store.version_conflict" and nothing changes. Returns the new version.
    // A Cancel or Refund of a whole sale puts its goods back in stock and records what became of
    // each tender's money (`refunds`: at most one per tender, never more than it paid, none for
    // a card the server captures), in the journal and the outbox with the event.
    Result<int> applyEvent(const QUuid &orderId, int expectedVersion, OrderEvent event,
                           const Actor &actor, const QList<TenderRefund> &refunds = {});

    // Applies a page of central changes and saves the feed's cursor, in one transaction. Each
    // change goes through the state machine only if the local order is exactly one version
    // behind and in the change's "from" state; a change this order already holds is skipped;
    // anything else is a conflict: the order is flagged "needs_attention" and left as it is.
    // Central changes are not journalled here and not sent back: the journal records what this
    // terminal did.
    Result<CentralChangesApplied> applyCentralChanges(const QList<CentralChange> &changes,
                                                      const QString &cursor);

private:
    // Everything of a new order but the cart: rows, events, journal, outbox, stock, receipt number.
    Result<CheckoutResult> writeNewOrder(const Order &order, qint64 receiptSequence,
                                         const QDateTime &now);

    QSqlDatabase m_db;
    const Clock &m_clock;
    IdSource &m_ids;
};

} // namespace counterline::store
