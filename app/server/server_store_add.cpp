#include "server/principals.h"
#include "server/server_commands.h"

using namespace Qt::StringLiterals;

namespace counterline::app {

using namespace counterline::server;

int addStore(const AdminCall &call)
{
    if (auto bad = call.need({u"id"_s, u"name"_s, u"currency"_s}))
        return *bad;
    StoreSpec store{call.parser.value(u"id"_s),
                    call.parser.value(u"name"_s),
                    call.parser.value(u"currency"_s),
                    {}};
    if (call.parser.isSet(u"prices-exclude-tax"_s))
        store.policy.taxMode = TaxMode::PricesExcludeTax;
    if (Result<void> added = Principals::addStore(call.db, store, call.now); !added)
        return fail(added.error());
    call.out << QCoreApplication::translate("counterline::server::main", "Store %1 (%2, %3) added.")
                    .arg(store.id, store.name, store.currency)
             << Qt::endl;
    return 0;
}

} // namespace counterline::app
