#pragma once

// A terminal database in a temporary directory, set up as store S1, terminal T1, selling in EUR
// with tax-inclusive prices, with a small catalog. Each test builds its own.

#include "domain/cart.h"
#include "domain/clock.h"
#include "domain/id_source.h"
#include "sqlkit/statement.h"
#include "store/catalog.h"
#include "store/database.h"
#include "store/order_store.h"
#include "store/sql.h"
#include "store/terminal_identity.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace counterline::testing {

inline const char *kSmallCatalog = "sku,barcode,name,price,currency,tax_rate,stock\r\n"
                                   "BROT,4000000000013,Brot,2.49,EUR,7,100\r\n"
                                   "MILCH,4000000000020,Milch,1.19,EUR,7,100\r\n"
                                   "WEIN,4000000000037,Wein,8.99,EUR,19,10\r\n";

class StoreFixture
{
public:
    StoreFixture()
        : clock(QDateTime(QDate(2026, 11, 24), QTime(9, 0), Qt::UTC))
        , ids(clock, 1)
    {
        QVERIFY(dir.isValid());
        path = store::Database::fileIn(dir.path());
        auto opened = store::Database::open(path);
        if (!opened)
            qFatal("cannot open test database: %s", qPrintable(opened.error().message));
        database = std::move(opened).value();
        const auto euro = *Currency::fromCode(u"EUR");
        const auto initialised = store::TerminalSettings::initialise(
            db(), {QStringLiteral("S1"), QStringLiteral("T1"), euro, PricingPolicy{}}, clock.now());
        if (!initialised)
            qFatal("cannot set up terminal: %s", qPrintable(initialised.error().message));
        const auto imported =
            store::Catalog(*database).importCsv(QString::fromUtf8(kSmallCatalog), clock.now());
        if (!imported)
            qFatal("cannot import catalog: %s", qPrintable(imported.error().message));
    }

    QSqlDatabase db() const { return database->connection(); }

    Product product(const QString &sku) { return **store::Catalog(*database).bySku(sku); }

    Cart cart(std::initializer_list<std::pair<const char *, int>> items)
    {
        Cart result(ids.next(), *Currency::fromCode(u"EUR"), PricingPolicy{});
        for (const auto &[sku, quantity] : items) {
            if (!result.addProduct(product(QString::fromLatin1(sku)), quantity))
                qFatal("cannot add %s", sku);
        }
        return result;
    }

    // Sells the cart for exact cash and returns the result.
    Result<store::CheckoutResult> sell(const Cart &cart)
    {
        store::OrderStore orders(*database, clock, ids);
        const Money total = cart.totals()->total;
        clock.advanceMs(1000);
        return orders.checkout(cart, {QStringLiteral("cashier-1"),
                                      QString(),
                                      {Tender{TenderKind::Cash, total, {}, false}},
                                      Actor{QStringLiteral("cashier-1"), {}}});
    }

    qint64 count(const QString &sql) { return sqlkit::selectValue(db(), sql).value().toLongLong(); }

    // Runs raw SQL and returns SQLite's error text, or an empty string when it succeeded.
    QString rawError(const QString &sql)
    {
        QSqlQuery query(db());
        if (query.exec(sql))
            return {};
        return query.lastError().text();
    }

    QTemporaryDir dir;
    QString path;
    ManualClock clock;
    Uuid7Source ids;
    std::unique_ptr<store::Database> database;
};

} // namespace counterline::testing
