#include "ui/order_detail_view.h"

#include "domain/currency.h"
#include "ui/money_format.h"
#include "ui/order_detail_html.h"
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

void OrderDetailView::clear()
{
    m_orderId.clear();
    m_detail.reset();
    m_title->clear();
    m_body->clear();
    render(); // takes the actions away
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
    m_title->setText(
        (d.summary.isReturn ? tr("Return %1 — %2, version %3") : tr("Receipt %1 — %2, version %3"))
            .arg(d.summary.receiptNumber, orderStatusWords(d.summary.status))
            .arg(d.summary.version));
    m_body->setHtml(orderDetailHtml(d));
    addActions(d);
}

void OrderDetailView::addActions(const store::OrderDetail &d)
{
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
                   .arg(now->summary.receiptNumber, orderStatusWords(now->summary.status))
                   .arg(now->summary.version);
        for (const store::OrderDetail::Event &change : now->events) {
            if (change.version > seen) {
                what += u"\n"_s +
                        tr("%1: %2 by %3").arg(orderTime(change.at), change.event, change.actor);
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
