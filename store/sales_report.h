#pragma once

#include "domain/money.h"
#include "domain/result.h"
#include "domain/tax.h"
#include "store/database.h"

#include <QCoreApplication>
#include <QDateTime>

#include <array>

namespace counterline::store {

// What a period came to, for the back office's reports. Sales are the orders neither cancelled
// nor refunded, less the returns; cash is what was tendered less the change given and less what
// was paid back in cash; card likewise. Amounts per tax rate are net of returns too.
struct PeriodReport
{
    QDateTime from;      // inclusive
    QDateTime to;        // exclusive
    int orderCount = 0;  // sales
    int returnCount = 0; // returns
    Money sales;         // sales less returns
    Money returns;       // what the returns gave back
    QList<TaxRateTotal> perRate;
    Money cash;
    Money card;
    Money cardOffline; // of `card`: taken offline, charged by the server
};

// Sales of one day by the hour of the day in the local time zone; a return counts against the
// hour it was made in.
struct HourlySales
{
    QDate day;
    std::array<int, 24> orders{};
    std::array<qint64, 24> salesMinor{};
};

class SalesReport
{
    Q_DECLARE_TR_FUNCTIONS(SalesReport)

public:
    static Result<PeriodReport> period(const Database &database, const QDateTime &from,
                                       const QDateTime &to);
    static Result<HourlySales> byHour(const Database &database, const QDate &day);

    // Net, tax and gross per tax rate of the lines of the orders `where` selects (a condition on
    // `orders o` with bound `values`), rates ascending, returns subtracted. Shared with the Z
    // report.
    static Result<QList<TaxRateTotal>> perRate(const QSqlDatabase &db, const QString &where,
                                               const QVariantList &values,
                                               const Currency &currency);

    // +1 for a sale, -1 for a return of `orders o`: multiplies amounts in sums.
    static const QString kSign;
};

} // namespace counterline::store
