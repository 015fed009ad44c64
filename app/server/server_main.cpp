// counterline-server: the central server (BRIEF §9). Without a command it serves the v1 API;
// the operator commands (store add, terminal enroll|rotate-token|revoke, user add|revoke,
// catalog import, webhook add) change the database and exit. Each lives in a file of its own
// (server_commands.h).

#include "common/translations.h"
#include "server/server_commands.h"
#include "server/server_database.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

using namespace Qt::StringLiterals;
using namespace counterline;
using namespace counterline::server;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(u"Counterline"_s);
    QCoreApplication::setApplicationName(u"counterline-server"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(COUNTERLINE_VERSION));
    app::installTranslations();

    QCommandLineParser parser;
    app::addServerOptions(parser);
    parser.process(app);

    Result<DatabaseLocation> location =
        DatabaseLocation::from(parser.value(u"data-dir"_s), parser.value(u"database"_s));
    if (!location)
        return app::usage(location.error().message);
    Result<std::unique_ptr<ServerDatabase>> database = ServerDatabase::open(*location);
    if (!database)
        return app::fail(database.error());
    Result<QSqlDatabase> db = database.value()->connection();
    if (!db)
        return app::fail(db.error());

    const QStringList words = parser.positionalArguments();
    if (words.isEmpty())
        return app::serve(app, parser, **database);
    QTextStream out(stdout);
    const app::AdminCall call{
        parser, words, words.mid(0, 2).join(u' '), *db, QDateTime::currentDateTimeUtc(), out};
    if (call.command == u"store add"_s)
        return app::addStore(call);
    if (call.command == u"terminal enroll"_s || call.command == u"terminal rotate-token"_s ||
        call.command == u"user add"_s) {
        return app::issueToken(call);
    }
    if (call.command == u"terminal revoke"_s || call.command == u"user revoke"_s)
        return app::revokeToken(call);
    if (call.command == u"catalog import"_s)
        return app::importCatalog(call);
    if (call.command == u"webhook add"_s)
        return app::addWebhook(call);
    return app::usage(
        QCoreApplication::translate("counterline::server::main", "Unknown command \"%1\".")
            .arg(words.join(u' ')));
}
