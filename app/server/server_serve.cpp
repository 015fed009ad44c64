#include "common/listen_address.h"
#include "domain/clock.h"
#include "httpkit/tls_listener.h"
#include "server/http_api.h"
#include "server/idempotency.h"
#include "server/server_commands.h"

#include <QFile>
#include <QHostAddress>
#include <QSocketNotifier>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QTextStream>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace counterline::app {

using namespace counterline::server;

namespace {

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
    return httpkit::TlsListener::modernised(configuration);
}

// --`name` as a whole number of at least 1, or `fallback` when it is not given.
Result<int> atLeastOne(const QCommandLineParser &parser, const QString &name, int fallback,
                       const QString &refusal)
{
    if (!parser.isSet(name))
        return fallback;
    bool ok = false;
    const int value = parser.value(name).toInt(&ok);
    if (!ok || value < 1)
        return Error{u"usage.bad_number"_s, refusal};
    return value;
}

struct EdgeLimits
{
    httpkit::TlsListener::Limits tls;
    httpkit::ConnectionLimits connections;
};

// What a client may hold of the server at its edge: handshake time, idle and request time,
// connections at once (docs/operations.md, Security).
Result<EdgeLimits> edgeLimits(const QCommandLineParser &parser)
{
    const Result<int> handshake =
        atLeastOne(parser, u"tls-handshake-seconds"_s, 10,
                   QCoreApplication::translate(
                       "counterline::server::main",
                       "--tls-handshake-seconds needs a number of seconds, at least 1."));
    const Result<int> idle = atLeastOne(
        parser, u"idle-seconds"_s, 60,
        QCoreApplication::translate("counterline::server::main",
                                    "--idle-seconds needs a number of seconds, at least 1."));
    const Result<int> request = atLeastOne(
        parser, u"request-seconds"_s, 30,
        QCoreApplication::translate("counterline::server::main",
                                    "--request-seconds needs a number of seconds, at least 1."));
    const Result<int> connections =
        atLeastOne(parser, u"max-connections"_s, httpkit::connectionRoom(),
                   QCoreApplication::translate(
                       "counterline::server::main",
                       "--max-connections needs a number of connections, at least 1."));
    for (const Result<int> *given : {&handshake, &idle, &request, &connections}) {
        if (!*given)
            return given->error();
    }
    EdgeLimits limits;
    limits.tls.handshakeDeadline = std::chrono::seconds(*handshake);
    limits.connections.idle = std::chrono::seconds(*idle);
    limits.connections.request = std::chrono::seconds(*request);
    limits.connections.connections = *connections;
    return limits;
}

// /metrics behind a token, or on an address of its own (docs/operations.md, Security).
// Returns the monitoring address's URL, empty when there is none.
Result<QString> setUpMetrics(const QCommandLineParser &parser, HttpApi &api)
{
    if (parser.isSet(u"metrics-token-file"_s)) {
        QFile file(parser.value(u"metrics-token-file"_s));
        const QByteArray token =
            file.open(QIODevice::ReadOnly) ? file.readAll().trimmed() : QByteArray();
        if (token.size() < 16) {
            return Error{u"usage.metrics_token"_s,
                         QCoreApplication::translate(
                             "counterline::server::main",
                             "--metrics-token-file: %1 cannot be read or holds fewer than 16 "
                             "characters.")
                             .arg(file.fileName())};
        }
        api.guardMetrics(token);
    }
    if (!parser.isSet(u"metrics-listen"_s))
        return QString();
    const Result<app::ListenAddress> where =
        app::parseListenAddress(parser.value(u"metrics-listen"_s), u"127.0.0.1:9464"_s);
    if (!where)
        return where.error();
    const Result<quint16> bound = api.listenForMetrics(where->address, where->port);
    if (!bound)
        return bound.error();
    return u"http://%1:%2/metrics"_s.arg(where->address.toString()).arg(*bound);
}

// SIGTERM and SIGINT arrive through a socket pair, so that the event loop can stop accepting,
// let the requests in flight finish, and exit cleanly.
int g_signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const ssize_t written = ::write(g_signalPipe[1], &byte, 1);
}

} // namespace

int serve(QCoreApplication &app, const QCommandLineParser &parser, server::ServerDatabase &database)
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
    const Result<int> retentionDays = atLeastOne(
        parser, u"key-retention-days"_s, 35,
        QCoreApplication::translate("counterline::server::main",
                                    "--key-retention-days needs a number of days, at least 1."));
    const Result<int> leaseSeconds = atLeastOne(
        parser, u"key-lease-seconds"_s, int(Idempotency::kDefaultLease.count()),
        QCoreApplication::translate("counterline::server::main",
                                    "--key-lease-seconds needs a number of seconds, at least 1."));
    const Result<int> recoverySeconds =
        atLeastOne(parser, u"saga-recovery-seconds"_s, 10,
                   QCoreApplication::translate(
                       "counterline::server::main",
                       "--saga-recovery-seconds needs a number of seconds, at least 1."));
    const Result<EdgeLimits> edge = edgeLimits(parser);
    for (const Result<int> *given : {&retentionDays, &leaseSeconds, &recoverySeconds}) {
        if (!*given)
            return usage(given->error().message);
    }
    if (!edge)
        return usage(edge.error().message);
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
    api.setKeyLease(std::chrono::seconds(*leaseSeconds));
    api.setEdgeLimits(edge->tls, edge->connections);
    api.setPayments(payments);
    Result<quint16> bound = api.listen(address, quint16(port), tls);
    if (!bound)
        return fail(bound.error());
    const Result<QString> metricsUrl = setUpMetrics(parser, api);
    if (!metricsUrl)
        return fail(metricsUrl.error());
    api.purgeKeys(std::chrono::hours(24 * *retentionDays), std::chrono::hours(1));
    api.recoverSagas(std::chrono::seconds(*recoverySeconds));
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
    if (!metricsUrl->isEmpty())
        QTextStream(stdout) << "counterline-server metrics on " << *metricsUrl << Qt::endl;
    const int code = app.exec();
    api.drain();
    QTextStream(stdout) << "counterline-server stopped" << Qt::endl;
    return code;
}

} // namespace counterline::app
