// counterline-cli: the terminal without a window (BRIEF §9). A thin composition root; each command
// lives in its own file and returns the process exit code (0 done, 1 failed, 2 misused).

#include "cli/cli_context.h"
#include "common/translations.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;
using namespace counterline;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(u"Counterline"_s);
    QCoreApplication::setApplicationName(u"counterline"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(COUNTERLINE_VERSION));
    app::installTranslations();

    QCommandLineParser parser;
    cli::addOptions(parser);
    parser.process(app);

    const QStringList words = parser.positionalArguments();
    cli::Context context(parser, words.mid(1));
    const QString command = words.value(0);
    const QString sub = words.value(1);
    if (command == u"init"_s)
        return cli::runInit(context);
    if (command == u"catalog"_s && sub == u"import"_s)
        return cli::runCatalogImport(context);
    if (command == u"sale"_s)
        return cli::runSale(context);
    if (command == u"return"_s)
        return cli::runReturn(context);
    if (command == u"journal"_s && sub == u"verify"_s)
        return cli::runJournalVerify(context);
    if (command == u"orders"_s)
        return cli::runOrders(context);
    if (command == u"carts"_s && sub == u"purge"_s)
        return cli::runCartsPurge(context);
    if (command == u"user"_s && sub == u"add"_s)
        return cli::runUserAdd(context);
    if (command == u"enroll"_s)
        return cli::runEnroll(context);
    if (command == u"sync"_s && sub == u"status"_s)
        return cli::runSyncStatus(context);
    if (command == u"sync"_s && sub.isEmpty())
        return cli::runSync(context);
    if (command == u"events"_s && sub == u"tail"_s)
        return cli::runEventsTail(context);
    if (command.isEmpty())
        return context.usage(QCoreApplication::translate("counterline::cli", "No command given."));
    return context.usage(QCoreApplication::translate("counterline::cli", "Unknown command \"%1\".")
                             .arg(words.join(u' ')));
}
