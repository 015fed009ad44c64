#include "ui/local_history_source.h"

#include "store/order_history.h"

using namespace Qt::StringLiterals;

namespace counterline::ui {

LocalHistorySource::LocalHistorySource(const store::Database &database)
    : m_database(database)
{}

QString LocalHistorySource::describe() const
{
    return tr("This till's orders");
}

void LocalHistorySource::fetch(const HistoryQuery &query, const QString &cursor, int limit,
                               Done done)
{
    store::OrderFilter filter;
    filter.from = query.from;
    filter.to = query.to;
    if (!query.status.isEmpty()) {
        Result<OrderStatus> status = orderStatusFromName(query.status);
        if (!status) {
            done(status.error());
            return;
        }
        filter.status = *status;
    }
    filter.cashierId = query.cashier;
    filter.customerId = query.customer;
    filter.receiptNumber = query.receiptNumber;
    filter.sku = query.sku;
    filter.minTotalMinor = query.minTotalMinor;
    filter.maxTotalMinor = query.maxTotalMinor;
    std::optional<store::HistoryCursor> after;
    if (!cursor.isEmpty())
        after = store::HistoryCursor{cursor.section(u'|', 0, 0), cursor.section(u'|', 1)};
    Result<store::OrderPage> page = store::OrderHistory(m_database).page(filter, after, limit);
    if (!page) {
        done(page.error());
        return;
    }
    HistoryPage answer;
    answer.rows.reserve(page->orders.size());
    for (const store::OrderSummary &order : std::as_const(page->orders)) {
        answer.rows.append({order.id, order.receiptNumber, order.createdAt,
                            orderStatusName(order.status), order.version, order.cashierId,
                            order.customerId, order.total.minorUnits(),
                            order.total.currency().code(), order.syncState, order.isReturn});
    }
    if (page->next)
        answer.next = page->next->createdAt + u'|' + page->next->id;
    done(answer);
}

} // namespace counterline::ui
