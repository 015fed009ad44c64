#pragma once

#include "domain/result.h"

#include <QString>

#include <array>
#include <optional>

namespace counterline {

enum class OrderStatus
{
    Created,
    Paid,
    Shipped,
    Completed,
    Cancelled,
    Refunded
};

// What can happen to an order. Place creates it (CREATED); it is legal only as the first event,
// from no status, and so appears in no row of the transition table.
enum class OrderEvent
{
    Place,
    PaymentCaptured,
    PaymentFailed,
    Cancel,
    HandOver,
    Ship,
    Deliver,
    Refund
};

struct OrderTransition
{
    OrderStatus from;
    OrderEvent event;
    OrderStatus to;
};

// BRIEF §3, the single source of truth for what may happen to an order. The terminal's SQLite
// triggers and the server's checks are generated from this table; nothing else decides legality.
inline constexpr std::array<OrderTransition, 8> kOrderTransitions{{
    {OrderStatus::Created, OrderEvent::PaymentCaptured, OrderStatus::Paid},
    {OrderStatus::Created, OrderEvent::PaymentFailed, OrderStatus::Cancelled},
    {OrderStatus::Created, OrderEvent::Cancel, OrderStatus::Cancelled},
    {OrderStatus::Paid, OrderEvent::HandOver, OrderStatus::Completed},
    {OrderStatus::Paid, OrderEvent::Ship, OrderStatus::Shipped},
    {OrderStatus::Shipped, OrderEvent::Deliver, OrderStatus::Completed},
    {OrderStatus::Paid, OrderEvent::Cancel, OrderStatus::Cancelled},
    {OrderStatus::Completed, OrderEvent::Refund, OrderStatus::Refunded},
}};

inline constexpr OrderStatus kInitialOrderStatus = OrderStatus::Created;

inline constexpr std::array<OrderStatus, 6> kAllOrderStatuses{
    OrderStatus::Created,   OrderStatus::Paid,      OrderStatus::Shipped,
    OrderStatus::Completed, OrderStatus::Cancelled, OrderStatus::Refunded};

inline constexpr std::array<OrderEvent, 8> kAllOrderEvents{
    OrderEvent::Place,   OrderEvent::PaymentCaptured, OrderEvent::PaymentFailed,
    OrderEvent::Cancel,  OrderEvent::HandOver,        OrderEvent::Ship,
    OrderEvent::Deliver, OrderEvent::Refund};

// The status `event` leads to from `from`, or "order.illegal_transition" naming both.
Result<OrderStatus> nextOrderStatus(OrderStatus from, OrderEvent event);

// What gives a whole sale back at the till: a paid sale is cancelled, one handed over (or
// delivered) is refunded; nothing for the others (not yet paid, or already undone).
std::optional<OrderEvent> undoingEvent(OrderStatus status);

// True when no event leads anywhere from `status`.
bool isFinalOrderStatus(OrderStatus status);

// Wire and database names: "CREATED", "PAID", …; "PaymentCaptured", "HandOver", ….
QString orderStatusName(OrderStatus status);
Result<OrderStatus> orderStatusFromName(QStringView name);
// For people, in the user's language: "Paid", "Cancelled", ….
QString orderStatusWords(OrderStatus status);
// The same for a status as the database and the wire name it ("PAID" → "Paid"); a name that is no
// status comes back as it is.
QString orderStatusWordsFor(const QString &name);
QString orderEventName(OrderEvent event);
Result<OrderEvent> orderEventFromName(QStringView name);

} // namespace counterline
