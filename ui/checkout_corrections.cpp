// Corrections at the till, part of CheckoutWindow: a line's quantity, price or discount (F2, F3,
// F5), a line voided (F4), the last sale voided (F7) and a sale returned (F6). What needs a
// manager shows the manager what is approved before the PIN is typed.

#include "domain/typed_amount.h"
#include "store/order_history.h"
#include "store/order_store.h"
#include "sync/sale_reversal.h"
#include "ui/amount_prompt.h"
#include "ui/cart_model.h"
#include "ui/checkout_window.h"
#include "ui/discount_dialog.h"
#include "ui/manager_approval.h"
#include "ui/money_format.h"

#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QTableView>

using namespace Qt::StringLiterals;

namespace counterline::ui {

namespace {

constexpr qint64 kMostPieces = 9999; // more on one line is a typing slip, not a sale

} // namespace

void CheckoutWindow::voidSelectedLine()
{
    const int row = selectedRow();
    if (row < 0)
        return;
    if (Result<void> voided = m_cart->voidLine(row); !voided)
        showMessage(voided.error().message, true);
    backToScan();
}

void CheckoutWindow::changeQuantity()
{
    const int row = selectedRow();
    if (row < 0)
        return;
    const CartLine line = m_cart->cart().lines()[row];
    const std::optional<qint64> quantity = AmountPrompt::askQuantity(
        this, tr("Quantity"), tr("Quantity of %1:").arg(line.name), line.quantity, kMostPieces);
    if (quantity) {
        if (Result<void> set = m_cart->setQuantity(row, *quantity); !set)
            showMessage(set.error().message, true);
    }
    backToScan();
}

bool CheckoutWindow::approved(const ApprovalRequest &request, bool needsManager)
{
    if (!needsManager)
        return true;
    // A manager approves their own change; the sale records who did (the server flags a price
    // that differs from the catalog unless an approver is recorded).
    if (m_user->isManager()) {
        m_approvedBy = m_user->name;
        return true;
    }
    const std::optional<store::User> manager =
        ManagerApproval::ask(m_users, request, this, m_user->name);
    backToScan();
    if (!manager) {
        showMessage(tr("Not approved: %1.").arg(request.title), true);
        return false;
    }
    m_approvedBy = manager->name;
    return true;
}

void CheckoutWindow::overridePrice()
{
    const int row = selectedRow();
    if (row < 0)
        return;
    const CartLine line = m_cart->cart().lines()[row];
    const std::optional<Money> price = AmountPrompt::askMoney(
        this, tr("Price"), tr("New unit price for %1:").arg(line.name), m_terminal.currency,
        formatTypedAmount(line.unitPrice.minorUnits(), line.unitPrice.currency().exponent()));
    backToScan();
    if (!price)
        return;
    const ApprovalRequest request{
        tr("Price change"),
        {{tr("Item"), tr("%1 (%2)").arg(line.name, line.sku)},
         {tr("Unit price"), tr("%1 → %2").arg(formatMoney(line.unitPrice), formatMoney(*price))},
         {tr("Quantity"), QLocale().toString(line.quantity)}}};
    if (!approved(request, true))
        return;
    if (Result<void> set = m_cart->overridePrice(row, *price); !set)
        showMessage(set.error().message, true);
}

void CheckoutWindow::discountLine()
{
    const int row = selectedRow();
    if (row < 0)
        return;
    const CartLine line = m_cart->cart().lines()[row];
    DiscountDialog dialog(m_cart->cart(), row,
                          qint64(m_options.discountPercentWithoutManager) * 10'000, this);
    const bool chosen = dialog.exec() == QDialog::Accepted;
    backToScan();
    if (!chosen)
        return;
    const ApprovalRequest request{
        tr("Discount above %1 % of the line").arg(m_options.discountPercentWithoutManager),
        {{tr("Item"), tr("%1 (%2)").arg(line.name, line.sku)},
         {tr("Discount"), dialog.discountText()},
         {tr("Line total"), tr("%1 → %2").arg(formatMoney(dialog.lineTotalBefore()),
                                              formatMoney(dialog.lineTotalAfter()))}}};
    if (!approved(request, dialog.needsManager()))
        return;
    if (Result<void> set = m_cart->setLineDiscount(row, dialog.discount()); !set)
        showMessage(set.error().message, true);
}

void CheckoutWindow::voidLastSale()
{
    if (!m_lastSale) {
        showMessage(tr("There is no sale to void since you logged in."), true);
        return;
    }
    const LastSale sale = *m_lastSale;
    if (!approved({tr("Voiding the last sale"),
                   {{tr("Receipt"), sale.receiptNumber},
                    {tr("Total"), formatMoney(sale.total)},
                    {tr("Paid"), sale.paidWith}}},
                  true)) {
        return;
    }
    const QString voided = sale.id.toString(QUuid::WithoutBraces);
    undoSale({voided, sale.version, OrderEvent::Cancel, Actor{m_user->name, m_approvedBy}},
             tr("Sale %1 is void.").arg(sale.receiptNumber));
}

void CheckoutWindow::undoSale(const sync::SaleToUndo &sale, const QString &done)
{
    m_approvedBy.clear();
    showMessage(tr("Giving the money back…"));
    // The window stays in hand while a card refund is out; its answer says what to do.
    const QPointer<CheckoutWindow> self(this);
    m_reversal->undo(sale, [self, sale, done](const Result<sync::SaleUndone> &undone) {
        if (!self)
            return;
        if (!undone) {
            self->showMessage(undone.error().message, true);
            return;
        }
        if (self->m_lastSale && self->m_lastSale->id == QUuid(sale.orderId))
            self->m_lastSale.reset();
        const bool owed = std::any_of(
            undone->refunds.cbegin(), undone->refunds.cend(),
            [](const TenderRefund &r) { return r.outcome == TenderRefund::Outcome::Owed; });
        self->showMessage(done + u' ' +
                              sync::SaleReversal::whatToSay(
                                  undone->refunds, [](const Money &m) { return formatMoney(m); }),
                          owed);
    });
}

void CheckoutWindow::returnSale()
{
    bool ok = false;
    const QString receipt =
        QInputDialog::getText(this, tr("Return"), tr("Receipt number of the sale brought back:"),
                              QLineEdit::Normal, {}, &ok)
            .trimmed();
    backToScan();
    if (!ok || receipt.isEmpty())
        return;
    store::OrderFilter filter;
    filter.receiptNumber = receipt;
    Result<store::OrderPage> found = store::OrderHistory(m_database).page(filter, {}, 1);
    if (!found) {
        showMessage(found.error().message, true);
        return;
    }
    if (found->orders.isEmpty()) {
        showMessage(tr("No sale on this terminal has the receipt number \"%1\".").arg(receipt),
                    true);
        return;
    }
    const store::OrderSummary sale = found->orders.first();
    // A paid sale is cancelled; one handed over or delivered is refunded.
    const std::optional<OrderEvent> event =
        sale.status == OrderStatus::Paid        ? std::optional(OrderEvent::Cancel)
        : sale.status == OrderStatus::Completed ? std::optional(OrderEvent::Refund)
                                                : std::nullopt;
    if (!event) {
        showMessage(tr("Receipt %1 is %2; there is nothing to give back.")
                        .arg(receipt, orderStatusName(sale.status)),
                    true);
        return;
    }
    const ApprovalRequest request{
        tr("Returning a sale"),
        {{tr("Receipt"), sale.receiptNumber},
         {tr("Sold"),
          tr("%1 by %2")
              .arg(QLocale().toString(sale.createdAt.toLocalTime(), QLocale::ShortFormat),
                   sale.cashierId)},
         {tr("Total to give back"), formatMoney(sale.total)}}};
    if (!approved(request, true))
        return;
    undoSale({sale.id, sale.version, *event, Actor{m_user->name, m_approvedBy}},
             tr("Sale %1 has been returned.").arg(receipt));
}

} // namespace counterline::ui
