// The Till's sale: the checkout that commits the cart, the last sale, and finding and undoing a
// sale that is brought back.

#include "store/order_history.h"
#include "store/order_store.h"
#include "till/till.h"

#include <QLocale>
#include <QPointer>

using namespace Qt::StringLiterals;

namespace counterline::till {

Result<CompletedSale> Till::checkout(const QList<Tender> &tenders)
{
    if (Result<void> ready = readyToSell(); !ready)
        return ready.error();
    if (m_cart.isEmpty() || !m_totals)
        return Error{u"till.empty_cart"_s, tr("the cart is empty")};
    store::OrderStore orders(m_database, m_clock, m_ids);
    Result<store::CheckoutResult> sold =
        orders.checkout(m_cart, {m_user->name, QString(), tenders, actor()});
    if (!sold)
        return sold.error(); // nothing was written; the cart is still here
    const Order &order = sold->order;
    m_lastSale =
        LastSale{order.id(), order.version(), order.receiptNumber().toString(), order.total()};
    freshCart();
    return CompletedSale{order, sold->journal};
}

Result<SaleToReturn> Till::findSale(const QString &receiptNumber)
{
    const QString receipt = receiptNumber.trimmed();
    store::OrderFilter filter;
    filter.receiptNumber = receipt;
    Result<store::OrderPage> found = store::OrderHistory(m_database).page(filter, {}, 1);
    if (!found)
        return found.error();
    if (found->orders.isEmpty()) {
        return Error{u"till.no_such_receipt"_s,
                     tr("no sale on this terminal has the receipt number \"%1\"").arg(receipt)};
    }
    const store::OrderSummary &sale = found->orders.first();
    const std::optional<OrderEvent> event = undoingEvent(sale.status);
    if (!event) {
        return Error{u"till.nothing_to_give_back"_s,
                     tr("receipt %1 is %2; there is nothing to give back")
                         .arg(receipt, orderStatusWords(sale.status).toLower())};
    }
    return SaleToReturn{sale.id,        sale.version,   sale.receiptNumber,
                        sale.createdAt, sale.cashierId, sale.total,
                        *event};
}

void Till::undo(const sync::SaleToUndo &sale, sync::SaleReversal::Done done)
{
    m_approvedBy.clear();
    const QPointer<Till> self(this);
    m_reversal->undo(sale, [self, sale, done](const Result<sync::SaleUndone> &undone) {
        if (self && undone && self->m_lastSale && self->m_lastSale->id == QUuid(sale.orderId))
            self->m_lastSale.reset();
        done(undone);
    });
}

} // namespace counterline::till
