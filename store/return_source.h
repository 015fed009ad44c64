#pragma once

#include "domain/order_return.h"
#include "store/database.h"

#include <QCoreApplication>

namespace counterline::store {

// A stored sale as a return sees it: its lines with their snapshots and how many units of each
// earlier returns gave back already.
class ReturnSources
{
    Q_DECLARE_TR_FUNCTIONS(ReturnSources)

public:
    // "order.not_found" names the id.
    static Result<ReturnSource> load(const QSqlDatabase &db, const QString &orderId);

    // The return `items` would make, for showing what would be paid back before anything is
    // written (its receipt number and id are placeholders).
    static Result<Order> preview(const ReturnSource &sale, const QList<ReturnItem> &items,
                                 const QDateTime &at);
};

} // namespace counterline::store
