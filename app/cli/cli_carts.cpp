#include "cli/cli_context.h"
#include "store/cart_store.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace counterline::cli {

// carts purge [--older-than-hours N]: deletes carts nobody touched for N hours (default 72).
// Paid orders keep their lines; only working carts go.
int runCartsPurge(Context &context)
{
    int hours = 72;
    if (context.parser.isSet(u"older-than-hours"_s)) {
        bool numeric = false;
        hours = context.parser.value(u"older-than-hours"_s).toInt(&numeric);
        if (!numeric || hours < 1) {
            return context.usage(QCoreApplication::translate(
                "counterline::cli",
                "--older-than-hours needs a whole number of hours, at least 1."));
        }
    }
    store::Database *database = context.database();
    if (!database)
        return 1;
    Result<int> purged =
        store::CartStore(*database, context.clock).purgeStale(std::chrono::hours(hours));
    if (!purged)
        return context.fail(purged.error());
    context.out << QCoreApplication::translate("counterline::cli",
                                               "Purged %1 carts untouched for %2 hours or more.")
                       .arg(*purged)
                       .arg(hours)
                << Qt::endl;
    return 0;
}

} // namespace counterline::cli
