#pragma once

#include "domain/catalog_csv.h"
#include "domain/product.h"
#include "domain/result.h"
#include "store/database.h"

#include <QCoreApplication>
#include <QHash>

#include <optional>

namespace counterline::store {

struct CatalogImportReport
{
    int products = 0; // rows imported (new or changed)
};

// The terminal's copy of the catalog: products with price and tax rate, and stock on hand.
class Catalog
{
    Q_DECLARE_TR_FUNCTIONS(Catalog)

public:
    explicit Catalog(const Database &database);

    // Imports a catalog CSV (BRIEF §9): header `sku,barcode,name,price,currency,tax_rate`, with an
    // optional `stock` column. Prices and rates are parsed exactly. A bad row is reported with its
    // line number and nothing is imported.
    Result<CatalogImportReport> importCsv(QStringView csvText, const QDateTime &at);

    // Adds or updates products (and their stock, where given) in one transaction; used by
    // importCsv.
    Result<void> upsert(const QList<CatalogRow> &rows, const QDateTime &at);

    // One page pulled from the server's catalog feed, in one transaction: changed products, stock
    // levels (also of products that did not change; unknown SKUs are skipped) and the feed's
    // cursor, so that a crash means pulling the page again.
    Result<void> applyPulled(const QList<CatalogRow> &products, const QHash<QString, qint64> &stock,
                             const QString &cursor, const QDateTime &at);

    Result<std::optional<Product>> bySku(const QString &sku);
    Result<std::optional<Product>> byBarcode(const QString &barcode);
    Result<qint64> stockOnHand(const QString &sku);

    // Search as you type: products whose name, SKU or barcode has words starting with every word
    // typed ("voll 500" finds "Vollkornbrot 500 g"; accents do not matter), at most `limit`:
    // an exact barcode or SKU first, then names starting with the first word, then by name, taken
    // from the first 200 matches in catalog order so that a broad prefix costs what a narrow one
    // does.
    Result<QList<Product>> search(const QString &typed, int limit = 20);

private:
    Result<void> write(const QList<CatalogRow> &rows, const QDateTime &at);

    Result<std::optional<Product>> findOne(const QString &column, const QString &value);
    Result<Currency> currency();

    QSqlDatabase m_db;
    std::optional<Currency> m_currency; // the terminal's, read once rather than on every scan
};

} // namespace counterline::store
