#include "store_fixture.h"

using namespace counterline;
using namespace counterline::store;
using namespace counterline::testing;
using namespace Qt::StringLiterals;

class CatalogTest : public QObject
{
    Q_OBJECT

private slots:
    void importAndLookUp()
    {
        StoreFixture f;
        Catalog catalog(*f.database);
        const auto byBarcode = catalog.byBarcode(u"4000000000037"_s);
        QVERIFY(byBarcode.ok() && byBarcode->has_value());
        QCOMPARE((*byBarcode)->sku, u"WEIN"_s);
        QCOMPARE((*byBarcode)->price.minorUnits(), 899);
        QCOMPARE((*byBarcode)->taxRate.toPercentText(), u"19"_s);
        QVERIFY(!catalog.bySku(u"NOPE"_s)->has_value());
    }

    void reimportUpdatesPricesAndNames()
    {
        StoreFixture f;
        Catalog catalog(*f.database);
        const auto report = catalog.importCsv(
            u"sku,barcode,name,price,currency,tax_rate\nBROT,4000000000013,\"Brot, dunkel\",2.79,EUR,7\n"_s,
            f.clock.now());
        QVERIFY(report.ok());
        QCOMPARE(report->products, 1);
        const Product brot = f.product(u"BROT"_s);
        QCOMPARE(brot.name, u"Brot, dunkel"_s);
        QCOMPARE(brot.price.minorUnits(), 279);
        QCOMPARE(*catalog.stockOnHand(u"BROT"_s), 100); // no stock column: stock untouched
    }

    // Search as you type: word prefixes of the name, SKU or barcode; the index follows renames.
    void searchFindsWordPrefixes()
    {
        StoreFixture f;
        store::Catalog catalog(*f.database);
        auto skus = [&](const QString &typed) {
            QStringList found;
            const Result<QList<Product>> products = catalog.search(typed);
            for (const Product &p : *products)
                found << p.sku;
            return found;
        };
        QCOMPARE(skus(u"br"_s), QStringList{u"BROT"_s});
        QCOMPARE(skus(u"BRO"_s), QStringList{u"BROT"_s});
        QCOMPARE(skus(u"4000000000037"_s), QStringList{u"WEIN"_s});
        QCOMPARE(skus(u"40000000000"_s).size(), 3);
        QCOMPARE(skus(u"milch 4000"_s), QStringList{}); // several words: all in the name
        QCOMPARE(skus(u"mil br"_s), QStringList{});
        QCOMPARE(skus(u"milch"_s), QStringList{u"MILCH"_s});
        QCOMPARE(skus(u"xyz"_s), QStringList{});
        QCOMPARE(skus(u"  "_s), QStringList{});
        QVERIFY(catalog.search(u"\"wein OR *"_s).ok()); // FTS5 syntax is just text here

        QVERIFY(catalog
                    .importCsv(u"sku,barcode,name,price,currency,tax_rate\r\n"
                               "WEIN,4000000000037,Rotwein trocken,8.99,EUR,19\r\n"_s,
                               f.clock.now())
                    .ok());
        QCOMPARE(skus(u"rotw"_s), QStringList{u"WEIN"_s});
        QCOMPARE(skus(u"wein"_s), QStringList{u"WEIN"_s}); // the SKU still matches
        QCOMPARE(skus(u"trock"_s), QStringList{u"WEIN"_s});
        QCOMPARE(skus(u"rotw tro"_s), QStringList{u"WEIN"_s});

        // Names that start with what was typed come before names that merely contain it; an
        // exact barcode or SKU before both; accents do not matter.
        QVERIFY(catalog
                    .importCsv(u"sku,barcode,name,price,currency,tax_rate\r\n"
                               "BIOMILCH,4000000000044,Bio Milch,1.49,EUR,7\r\n"
                               "KAESE,4000000000051,Käse 100%_mild,2.99,EUR,7\r\n"_s,
                               f.clock.now())
                    .ok());
        QCOMPARE(skus(u"milch"_s), (QStringList{u"MILCH"_s, u"BIOMILCH"_s}));
        QCOMPARE(skus(u"biomilch"_s).first(), u"BIOMILCH"_s);
        QCOMPARE(skus(u"kase"_s), QStringList{u"KAESE"_s});
        QCOMPARE(skus(u"100%_"_s), QStringList{u"KAESE"_s});
    }

    // Words of three letters or more are found inside names, folded the same way on both sides:
    // "milch" finds "Hafermilch", "strasse" finds "Straße", "creme" finds "Crème"; shorter
    // words stay name prefixes, and renames reach the index.
    void searchFindsInnerWords()
    {
        StoreFixture f;
        store::Catalog catalog(*f.database);
        QVERIFY(catalog
                    .importCsv(u"sku,barcode,name,price,currency,tax_rate\r\n"
                               "HAFER,,Hafermilch Barista,2.29,EUR,7\r\n"
                               "VOLL,,VOLLMILCH 3.5 %,1.09,EUR,7\r\n"
                               "CREME,,Crème fraîche,0.99,EUR,7\r\n"
                               "STRASSE,,Straßenkarte Köln,6.99,EUR,7\r\n"_s,
                               f.clock.now())
                    .ok());
        auto skus = [&](const QString &typed) {
            QStringList found;
            const Result<QList<Product>> products = catalog.search(typed);
            for (const Product &p : *products)
                found << p.sku;
            found.sort();
            return found;
        };
        QCOMPARE(skus(u"milch"_s), (QStringList{u"HAFER"_s, u"MILCH"_s, u"VOLL"_s}));
        QCOMPARE(skus(u"MILCH"_s), skus(u"milch"_s));
        QCOMPARE(skus(u"ilch"_s), skus(u"milch"_s));
        QCOMPARE(skus(u"milch bari"_s), QStringList{u"HAFER"_s});
        QCOMPARE(skus(u"creme fraiche"_s), QStringList{u"CREME"_s});
        QCOMPARE(skus(u"crème"_s), QStringList{u"CREME"_s});
        QCOMPARE(skus(u"strasse"_s), QStringList{u"STRASSE"_s});
        QCOMPARE(skus(u"straße koln"_s), QStringList{u"STRASSE"_s});
        QCOMPARE(skus(u"karte"_s), QStringList{u"STRASSE"_s});
        QCOMPARE(skus(u"ha"_s), QStringList{u"HAFER"_s}); // two letters: a prefix only
        QCOMPARE(skus(u"rte"_s), QStringList{u"STRASSE"_s});

        QVERIFY(catalog
                    .importCsv(u"sku,barcode,name,price,currency,tax_rate\r\n"
                               "HAFER,,Haferdrink Barista,2.29,EUR,7\r\n"_s,
                               f.clock.now())
                    .ok());
        QCOMPARE(skus(u"milch"_s), (QStringList{u"MILCH"_s, u"VOLL"_s}));
        QCOMPARE(skus(u"drink"_s), QStringList{u"HAFER"_s});
    }

    void badRowsImportNothing_data()
    {
        QTest::addColumn<QString>("csv");
        QTest::addColumn<QString>("message");
        const QString header = u"sku,barcode,name,price,currency,tax_rate\n"_s;
        const QString good = u"NEU,,Neu,1.00,EUR,19\n"_s;
        QTest::newRow("missing column") << u"sku,name,price\nA,B,1\n"_s << u"line 1"_s;
        QTest::newRow("price too precise")
            << header + good + u"X,,X,1.999,EUR,19\n"_s << u"line 3"_s;
        QTest::newRow("price with comma")
            << header + good + u"X,,X,\"1,99\",EUR,19\n"_s << u"line 3"_s;
        QTest::newRow("negative price") << header + good + u"X,,X,-1.00,EUR,19\n"_s << u"line 3"_s;
        QTest::newRow("bad tax") << header + good + u"X,,X,1.00,EUR,19%\n"_s << u"line 3"_s;
        QTest::newRow("wrong currency") << header + good + u"X,,X,1.00,USD,19\n"_s << u"line 3"_s;
        QTest::newRow("bad check digit")
            << header + good + u"X,4000000000014,X,1.00,EUR,19\n"_s << u"line 3"_s;
        QTest::newRow("duplicate sku") << header + good + good << u"line 3"_s;
        QTest::newRow("barcode of another product")
            << header + good + u"X,4000000000013,X,1.00,EUR,19\n"_s << u"line 3"_s;
        QTest::newRow("too few fields") << header + good + u"X,,X,1.00\n"_s << u"line 3"_s;
        QTest::newRow("unclosed quote") << header + good + u"X,,\"X,1.00,EUR,19\n"_s << u"line 3"_s;
        QTest::newRow("empty name") << header + good + u"X,,,1.00,EUR,19\n"_s << u"line 3"_s;
    }
    void badRowsImportNothing()
    {
        QFETCH(QString, csv);
        QFETCH(QString, message);
        StoreFixture f;
        const qint64 before = f.count(u"SELECT count(*) FROM products"_s);
        const auto report = Catalog(*f.database).importCsv(csv, f.clock.now());
        QVERIFY(!report.ok());
        QVERIFY2(report.error().message.contains(message), qPrintable(report.error().message));
        QCOMPARE(f.count(u"SELECT count(*) FROM products"_s), before);
        QVERIFY(!Catalog(*f.database).bySku(u"NEU"_s)->has_value());
    }

    // The barcode already belongs to a product in the database (not in the file): the database's
    // UNIQUE constraint refuses, the row is named, nothing is kept.
    void barcodeTakenInTheDatabase()
    {
        StoreFixture f;
        const auto report =
            Catalog(*f.database)
                .importCsv(u"sku,barcode,name,price,currency,tax_rate\nNEU,,Neu,1.00,EUR,19\n"
                           "KLON,4000000000013,Klon,1.00,EUR,19\n"_s,
                           f.clock.now());
        QVERIFY(!report.ok());
        QVERIFY2(report.error().message.contains(u"line 3"_s), qPrintable(report.error().message));
        QVERIFY(!Catalog(*f.database).bySku(u"NEU"_s)->has_value());
    }

    void demoCatalogImports()
    {
        StoreFixture f;
        QFile file(QStringLiteral(COUNTERLINE_SOURCE_DIR "/resources/demo/catalog.csv"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const auto report =
            Catalog(*f.database).importCsv(QString::fromUtf8(file.readAll()), f.clock.now());
        QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().message));
        QCOMPARE(report->products, 300);
    }
};

QTEST_GUILESS_MAIN(CatalogTest)
#include "tst_catalog.moc"
