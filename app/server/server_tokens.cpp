#include "server/principals.h"
#include "server/server_commands.h"

using namespace Qt::StringLiterals;

namespace counterline::app {

using namespace counterline::server;

int issueToken(const AdminCall &call)
{
    const bool terminal = call.command == u"terminal enroll"_s;
    if (auto bad =
            terminal ? call.need({u"store"_s, u"name"_s}) : call.need({u"name"_s, u"role"_s}))
        return *bad;
    Result<IssuedToken> issued =
        terminal ? Principals::enrollTerminal(call.db, call.parser.value(u"store"_s),
                                              call.parser.value(u"name"_s), call.now)
                 : Principals::addUser(call.db, call.parser.value(u"name"_s),
                                       call.parser.value(u"role"_s), call.now);
    if (!issued)
        return fail(issued.error());
    call.out << QCoreApplication::translate(
                    "counterline::server::main",
                    "%1 \"%2\" can now sign in with this token. It is shown only now; store it "
                    "safely:")
                    .arg(issued->principal.role, issued->principal.name)
             << Qt::endl
             << issued->token << Qt::endl;
    return 0;
}

} // namespace counterline::app
