#include "cli/cli_context.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace counterline::cli {

void addOptions(QCommandLineParser &parser)
{
    parser.setApplicationDescription(QCoreApplication::translate(
        "counterline::cli",
        "Counterline terminal commands.\n\n"
        "Commands:\n"
        "  init --store S --terminal T --currency C   set up a standalone terminal\n"
        "       [--prices-exclude-tax] [--rounding half-up|half-even]\n"
        "  catalog import FILE.csv                    import products, prices and stock\n"
        "  sale --sku SKU[:QTY]... --tender cash|card sell; prints receipt number and order id\n"
        "       [--cashier ID] [--customer ID]\n"
        "  return --receipt NO --item LINE[:QTY]...   take back items of a sale, paid back\n"
        "       [--cashier ID]                        in cash; prints the return\n"
        "  journal verify                             check the hash chain\n"
        "  orders [--json] [--limit N] [--status S]   order history, newest first\n"
        "       [--cashier ID] [--customer ID] [--sku SKU] [--receipt NO]\n"
        "  carts purge [--older-than-hours N]         delete carts untouched for N hours\n"
        "  user add --name N --role cashier|manager --pin PIN\n"
        "                                             who may log in at the till\n"
        "  enroll --server URL --token T              take identity and catalog from a server\n"
        "  sync [--once] [--interval-ms N]            send the outbox (once, or until stopped)\n"
        "  sync status [--json]                       what waits, what needs attention\n"
        "  events tail [--follow] [--state FILE]      the server's events, each processed once\n"
        "       [--server URL --token T] [--limit N] [--json]"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({
        {u"data-dir"_s,
         QCoreApplication::translate("counterline::cli", "Where the terminal keeps its database."),
         u"dir"_s},
        {u"store"_s, QCoreApplication::translate("counterline::cli", "Store code, e.g. S1."),
         u"code"_s},
        {u"terminal"_s, QCoreApplication::translate("counterline::cli", "Terminal code, e.g. T1."),
         u"code"_s},
        {u"currency"_s,
         QCoreApplication::translate("counterline::cli", "ISO 4217 currency, e.g. EUR."),
         u"code"_s},
        {u"prices-exclude-tax"_s,
         QCoreApplication::translate("counterline::cli",
                                     "Shelf prices exclude tax (as in the US).")},
        {u"rounding"_s,
         QCoreApplication::translate("counterline::cli",
                                     "Tax rounding: half-up (default) or half-even."),
         u"rule"_s},
        {u"sku"_s,
         QCoreApplication::translate("counterline::cli",
                                     "A product to sell, optionally with a quantity: SKU:3."),
         u"sku"_s},
        {u"tender"_s,
         QCoreApplication::translate("counterline::cli", "How the customer pays: cash or card."),
         u"kind"_s},
        {u"cashier"_s, QCoreApplication::translate("counterline::cli", "Who sells (default: cli)."),
         u"id"_s},
        {u"customer"_s, QCoreApplication::translate("counterline::cli", "The customer, if known."),
         u"id"_s},
        {u"receipt"_s,
         QCoreApplication::translate("counterline::cli", "A receipt number, e.g. S1-T1-000042."),
         u"number"_s},
        {u"item"_s,
         QCoreApplication::translate("counterline::cli",
                                     "return: a line of the sale and how many come back: 2:1."),
         u"line"_s},
        {u"status"_s,
         QCoreApplication::translate("counterline::cli", "An order status, e.g. PAID."),
         u"status"_s},
        {u"limit"_s,
         QCoreApplication::translate("counterline::cli", "How many orders to list (default 50)."),
         u"n"_s},
        {u"json"_s, QCoreApplication::translate("counterline::cli", "Print JSON instead of text.")},
        {u"older-than-hours"_s,
         QCoreApplication::translate("counterline::cli", "carts purge: age in hours (default 72)."),
         u"hours"_s},
        {u"server"_s,
         QCoreApplication::translate("counterline::cli",
                                     "enroll: the central server, e.g. https://pos.example.org."),
         u"url"_s},
        {u"token"_s,
         QCoreApplication::translate("counterline::cli",
                                     "enroll: the token from counterline-server terminal enroll."),
         u"token"_s},
        {u"name"_s, QCoreApplication::translate("counterline::cli", "user add: the person's name."),
         u"name"_s},
        {u"role"_s,
         QCoreApplication::translate("counterline::cli", "user add: cashier or manager."),
         u"role"_s},
        {u"pin"_s,
         QCoreApplication::translate("counterline::cli", "user add: 4 to 8 digits to log in with."),
         u"pin"_s},
        {u"once"_s,
         QCoreApplication::translate(
             "counterline::cli", "sync: one pass, then exit (0 when nothing is left to send).")},
        {u"follow"_s,
         QCoreApplication::translate("counterline::cli",
                                     "events tail: keep waiting for new events until stopped.")},
        {u"state"_s,
         QCoreApplication::translate("counterline::cli",
                                     "events tail: the consumer's own database of processed "
                                     "events (default DATA_DIR/event-consumer.sqlite)."),
         u"file"_s},
        {u"interval-ms"_s,
         QCoreApplication::translate("counterline::cli",
                                     "sync: time between passes or probes (default 5000)."),
         u"ms"_s},
    });
    parser.addPositionalArgument(
        u"command"_s,
        QCoreApplication::translate("counterline::cli", "The command to run; see above."));
}

} // namespace counterline::cli
