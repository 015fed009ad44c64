#include "ui/order_detail_html.h"

#include "sync/problem_words.h"
#include "ui/money_format.h"
#include "ui/order_detail_view.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace counterline::ui {

namespace {

// An outbox state ("pending") in the user's words.
QString deliveryWords(const QString &state)
{
    if (state == u"pending"_s)
        return OrderDetailView::tr("waiting to be sent");
    if (state == u"sent"_s)
        return OrderDetailView::tr("sent");
    if (state == u"needs_attention"_s)
        return OrderDetailView::tr("needs attention");
    return state;
}

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

} // namespace

QString orderTime(const QDateTime &at)
{
    return QLocale().toString(at.toLocalTime(), QLocale::ShortFormat);
}

namespace {

QString moneyOf(const store::OrderDetail &d, qint64 minor)
{
    return escaped(formatMoney(Money(minor, d.summary.total.currency())));
}

QString orderLink(const QString &id, const QString &text)
{
    return u"<a href=\"order:%1\">%2</a>"_s.arg(escaped(id), escaped(text));
}

// Whose order it is: sold or taken back where, when and by whom, for which customer.
QString headHtml(const store::OrderDetail &d)
{
    QString html;
    if (d.summary.isReturn) {
        html += u"<p><b>"_s +
                OrderDetailView::tr("Items taken back from receipt %1; the total was paid back.")
                    .arg(orderLink(d.originalOrderId, d.originalReceiptNo.isEmpty()
                                                          ? d.originalOrderId
                                                          : d.originalReceiptNo)) +
                u"</b></p>"_s;
    }
    html += u"<p>"_s +
            (d.summary.isReturn ? OrderDetailView::tr("Taken back %1 by %2 at store %3, till %4.")
                                : OrderDetailView::tr("Sold %1 by %2 at store %3, till %4."))
                .arg(escaped(orderTime(d.summary.createdAt)), escaped(d.summary.cashierId),
                     escaped(d.storeId), escaped(d.terminalId));
    if (!d.summary.customerId.isEmpty())
        html += u" "_s + OrderDetailView::tr("Customer %1.").arg(escaped(d.summary.customerId));
    return html;
}

// The lines as sold, the total and its tax.
QString linesHtml(const store::OrderDetail &d)
{
    auto money = [&](qint64 minor) { return moneyOf(d, minor); };
    QString html;
    html += u"</p><h3>"_s + OrderDetailView::tr("Lines") + u"</h3><table cellpadding=3><tr><th>"_s +
            OrderDetailView::tr("SKU") + u"</th><th>"_s + OrderDetailView::tr("Name at the sale") +
            u"</th><th>"_s + OrderDetailView::tr("Quantity") + u"</th><th>"_s +
            OrderDetailView::tr("Unit price") + u"</th><th>"_s + OrderDetailView::tr("Discount") +
            u"</th><th>"_s + OrderDetailView::tr("Tax") + u"</th><th>"_s +
            OrderDetailView::tr("Total") + u"</th><th>"_s +
            (d.summary.isReturn ? OrderDetailView::tr("Sold as line")
                                : OrderDetailView::tr("Returned")) +
            u"</th></tr>"_s;
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
            OrderDetailView::tr("Total %1, of which tax %2.")
                .arg(money(d.summary.total.minorUnits()), money(d.taxMinor)) +
            u"</b></p><h3>"_s + OrderDetailView::tr("Tenders") + u"</h3><ul>"_s;
    return html;
}

// How it was paid, what became of the money if undone, and its returns.
QString paymentHtml(const store::OrderDetail &d)
{
    auto money = [&](qint64 minor) { return moneyOf(d, minor); };
    QString html;
    for (const store::OrderDetail::TenderLine &tender : d.tenders) {
        html += u"<li>%1 %2 %3%4</li>"_s.arg(
            tender.kind == u"cash"_s ? OrderDetailView::tr("Cash") : OrderDetailView::tr("Card"),
            money(tender.amountMinor), escaped(tender.reference),
            tender.needsCapture
                ? u" — "_s + OrderDetailView::tr("taken offline, charged by the server")
                : QString());
    }
    if (d.changeMinor > 0)
        html += u"<li>"_s + OrderDetailView::tr("Change given: %1").arg(money(d.changeMinor)) +
                u"</li>"_s;
    html += u"</ul>"_s;
    if (!d.moneyBack.isEmpty()) {
        html += u"<h3>"_s + OrderDetailView::tr("Money back") + u"</h3><ul>"_s;
        for (const store::OrderDetail::MoneyBack &back : d.moneyBack)
            html += u"<li>"_s + moneyBackText(back, money(back.amountMinor)) + u"</li>"_s;
        html += u"</ul>"_s;
    }
    if (!d.returns.isEmpty()) {
        html += u"<h3>"_s + OrderDetailView::tr("Returns") + u"</h3><ul>"_s;
        for (const store::OrderDetail::Return &back : d.returns) {
            html += u"<li>"_s +
                    OrderDetailView::tr("%1: receipt %2, %3 paid back")
                        .arg(escaped(orderTime(back.createdAt)),
                             orderLink(back.orderId, back.receiptNumber), money(back.totalMinor)) +
                    u"</li>"_s;
        }
        html += u"</ul>"_s;
    }
    return html;
}

// Its events, its journal entries and how it travelled to the server.
QString historyHtml(const store::OrderDetail &d)
{
    QString html;
    html += u"<h3>"_s + OrderDetailView::tr("Timeline") + u"</h3><ol>"_s;
    for (const store::OrderDetail::Event &event : d.events) {
        QString line = OrderDetailView::tr("%1: %2 → %3 (version %4) by %5")
                           .arg(escaped(orderTime(event.at)), escaped(event.event),
                                escaped(orderStatusWordsFor(event.to)))
                           .arg(event.version)
                           .arg(escaped(event.actor));
        if (!event.approvedBy.isEmpty())
            line += u", "_s + OrderDetailView::tr("approved by %1").arg(escaped(event.approvedBy));
        html += u"<li>"_s + line + u"</li>"_s;
    }
    html += u"</ol><h3>"_s + OrderDetailView::tr("Journal") + u"</h3><ul>"_s;
    for (const store::OrderDetail::Journal &entry : d.journal) {
        html += u"<li>"_s +
                OrderDetailView::tr("Entry %1 (%2), hash <tt>%3</tt>")
                    .arg(entry.seq)
                    .arg(escaped(entry.kind), escaped(entry.hash)) +
                u"</li>"_s;
    }
    html += u"</ul><h3>"_s + OrderDetailView::tr("Sync") + u"</h3><ul>"_s;
    for (const store::OrderDetail::SyncEntry &entry : d.sync) {
        QString line = OrderDetailView::tr("%1 with key <tt>%2</tt>: %3 after %4 attempts")
                           .arg(escaped(entry.kind), escaped(entry.idempotencyKey),
                                escaped(deliveryWords(entry.state)))
                           .arg(entry.attempts);
        if (entry.lastStatus != 0)
            line += u"; "_s + OrderDetailView::tr("last answer HTTP %1").arg(entry.lastStatus);
        if (!entry.lastError.isEmpty()) {
            line += u" — "_s +
                    escaped(sync::problemWords(entry.lastCode, entry.lastStatus, entry.lastError));
        }
        html += u"<li>"_s + line + u"</li>"_s;
    }
    if (!d.serverOrderNo.isEmpty())
        html += u"<li>"_s +
                OrderDetailView::tr("Server order number %1").arg(escaped(d.serverOrderNo)) +
                u"</li>"_s;
    html += u"</ul>"_s;
    return html;
}

} // namespace

QString orderDetailHtml(const store::OrderDetail &d)
{
    return headHtml(d) + linesHtml(d) + paymentHtml(d) + historyHtml(d);
}

} // namespace counterline::ui
