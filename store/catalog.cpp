#include "store/catalog.h"

#include "domain/csv.h"
#include "store/sql.h"
#include "store/terminal_identity.h"
#include "store/time_text.h"

#include <QHash>
#include <QSet>

using namespace Qt::StringLiterals;

namespace counterline::store {

namespace {

struct ImportRow
{
    int line = 0;
    Product product;
    std::optional<qint64> stock;
};

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

Catalog::Catalog(const Database &database)
    : m_db(database.connection())
{}

Result<CatalogImportReport> Catalog::importCsv(QStringView csvText, const QDateTime &at)
{
    Result<TerminalIdentity> terminal = TerminalSettings::load(m_db);
    if (!terminal)
        return terminal.error();
    Result<QList<CsvRow>> rows = parseCsv(csvText);
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

    QList<ImportRow> imports;
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
        ImportRow import;
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
        if (field(u"currency"_s) != terminal->currency.code()) {
            return bad(tr("the currency \"%1\" is not this store's %2")
                           .arg(field(u"currency"_s), terminal->currency.code()));
        }
        Result<Money> price = Money::parse(field(u"price"_s), terminal->currency);
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

    WriteTransaction transaction(m_db);
    if (Result<void> begun = transaction.begin(); !begun)
        return begun.error();
    const QString now = timeText(at);
    for (const ImportRow &import : imports) {
        const Product &p = import.product;
        Result<QSqlQuery> upserted = runSql(
            m_db,
            u"INSERT INTO products (sku, barcode, name, price_minor, tax_rate_ppm, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (sku) DO UPDATE SET barcode = excluded.barcode, "
            "name = excluded.name, price_minor = excluded.price_minor, "
            "tax_rate_ppm = excluded.tax_rate_ppm, updated_at = excluded.updated_at"_s,
            {p.sku, p.barcode.isEmpty() ? QVariant() : QVariant(p.barcode), p.name,
             p.price.minorUnits(), p.taxRate.partsPerMillion(), now});
        if (!upserted) {
            return Error{u"catalog.bad_row"_s, tr("line %1: %2; nothing was imported")
                                                   .arg(import.line)
                                                   .arg(upserted.error().message)};
        }
        if (import.stock) {
            Result<QSqlQuery> stocked =
                runSql(m_db,
                       u"INSERT INTO stock (sku, on_hand) VALUES (?, ?) "
                       "ON CONFLICT (sku) DO UPDATE SET on_hand = excluded.on_hand"_s,
                       {p.sku, *import.stock});
            if (!stocked)
                return stocked.error();
        }
    }
    if (Result<void> committed = transaction.commit(); !committed)
        return committed.error();
    return CatalogImportReport{int(imports.size())};
}

Result<std::optional<Product>> Catalog::findOne(const QString &column, const QString &value)
{
    Result<TerminalIdentity> terminal = TerminalSettings::load(m_db);
    if (!terminal)
        return terminal.error();
    // `column` is one of two literals chosen below, never user input.
    Result<QSqlQuery> query = runSql(m_db,
                                     u"SELECT sku, barcode, name, price_minor, tax_rate_ppm "
                                     "FROM products WHERE "_s +
                                         column + u" = ?"_s,
                                     {value});
    if (!query)
        return query.error();
    QSqlQuery &row = query.value();
    if (!row.next())
        return std::optional<Product>();
    Result<TaxRate> rate = TaxRate::fromPartsPerMillion(row.value(4).toLongLong());
    if (!rate)
        return rate.error();
    return std::optional<Product>(
        Product{row.value(0).toString(), row.value(1).toString(), row.value(2).toString(),
                Money(row.value(3).toLongLong(), terminal->currency), *rate});
}

Result<std::optional<Product>> Catalog::bySku(const QString &sku)
{
    return findOne(u"sku"_s, sku);
}

Result<std::optional<Product>> Catalog::byBarcode(const QString &barcode)
{
    return findOne(u"barcode"_s, barcode);
}

Result<qint64> Catalog::stockOnHand(const QString &sku)
{
    Result<QSqlQuery> query = runSql(m_db, u"SELECT on_hand FROM stock WHERE sku = ?"_s, {sku});
    if (!query)
        return query.error();
    return query.value().next() ? query.value().value(0).toLongLong() : qint64(0);
}

} // namespace counterline::store
