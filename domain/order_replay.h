#pragma once

#include "domain/order_state_machine.h"
#include "domain/result.h"

#include <QCoreApplication>
#include <QList>

#include <optional>

namespace counterline {

// One event of an order's history as somebody recorded it: what happened, the status it left
// (none for Place), the status it reached and the version it made.
struct RecordedEvent
{
    OrderEvent event = OrderEvent::Place;
    std::optional<OrderStatus> from;
    OrderStatus to = OrderStatus::Created;
    int version = 0;
};

// Where a history leads.
struct ReplayedOrder
{
    OrderStatus status = OrderStatus::Created;
    int version = 0;
};

// Order histories checked against the one transition table (kOrderTransitions), for histories
// that arrive from elsewhere (a till's sale, a web shop's order) rather than being made here.
class OrderReplay
{
    Q_DECLARE_TR_FUNCTIONS(OrderReplay)

public:
    // Replays `events` in order: the first must be Place (from no status to CREATED, version 1);
    // each later one must be legal from the status before it, reach the status the table gives and
    // raise the version by exactly 1. The status and version it ends at, or
    // "order.illegal_transition" naming the first event that does not hold (its index and name).
    static Result<ReplayedOrder> replay(const QList<RecordedEvent> &events);

    // The one history that leads from Place to `status` at `version`, for a body that states where
    // an order stands without its events: CREATED at 1 is [Place], PAID at 2 is [Place,
    // PaymentCaptured], COMPLETED at 3 [Place, PaymentCaptured, HandOver]. When no history or more
    // than one leads there (CANCELLED at 2: failed payment or cancel?), "order.illegal_transition".
    static Result<QList<OrderEvent>> onlyPathTo(OrderStatus status, int version);
};

} // namespace counterline
