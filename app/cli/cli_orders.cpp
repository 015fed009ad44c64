#include "cli/cli_context.h"
#include "sqlkit/time_text.h"
#include "store/order_history.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace counterline::cli {

int runOrders(Context &context)
{
    const QCommandLineParser &parser = context.parser;
    store::OrderFilter filter;
    if (parser.isSet(u"status"_s)) {
        Result<OrderStatus> status = orderStatusFromName(parser.value(u"status"_s));
        if (!status)
            return context.usage(status.error().message);
        filter.status = *status;
    }
    filter.cashierId = parser.value(u"cashier"_s);
    filter.customerId = parser.value(u"customer"_s);
    filter.receiptNumber = parser.value(u"receipt"_s);
    filter.sku = parser.value(u"sku"_s);
    int limit = 50;
    if (parser.isSet(u"limit"_s)) {
        bool numeric = false;
        limit = parser.value(u"limit"_s).toInt(&numeric);
        if (!numeric || limit < 1) {
            return context.usage(QCoreApplication::translate("counterline::cli",
                                                             "--limit needs a positive number."));
        }
    }

    store::Database *database = context.database();
    if (!database)
        return 1;
    Result<store::OrderPage> page = store::OrderHistory(*database).page(filter, {}, limit);
    if (!page)
        return context.fail(page.error());

    if (parser.isSet(u"json"_s)) {
        QJsonArray orders;
        for (const store::OrderSummary &order : page->orders) {
            QJsonObject listed{{u"id"_s, order.id},
                               {u"receipt_no"_s, order.receiptNumber},
                               {u"created_at"_s, sqlkit::timeText(order.createdAt)},
                               {u"status"_s, orderStatusName(order.status)},
                               {u"version"_s, order.version},
                               {u"cashier_id"_s, order.cashierId},
                               {u"total"_s, order.total.minorUnits()},
                               {u"currency"_s, order.total.currency().code()},
                               {u"sync_state"_s, order.syncState}};
            if (order.isReturn)
                listed.insert(u"type"_s, u"return"_s);
            orders.append(listed);
        }
        context.out << QJsonDocument(orders).toJson(QJsonDocument::Indented);
        return 0;
    }
    for (const store::OrderSummary &order : page->orders) {
        context.out << order.receiptNumber << "  "
                    << order.createdAt.toString(u"yyyy-MM-dd HH:mm"_s) << "  "
                    << orderStatusName(order.status).leftJustified(9) << "  "
                    << order.total.toString().rightJustified(14) << "  " << order.cashierId << "  "
                    << order.syncState << (order.isReturn ? "  return" : "") << Qt::endl;
    }
    return 0;
}

} // namespace counterline::cli
