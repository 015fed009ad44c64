#include "server/principals.h"
#include "server/server_commands.h"

using namespace Qt::StringLiterals;

namespace counterline::app {

using namespace counterline::server;

int issueToken(const AdminCall &call)
{
    const bool terminal = call.command == u"terminal enroll"_s;
    const bool rotate = call.command == u"terminal rotate-token"_s;
    if (auto bad = terminal || rotate ? call.need({u"store"_s, u"name"_s})
                                      : call.need({u"name"_s, u"role"_s}))
        return *bad;
    const QString store = call.parser.value(u"store"_s);
    const QString name = call.parser.value(u"name"_s);
    Result<IssuedToken> issued =
        terminal ? Principals::enrollTerminal(call.db, store, name, call.now)
        : rotate ? Principals::rotateTerminalToken(call.db, store, name, call.now)
                 : Principals::addUser(call.db, name, call.parser.value(u"role"_s), call.now);
    if (!issued)
        return fail(issued.error());
    if (issued->replaced) {
        call.out << QCoreApplication::translate(
                        "counterline::server::main",
                        "%1 \"%2\" had a token: it no longer works (within a second on "
                        "every running server).")
                        .arg(issued->principal.role, issued->principal.name)
                 << Qt::endl;
    }
    call.out << QCoreApplication::translate(
                    "counterline::server::main",
                    "%1 \"%2\" can now sign in with this token. It is shown only now; "
                    "store it safely:")
                    .arg(issued->principal.role, issued->principal.name)
             << Qt::endl
             << issued->token << Qt::endl;
    return 0;
}

int revokeToken(const AdminCall &call)
{
    if (call.command == u"terminal revoke"_s) {
        if (auto bad = call.need({u"store"_s, u"name"_s}))
            return *bad;
        Result<Principal> revoked = Principals::revokeTerminal(
            call.db, call.parser.value(u"store"_s), call.parser.value(u"name"_s), call.now);
        if (!revoked)
            return fail(revoked.error());
        call.out << QCoreApplication::translate(
                        "counterline::server::main",
                        "Terminal \"%1\" of store %2 is revoked: its token no longer "
                        "works (within a second on every running server). Enrol it again "
                        "for a new one.")
                        .arg(revoked->name, revoked->storeId)
                 << Qt::endl;
        return 0;
    }
    if (auto bad = call.need({u"name"_s}))
        return *bad;
    Result<int> revoked = Principals::revokeUser(call.db, call.parser.value(u"name"_s), call.now);
    if (!revoked)
        return fail(revoked.error());
    call.out << QCoreApplication::translate(
                    "counterline::server::main",
                    "User \"%1\": %n token(s) revoked; they no longer work (within a "
                    "second on every running server).",
                    nullptr, *revoked)
                    .arg(call.parser.value(u"name"_s))
             << Qt::endl;
    return 0;
}

} // namespace counterline::app
