#pragma once

#include "domain/result.h"
#include "protocol/order_body.h"
#include "server/principals.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlDatabase>

namespace counterline::server {

// One line of an order that is not what the catalog said as of the sale.
struct CatalogDeviation
{
    qsizetype index = 0; // in order.lines, for the field's path
    QString kind;        // FollowUp::kPriceDiffers, kTaxRateDiffers or kUnknownSku
    std::optional<qint64> catalogPrice;
    std::optional<qint64> catalogTaxRatePpm;
};

// A new order's lines compared with the chain's catalog as of the sale (issue 20): as of the
// catalog version the till sold from (the order's catalog_version), or else as of its
// created_at, from the price history CatalogService keeps.
//
// A paid sale is a fact (BRIEF §11): each deviation is raised on the follow-up list naming its
// line, except a price that a recorded approver explains (an event of the sale approved by a
// manager: a price override). A remote order is not paid yet: one below the catalog, with a tax
// rate other than the catalog's or a SKU the catalog does not know is refused (422) instead.
// Returns are checked against their sale (ReturnCheck), not here.
class CatalogCheck
{
    Q_DECLARE_TR_FUNCTIONS(CatalogCheck)

public:
    static Result<QList<CatalogDeviation>> compare(const QSqlDatabase &db,
                                                   const protocol::WireOrder &order);

    // In the transaction that stores the order, after its row.
    static Result<void> verify(const QSqlDatabase &db, const Principal &terminal,
                               const protocol::WireOrder &order, const QDateTime &at);
};

} // namespace counterline::server
