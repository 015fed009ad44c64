#pragma once

#include "domain/result.h"
#include "server/order_ingest.h"

#include <QCoreApplication>

namespace counterline::server {

// An arriving order's history, checked before anything is written: its events must replay through
// the domain's transition table (domain/order_replay.h) from Place to exactly the status and
// version the order states. No genuine till sends anything else, so the answer is 422
// "order.illegal_transition" naming the event. A body without events (allowed since v1: a web
// shop's order) gets the one history that leads where it says, recorded for its cashier at its
// creation time.
class HistoryCheck
{
    Q_DECLARE_TR_FUNCTIONS(HistoryCheck)

public:
    static Result<void> verify(protocol::WireOrder &order);
};

} // namespace counterline::server
