#include "domain/order_replay.h"

using namespace Qt::StringLiterals;

namespace counterline {

namespace {

Error illegal(qsizetype index, const QString &event, const QString &why)
{
    return Error{u"order.illegal_transition"_s,
                 OrderReplay::tr("events[%1] (%2): %3").arg(index).arg(event, why)};
}

// Every path of `steps` events from `from` that ends at `to`, each as its events.
void pathsFrom(OrderStatus from, OrderStatus to, int steps, QList<OrderEvent> &path,
               QList<QList<OrderEvent>> &found)
{
    if (found.size() > 1)
        return; // more than one is all the caller needs to know
    if (steps == 0) {
        if (from == to)
            found.append(path);
        return;
    }
    for (const OrderTransition &transition : kOrderTransitions) {
        if (transition.from != from)
            continue;
        path.append(transition.event);
        pathsFrom(transition.to, to, steps - 1, path, found);
        path.removeLast();
    }
}

} // namespace

Result<ReplayedOrder> OrderReplay::replay(const QList<RecordedEvent> &events)
{
    if (events.isEmpty())
        return Error{u"order.illegal_transition"_s, tr("an order's history starts with Place")};
    ReplayedOrder order;
    for (qsizetype i = 0; i < events.size(); ++i) {
        const RecordedEvent &event = events[i];
        const QString name = orderEventName(event.event);
        if (i == 0) {
            if (event.event != OrderEvent::Place || event.from || event.to != kInitialOrderStatus ||
                event.version != 1) {
                return illegal(i, name,
                               tr("an order's history starts with Place, from no status to %1 at "
                                  "version 1")
                                   .arg(orderStatusName(kInitialOrderStatus)));
            }
            order = ReplayedOrder{event.to, 1};
            continue;
        }
        if (event.event == OrderEvent::Place)
            return illegal(i, name, tr("Place happens once, first"));
        if (!event.from) {
            return illegal(i, name,
                           tr("it names no status it moves from, but the order was %1")
                               .arg(orderStatusName(order.status)));
        }
        if (*event.from != order.status) {
            return illegal(i, name,
                           tr("it moves from %1, but the order was %2")
                               .arg(orderStatusName(*event.from), orderStatusName(order.status)));
        }
        Result<OrderStatus> next = nextOrderStatus(order.status, event.event);
        if (!next)
            return illegal(i, name, next.error().message);
        if (*next != event.to) {
            return illegal(i, name,
                           tr("it leads from %1 to %2, not to %3")
                               .arg(orderStatusName(order.status), orderStatusName(*next),
                                    orderStatusName(event.to)));
        }
        if (event.version != order.version + 1) {
            return illegal(i, name,
                           tr("its version is %1, but the one before was %2")
                               .arg(event.version)
                               .arg(order.version));
        }
        order = ReplayedOrder{*next, event.version};
    }
    return order;
}

Result<QList<OrderEvent>> OrderReplay::onlyPathTo(OrderStatus status, int version)
{
    QList<QList<OrderEvent>> found;
    if (version >= 1 && version <= 16) {
        QList<OrderEvent> path;
        pathsFrom(kInitialOrderStatus, status, version - 1, path, found);
    }
    if (found.size() != 1) {
        return Error{u"order.illegal_transition"_s,
                     found.isEmpty()
                         ? tr("no history of the state machine leads to %1 at version %2")
                               .arg(orderStatusName(status))
                               .arg(version)
                         : tr("more than one history leads to %1 at version %2: send \"events\"")
                               .arg(orderStatusName(status))
                               .arg(version)};
    }
    QList<OrderEvent> events{OrderEvent::Place};
    events.append(found.first());
    return events;
}

} // namespace counterline
