#include "domain/catalog_csv.h"

#include "domain/csv.h"

#include <QHash>
#include <QSet>

using namespace Qt::StringLiterals;

namespace counterline {

namespace {

bool isDigits(QStringView text)
{
    for (QChar c : text) {
        if (c < u'0' || c > u'9')
            return false;
    }
    return !text.isEmpty();
}

// EAN-13 and UPC-A (12 digits) carry a check digit; a mistyped barcode is caught at import.
bool hasValidCheckDigit(QStringView barcode)
{
    if (barcode.size() != 13 && barcode.size() != 12)
        return true; // other symbologies: accepted as they are
    int sum = 0;
    const qsizetype last = barcode.size() - 1;
    for (qsizetype i = 0; i < last; ++i) {
        const int digit = barcode[last - 1 - i].unicode() - u'0';
        sum += (i % 2 == 0) ? digit * 3 : digit;
    }
    return (10 - sum % 10) % 10 == barcode[last].unicode() - u'0';
}

} // namespace

Result<QList<CatalogRow>> CatalogCsv::parse(QStringView text, const Currency &currency)
{
    Result<QList<CsvRow>> rows = parseCsv(text);
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return Error{u"catalog.empty"_s, tr("The catalog file is empty.")};

    const QStringList required{u"sku"_s,   u"barcode"_s,  u"name"_s,
                               u"price"_s, u"currency"_s, u"tax_rate"_s};
    QHash<QString, qsizetype> column;
    const CsvRow &header = rows->first();
    for (qsizetype i = 0; i < header.fields.size(); ++i)
        column.insert(header.fields[i].trimmed().toLower(), i);
    for (const QString &name : required) {
        if (!column.contains(name)) {
            return Error{u"catalog.bad_header"_s,
                         tr("line 1: the header lacks the column \"%1\"; expected %2")
                             .arg(name, required.join(u','))};
        }
    }

    QList<CatalogRow> imports;
    QSet<QString> skus;
    QHash<QString, QString> barcodes;
    for (qsizetype r = 1; r < rows->size(); ++r) {
        const CsvRow &row = rows->at(r);
        auto field = [&](const QString &name) {
            const qsizetype index = column.value(name, -1);
            return index >= 0 && index < row.fields.size() ? row.fields[index].trimmed()
                                                           : QString();
        };
        auto bad = [&](const QString &what) {
            return Error{u"catalog.bad_row"_s,
                         tr("line %1: %2; nothing was imported").arg(row.line).arg(what)};
        };
        if (row.fields.size() != header.fields.size()) {
            return bad(tr("%1 fields where the header has %2")
                           .arg(row.fields.size())
                           .arg(header.fields.size()));
        }
        CatalogRow import;
        import.line = row.line;
        import.product.sku = field(u"sku"_s);
        import.product.barcode = field(u"barcode"_s);
        import.product.name = field(u"name"_s);
        if (import.product.sku.isEmpty())
            return bad(tr("the sku is empty"));
        if (skus.contains(import.product.sku))
            return bad(tr("the sku \"%1\" appears twice").arg(import.product.sku));
        skus.insert(import.product.sku);
        if (import.product.name.isEmpty())
            return bad(tr("the name is empty"));
        if (!import.product.barcode.isEmpty()) {
            if (!isDigits(import.product.barcode) || !hasValidCheckDigit(import.product.barcode))
                return bad(tr("\"%1\" is not a valid barcode").arg(import.product.barcode));
            if (barcodes.contains(import.product.barcode)) {
                return bad(
                    tr("the barcode %1 is also on sku \"%2\"")
                        .arg(import.product.barcode, barcodes.value(import.product.barcode)));
            }
            barcodes.insert(import.product.barcode, import.product.sku);
        }
        if (field(u"currency"_s) != currency.code()) {
            return bad(tr("the currency \"%1\" is not this store's %2")
                           .arg(field(u"currency"_s), currency.code()));
        }
        Result<Money> price = Money::parse(field(u"price"_s), currency);
        if (!price)
            return bad(price.error().message);
        if (price->isNegative())
            return bad(tr("the price %1 is negative").arg(field(u"price"_s)));
        import.product.price = *price;
        Result<TaxRate> rate = TaxRate::fromPercentText(field(u"tax_rate"_s));
        if (!rate)
            return bad(rate.error().message);
        import.product.taxRate = *rate;
        if (column.contains(u"stock"_s) && !field(u"stock"_s).isEmpty()) {
            bool numeric = false;
            const qint64 stock = field(u"stock"_s).toLongLong(&numeric);
            if (!numeric)
                return bad(tr("the stock \"%1\" is not a whole number").arg(field(u"stock"_s)));
            import.stock = stock;
        }
        imports.append(import);
    }
    return imports;
}

} // namespace counterline
