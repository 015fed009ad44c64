#include "domain/order_return.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace counterline {

namespace {

// amount × part / whole, rounded half up; amounts and quantities are never negative here.
qint64 shareOf(qint64 amount, qint64 part, qint64 whole)
{
    return divideRounded(static_cast<WideInt>(amount) * part, whole, RoundingRule::HalfUp);
}

// The cumulative share after `to` units less the one after `from` units.
qint64 slice(qint64 amount, qint64 from, qint64 to, qint64 whole)
{
    return shareOf(amount, to, whole) - shareOf(amount, from, whole);
}

} // namespace

QString orderKindName(OrderKind kind)
{
    return kind == OrderKind::Return ? u"return"_s : u"sale"_s;
}

Result<OrderKind> orderKindFromName(QStringView name)
{
    if (name == u"sale")
        return OrderKind::Sale;
    if (name == u"return")
        return OrderKind::Return;
    return Error{u"order.unknown_kind"_s,
                 Order::tr("\"%1\" is not an order kind (sale or return)").arg(name)};
}

Result<ReturnShare> returnShare(const OrderLine &sold, qint64 returnedBefore, qint64 quantity)
{
    if (quantity < 1 || returnedBefore < 0 || returnedBefore + quantity > sold.quantity) {
        return Error{u"return.too_many"_s,
                     Order::tr("line %1 (%2): %3 of %4 sold can still be returned, not %5")
                         .arg(sold.lineNo)
                         .arg(sold.sku)
                         .arg(std::max<qint64>(sold.quantity - returnedBefore, 0))
                         .arg(sold.quantity)
                         .arg(quantity)};
    }
    const qint64 from = returnedBefore;
    const qint64 to = returnedBefore + quantity;
    ReturnShare share;
    share.discount = slice(sold.discount.minorUnits(), from, to, sold.quantity);
    share.tax = slice(sold.tax.minorUnits(), from, to, sold.quantity);
    share.total = slice(sold.total.minorUnits(), from, to, sold.quantity);
    share.net = share.total - share.tax;
    return share;
}

Result<Order> Order::placeReturn(const ReturnSource &sale, const QList<ReturnItem> &items,
                                 const OrderHeader &header, const Actor &actor)
{
    if (sale.kind != OrderKind::Sale) {
        return Error{u"return.of_a_return"_s,
                     tr("%1 is a return itself; only a sale can be returned").arg(sale.receiptNo)};
    }
    // Paid at the counter (the goods left with the customer) or handed over or delivered.
    if (sale.status != OrderStatus::Paid && sale.status != OrderStatus::Completed) {
        return Error{u"return.not_returnable"_s,
                     tr("only a paid or completed sale can be returned; %1 is %2")
                         .arg(sale.receiptNo, orderStatusName(sale.status))};
    }
    if (header.id.isNull() || !header.createdAt.isValid()) {
        return Error{u"order.bad_header"_s, tr("an order needs an id and a creation time")};
    }

    CartTotals totals;
    totals.subtotal = totals.discount = totals.net = totals.tax = totals.total =
        Money::zero(sale.currency);
    QList<OrderLine> lines;
    QSet<int> seen;
    for (const ReturnItem &item : items) {
        if (item.quantity == 0)
            continue;
        if (seen.contains(item.lineNo)) {
            return Error{u"return.line_twice"_s,
                         tr("line %1 of %2 is named twice").arg(item.lineNo).arg(sale.receiptNo)};
        }
        seen.insert(item.lineNo);
        const auto found =
            std::find_if(sale.lines.cbegin(), sale.lines.cend(),
                         [&](const ReturnableLine &l) { return l.line.lineNo == item.lineNo; });
        if (found == sale.lines.cend()) {
            return Error{u"return.no_such_line"_s,
                         tr("%1 has no line %2").arg(sale.receiptNo).arg(item.lineNo)};
        }
        const OrderLine &sold = found->line;
        Result<ReturnShare> share = returnShare(sold, found->returned, item.quantity);
        if (!share)
            return share.error();
        Result<Money> listPrice = sold.unitPrice.times(item.quantity);
        if (!listPrice)
            return listPrice.error();
        OrderLine line{int(lines.size()) + 1,
                       sold.sku,
                       sold.name,
                       sold.unitPrice,
                       item.quantity,
                       sold.taxRate,
                       Money(share->discount, sale.currency),
                       Money(share->net, sale.currency),
                       Money(share->tax, sale.currency),
                       Money(share->total, sale.currency),
                       sold.lineNo};
        for (auto [sum, part] :
             {std::pair{&totals.subtotal, *listPrice}, std::pair{&totals.discount, line.discount},
              std::pair{&totals.net, line.net}, std::pair{&totals.tax, line.tax},
              std::pair{&totals.total, line.total}}) {
            Result<Money> added = sum->plus(part);
            if (!added)
                return added.error();
            *sum = *added;
        }
        if (Result<void> ok =
                addToRateTotals(totals.perRate, line.taxRate, {line.net, line.tax, line.total});
            !ok) {
            return ok.error();
        }
        lines.append(line);
    }
    if (lines.isEmpty())
        return Error{u"return.empty"_s, tr("a return needs at least one item brought back")};

    Order order(header, sale.policy, totals);
    order.m_header.createdAt = header.createdAt.toUTC();
    order.m_kind = OrderKind::Return;
    order.m_originalOrderId = sale.orderId;
    order.m_lines = lines;
    order.m_events.append(OrderEventRecord{std::nullopt, kInitialOrderStatus, OrderEvent::Place, 1,
                                           actor, order.m_header.createdAt});
    return order;
}

} // namespace counterline
