// The child of tst_crash: sells random carts in a loop until it is killed, and takes one unit of
// every third sale back as a partial return, printing "committed <order id> <receipt number>"
// after each checkout or return has committed, and never before ("selling" once it has opened the
// database).

#include "domain/clock.h"
#include "domain/id_source.h"
#include "store/catalog.h"
#include "store/database.h"
#include "store/order_store.h"
#include "store/return_source.h"
#include "store/terminal_identity.h"

#include <QCoreApplication>
#include <QRandomGenerator>

#include <cstdio>

using namespace counterline;
using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    if (arguments.size() != 2) {
        std::fprintf(stderr, "usage: crash_checkout_child DATA_DIR\n");
        return 2;
    }
    auto opened = store::Database::open(store::Database::fileIn(arguments[1]));
    if (!opened) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error().message));
        return 1;
    }
    const std::unique_ptr<store::Database> database = std::move(opened).value();
    const store::TerminalIdentity terminal =
        store::TerminalSettings::load(database->connection()).value();
    store::Catalog catalog(*database);
    SystemClock clock;
    Uuid7Source ids(clock);
    store::OrderStore orders(*database, clock, ids);
    QRandomGenerator random = QRandomGenerator::securelySeeded();
    // The parent starts its random wait from here, however long opening took on a busy machine.
    std::printf("selling\n");
    std::fflush(stdout);

    for (;;) {
        Cart cart(ids.next(), terminal.currency, terminal.policy);
        const int lines = int(random.bounded(1, 6));
        for (int i = 0; i < lines; ++i) {
            const QString sku = u"SKU-%1"_s.arg(random.bounded(1, 301), 5, 10, QChar(u'0'));
            const auto product = catalog.bySku(sku);
            if (!product || !product->has_value())
                return 1;
            (void)cart.addProduct(**product, random.bounded(1, 4));
        }
        const Money total = cart.totals()->total;
        const TenderKind kind = random.bounded(2) ? TenderKind::Cash : TenderKind::Card;
        auto sold = orders.checkout(
            cart, {u"crash"_s, {}, {Tender{kind, total, {}, false}}, Actor{u"crash"_s, {}}});
        if (!sold) {
            std::fprintf(stderr, "%s\n", qPrintable(sold.error().message));
            return 1;
        }
        std::printf("committed %s %s\n",
                    qPrintable(sold->order.id().toString(QUuid::WithoutBraces)),
                    qPrintable(sold->order.receiptNumber().toString()));
        std::fflush(stdout);
        if (random.bounded(3) != 0)
            continue;
        const QString saleId = sold->order.id().toString(QUuid::WithoutBraces);
        const QList<ReturnItem> items{{1, 1}};
        const auto source = store::ReturnSources::load(database->connection(), saleId);
        const auto preview = source ? store::ReturnSources::preview(*source, items, clock.now())
                                    : Result<Order>(source.error());
        if (!preview) {
            std::fprintf(stderr, "%s\n", qPrintable(preview.error().message));
            return 1;
        }
        auto back = orders.recordReturn({saleId,
                                         items,
                                         {Tender{TenderKind::Cash, preview->total(), {}, false}},
                                         Actor{u"crash"_s, {}}});
        if (!back) {
            std::fprintf(stderr, "%s\n", qPrintable(back.error().message));
            return 1;
        }
        std::printf("committed %s %s\n",
                    qPrintable(back->order.id().toString(QUuid::WithoutBraces)),
                    qPrintable(back->order.receiptNumber().toString()));
        std::fflush(stdout);
    }
}
