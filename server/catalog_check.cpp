#include "server/catalog_check.h"

#include "server/follow_ups.h"
#include "sqlkit/statement.h"
#include "sqlkit/time_text.h"

#include <QHash>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace counterline::server {

namespace {

// One price a product had from a catalog number on.
struct PriceRow
{
    qint64 seq = 0;
    qint64 price = 0;
    QString currency;
    qint64 taxRatePpm = 0;
    QString validFrom;
};

using PriceHistory = QHash<QString, QList<PriceRow>>;

// SQLite and PostgreSQL both take this many values in one statement comfortably.
constexpr qsizetype kSkusPerQuery = 500;

Result<PriceHistory> historyOf(const QSqlDatabase &db, const QStringList &skus)
{
    PriceHistory history;
    for (qsizetype from = 0; from < skus.size(); from += kSkusPerQuery) {
        const QStringList some = skus.mid(from, kSkusPerQuery);
        QVariantList values(some.cbegin(), some.cend());
        QString marks = u"?"_s.repeated(some.size());
        for (qsizetype i = marks.size() - 1; i > 0; --i)
            marks.insert(i, u", "_s);
        Result<QSqlQuery> found = sqlkit::exec(
            db,
            u"SELECT sku, change_seq, price_minor, currency, tax_rate_ppm, valid_from "
            "FROM price_history WHERE sku IN (%1) ORDER BY sku, change_seq"_s.arg(marks),
            values);
        if (!found)
            return found.error();
        QSqlQuery &row = found.value();
        while (row.next()) {
            history[row.value(0).toString()].append(PriceRow{
                row.value(1).toLongLong(), row.value(2).toLongLong(), row.value(3).toString(),
                row.value(4).toLongLong(), row.value(5).toString()});
        }
    }
    return history;
}

// The price in force for the order: the last one at or before its catalog version (or its time);
// the first known when the product's history starts later.
const PriceRow &asOf(const QList<PriceRow> &rows, const protocol::WireOrder &order,
                     const QString &saleTime)
{
    const PriceRow *found = &rows.first();
    for (const PriceRow &row : rows) {
        if (order.catalogVersion ? row.seq <= *order.catalogVersion : row.validFrom <= saleTime)
            found = &row;
    }
    return *found;
}

QString rateText(qint64 ppm)
{
    QString fraction = u"%1"_s.arg(ppm % 10'000, 4, 10, QLatin1Char('0'));
    while (fraction.endsWith(u'0'))
        fraction.chop(1);
    return QString::number(ppm / 10'000) + (fraction.isEmpty() ? QString() : u'.' + fraction) +
           u" %"_s;
}

QString lineText(const protocol::WireLine &line)
{
    return CatalogCheck::tr("Line %1 (%2 \"%3\")").arg(line.lineNo).arg(line.sku, line.name);
}

QString catalogText(const protocol::WireOrder &order)
{
    return order.catalogVersion ? CatalogCheck::tr("catalog version %1").arg(*order.catalogVersion)
                                : CatalogCheck::tr("catalog as of %1").arg(order.createdAt);
}

FollowUp followUpOf(const Principal &terminal, const protocol::WireOrder &order,
                    const CatalogDeviation &deviation)
{
    const protocol::WireLine &line = order.lines[deviation.index];
    FollowUp item{order.storeId,
                  terminal.id,
                  order.id,
                  deviation.kind,
                  u"order:%1:line:%2:%3"_s.arg(order.id).arg(line.lineNo).arg(deviation.kind),
                  std::nullopt,
                  order.currency,
                  QString(),
                  u"server"_s};
    if (deviation.kind == FollowUp::kUnknownSku) {
        item.amountMinor = line.total;
        item.detail =
            CatalogCheck::tr("%1: not in the catalog (%2)").arg(lineText(line), catalogText(order));
    } else if (deviation.kind == FollowUp::kPriceDiffers) {
        // Both are within the sale's bounds (TotalsCheck): the product fits in 64 bits.
        item.amountMinor = std::abs(*deviation.catalogPrice - line.unitPrice) * line.quantity;
        item.detail =
            CatalogCheck::tr("%1: sold at %2 with no approver recorded; the catalog had %3 (%4)")
                .arg(lineText(line), FollowUps::amountText(line.unitPrice, order.currency),
                     FollowUps::amountText(*deviation.catalogPrice, order.currency),
                     catalogText(order));
    } else {
        item.detail = CatalogCheck::tr("%1: sold with tax rate %2; the catalog had %3 (%4)")
                          .arg(lineText(line), rateText(line.taxRatePpm),
                               rateText(*deviation.catalogTaxRatePpm), catalogText(order));
    }
    return item;
}

// What no genuine web shop sends for an order it has not been paid for yet.
std::optional<Error> refusalOf(const protocol::WireOrder &order, const CatalogDeviation &deviation)
{
    const protocol::WireLine &line = order.lines[deviation.index];
    const auto at = [&](const char *field) {
        return u"lines[%1].%2"_s.arg(deviation.index).arg(QLatin1StringView(field));
    };
    if (deviation.kind == FollowUp::kUnknownSku) {
        return Error{u"order.unknown_sku"_s,
                     CatalogCheck::tr("\"%1\" %2 is not in the catalog").arg(at("sku"), line.sku)};
    }
    if (deviation.kind == FollowUp::kTaxRateDiffers) {
        return Error{u"order.tax_rate_differs"_s,
                     CatalogCheck::tr("\"%1\" %2 is not the catalog's %3 for %4")
                         .arg(at("tax_rate_ppm"))
                         .arg(line.taxRatePpm)
                         .arg(*deviation.catalogTaxRatePpm)
                         .arg(line.sku)};
    }
    if (line.unitPrice < *deviation.catalogPrice) {
        return Error{u"order.below_catalog"_s,
                     CatalogCheck::tr("\"%1\" %2 is below the catalog price %3 of %4; an order "
                                      "that is not paid yet is placed at the catalog's prices")
                         .arg(at("unit_price"))
                         .arg(line.unitPrice)
                         .arg(*deviation.catalogPrice)
                         .arg(line.sku)};
    }
    return std::nullopt;
}

} // namespace

Result<QList<CatalogDeviation>> CatalogCheck::compare(const QSqlDatabase &db,
                                                      const protocol::WireOrder &order)
{
    QStringList skus;
    for (const protocol::WireLine &line : order.lines)
        skus.append(line.sku);
    skus.removeDuplicates();
    Result<PriceHistory> history = historyOf(db, skus);
    if (!history)
        return history.error();
    const QString saleTime =
        sqlkit::timeText(QDateTime::fromString(order.createdAt, Qt::ISODateWithMs).toUTC());
    QList<CatalogDeviation> deviations;
    for (qsizetype i = 0; i < order.lines.size(); ++i) {
        const protocol::WireLine &line = order.lines[i];
        const auto rows = history->constFind(line.sku);
        if (rows == history->cend()) {
            deviations.append(CatalogDeviation{i, QString(FollowUp::kUnknownSku), {}, {}});
            continue;
        }
        const PriceRow &price = asOf(*rows, order, saleTime);
        // A price list in another currency says nothing about this store's prices.
        if (price.currency == order.currency && price.price != line.unitPrice)
            deviations.append(
                CatalogDeviation{i, QString(FollowUp::kPriceDiffers), price.price, {}});
        if (price.taxRatePpm != line.taxRatePpm) {
            deviations.append(
                CatalogDeviation{i, QString(FollowUp::kTaxRateDiffers), {}, price.taxRatePpm});
        }
    }
    return deviations;
}

Result<void> CatalogCheck::verify(const QSqlDatabase &db, const Principal &terminal,
                                  const protocol::WireOrder &order, const QDateTime &at)
{
    if (order.isReturn || order.lines.isEmpty())
        return success();
    Result<QList<CatalogDeviation>> deviations = compare(db, order);
    if (!deviations)
        return deviations.error();
    if (order.isRemote()) {
        for (const CatalogDeviation &deviation : std::as_const(*deviations)) {
            if (std::optional<Error> refused = refusalOf(order, deviation))
                return *refused;
        }
        return success();
    }
    const bool approved =
        std::any_of(order.events.cbegin(), order.events.cend(),
                    [](const protocol::WireEvent &event) { return !event.approvedBy.isEmpty(); });
    for (const CatalogDeviation &deviation : std::as_const(*deviations)) {
        if (deviation.kind == FollowUp::kPriceDiffers && approved)
            continue;
        if (Result<void> raised = FollowUps::raise(db, followUpOf(terminal, order, deviation), at);
            !raised) {
            return raised.error();
        }
    }
    return success();
}

} // namespace counterline::server
