#include "cli/cli_context.h"
#include "domain/typed_amount.h"
#include "store/catalog.h"
#include "store/order_store.h"
#include "store/terminal_identity.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace counterline::cli {

int runSale(Context &context)
{
    const QCommandLineParser &parser = context.parser;
    const QStringList items = parser.values(u"sku"_s);
    if (items.isEmpty())
        return context.usage(QCoreApplication::translate(
            "counterline::cli", "sale needs at least one --sku SKU[:QTY]."));
    const QString tenderName = parser.value(u"tender"_s);
    Result<TenderKind> tenderKind = tenderKindFromName(tenderName);
    if (!tenderKind)
        return context.usage(
            QCoreApplication::translate("counterline::cli", "--tender is cash or card, not \"%1\".")
                .arg(tenderName));

    store::Database *database = context.database();
    if (!database)
        return 1;
    Result<store::TerminalIdentity> terminal =
        store::TerminalSettings::load(database->connection());
    if (!terminal)
        return context.fail(terminal.error());

    store::Catalog catalog(*database);
    Cart cart(context.ids.next(), terminal->currency, terminal->policy);
    for (const QString &item : items) {
        const QString sku = item.section(u':', 0, 0);
        qint64 quantity = 1;
        if (item.contains(u':')) {
            // Read like a quantity typed at the till, in the C locale: scripts write 1000 or
            // 1,000, never a decimal.
            const Result<qint64> typed = parseTypedAmount(item.section(u':', 1), 0, QLocale::c());
            if (!typed)
                return context.usage(QCoreApplication::translate("counterline::cli",
                                                                 "\"%1\" is not SKU:QUANTITY: %2")
                                         .arg(item, typed.error().message));
            quantity = *typed;
        }
        Result<std::optional<Product>> product = catalog.bySku(sku);
        if (!product)
            return context.fail(product.error());
        if (!product->has_value())
            return context.fail(QCoreApplication::translate(
                                    "counterline::cli", "There is no product with the sku \"%1\".")
                                    .arg(sku));
        if (Result<int> added = cart.addProduct(**product, quantity); !added)
            return context.fail(added.error());
    }
    Result<CartTotals> totals = cart.totals();
    if (!totals)
        return context.fail(totals.error());

    // The cashier is handed exactly the total; a card tender records a manual approval.
    const QString cashier = parser.isSet(u"cashier"_s) ? parser.value(u"cashier"_s) : u"cli"_s;
    const Tender tender{*tenderKind, totals->total,
                        *tenderKind == TenderKind::Card ? u"manual"_s : QString(), false};
    store::OrderStore orders(*database, context.clock, context.ids);
    Result<store::CheckoutResult> sold =
        orders.checkout(cart, {cashier, parser.value(u"customer"_s), {tender}, Actor{cashier, {}}});
    if (!sold)
        return context.fail(sold.error());
    // Printed only after the commit: a receipt number on stdout means the order is durable.
    context.out << sold->order.receiptNumber().toString() << ' '
                << sold->order.id().toString(QUuid::WithoutBraces) << ' '
                << sold->order.total().toString() << Qt::endl;
    return 0;
}

} // namespace counterline::cli
