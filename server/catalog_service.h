#pragma once

#include "domain/result.h"
#include "server/principals.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QSqlDatabase>

namespace counterline::server {

// The chain's catalog on the server: imported from CSV by the operator, pulled by terminals by
// change cursor.
class CatalogService
{
    Q_DECLARE_TR_FUNCTIONS(CatalogService)

public:
    // Imports a catalog CSV (domain/catalog_csv.h) in one transaction. With `stockStore`, the
    // file's stock column sets that store's stock on hand, and the file must be in that store's
    // currency; otherwise every row must share the first row's currency. Returns the number of
    // products. A product whose price, currency or tax rate changes (or is new) gets a row of
    // price history taking effect `at` (server/catalog_check.h compares sales with it).
    static Result<int> import(const QSqlDatabase &db, QStringView csv, const QString &stockStore,
                              const QDateTime &at);

    // Products, prices and the caller's store's stock changed after `since`, oldest first, at
    // most `limit`; "next" is the cursor to ask with next time.
    static Result<QJsonObject> changes(const QSqlDatabase &db, const Principal &caller,
                                       qint64 since, int limit);
};

} // namespace counterline::server
