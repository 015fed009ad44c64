#include "ui/server_history_source.h"

#include "sync/server_orders.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace counterline::ui {

ServerHistorySource::ServerHistorySource(sync::ServerOrders &orders)
    : m_orders(orders)
{}

QString ServerHistorySource::describe() const
{
    return tr("Server %1").arg(m_orders.target().serverUrl.toString());
}

void ServerHistorySource::fetch(const HistoryQuery &query, const QString &cursor, int limit,
                                Done done)
{
    if (!query.receiptNumber.isEmpty() && !query.sku.isEmpty()) {
        done(Error{u"filter.receipt_or_sku"_s,
                   tr("The server's history finds a receipt number or a SKU, not both at once.")});
        return;
    }
    QUrlQuery url;
    auto add = [&url](const QString &name, const QString &value) {
        if (!value.isEmpty())
            url.addQueryItem(name, QString::fromLatin1(QUrl::toPercentEncoding(value)));
    };
    add(u"store"_s, query.store);
    add(u"terminal"_s, query.terminal);
    add(u"status"_s, query.status);
    add(u"cashier"_s, query.cashier);
    add(u"customer"_s, query.customer);
    if (query.from)
        add(u"from"_s, query.from->toUTC().toString(Qt::ISODateWithMs));
    if (query.to)
        add(u"to"_s, query.to->toUTC().toString(Qt::ISODateWithMs));
    add(u"q"_s, query.receiptNumber.isEmpty() ? query.sku : query.receiptNumber);
    if (query.minTotalMinor)
        add(u"min_total"_s, QString::number(*query.minTotalMinor));
    if (query.maxTotalMinor)
        add(u"max_total"_s, QString::number(*query.maxTotalMinor));
    add(u"cursor"_s, cursor);
    url.addQueryItem(u"limit"_s, QString::number(std::min(limit, 500)));
    m_orders.list(url, [done = std::move(done)](const Result<QJsonObject> &answer) {
        if (!answer) {
            done(answer.error());
            return;
        }
        HistoryPage page;
        for (const QJsonValue &value : answer->value(u"orders"_s).toArray()) {
            const QJsonObject order = value.toObject();
            page.rows.append(
                {order.value(u"id"_s).toString(), order.value(u"receipt_no"_s).toString(),
                 QDateTime::fromString(order.value(u"created_at"_s).toString(), Qt::ISODateWithMs),
                 order.value(u"status"_s).toString(), int(order.value(u"version"_s).toInteger()),
                 order.value(u"cashier_id"_s).toString(), order.value(u"customer_id"_s).toString(),
                 order.value(u"total"_s).toInteger(), order.value(u"currency"_s).toString(),
                 order.value(u"store_id"_s).toString() + u'-' +
                     order.value(u"terminal_id"_s).toString(),
                 order.value(u"type"_s).toString() == u"return"_s});
        }
        page.next = answer->value(u"next_cursor"_s).toString();
        done(page);
    });
}

} // namespace counterline::ui
