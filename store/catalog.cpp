#include "store/catalog.h"

#include "domain/catalog_csv.h"
#include "domain/search_fold.h"
#include "sqlkit/statement.h"
#include "sqlkit/time_text.h"
#include "sqlkit/transaction.h"
#include "store/sql.h"
#include "store/sync_cursors.h"
#include "store/terminal_identity.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

using namespace Qt::StringLiterals;

namespace counterline::store {

Catalog::Catalog(const Database &database)
    : m_db(database.connection())
{}

Result<CatalogImportReport> Catalog::importCsv(QStringView csvText, const QDateTime &at)
{
    Result<TerminalIdentity> terminal = TerminalSettings::load(m_db);
    if (!terminal)
        return terminal.error();
    Result<QList<CatalogRow>> parsed = CatalogCsv::parse(csvText, terminal->currency);
    if (!parsed)
        return parsed.error();
    const QList<CatalogRow> &imports = *parsed;

    Result<void> stored = upsert(imports, at);
    if (!stored)
        return stored.error();
    return CatalogImportReport{int(imports.size())};
}

Result<void> Catalog::upsert(const QList<CatalogRow> &rows, const QDateTime &at)
{
    sqlkit::Transaction transaction(m_db);
    if (Result<void> begun = transaction.begin(); !begun)
        return begun;
    if (Result<void> written = write(rows, at); !written)
        return written;
    return transaction.commit();
}

Result<void> Catalog::applyPulled(const QList<CatalogRow> &products,
                                  const QHash<QString, qint64> &stock, const QString &cursor,
                                  const QDateTime &at)
{
    sqlkit::Transaction transaction(m_db);
    if (Result<void> begun = transaction.begin(); !begun)
        return begun;
    if (Result<void> written = write(products, at); !written)
        return written;
    for (auto it = stock.cbegin(); it != stock.cend(); ++it) {
        Result<qint64> stocked =
            execute(m_db,
                    u"INSERT INTO stock (sku, on_hand) SELECT sku, ? FROM products "
                    "WHERE sku = ? ON CONFLICT (sku) DO UPDATE SET on_hand = excluded.on_hand"_s,
                    {it.value(), it.key()});
        if (!stocked)
            return stocked.error();
    }
    if (Result<void> saved = SyncCursors::save(m_db, SyncCursors::kCatalog, cursor, at); !saved)
        return saved;
    return transaction.commit();
}

// Within the caller's transaction.
Result<void> Catalog::write(const QList<CatalogRow> &rows, const QDateTime &at)
{
    const QString now = sqlkit::timeText(at);
    for (const CatalogRow &row : rows) {
        const Product &p = row.product;
        Result<qint64> upserted = execute(
            m_db,
            u"INSERT INTO products (sku, barcode, name, price_minor, tax_rate_ppm, updated_at, "
            "search_name) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (sku) DO UPDATE SET "
            "barcode = excluded.barcode, name = excluded.name, price_minor = excluded.price_minor, "
            "tax_rate_ppm = excluded.tax_rate_ppm, updated_at = excluded.updated_at, "
            "search_name = excluded.search_name"_s,
            {p.sku, p.barcode.isEmpty() ? QVariant() : QVariant(p.barcode), p.name,
             p.price.minorUnits(), p.taxRate.partsPerMillion(), now, foldForSearch(p.name)});
        if (!upserted) {
            return Error{u"catalog.bad_row"_s, tr("line %1: %2; nothing was imported")
                                                   .arg(row.line)
                                                   .arg(upserted.error().message)};
        }
        if (row.stock) {
            Result<qint64> stocked = execute(
                m_db,
                u"INSERT INTO stock (sku, on_hand) SELECT sku, ? FROM products "
                "WHERE sku = ? ON CONFLICT (sku) DO UPDATE SET on_hand = excluded.on_hand"_s,
                {*row.stock, p.sku});
            if (!stocked)
                return stocked.error();
        }
    }
    return success();
}

Result<Currency> Catalog::currency()
{
    if (!m_currency) {
        Result<TerminalIdentity> terminal = TerminalSettings::load(m_db);
        if (!terminal)
            return terminal.error();
        m_currency = terminal->currency;
    }
    return *m_currency;
}

Result<std::optional<Product>> Catalog::findOne(const QString &column, const QString &value)
{
    Result<Currency> currency = this->currency();
    if (!currency)
        return currency.error();
    // `column` is one of two literals chosen below, never user input.
    Result<QSqlQuery> query = sqlkit::exec(m_db,
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
    return std::optional<Product>(Product{row.value(0).toString(), row.value(1).toString(),
                                          row.value(2).toString(),
                                          Money(row.value(3).toLongLong(), *currency), *rate});
}

Result<std::optional<Product>> Catalog::bySku(const QString &sku)
{
    return findOne(u"sku"_s, sku);
}

Result<std::optional<Product>> Catalog::byBarcode(const QString &barcode)
{
    return findOne(u"barcode"_s, barcode);
}

namespace {

constexpr int kSearchCandidates = 200;

} // namespace

Result<QList<Product>> Catalog::search(const QString &typed, int limit)
{
    Result<Currency> currency = this->currency();
    if (!currency)
        return currency.error();
    // Every word the cashier typed, quoted (so that no character is FTS5 syntax). Words of three
    // letters or more are looked up anywhere in the folded names (trigrams: "milch" finds
    // "Hafermilch"); with a shorter word among them, all are name prefixes ("h milch").
    static const QRegularExpression separators(u"[\\s\"]+"_s);
    const QStringList words = typed.split(separators, Qt::SkipEmptyParts);
    if (words.isEmpty())
        return QList<Product>();
    bool inside = true;
    QStringList terms;
    for (const QString &word : words) {
        const QString folded = foldForSearch(word);
        inside = inside && folded.size() >= 3;
        terms << u'"' + folded + u'"';
    }
    if (!inside) {
        for (QString &term : terms)
            term += u'*';
    }
    // Candidates come from indexes that can stop early: at most kSearchCandidates names from the
    // FTS index, and, for a single word, barcodes and SKUs that start with it (B-tree ranges; SKUs
    // also upper-cased). "40" matches every barcode of a big store, and each keystroke must stay
    // within a frame. Of the candidates, an exact barcode or SKU comes first, then names that
    // start with the first word typed, then by name.
    const QString &first = words.first();
    // Bound as NULL for several words, so that the barcode and SKU ranges hold nothing.
    const QString single = words.size() == 1 ? first : QString();
    const QString upper = single.toUpper();
    QString startsWithFirst = first;
    startsWithFirst.replace(u'\\', u"\\\\"_s).replace(u'%', u"\\%"_s).replace(u'_', u"\\_"_s);
    const QChar last(0xFFFF); // above every character a barcode or SKU holds
    Result<QSqlQuery> query = runReusedRead(
        m_db,
        u"SELECT sku, barcode, name, price_minor, tax_rate_ppm FROM products WHERE rowid IN ("
        "SELECT rowid FROM (SELECT rowid FROM %1 WHERE %1 MATCH ? LIMIT ?) "
        "UNION ALL SELECT rowid FROM (SELECT rowid FROM products "
        "WHERE barcode >= ? AND barcode < ? LIMIT ?) "
        "UNION ALL SELECT rowid FROM (SELECT rowid FROM products WHERE sku >= ? AND sku < ? LIMIT "
        "?) "
        "UNION ALL SELECT rowid FROM (SELECT rowid FROM products WHERE sku >= ? AND sku < ? LIMIT "
        "?)) "
        "ORDER BY (barcode = ? OR sku = ? OR sku = ?) DESC, name LIKE ? ESCAPE '\\' DESC, name, "
        "sku "
        "LIMIT ?"_s.arg(inside ? u"product_trigrams"_s : u"product_search"_s),
        {terms.join(u' '), kSearchCandidates, single, QString(single + last), kSearchCandidates,
         single, QString(single + last), kSearchCandidates, upper, QString(upper + last),
         kSearchCandidates, first, first, upper, QString(startsWithFirst + u'%'), limit});
    if (!query)
        return query.error();
    QList<Product> products;
    QSqlQuery &row = query.value();
    while (row.next()) {
        Result<TaxRate> rate = TaxRate::fromPartsPerMillion(row.value(4).toLongLong());
        if (!rate)
            return rate.error();
        products.append(Product{row.value(0).toString(), row.value(1).toString(),
                                row.value(2).toString(),
                                Money(row.value(3).toLongLong(), *currency), *rate});
    }
    row.finish();
    return products;
}

Result<qint64> Catalog::stockOnHand(const QString &sku)
{
    Result<QSqlQuery> query =
        sqlkit::exec(m_db, u"SELECT on_hand FROM stock WHERE sku = ?"_s, {sku});
    if (!query)
        return query.error();
    return query.value().next() ? query.value().value(0).toLongLong() : qint64(0);
}

} // namespace counterline::store
