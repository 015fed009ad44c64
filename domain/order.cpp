#include "domain/order.h"

using namespace Qt::StringLiterals;

namespace counterline {

Result<Order> Order::place(const Cart &cart, const OrderHeader &header, const Actor &actor)
{
    if (cart.isEmpty())
        return Error{u"order.empty"_s, tr("an order needs at least one line")};
    if (header.id.isNull() || !header.createdAt.isValid()) {
        return Error{u"order.bad_header"_s, tr("an order needs an id and a creation time")};
    }
    Result<CartTotals> totals = cart.totals();
    if (!totals)
        return totals.error();

    Order order(header, cart.policy(), *totals);
    order.m_header.createdAt = header.createdAt.toUTC();
    for (qsizetype i = 0; i < cart.lines().size(); ++i) {
        const CartLine &line = cart.lines()[i];
        const PricedLine &priced = totals->lines[i];
        order.m_lines.append(
            OrderLine{line.lineNo, line.sku, line.name, line.unitPrice, line.quantity, line.taxRate,
                      Money(priced.lineDiscount.minorUnits() + priced.orderDiscount.minorUnits(),
                            cart.currency()),
                      priced.amount.net, priced.amount.tax, priced.amount.gross});
    }
    order.m_events.append(OrderEventRecord{std::nullopt, kInitialOrderStatus, OrderEvent::Place, 1,
                                           actor, order.m_header.createdAt});
    return order;
}

Result<void> Order::checkTenders(const QList<Tender> &tenders) const
{
    qint64 sum = 0;
    qint64 cash = 0;
    for (const Tender &tender : tenders) {
        if (tender.amount.currency() != currency()) {
            return Error{u"tender.currency_mismatch"_s,
                         tr("a tender in %1 cannot pay an order in %2")
                             .arg(tender.amount.currency().code(), currency().code())};
        }
        if (tender.amount.minorUnits() <= 0)
            return Error{u"tender.not_positive"_s, tr("every tender must be a positive amount")};
        if (__builtin_add_overflow(sum, tender.amount.minorUnits(), &sum))
            return Error{u"money.overflow"_s, tr("the tenders add up to too large an amount")};
        if (tender.kind == TenderKind::Cash)
            cash += tender.amount.minorUnits();
    }
    if (sum < total().minorUnits()) {
        return Error{u"tender.insufficient"_s,
                     tr("the tenders (%1) do not cover the total (%2)")
                         .arg(Money(sum, currency()).toString(), total().toString())};
    }
    if (m_kind == OrderKind::Return && sum != total().minorUnits()) {
        return Error{u"tender.refund_mismatch"_s,
                     tr("a return pays back exactly its total (%1), not %2")
                         .arg(total().toString(), Money(sum, currency()).toString())};
    }
    if (sum - total().minorUnits() > cash) {
        return Error{u"tender.change_without_cash"_s,
                     tr("change can only be given out of cash; card tenders exceed the total")};
    }
    return success();
}

Result<Order> Order::pay(const QList<Tender> &tenders, const Actor &actor,
                         const QDateTime &at) const
{
    if (m_status != OrderStatus::Created || !m_tenders.isEmpty()) {
        return Error{u"order.already_paid"_s,
                     tr("order %1 is %2 and cannot be paid again")
                         .arg(receiptNumber().toString(), orderStatusName(m_status))};
    }
    if (tenders.isEmpty())
        return Error{u"tender.none"_s, tr("a payment needs at least one tender")};
    if (Result<void> ok = checkTenders(tenders); !ok)
        return ok.error();
    Order paid = *this;
    paid.m_tenders = tenders;
    return paid.apply(OrderEvent::PaymentCaptured, actor, at);
}

Result<Order> Order::apply(OrderEvent event, const Actor &actor, const QDateTime &at) const
{
    Result<OrderStatus> next = nextOrderStatus(m_status, event);
    if (!next)
        return next.error();
    if (event == OrderEvent::PaymentCaptured) {
        if (m_tenders.isEmpty())
            return Error{u"tender.none"_s, tr("a payment needs at least one tender")};
        if (Result<void> ok = checkTenders(m_tenders); !ok)
            return ok.error();
    }
    Order changed = *this;
    changed.m_status = *next;
    changed.m_version = m_version + 1;
    changed.m_events.append(
        OrderEventRecord{m_status, *next, event, changed.m_version, actor, at.toUTC()});
    return changed;
}

Money Order::tendered() const
{
    qint64 sum = 0;
    for (const Tender &tender : m_tenders)
        sum += tender.amount.minorUnits(); // bounded: checkTenders refused overflow
    return Money(sum, currency());
}

Money Order::change() const
{
    const qint64 change = tendered().minorUnits() - total().minorUnits();
    return Money(std::max<qint64>(change, 0), currency());
}

} // namespace counterline
