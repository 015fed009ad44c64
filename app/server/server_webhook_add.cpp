#include "server/server_commands.h"
#include "server/webhook_relay.h"

using namespace Qt::StringLiterals;

namespace counterline::app {

using namespace counterline::server;

int addWebhook(const AdminCall &call)
{
    if (auto bad = call.need({u"url"_s}))
        return *bad;
    Result<WebhookSubscriber> added =
        WebhookRelay::add(call.db, call.parser.value(u"url"_s), call.parser.value(u"store"_s),
                          call.parser.value(u"secret"_s).toUtf8(), call.now);
    if (!added)
        return fail(added.error());
    call.out << QCoreApplication::translate("counterline::server::main",
                                            "Webhook %1 receives %2's events at %3, signed with "
                                            "this secret (shown only now):")
                    .arg(added->id,
                         added->storeId.isEmpty() ? QCoreApplication::translate(
                                                        "counterline::server::main", "every store")
                                                  : added->storeId,
                         added->url.toString())
             << Qt::endl
             << added->secret << Qt::endl;
    return 0;
}

} // namespace counterline::app
