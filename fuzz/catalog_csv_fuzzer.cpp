// Catalog CSV files as a head office imports them (BRIEF §9), read by CatalogCsv::parse over
// the RFC 4180 reader parseCsv, in a currency chosen by the first byte.
//
// Properties, beyond "no crash, no undefined behaviour, no leak":
// - a refused file names what is wrong;
// - an accepted file's rows have non-empty SKUs, unique SKUs and barcodes, prices of at least 0
//   in the file's currency, and line numbers that only grow;
// - the CSV reader and writer agree: every record the reader finds, written with csvRecord,
//   reads back as the same fields.

#include "domain/catalog_csv.h"
#include "domain/csv.h"
#include "fuzz/fuzz_input.h"

#include <QSet>

using namespace counterline;
using counterline::fuzz::FuzzInput;
using counterline::fuzz::require;

namespace {

void checkRecordsRoundTrip(QStringView text, QByteArrayView input)
{
    const Result<QList<CsvRow>> rows = parseCsv(text);
    if (!rows) {
        require(!rows.error().message.isEmpty(), "a refused CSV names its error", input);
        return;
    }
    for (const CsvRow &row : *rows) {
        const Result<QList<CsvRow>> again = parseCsv(csvRecord(row.fields));
        require(again.ok() && again->size() <= 1, "a written record reads again", input);
        // A record of one empty field is a blank line, which the reader skips.
        const QStringList fields =
            again->isEmpty() ? QStringList{QString()} : again->first().fields;
        require(fields == row.fields, "a written record reads back as the same fields", input);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FuzzInput input(data, size);
    static const char *const codes[] = {"EUR", "JPY", "KWD", "CHF", "USD"};
    const Result<Currency> currency = Currency::fromCode(
        QString::fromLatin1(codes[input.choice() % (sizeof codes / sizeof *codes)]));
    require(currency.ok(), "the fuzz currencies exist");
    const QString text = QString::fromUtf8(input.rest());

    checkRecordsRoundTrip(text, input.rest());

    const Result<QList<CatalogRow>> rows = CatalogCsv::parse(text, *currency);
    if (!rows) {
        require(!rows.error().code.isEmpty() && !rows.error().message.isEmpty(),
                "a refused catalog names its error", input.rest());
        return 0;
    }
    QSet<QString> skus;
    QSet<QString> barcodes;
    int lastLine = 0;
    for (const CatalogRow &row : *rows) {
        require(!row.product.sku.isEmpty(), "every product has a SKU", input.rest());
        require(!skus.contains(row.product.sku), "SKUs are unique", input.rest());
        skus.insert(row.product.sku);
        if (!row.product.barcode.isEmpty()) {
            require(!barcodes.contains(row.product.barcode), "barcodes are unique", input.rest());
            barcodes.insert(row.product.barcode);
        }
        require(row.product.price.minorUnits() >= 0, "prices are 0 or more", input.rest());
        require(row.product.price.currency() == *currency, "prices are in the file's currency",
                input.rest());
        require(row.line > lastLine, "line numbers grow", input.rest());
        lastLine = row.line;
    }
    return 0;
}
