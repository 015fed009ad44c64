#pragma once

#include "domain/currency.h"
#include "domain/result.h"
#include "domain/tax.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlDatabase>

namespace counterline::store {

// Who this terminal is: its store, its own code, the store's currency and pricing. Written once
// by `counterline-cli init` (or enrolment) and read by everything that sells.
struct TerminalIdentity
{
    QString storeId;
    QString terminalId;
    Currency currency;
    PricingPolicy policy;
};

class TerminalSettings
{
    Q_DECLARE_TR_FUNCTIONS(TerminalSettings)

public:
    static Result<void> initialise(const QSqlDatabase &db, const TerminalIdentity &identity,
                                   const QDateTime &at);
    static Result<TerminalIdentity> load(const QSqlDatabase &db);
};

} // namespace counterline::store
