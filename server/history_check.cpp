#include "server/history_check.h"

#include "domain/order_replay.h"

using namespace Qt::StringLiterals;

namespace counterline::server {

namespace {

Error illegal(const QString &why)
{
    return Error{u"order.illegal_transition"_s, why};
}

} // namespace

Result<void> HistoryCheck::verify(protocol::WireOrder &order)
{
    Result<OrderStatus> status = orderStatusFromName(order.status);
    if (!status)
        return status.error(); // parse() let no unknown status through
    if (order.events.isEmpty()) {
        Result<QList<OrderEvent>> path = OrderReplay::onlyPathTo(*status, order.version);
        if (!path)
            return illegal(tr("\"events\": %1").arg(path.error().message));
        std::optional<OrderStatus> from;
        OrderStatus at = kInitialOrderStatus;
        int version = 0;
        for (OrderEvent event : std::as_const(*path)) {
            if (event != OrderEvent::Place)
                at = *nextOrderStatus(at, event);
            order.events.append(protocol::WireEvent{
                orderEventName(event), from ? orderStatusName(*from) : QString(),
                orderStatusName(at), ++version, order.cashierId, QString(), order.createdAt});
            from = at;
        }
        return success();
    }
    QList<RecordedEvent> history;
    for (qsizetype i = 0; i < order.events.size(); ++i) {
        const protocol::WireEvent &wire = order.events[i];
        Result<OrderEvent> event = orderEventFromName(wire.event);
        Result<OrderStatus> to = orderStatusFromName(wire.to);
        Result<OrderStatus> from = wire.from.isEmpty() ? Result<OrderStatus>(OrderStatus::Created)
                                                       : orderStatusFromName(wire.from);
        if (!event || !to || !from) {
            return Error{u"request.invalid_field"_s,
                         tr("\"events[%1]\": \"from\" and \"to\" must be order statuses").arg(i)};
        }
        history.append(RecordedEvent{
            *event, wire.from.isEmpty() ? std::nullopt : std::optional<OrderStatus>(*from), *to,
            wire.version});
    }
    Result<ReplayedOrder> replayed = OrderReplay::replay(history);
    if (!replayed)
        return illegal(replayed.error().message);
    if (replayed->status != *status || replayed->version != order.version) {
        return illegal(
            tr("\"events\" lead to %1 at version %2, but the order says %3 at version %4")
                .arg(orderStatusName(replayed->status))
                .arg(replayed->version)
                .arg(order.status)
                .arg(order.version));
    }
    return success();
}

} // namespace counterline::server
