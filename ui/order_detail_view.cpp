#include "ui/order_detail_view.h"

#include "domain/currency.h"
#include "ui/money_format.h"
#include "ui/return_dialog.h"

#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace counterline::ui {

namespace {

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

// What became of a tender's money, for a person ("13.38 EUR refunded to the card (re_…)").
QString moneyBackText(const store::OrderDetail::MoneyBack &back, const QString &amount)
{
    const QString outcome = back.outcome;
    if (outcome == u"given_back"_s)
        return OrderDetailView::tr("%1 given back in cash").arg(amount);
    if (outcome == u"card_refunded"_s)
        return OrderDetailView::tr("%1 refunded to the card by the till (%2)")
            .arg(amount, escaped(back.refundId));
    if (outcome == u"reader"_s)
        return OrderDetailView::tr("%1 refunded on the card reader").arg(amount);
    if (outcome == u"owed"_s)
        return OrderDetailView::tr("%1 owed to the customer: on the follow-up list").arg(amount);
    if (outcome == u"not_charged"_s)
        return OrderDetailView::tr("%1 was never charged to the card").arg(amount);
    if (outcome == u"by_server"_s) {
        if (back.state == u"refunded"_s)
            return OrderDetailView::tr("%1 refunded to the card by the server").arg(amount);
        if (back.state == u"refused"_s)
            return OrderDetailView::tr("%1: the payment service refused the refund; on the "
                                       "follow-up list")
                .arg(amount);
        if (back.state == u"never_charged"_s)
            return OrderDetailView::tr("%1 was never charged to the card").arg(amount);
        return OrderDetailView::tr("%1 being refunded to the card by the server").arg(amount);
    }
    return OrderDetailView::tr("%1 recorded as given back").arg(amount);
}

QString when(const QDateTime &at)
{
    return QLocale().toString(at.toLocalTime(), QLocale::ShortFormat);
}

} // namespace

OrderDetailView::OrderDetailView(OrderBackend &backend, QString user, QWidget *parent)
    : QWidget(parent)
    , m_backend(backend)
    , m_user(std::move(user))
{
    auto *layout = new QVBoxLayout(this);
    m_title = new QLabel(tr("Choose an order in the list."), this);
    m_title->setObjectName(u"orderTitle"_s);
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_title->setFont(big);
    layout->addWidget(m_title);
    m_body = new QTextBrowser(this);
    m_body->setObjectName(u"orderBody"_s);
    // Links between a sale and its returns open the other order here.
    m_body->setOpenLinks(false);
    connect(m_body, &QTextBrowser::anchorClicked, this, [this](const QUrl &link) {
        if (link.scheme() == u"order"_s) {
            showOrder(link.path());
            emit orderOpened(link.path());
        }
    });
    layout->addWidget(m_body, 1);
    m_actions = new QHBoxLayout;
    layout->addLayout(m_actions);
}

QList<OrderEvent> OrderDetailView::actionsFor(OrderStatus status)
{
    QList<OrderEvent> events;
    for (const OrderTransition &transition : kOrderTransitions) {
        // Payment events belong to the payment, not to a person in the back office.
        if (transition.from == status && transition.event != OrderEvent::PaymentCaptured &&
            transition.event != OrderEvent::PaymentFailed)
            events.append(transition.event);
    }
    return events;
}

QString OrderDetailView::actionText(OrderEvent event)
{
    switch (event) {
    case OrderEvent::Cancel:
        return tr("Cancel (refund and restock)");
    case OrderEvent::Ship:
        return tr("Ship");
    case OrderEvent::Deliver:
        return tr("Delivered");
    case OrderEvent::HandOver:
        return tr("Handed over");
    case OrderEvent::Refund:
        return tr("Refund in full");
    default:
        return orderEventName(event);
    }
}

void OrderDetailView::showOrder(const QString &orderId)
{
    m_orderId = orderId;
    reload();
}

void OrderDetailView::reload()
{
    if (m_orderId.isEmpty())
        return;
    const QPointer<OrderDetailView> self(this);
    const QString id = m_orderId;
    m_backend.load(id, [self, id](const Result<store::OrderDetail> &detail) {
        if (!self || self->m_orderId != id)
            return; // gone, or another order chosen meanwhile
        if (!detail) {
            self->m_detail.reset();
            self->m_title->setText(detail.error().message);
            self->m_body->clear();
        } else {
            self->m_detail = *detail;
        }
        self->render();
    });
}

void OrderDetailView::render()
{
    qDeleteAll(m_buttons);
    m_buttons.clear();
    if (!m_detail)
        return;
    const store::OrderDetail &d = *m_detail;
    const Currency currency = d.summary.total.currency();
    auto money = [&](qint64 minor) { return escaped(formatMoney(Money(minor, currency))); };
    m_title->setText(
        (d.summary.isReturn ? tr("Return %1 — %2, version %3") : tr("Receipt %1 — %2, version %3"))
            .arg(d.summary.receiptNumber, orderStatusName(d.summary.status))
            .arg(d.summary.version));
    auto orderLink = [](const QString &id, const QString &text) {
        return u"<a href=\"order:%1\">%2</a>"_s.arg(escaped(id), escaped(text));
    };

    QString html;
    if (d.summary.isReturn) {
        html += u"<p><b>"_s +
                tr("Items taken back from receipt %1; the total was paid back.")
                    .arg(orderLink(d.originalOrderId, d.originalReceiptNo.isEmpty()
                                                          ? d.originalOrderId
                                                          : d.originalReceiptNo)) +
                u"</b></p>"_s;
    }
    html += u"<p>"_s + (d.summary.isReturn ? tr("Taken back %1 by %2 at store %3, till %4.")
                                           : tr("Sold %1 by %2 at store %3, till %4."))
                           .arg(escaped(when(d.summary.createdAt)), escaped(d.summary.cashierId),
                                escaped(d.storeId), escaped(d.terminalId));
    if (!d.summary.customerId.isEmpty())
        html += u" "_s + tr("Customer %1.").arg(escaped(d.summary.customerId));
    html += u"</p><h3>"_s + tr("Lines") + u"</h3><table cellpadding=3><tr><th>"_s + tr("SKU") +
            u"</th><th>"_s + tr("Name at the sale") + u"</th><th>"_s + tr("Quantity") +
            u"</th><th>"_s + tr("Unit price") + u"</th><th>"_s + tr("Discount") + u"</th><th>"_s +
            tr("Tax") + u"</th><th>"_s + tr("Total") + u"</th><th>"_s +
            (d.summary.isReturn ? tr("Sold as line") : tr("Returned")) + u"</th></tr>"_s;
    for (const store::OrderDetail::Line &line : d.lines) {
        const qint64 linked = d.summary.isReturn ? line.originalLineNo : line.returned;
        html +=
            u"<tr><td>%1</td><td>%2</td><td align=right>%3</td><td align=right>%4</td>"
            "<td align=right>%5</td><td align=right>%6 (%7 %)</td><td align=right>%8</td>"
            "<td align=right>%9</td></tr>"_s.arg(escaped(line.sku), escaped(line.name))
                .arg(line.quantity)
                .arg(money(line.unitPriceMinor), money(line.discountMinor), money(line.taxMinor),
                     QLocale().toString(double(line.taxRatePpm) / 10000.0, 'f', 2),
                     money(line.totalMinor), linked > 0 ? QString::number(linked) : QString());
    }
    html += u"</table><p><b>"_s +
            tr("Total %1, of which tax %2.")
                .arg(money(d.summary.total.minorUnits()), money(d.taxMinor)) +
            u"</b></p><h3>"_s + tr("Tenders") + u"</h3><ul>"_s;
    for (const store::OrderDetail::TenderLine &tender : d.tenders) {
        html += u"<li>%1 %2 %3%4</li>"_s.arg(
            tender.kind == u"cash"_s ? tr("Cash") : tr("Card"), money(tender.amountMinor),
            escaped(tender.reference),
            tender.needsCapture ? u" — "_s + tr("taken offline, charged by the server")
                                : QString());
    }
    if (d.changeMinor > 0)
        html += u"<li>"_s + tr("Change given: %1").arg(money(d.changeMinor)) + u"</li>"_s;
    html += u"</ul>"_s;
    if (!d.moneyBack.isEmpty()) {
        html += u"<h3>"_s + tr("Money back") + u"</h3><ul>"_s;
        for (const store::OrderDetail::MoneyBack &back : d.moneyBack)
            html += u"<li>"_s + moneyBackText(back, money(back.amountMinor)) + u"</li>"_s;
        html += u"</ul>"_s;
    }
    if (!d.returns.isEmpty()) {
        html += u"<h3>"_s + tr("Returns") + u"</h3><ul>"_s;
        for (const store::OrderDetail::Return &back : d.returns) {
            html += u"<li>"_s +
                    tr("%1: receipt %2, %3 paid back")
                        .arg(escaped(when(back.createdAt)),
                             orderLink(back.orderId, back.receiptNumber), money(back.totalMinor)) +
                    u"</li>"_s;
        }
        html += u"</ul>"_s;
    }
    html += u"<h3>"_s + tr("Timeline") + u"</h3><ol>"_s;
    for (const store::OrderDetail::Event &event : d.events) {
        QString line = tr("%1: %2 → %3 (version %4) by %5")
                           .arg(escaped(when(event.at)), escaped(event.event), escaped(event.to))
                           .arg(event.version)
                           .arg(escaped(event.actor));
        if (!event.approvedBy.isEmpty())
            line += u", "_s + tr("approved by %1").arg(escaped(event.approvedBy));
        html += u"<li>"_s + line + u"</li>"_s;
    }
    html += u"</ol><h3>"_s + tr("Journal") + u"</h3><ul>"_s;
    for (const store::OrderDetail::Journal &entry : d.journal) {
        html += u"<li>"_s +
                tr("Entry %1 (%2), hash <tt>%3</tt>")
                    .arg(entry.seq)
                    .arg(escaped(entry.kind), escaped(entry.hash)) +
                u"</li>"_s;
    }
    html += u"</ul><h3>"_s + tr("Sync") + u"</h3><ul>"_s;
    for (const store::OrderDetail::SyncEntry &entry : d.sync) {
        QString line =
            tr("%1 with key <tt>%2</tt>: %3 after %4 attempts")
                .arg(escaped(entry.kind), escaped(entry.idempotencyKey), escaped(entry.state))
                .arg(entry.attempts);
        if (entry.lastStatus != 0)
            line += u"; "_s + tr("last answer HTTP %1").arg(entry.lastStatus);
        if (!entry.lastError.isEmpty())
            line += u" — "_s + escaped(entry.lastError);
        html += u"<li>"_s + line + u"</li>"_s;
    }
    if (!d.serverOrderNo.isEmpty())
        html += u"<li>"_s + tr("Server order number %1").arg(escaped(d.serverOrderNo)) + u"</li>"_s;
    html += u"</ul>"_s;
    m_body->setHtml(html);

    auto addButton = [this](const QString &text, const QString &name) {
        auto *button = new QPushButton(text, this);
        button->setObjectName(name);
        button->setMinimumHeight(36);
        m_actions->addWidget(button);
        m_buttons.append(button);
        return button;
    };
    // A return paid back already: nothing more to do with it. A sale with returns is not refunded
    // in full; its remaining items can still come back.
    if (d.summary.isReturn)
        return;
    for (OrderEvent event : actionsFor(d.summary.status)) {
        // A sale with returns paid back part of its money already: no cancel, no full refund.
        if ((event == OrderEvent::Refund || event == OrderEvent::Cancel) && !d.returns.isEmpty())
            continue;
        QPushButton *button = addButton(actionText(event), u"action"_s + orderEventName(event));
        connect(button, &QPushButton::clicked, this, [this, event] { apply(event); });
    }
    const bool itemsLeft = std::any_of(d.lines.cbegin(), d.lines.cend(), [](const auto &line) {
        return line.returned < line.quantity;
    });
    const bool returnable =
        d.summary.status == OrderStatus::Paid || d.summary.status == OrderStatus::Completed;
    if (m_backend.takesReturns() && returnable && itemsLeft) {
        QPushButton *button = addButton(tr("Return items…"), u"actionReturn"_s);
        connect(button, &QPushButton::clicked, this, &OrderDetailView::takeBack);
    }
}

void OrderDetailView::takeBack()
{
    if (!m_detail)
        return;
    const QString id = m_orderId;
    const bool toCard = m_backend.refundsToCard(*m_detail); // from the order as shown
    const QPointer<OrderDetailView> self(this);
    m_backend.loadReturnSource(id, [self, id, toCard](const Result<ReturnSource> &sale) {
        if (!self)
            return;
        if (!sale) {
            QMessageBox::warning(self, tr("Not done"), sale.error().message);
            return;
        }
        ReturnDialog dialog(*sale, toCard, self);
        if (dialog.exec() != QDialog::Accepted || !self)
            return;
        const auto refundTo =
            dialog.refundsToCard() ? OrderBackend::RefundTo::Card : OrderBackend::RefundTo::Cash;
        self->m_backend.recordReturn(id, dialog.items(), refundTo, self->m_user,
                                     [self, id](const Result<QString> &returned) {
                                         if (!self)
                                             return;
                                         if (!returned) {
                                             QMessageBox::warning(self, tr("Not done"),
                                                                  returned.error().message);
                                             return;
                                         }
                                         self->reload();
                                         emit self->orderChanged(id);
                                         emit self->returnRecorded(*returned);
                                     });
    });
}

bool OrderDetailView::confirmUndo(OrderEvent event)
{
    QMessageBox ask(QMessageBox::Question,
                    event == OrderEvent::Cancel ? tr("Cancel the sale?") : tr("Refund the sale?"),
                    (event == OrderEvent::Cancel
                         ? tr("Cancelling receipt %1 (%2): its goods go back into stock and its "
                              "money back to the customer, by whoever took it. What cannot be "
                              "given back now goes on the follow-up list.")
                         : tr("Refunding receipt %1 (%2): its goods go back into stock and its "
                              "money back to the customer, by whoever took it. What cannot be "
                              "given back now goes on the follow-up list."))
                        .arg(m_detail->summary.receiptNumber, formatMoney(m_detail->summary.total)),
                    QMessageBox::NoButton, this);
    QPushButton *yes =
        ask.addButton(event == OrderEvent::Cancel ? tr("Cancel the sale") : tr("Refund the sale"),
                      QMessageBox::AcceptRole);
    yes->setObjectName(u"confirmUndo"_s);
    QPushButton *no = ask.addButton(tr("Keep it"), QMessageBox::RejectRole);
    ask.setDefaultButton(no);
    ask.exec();
    return ask.clickedButton() == yes;
}

void OrderDetailView::apply(OrderEvent event)
{
    if (!m_detail)
        return;
    // Undoing a paid sale moves money: asked first, with what it means.
    if ((event == OrderEvent::Cancel && m_detail->summary.status != OrderStatus::Created) ||
        event == OrderEvent::Refund) {
        if (!confirmUndo(event))
            return;
    }
    const int seen = m_detail->summary.version;
    const QString id = m_orderId;
    const QPointer<OrderDetailView> self(this);
    for (QPushButton *button : std::as_const(m_buttons))
        button->setEnabled(false); // one decision at a time
    m_backend.apply(id, seen, event, m_user, [self, id, seen](const Result<void> &applied) {
        if (!self)
            return;
        if (applied) {
            self->reload();
            emit self->orderChanged(id);
            return;
        }
        if (applied.error().code != u"order.version_conflict"_s) {
            self->render();
            QMessageBox::warning(self, tr("Not done"), applied.error().message);
            return;
        }
        // Someone else was first: say what the order is now; nothing of ours was written.
        self->m_backend.load(id, [self, seen](const Result<store::OrderDetail> &now) {
            if (self)
                self->showConflict(seen, now);
        });
    });
}

void OrderDetailView::showConflict(int seen, const Result<store::OrderDetail> &now)
{
    QString what = tr("Someone changed the order; it could not be read again: %1")
                       .arg(now ? QString() : now.error().message);
    if (now) {
        what = tr("Since you opened it (version %1), order %2 has become %3 (version %4).")
                   .arg(seen)
                   .arg(now->summary.receiptNumber, orderStatusName(now->summary.status))
                   .arg(now->summary.version);
        for (const store::OrderDetail::Event &change : now->events) {
            if (change.version > seen) {
                what +=
                    u"\n"_s + tr("%1: %2 by %3").arg(when(change.at), change.event, change.actor);
            }
        }
    }
    QMessageBox conflict(QMessageBox::Warning, tr("Someone changed this order first"),
                         what + u"\n\n"_s +
                             tr("Nothing was changed by you. Reload the order and decide again."),
                         QMessageBox::NoButton, this);
    conflict.setObjectName(u"conflictDialog"_s);
    QPushButton *reloadButton = conflict.addButton(tr("Reload"), QMessageBox::AcceptRole);
    reloadButton->setObjectName(u"conflictReload"_s);
    conflict.addButton(tr("Close"), QMessageBox::RejectRole);
    conflict.exec();
    if (conflict.clickedButton() == reloadButton)
        reload();
    else
        render();
}

} // namespace counterline::ui
