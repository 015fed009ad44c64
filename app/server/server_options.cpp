#include "server/server_commands.h"

#include <QTextStream>

using namespace Qt::StringLiterals;

namespace counterline::app {

int fail(const QString &message)
{
    QTextStream(stderr) << "counterline-server: " << message << Qt::endl;
    return 1;
}

int fail(const Error &error)
{
    return fail(u"%1 [%2]"_s.arg(error.message, error.code));
}

int usage(const QString &message)
{
    QTextStream(stderr) << "counterline-server: " << message << Qt::endl
                        << QCoreApplication::translate("counterline::server::main",
                                                       "See counterline-server --help.")
                        << Qt::endl;
    return 2;
}

std::optional<int> AdminCall::need(std::initializer_list<QString> options) const
{
    for (const QString &option : options) {
        if (!parser.isSet(option))
            return usage(QCoreApplication::translate("counterline::server::main", "%1 needs --%2.")
                             .arg(command, option));
    }
    return std::nullopt;
}

namespace {

// What --help says above the options: the server and its operator commands.
QString description()
{
    return QCoreApplication::translate(
        "counterline::server::main",
        "Counterline central server.\n\n"
        "Without a command it serves the v1 API. Commands:\n"
        "  store add --id S --name N --currency C [--prices-exclude-tax]\n"
        "  terminal enroll --store S --name T     prints its token once; again: a new one\n"
        "  terminal rotate-token --store S --name T   a new token; the old one stops\n"
        "  terminal revoke --store S --name T     its token stops working\n"
        "  user add --name N --role backoffice|admin   prints the user's token once\n"
        "  user revoke --name N                   every token of that user stops working\n"
        "  catalog import FILE.csv [--store S]    products and prices; with --store, its stock\n"
        "  webhook add --url URL [--store S] [--secret S]   events POSTed there, signed");
}

} // namespace

void addServerOptions(QCommandLineParser &parser)
{
    parser.setApplicationDescription(description());
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({
        {u"data-dir"_s,
         QCoreApplication::translate("counterline::server::main",
                                     "Directory of the embedded SQLite database."),
         u"dir"_s},
        {u"database"_s,
         QCoreApplication::translate("counterline::server::main",
                                     "PostgreSQL instead: postgresql://user:pw@host:port/db."),
         u"url"_s},
        {u"listen"_s,
         QCoreApplication::translate("counterline::server::main",
                                     "HOST:PORT to serve on (default 127.0.0.1:8080)."),
         u"address"_s},
        {u"insecure"_s, QCoreApplication::translate("counterline::server::main",
                                                    "Allow plain HTTP on a non-loopback address.")},
        {u"tls-cert"_s,
         QCoreApplication::translate("counterline::server::main",
                                     "PEM certificate (chain) for HTTPS."),
         u"file"_s},
        {u"tls-key"_s,
         QCoreApplication::translate("counterline::server::main", "PEM private key for HTTPS."),
         u"file"_s},
        {u"tls-handshake-seconds"_s,
         QCoreApplication::translate("counterline::server::main",
                                     "How long a client may take to finish its TLS handshake "
                                     "(default 10)."),
         u"seconds"_s},
        {u"idle-seconds"_s,
         QCoreApplication::translate("counterline::server::main",
                                     "Close a connection idle this long between requests "
                                     "(default 60)."),
         u"seconds"_s},
        {u"request-seconds"_s,
         QCoreApplication::translate("counterline::server::main",
                                     "Answer 408 to a request not sent in full within this time "
                                     "(default 30)."),
         u"seconds"_s},
        {u"max-connections"_s,
         QCoreApplication::translate("counterline::server::main",
                                     "Connections at once; when full the longest idle one is "
                                     "closed, or 503 (default: what the descriptor limit allows)."),
         u"count"_s},
        {u"metrics-token-file"_s,
         QCoreApplication::translate("counterline::server::main",
                                     "/metrics asks for the token in this file as a bearer token."),
         u"file"_s},
        {u"metrics-listen"_s,
         QCoreApplication::translate("counterline::server::main",
                                     "Serve /metrics and /healthz on HOST:PORT of their own "
                                     "(plain HTTP) instead of the API's address."),
         u"host:port"_s},
        {u"key-retention-days"_s,
         QCoreApplication::translate("counterline::server::main",
                                     "How long idempotency keys are kept (default 35)."),
         u"days"_s},
        {u"key-lease-seconds"_s,
         QCoreApplication::translate(
             "counterline::server::main",
             "How long a request that died mid-way holds its key (default 30)."),
         u"seconds"_s},
        {u"payments"_s,
         QCoreApplication::translate(
             "counterline::server::main",
             "The payment service remote orders are charged through, e.g. http://127.0.0.1:8090 "
             "(https unless on this machine)."),
         u"url"_s},
        {u"nats"_s,
         QCoreApplication::translate(
             "counterline::server::main",
             "Publish events to NATS JetStream, e.g. nats://127.0.0.1:4222."),
         u"url"_s},
        {u"url"_s,
         QCoreApplication::translate("counterline::server::main",
                                     "webhook add: where the events are POSTed."),
         u"url"_s},
        {u"secret"_s,
         QCoreApplication::translate("counterline::server::main",
                                     "webhook add: the signing secret (default: made up)."),
         u"secret"_s},
        {u"saga-recovery-seconds"_s,
         QCoreApplication::translate("counterline::server::main",
                                     "How often unfinished sagas are looked for (default 10)."),
         u"seconds"_s},
        {u"id"_s, QCoreApplication::translate("counterline::server::main", "Store id, e.g. S1."),
         u"id"_s},
        {u"name"_s, QCoreApplication::translate("counterline::server::main", "A name."), u"name"_s},
        {u"currency"_s,
         QCoreApplication::translate("counterline::server::main", "ISO 4217 currency."), u"code"_s},
        {u"prices-include-tax"_s,
         QCoreApplication::translate("counterline::server::main",
                                     "Shelf prices include tax (default).")},
        {u"prices-exclude-tax"_s,
         QCoreApplication::translate("counterline::server::main",
                                     "Shelf prices exclude tax (as in the US).")},
        {u"store"_s,
         QCoreApplication::translate("counterline::server::main",
                                     "The store a terminal belongs to."),
         u"id"_s},
        {u"role"_s,
         QCoreApplication::translate("counterline::server::main",
                                     "A user's role: backoffice or admin."),
         u"role"_s},
    });
    parser.addPositionalArgument(u"command"_s,
                                 QCoreApplication::translate("counterline::server::main",
                                                             "An operator command; see above."));
}

} // namespace counterline::app
