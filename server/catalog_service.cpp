#include "server/catalog_service.h"

#include "domain/catalog_csv.h"
#include "domain/csv.h"
#include "sqlkit/statement.h"
#include "sqlkit/time_text.h"
#include "sqlkit/transaction.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace counterline::server {

namespace {

// Whether the product is new, or its price, currency or tax rate differs from what it had.
Result<bool> priceChanges(const QSqlDatabase &db, const Product &p)
{
    Result<QSqlQuery> current = sqlkit::exec(
        db, u"SELECT price_minor, currency, tax_rate_ppm FROM products WHERE sku = ?"_s, {p.sku});
    if (!current)
        return current.error();
    QSqlQuery &row = current.value();
    const bool same = row.next() && row.value(0).toLongLong() == p.price.minorUnits() &&
                      row.value(1).toString() == p.price.currency().code() &&
                      row.value(2).toLongLong() == p.taxRate.partsPerMillion();
    row.finish();
    return !same;
}

// The price history's row for the product's price from catalog number `seq` and time `at` on.
Result<void> keepPrice(const QSqlDatabase &db, const Product &p, qint64 seq, const QDateTime &at)
{
    Result<QSqlQuery> kept = sqlkit::exec(
        db,
        u"INSERT INTO price_history (sku, change_seq, price_minor, currency, tax_rate_ppm, "
        "valid_from) VALUES (?, ?, ?, ?, ?, ?)"_s,
        {p.sku, seq, p.price.minorUnits(), p.price.currency().code(), p.taxRate.partsPerMillion(),
         sqlkit::timeText(at)});
    if (!kept)
        return kept.error();
    return success();
}

} // namespace

Result<int> CatalogService::import(const QSqlDatabase &db, QStringView csv,
                                   const QString &stockStore, const QDateTime &at)
{
    QString currencyCode;
    if (!stockStore.isEmpty()) {
        Result<StoreSpec> store = Principals::store(db, stockStore);
        if (!store)
            return store.error();
        currencyCode = store->currency;
    } else {
        // The first data row names the currency; CatalogCsv checks every row against it.
        Result<QList<CsvRow>> raw = parseCsv(csv);
        if (!raw)
            return raw.error();
        if (raw->size() >= 2) {
            const qsizetype column = raw->first().fields.indexOf(u"currency"_s);
            currencyCode = raw->at(1).fields.value(column).trimmed();
        }
    }
    Result<Currency> currency = Currency::fromCode(currencyCode);
    Result<QList<CatalogRow>> rows = CatalogCsv::parse(csv, currency ? *currency : Currency());
    if (!rows)
        return rows.error();

    sqlkit::Transaction transaction(db);
    if (Result<void> begun = transaction.begin(); !begun)
        return begun.error();
    Result<QSqlQuery> last =
        sqlkit::exec(db, u"SELECT last_seq FROM catalog_sequence WHERE id = 1"_s);
    if (!last)
        return last.error();
    qint64 seq = last.value().next() ? last.value().value(0).toLongLong() : 0;
    for (const CatalogRow &row : std::as_const(*rows)) {
        const Product &p = row.product;
        ++seq;
        Result<bool> changed = priceChanges(db, p);
        if (!changed)
            return changed.error();
        Result<QSqlQuery> upserted = sqlkit::exec(
            db,
            u"INSERT INTO products (sku, barcode, name, price_minor, currency, tax_rate_ppm, "
            "change_seq) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (sku) DO UPDATE SET "
            "barcode = excluded.barcode, name = excluded.name, price_minor = "
            "excluded.price_minor, currency = excluded.currency, tax_rate_ppm = "
            "excluded.tax_rate_ppm, change_seq = excluded.change_seq"_s,
            {p.sku, p.barcode.isEmpty() ? QVariant() : QVariant(p.barcode), p.name,
             p.price.minorUnits(), p.price.currency().code(), p.taxRate.partsPerMillion(), seq});
        if (!upserted) {
            return Error{u"catalog.bad_row"_s, tr("line %1: %2; nothing was imported")
                                                   .arg(row.line)
                                                   .arg(upserted.error().message)};
        }
        if (*changed) {
            if (Result<void> kept = keepPrice(db, p, seq, at); !kept)
                return kept.error();
        }
        if (!stockStore.isEmpty() && row.stock) {
            Result<QSqlQuery> stocked = sqlkit::exec(
                db,
                u"INSERT INTO stock (store_id, sku, on_hand, change_seq) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (store_id, sku) DO UPDATE SET on_hand = excluded.on_hand, "
                "change_seq = excluded.change_seq"_s,
                {stockStore, p.sku, *row.stock, ++seq});
            if (!stocked)
                return stocked.error();
        }
    }
    if (Result<QSqlQuery> saved =
            sqlkit::exec(db, u"UPDATE catalog_sequence SET last_seq = ? WHERE id = 1"_s, {seq});
        !saved) {
        return saved.error();
    }
    if (Result<void> committed = transaction.commit(); !committed)
        return committed.error();
    return int(rows->size());
}

Result<QJsonObject> CatalogService::changes(const QSqlDatabase &db, const Principal &caller,
                                            qint64 since, int limit)
{
    Result<QSqlQuery> products =
        sqlkit::exec(db,
                     u"SELECT sku, barcode, name, price_minor, currency, tax_rate_ppm, change_seq "
                     "FROM products WHERE change_seq > ? ORDER BY change_seq LIMIT ?"_s,
                     {since, limit});
    if (!products)
        return products.error();
    QJsonArray productList;
    qint64 lastProduct = since;
    QSqlQuery &row = products.value();
    while (row.next()) {
        productList.append(
            QJsonObject{{u"sku"_s, row.value(0).toString()},
                        {u"barcode"_s, row.value(1).isNull() ? QJsonValue(QJsonValue::Null)
                                                             : QJsonValue(row.value(1).toString())},
                        {u"name"_s, row.value(2).toString()},
                        {u"price"_s, row.value(3).toLongLong()},
                        {u"currency"_s, row.value(4).toString()},
                        {u"tax_rate_ppm"_s, row.value(5).toLongLong()}});
        lastProduct = row.value(6).toLongLong();
    }
    QJsonArray stockList;
    qint64 lastStock = since;
    if (!caller.storeId.isEmpty()) {
        Result<QSqlQuery> stock = sqlkit::exec(
            db,
            u"SELECT sku, on_hand, change_seq FROM stock WHERE store_id = ? AND change_seq > ? "
            "ORDER BY change_seq LIMIT ?"_s,
            {caller.storeId, since, limit});
        if (!stock)
            return stock.error();
        QSqlQuery &line = stock.value();
        while (line.next()) {
            stockList.append(QJsonObject{{u"sku"_s, line.value(0).toString()},
                                         {u"on_hand"_s, line.value(1).toLongLong()}});
            lastStock = line.value(2).toLongLong();
        }
    }
    // A list cut at `limit` may have more after its last number; the cursor stops there so that
    // nothing is skipped (entries of the other list beyond it come again: harmless upserts).
    const bool productsCut = productList.size() == limit;
    const bool stockCut = stockList.size() == limit;
    qint64 next = std::max(lastProduct, lastStock);
    if (productsCut && stockCut)
        next = std::min(lastProduct, lastStock);
    else if (productsCut)
        next = lastProduct;
    else if (stockCut)
        next = lastStock;
    return QJsonObject{
        {u"products"_s, productList}, {u"stock"_s, stockList}, {u"next"_s, QString::number(next)}};
}

} // namespace counterline::server
