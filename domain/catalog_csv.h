#pragma once

#include "domain/currency.h"
#include "domain/product.h"
#include "domain/result.h"

#include <QCoreApplication>
#include <QList>

#include <optional>

namespace counterline {

// One product row of a catalog file, checked.
struct CatalogRow
{
    int line = 0;
    Product product;
    std::optional<qint64> stock;
};

// A catalog CSV (BRIEF §9): RFC 4180, UTF-8, header `sku,barcode,name,price,currency,tax_rate`
// and an optional `stock` column, in any order. Prices and rates are parsed exactly; EAN-13 and
// UPC-A barcodes must carry a valid check digit; SKUs and barcodes are unique within the file;
// every row is in `currency`. The first bad row is reported with its line number.
class CatalogCsv
{
    Q_DECLARE_TR_FUNCTIONS(CatalogCsv)

public:
    static Result<QList<CatalogRow>> parse(QStringView text, const Currency &currency);
};

} // namespace counterline
