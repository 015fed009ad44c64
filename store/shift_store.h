#pragma once

#include "domain/clock.h"
#include "domain/money.h"
#include "domain/tax.h"
#include "store/database.h"
#include "store/user_store.h"

#include <QCoreApplication>

#include <optional>

namespace counterline::store {

// A cashier's turn at the till, from the opening float to the count at the end.
struct Shift
{
    QString id;
    User cashier;
    QDateTime openedAt;
    Money openingFloat;
};

// What a shift came to (the Z report): sales by tax rate and by tender, what the drawer should
// hold against what was counted, and the terminal's perpetual grand total.
struct ZReport
{
    Shift shift;
    QDateTime closedAt;
    QString closedBy;
    QString overrideBy; // the manager who let it close while orders waited to sync
    int orderCount = 0; // paid sales, voided ones not counted
    int voidedCount = 0;
    int returnCount = 0;
    Money returns; // paid back for returns
    Money sales;   // less the returns
    QList<TaxRateTotal> perRate;
    Money cashTaken; // cash tenders less change given and less cash paid back
    Money cardTaken;
    Money cashExpected; // float + cash taken
    Money cashCounted;
    Money cardCounted;
    Money grandTotal; // every paid sale this terminal ever made, less its returns
    int waitingToSync = 0;

    Money cashDifference() const; // counted - expected
    Money cardDifference() const;
};

class ShiftStore
{
    Q_DECLARE_TR_FUNCTIONS(ShiftStore)

public:
    ShiftStore(const Database &database, const Clock &clock);

    Result<Shift> open(const User &cashier, const Money &openingFloat);
    Result<std::optional<Shift>> current(const User &cashier);

    // The figures so far, without closing.
    Result<ZReport> report(const Shift &shift, const Money &cashCounted, const Money &cardCounted);

    // Closes the shift and keeps its Z report. Refused ("shift.orders_waiting") while orders of
    // this terminal wait to reach the server, unless a manager overrides (recorded).
    Result<ZReport> close(const Shift &shift, const Money &cashCounted, const Money &cardCounted,
                          const QString &closedBy, const QString &overrideBy = {});

private:
    QSqlDatabase m_db;
    const Clock &m_clock;
    Currency m_currency;
};

} // namespace counterline::store
