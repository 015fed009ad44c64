#pragma once

#include "domain/money.h"
#include "domain/tax_rate.h"

#include <QString>

namespace counterline {

// A sellable item as the catalog knows it today. Orders copy what they need (snapshots), so a
// later price or name change never rewrites history.
struct Product
{
    QString sku;
    QString barcode;
    QString name;
    Money price;
    TaxRate taxRate;
};

} // namespace counterline
