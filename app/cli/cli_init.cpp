#include "cli/cli_context.h"
#include "store/terminal_identity.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace counterline::cli {

int runInit(Context &context)
{
    const QCommandLineParser &parser = context.parser;
    for (const QString &required : {u"store"_s, u"terminal"_s, u"currency"_s}) {
        if (!parser.isSet(required)) {
            return context.usage(
                QCoreApplication::translate("counterline::cli", "init needs --%1.").arg(required));
        }
    }
    Result<Currency> currency = Currency::fromCode(parser.value(u"currency"_s));
    if (!currency)
        return context.fail(currency.error());
    PricingPolicy policy;
    policy.taxMode = parser.isSet(u"prices-exclude-tax"_s) ? TaxMode::PricesExcludeTax
                                                           : TaxMode::PricesIncludeTax;
    const QString rounding = parser.value(u"rounding"_s);
    if (rounding == u"half-even"_s) {
        policy.rounding = RoundingRule::HalfEven;
    } else if (!rounding.isEmpty() && rounding != u"half-up"_s) {
        return context.usage(
            QCoreApplication::translate("counterline::cli",
                                        "--rounding is half-up or half-even, not \"%1\".")
                .arg(rounding));
    }

    store::Database *database = context.database();
    if (!database)
        return 1;
    const store::TerminalIdentity identity{parser.value(u"store"_s), parser.value(u"terminal"_s),
                                           *currency, policy};
    if (Result<void> done = store::TerminalSettings::initialise(database->connection(), identity,
                                                                context.clock.now());
        !done) {
        return context.fail(done.error());
    }
    context.out << QCoreApplication::translate("counterline::cli",
                                               "Terminal %1-%2 is set up in %3 (%4).")
                       .arg(identity.storeId, identity.terminalId, database->filePath(),
                            currency->code())
                << Qt::endl;
    return 0;
}

} // namespace counterline::cli
