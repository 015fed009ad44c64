#include "domain/order_state_machine.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace counterline {

Result<OrderStatus> nextOrderStatus(OrderStatus from, OrderEvent event)
{
    for (const OrderTransition &transition : kOrderTransitions) {
        if (transition.from == from && transition.event == event)
            return transition.to;
    }
    return Error{u"order.illegal_transition"_s,
                 QCoreApplication::translate("counterline::OrderStateMachine",
                                             "an order that is %1 cannot take the event %2")
                     .arg(orderStatusName(from), orderEventName(event))};
}

std::optional<OrderEvent> undoingEvent(OrderStatus status)
{
    switch (status) {
    case OrderStatus::Paid:
        return OrderEvent::Cancel;
    case OrderStatus::Completed:
        return OrderEvent::Refund;
    default:
        return std::nullopt;
    }
}

bool isFinalOrderStatus(OrderStatus status)
{
    for (const OrderTransition &transition : kOrderTransitions) {
        if (transition.from == status)
            return false;
    }
    return true;
}

QString orderStatusWords(OrderStatus status)
{
    const char *words = "";
    switch (status) {
    case OrderStatus::Created:
        words = QT_TRANSLATE_NOOP("counterline::OrderStatus", "Created");
        break;
    case OrderStatus::Paid:
        words = QT_TRANSLATE_NOOP("counterline::OrderStatus", "Paid");
        break;
    case OrderStatus::Shipped:
        words = QT_TRANSLATE_NOOP("counterline::OrderStatus", "Shipped");
        break;
    case OrderStatus::Completed:
        words = QT_TRANSLATE_NOOP("counterline::OrderStatus", "Completed");
        break;
    case OrderStatus::Cancelled:
        words = QT_TRANSLATE_NOOP("counterline::OrderStatus", "Cancelled");
        break;
    case OrderStatus::Refunded:
        words = QT_TRANSLATE_NOOP("counterline::OrderStatus", "Refunded");
        break;
    }
    return QCoreApplication::translate("counterline::OrderStatus", words);
}

QString orderStatusWordsFor(const QString &name)
{
    const Result<OrderStatus> status = orderStatusFromName(name);
    return status ? orderStatusWords(*status) : name;
}

QString orderStatusName(OrderStatus status)
{
    switch (status) {
    case OrderStatus::Created:
        return u"CREATED"_s;
    case OrderStatus::Paid:
        return u"PAID"_s;
    case OrderStatus::Shipped:
        return u"SHIPPED"_s;
    case OrderStatus::Completed:
        return u"COMPLETED"_s;
    case OrderStatus::Cancelled:
        return u"CANCELLED"_s;
    case OrderStatus::Refunded:
        return u"REFUNDED"_s;
    }
    Q_UNREACHABLE();
    return QString();
}

QString orderEventName(OrderEvent event)
{
    switch (event) {
    case OrderEvent::Place:
        return u"Place"_s;
    case OrderEvent::PaymentCaptured:
        return u"PaymentCaptured"_s;
    case OrderEvent::PaymentFailed:
        return u"PaymentFailed"_s;
    case OrderEvent::Cancel:
        return u"Cancel"_s;
    case OrderEvent::HandOver:
        return u"HandOver"_s;
    case OrderEvent::Ship:
        return u"Ship"_s;
    case OrderEvent::Deliver:
        return u"Deliver"_s;
    case OrderEvent::Refund:
        return u"Refund"_s;
    }
    Q_UNREACHABLE();
    return QString();
}

Result<OrderStatus> orderStatusFromName(QStringView name)
{
    for (OrderStatus status : kAllOrderStatuses) {
        if (name == orderStatusName(status))
            return status;
    }
    return Error{u"order.unknown_status"_s,
                 QCoreApplication::translate("counterline::OrderStateMachine",
                                             "\"%1\" is not an order status")
                     .arg(name.toString())};
}

Result<OrderEvent> orderEventFromName(QStringView name)
{
    for (OrderEvent event : kAllOrderEvents) {
        if (name == orderEventName(event))
            return event;
    }
    return Error{u"order.unknown_event"_s,
                 QCoreApplication::translate("counterline::OrderStateMachine",
                                             "\"%1\" is not an order event")
                     .arg(name.toString())};
}

} // namespace counterline
