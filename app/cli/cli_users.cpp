#include "cli/cli_context.h"
#include "store/user_store.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace counterline::cli {

// user add --name NAME --role cashier|manager --pin PIN
int runUserAdd(Context &context)
{
    const QCommandLineParser &parser = context.parser;
    if (!parser.isSet(u"name"_s) || !parser.isSet(u"role"_s) || !parser.isSet(u"pin"_s)) {
        return context.usage(QCoreApplication::translate(
            "counterline::cli", "user add needs --name NAME --role cashier|manager --pin PIN."));
    }
    store::Database *database = context.database();
    if (!database)
        return 1;
    Result<store::User> added =
        store::UserStore(*database, context.clock, context.ids)
            .add(parser.value(u"name"_s), parser.value(u"role"_s), parser.value(u"pin"_s));
    if (!added)
        return context.fail(added.error());
    context.out << QCoreApplication::translate("counterline::cli", "Added %1 (%2).")
                       .arg(added->name, added->role)
                << Qt::endl;
    return 0;
}

} // namespace counterline::cli
