#include "cli/cli_context.h"
#include "domain/typed_amount.h"
#include "store/order_history.h"
#include "store/order_store.h"
#include "store/return_source.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace counterline::cli {

// return --receipt NO --item LINE:QTY [--item …] [--cashier ID]: takes back units of a
// paid or completed sale and pays them back in cash; prints the return's receipt number, id and
// amount.
int runReturn(Context &context)
{
    const QCommandLineParser &parser = context.parser;
    const QString receipt = parser.value(u"receipt"_s);
    if (receipt.isEmpty()) {
        return context.usage(QCoreApplication::translate(
            "counterline::cli", "return needs the sale's --receipt and at least one --item."));
    }
    QList<ReturnItem> items;
    for (const QString &item : parser.values(u"item"_s)) {
        bool lineOk = false;
        const int line = item.section(u':', 0, 0).toInt(&lineOk);
        // The quantity is read like one typed at the till, in the C locale.
        const Result<qint64> quantity =
            item.contains(u':') ? parseTypedAmount(item.section(u':', 1), 0, QLocale::c())
                                : Result<qint64>(qint64{1});
        if (!lineOk || !quantity) {
            return context.usage(
                QCoreApplication::translate("counterline::cli", "\"%1\" is not LINE:QUANTITY.")
                    .arg(item));
        }
        items.append({line, *quantity});
    }
    if (items.isEmpty()) {
        return context.usage(QCoreApplication::translate(
            "counterline::cli", "return needs the sale's --receipt and at least one --item."));
    }

    store::Database *database = context.database();
    if (!database)
        return 1;
    store::OrderFilter byReceipt;
    byReceipt.receiptNumber = receipt;
    Result<store::OrderPage> found = store::OrderHistory(*database).page(byReceipt, {}, 1);
    if (!found)
        return context.fail(found.error());
    if (found->orders.isEmpty()) {
        return context.fail(
            QCoreApplication::translate("counterline::cli", "There is no receipt %1 on this till.")
                .arg(receipt));
    }
    const QString saleId = found->orders.first().id;
    Result<ReturnSource> sale = store::ReturnSources::load(database->connection(), saleId);
    if (!sale)
        return context.fail(sale.error());
    Result<Order> preview = store::ReturnSources::preview(*sale, items, context.clock.now());
    if (!preview)
        return context.fail(preview.error());

    const QString cashier = parser.isSet(u"cashier"_s) ? parser.value(u"cashier"_s) : u"cli"_s;
    store::OrderStore orders(*database, context.clock, context.ids);
    Result<store::CheckoutResult> back = orders.recordReturn(
        {saleId, items, {Tender{TenderKind::Cash, preview->total(), {}, false}}, {cashier, {}}});
    if (!back)
        return context.fail(back.error());
    context.out << back->order.receiptNumber().toString() << ' '
                << back->order.id().toString(QUuid::WithoutBraces) << ' '
                << back->order.total().toString() << Qt::endl;
    return 0;
}

} // namespace counterline::cli
