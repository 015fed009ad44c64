// Corrections at the till, part of CheckoutWindow: a line's quantity, price or discount (F2, F3,
// F5), a line voided (F4), the last sale voided (F7) and a sale returned (F6). What needs a
// manager shows the manager what is approved before the PIN is typed.

#include "domain/typed_amount.h"
#include "ui/amount_prompt.h"
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

// The line the function keys act on, if the cart has one.
std::optional<CartLine> currentLine(const till::Till &till)
{
    const int row = till.currentRow();
    if (row < 0)
        return std::nullopt;
    return till.cart().lines()[row];
}

// How a sale was paid, for the manager who approves its void.
QString paidWith(const Order &order)
{
    QStringList parts;
    for (const Tender &tender : order.tenders())
        parts.append(tenderWords(tender));
    if (!order.change().isZero())
        parts.append(CheckoutWindow::tr("change %1").arg(formatMoney(order.change())));
    return parts.join(u", "_s);
}

} // namespace

void CheckoutWindow::voidSelectedLine()
{
    if (Result<void> voided = m_till->voidLine(); !voided)
        showMessage(voided.error().message, true);
    backToScan();
}

void CheckoutWindow::changeQuantity()
{
    const std::optional<CartLine> line = currentLine(*m_till);
    if (!line)
        return;
    const std::optional<qint64> quantity =
        AmountPrompt::askQuantity(this, tr("Quantity"), tr("Quantity of %1:").arg(line->name),
                                  line->quantity, till::Till::kMostPieces);
    if (quantity) {
        if (Result<void> set = m_till->setQuantity(*quantity); !set)
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
    if (m_till->approvesOwnChanges()) {
        m_till->recordApproval(m_till->user()->name);
        return true;
    }
    const std::optional<store::User> manager =
        ManagerApproval::ask(m_till->users(), request, this, m_till->user()->name);
    backToScan();
    if (!manager) {
        showMessage(tr("Not approved: %1.").arg(request.title), true);
        return false;
    }
    m_till->recordApproval(manager->name);
    return true;
}

void CheckoutWindow::overridePrice()
{
    const std::optional<CartLine> current = currentLine(*m_till);
    if (!current)
        return;
    const CartLine &line = *current;
    const std::optional<Money> price = AmountPrompt::askMoney(
        this, tr("Price"), tr("New unit price for %1:").arg(line.name), m_till->terminal().currency,
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
    if (Result<void> set = m_till->overridePrice(*price); !set)
        showMessage(set.error().message, true);
}

void CheckoutWindow::discountLine()
{
    const std::optional<CartLine> current = currentLine(*m_till);
    if (!current)
        return;
    const CartLine &line = *current;
    DiscountDialog dialog(m_till->cart(), m_till->currentRow(),
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
    if (Result<void> set = m_till->setDiscount(dialog.discount()); !set)
        showMessage(set.error().message, true);
}

void CheckoutWindow::voidLastSale()
{
    if (!m_till->lastSale()) {
        showMessage(tr("There is no sale to void since you logged in."), true);
        return;
    }
    const till::LastSale sale = *m_till->lastSale();
    QList<ApprovalRequest::Detail> details{{tr("Receipt"), sale.receiptNumber},
                                           {tr("Total"), formatMoney(sale.total)}};
    if (m_completed && m_completed->order.id() == sale.id)
        details.append({tr("Paid"), paidWith(m_completed->order)});
    if (!approved({tr("Voiding the last sale"), details}, true))
        return;
    undoSale(
        {sale.id.toString(QUuid::WithoutBraces), sale.version, OrderEvent::Cancel, m_till->actor()},
        tr("Sale %1 is void.").arg(sale.receiptNumber));
}

void CheckoutWindow::undoSale(const sync::SaleToUndo &sale, const QString &done)
{
    showMessage(tr("Giving the money back…"));
    // The window stays in hand while a card refund is out; its answer says what to do.
    const QPointer<CheckoutWindow> self(this);
    m_till->undo(sale, [self, done](const Result<sync::SaleUndone> &undone) {
        if (!self)
            return;
        if (!undone) {
            self->showMessage(undone.error().message, true);
            return;
        }
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
    Result<till::SaleToReturn> sale = m_till->findSale(receipt);
    if (!sale) {
        showMessage(sale.error().message, true);
        return;
    }
    const ApprovalRequest request{
        tr("Returning a sale"),
        {{tr("Receipt"), sale->receiptNumber},
         {tr("Sold"), tr("%1 by %2")
                          .arg(QLocale().toString(sale->soldAt.toLocalTime(), QLocale::ShortFormat),
                               sale->cashier)},
         {tr("Total to give back"), formatMoney(sale->total)}}};
    if (!approved(request, true))
        return;
    undoSale({sale->id, sale->version, sale->event, m_till->actor()},
             tr("Sale %1 has been returned.").arg(sale->receiptNumber));
}

} // namespace counterline::ui
