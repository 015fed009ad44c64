// counterline-server: the central server (BRIEF §9). Without a command it serves the v1 API;
// the operator commands (store add, terminal enroll, user add) change the database and exit.

#include "common/listen_address.h"
#include "common/text_file.h"
#include "common/translations.h"
#include "domain/clock.h"
#include "server/catalog_service.h"
#include "server/http_api.h"
#include "server/principals.h"
#include "server/server_database.h"
#include "server/webhook_relay.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QSocketNotifier>
#include <QSslCertificate>
#include <QSslKey>
#include <QTextStream>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace counterline;
using namespace counterline::server;

namespace {

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

Result<QSslConfiguration> loadTls(const QString &certificatePath, const QString &keyPath)
{
    QFile certificateFile(certificatePath);
    QFile keyFile(keyPath);
    if (certificatePath.isEmpty() || keyPath.isEmpty())
        return Error{u"tls.incomplete"_s,
                     QCoreApplication::translate("counterline::server::main",
                                                 "TLS needs both --tls-cert and --tls-key.")};
    if (!certificateFile.open(QIODevice::ReadOnly))
        return Error{u"tls.unreadable"_s,
                     QCoreApplication::translate("counterline::server::main", "Cannot read %1.")
                         .arg(certificatePath)};
    if (!keyFile.open(QIODevice::ReadOnly))
        return Error{u"tls.unreadable"_s,
                     QCoreApplication::translate("counterline::server::main", "Cannot read %1.")
                         .arg(keyPath)};
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certificateFile.readAll());
    const QByteArray pem = keyFile.readAll();
    const QSslKey rsaKey(pem, QSsl::Rsa);
    const QSslKey key = rsaKey.isNull() ? QSslKey(pem, QSsl::Ec) : rsaKey;
    if (chain.isEmpty())
        return Error{
            u"tls.bad_certificate"_s,
            QCoreApplication::translate("counterline::server::main", "%1 holds no PEM certificate.")
                .arg(certificatePath)};
    if (key.isNull())
        return Error{u"tls.bad_key"_s, QCoreApplication::translate("counterline::server::main",
                                                                   "%1 holds no PEM private key.")
                                           .arg(keyPath)};
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificateChain(chain);
    configuration.setPrivateKey(key);
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    return configuration;
}

// SIGTERM and SIGINT arrive through a socket pair, so that the event loop can stop accepting,
// let the requests in flight finish, and exit cleanly.
int g_signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const ssize_t written = ::write(g_signalPipe[1], &byte, 1);
}

int serve(QCoreApplication &app, const QCommandLineParser &parser, ServerDatabase &database)
{
    const QString listen =
        parser.isSet(u"listen"_s) ? parser.value(u"listen"_s) : u"127.0.0.1:8080"_s;
    const Result<app::ListenAddress> where = app::parseListenAddress(listen, u"127.0.0.1:8080"_s);
    if (!where)
        return usage(where.error().message);
    const QHostAddress &address = where->address;
    const quint16 port = where->port;

    std::optional<QSslConfiguration> tls;
    if (parser.isSet(u"tls-cert"_s) || parser.isSet(u"tls-key"_s)) {
        Result<QSslConfiguration> loaded =
            loadTls(parser.value(u"tls-cert"_s), parser.value(u"tls-key"_s));
        if (!loaded)
            return fail(loaded.error());
        tls = *loaded;
    }
    if (!tls && !address.isLoopback() && !parser.isSet(u"insecure"_s)) {
        return usage(QCoreApplication::translate(
                         "counterline::server::main",
                         "Plain HTTP is served on loopback only. Give --tls-cert and --tls-key, "
                         "or pass --insecure to listen on %1 without TLS.")
                         .arg(address.toString()));
    }
    bool retentionOk = true;
    const int retentionDays = parser.isSet(u"key-retention-days"_s)
                                  ? parser.value(u"key-retention-days"_s).toInt(&retentionOk)
                                  : 35;
    if (!retentionOk || retentionDays < 1)
        return usage(QCoreApplication::translate(
            "counterline::server::main",
            "--key-retention-days needs a number of days, at least 1."));

    int leaseSeconds = int(Idempotency::kDefaultLease.count());
    if (parser.isSet(u"key-lease-seconds"_s)) {
        bool leaseOk = false;
        leaseSeconds = parser.value(u"key-lease-seconds"_s).toInt(&leaseOk);
        if (!leaseOk || leaseSeconds < 1)
            return usage(QCoreApplication::translate(
                "counterline::server::main",
                "--key-lease-seconds needs a number of seconds, at least 1."));
    }

    int recoverySeconds = 10;
    if (parser.isSet(u"saga-recovery-seconds"_s)) {
        bool recoveryOk = false;
        recoverySeconds = parser.value(u"saga-recovery-seconds"_s).toInt(&recoveryOk);
        if (!recoveryOk || recoverySeconds < 1)
            return usage(QCoreApplication::translate(
                "counterline::server::main",
                "--saga-recovery-seconds needs a number of seconds, at least 1."));
    }
    QUrl payments;
    if (parser.isSet(u"payments"_s)) {
        payments = QUrl(parser.value(u"payments"_s));
        const bool https = payments.scheme() == u"https"_s;
        if (!payments.isValid() || payments.host().isEmpty() ||
            (!https && payments.scheme() != u"http"_s)) {
            return usage(QCoreApplication::translate(
                             "counterline::server::main",
                             "--payments needs a URL such as http://127.0.0.1:8090, not \"%1\".")
                             .arg(parser.value(u"payments"_s)));
        }
        if (!https && !QHostAddress(payments.host()).isLoopback() &&
            payments.host() != u"localhost"_s) {
            return usage(QCoreApplication::translate("counterline::server::main",
                                                     "The payment service at %1 is not on this "
                                                     "machine: it needs https.")
                             .arg(payments.toString()));
        }
    }

    SystemClock clock;
    HttpApi api(database, clock);
    api.setKeyLease(std::chrono::seconds(leaseSeconds));
    api.setPayments(payments);
    Result<quint16> bound = api.listen(address, quint16(port), tls);
    if (!bound)
        return fail(bound.error());
    api.purgeKeys(std::chrono::hours(24 * retentionDays), std::chrono::hours(1));
    api.recoverSagas(std::chrono::seconds(recoverySeconds));
    api.relayWebhooks(std::chrono::milliseconds(250));
    if (parser.isSet(u"nats"_s))
        api.relayToNats(parser.value(u"nats"_s), std::chrono::milliseconds(250));

    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) != 0)
        return fail(QCoreApplication::translate("counterline::server::main",
                                                "Cannot set up signal handling."));
    QSocketNotifier notifier(g_signalPipe[0], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &app, [&app, &api, &notifier] {
        char byte = 0;
        [[maybe_unused]] const ssize_t got = ::read(g_signalPipe[0], &byte, 1);
        notifier.setEnabled(false);
        api.shutDown([&app] { app.quit(); });
    });
    std::signal(SIGTERM, onSignal);
    std::signal(SIGINT, onSignal);

    // Tests and scripts read this line to learn the port (with --listen HOST:0).
    QTextStream(stdout) << "counterline-server listening on " << (tls ? "https" : "http") << "://"
                        << address.toString() << ':' << *bound << Qt::endl;
    const int code = app.exec();
    api.drain();
    QTextStream(stdout) << "counterline-server stopped" << Qt::endl;
    return code;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(u"Counterline"_s);
    QCoreApplication::setApplicationName(u"counterline-server"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(COUNTERLINE_VERSION));
    app::installTranslations();

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "counterline::server::main",
        "Counterline central server.\n\n"
        "Without a command it serves the v1 API. Commands:\n"
        "  store add --id S --name N --currency C [--prices-exclude-tax]\n"
        "  terminal enroll --store S --name T     prints the terminal's token once\n"
        "  user add --name N --role backoffice|admin   prints the user's token once\n"
        "  catalog import FILE.csv [--store S]    products and prices; with --store, its stock\n"
        "  webhook add --url URL [--store S] [--secret S]   events POSTed there, signed"));
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
    parser.process(app);

    Result<DatabaseLocation> location =
        DatabaseLocation::from(parser.value(u"data-dir"_s), parser.value(u"database"_s));
    if (!location)
        return usage(location.error().message);
    Result<std::unique_ptr<ServerDatabase>> database = ServerDatabase::open(*location);
    if (!database)
        return fail(database.error());
    Result<QSqlDatabase> db = database.value()->connection();
    if (!db)
        return fail(db.error());

    const QStringList words = parser.positionalArguments();
    const QString command = words.mid(0, 2).join(u' ');
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QTextStream out(stdout);
    auto need = [&](std::initializer_list<QString> options) -> std::optional<int> {
        for (const QString &option : options) {
            if (!parser.isSet(option))
                return usage(
                    QCoreApplication::translate("counterline::server::main", "%1 needs --%2.")
                        .arg(command, option));
        }
        return std::nullopt;
    };

    if (words.isEmpty())
        return serve(app, parser, **database);
    if (command == u"store add"_s) {
        if (auto bad = need({u"id"_s, u"name"_s, u"currency"_s}))
            return *bad;
        StoreSpec store{
            parser.value(u"id"_s), parser.value(u"name"_s), parser.value(u"currency"_s), {}};
        if (parser.isSet(u"prices-exclude-tax"_s))
            store.policy.taxMode = TaxMode::PricesExcludeTax;
        if (Result<void> added = Principals::addStore(*db, store, now); !added)
            return fail(added.error());
        out << QCoreApplication::translate("counterline::server::main", "Store %1 (%2, %3) added.")
                   .arg(store.id, store.name, store.currency)
            << Qt::endl;
        return 0;
    }
    if (command == u"terminal enroll"_s || command == u"user add"_s) {
        const bool terminal = command == u"terminal enroll"_s;
        if (auto bad = terminal ? need({u"store"_s, u"name"_s}) : need({u"name"_s, u"role"_s}))
            return *bad;
        Result<IssuedToken> issued =
            terminal
                ? Principals::enrollTerminal(*db, parser.value(u"store"_s), parser.value(u"name"_s),
                                             now)
                : Principals::addUser(*db, parser.value(u"name"_s), parser.value(u"role"_s), now);
        if (!issued)
            return fail(issued.error());
        out << QCoreApplication::translate(
                   "counterline::server::main",
                   "%1 \"%2\" can now sign in with this token. It is shown only now; store it "
                   "safely:")
                   .arg(issued->principal.role, issued->principal.name)
            << Qt::endl
            << issued->token << Qt::endl;
        return 0;
    }
    if (command == u"catalog import"_s) {
        const QString path = words.value(2);
        if (path.isEmpty())
            return usage(QCoreApplication::translate("counterline::server::main",
                                                     "catalog import needs a FILE.csv."));
        Result<QString> csv = app::readUtf8File(path);
        if (!csv)
            return fail(csv.error().message);
        Result<int> imported = CatalogService::import(*db, *csv, parser.value(u"store"_s));
        if (!imported)
            return fail(u"%1: %2"_s.arg(path, imported.error().message));
        out << QCoreApplication::translate("counterline::server::main",
                                           "Imported %1 products from %2.")
                   .arg(*imported)
                   .arg(path)
            << Qt::endl;
        return 0;
    }
    if (command == u"webhook add"_s) {
        if (auto bad = need({u"url"_s}))
            return *bad;
        Result<WebhookSubscriber> added =
            WebhookRelay::add(*db, parser.value(u"url"_s), parser.value(u"store"_s),
                              parser.value(u"secret"_s).toUtf8(), now);
        if (!added)
            return fail(added.error());
        out << QCoreApplication::translate("counterline::server::main",
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
    return usage(QCoreApplication::translate("counterline::server::main", "Unknown command \"%1\".")
                     .arg(words.join(u' ')));
}
