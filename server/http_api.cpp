#include "server/http_api.h"

#include "server/idempotency.h"
#include "server/order_ingest.h"
#include "server/principals.h"
#include "server/request_fingerprint.h"
#include "sync/protocol/problem.h"

#include <QCoreApplication>
#include <QHttpServerResponse>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QtConcurrent>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcHttp, "counterline.server.http")

namespace counterline::server {

namespace {

using StatusCode = QHttpServerResponder::StatusCode;

// What a handler needs from a request, copied on the HTTP thread: the request object does not
// outlive the route call.
struct Incoming
{
    QByteArray method;
    QByteArray path;
    QByteArray token;
    QByteArray idempotencyKey;
    QByteArray body;
};

QByteArray header(const QHttpServerRequest &request, QByteArrayView name)
{
    const auto headers = request.headers();
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value.trimmed();
    }
    return {};
}

Incoming copy(const QHttpServerRequest &request, QByteArray method)
{
    QByteArray token = header(request, "Authorization");
    token = token.startsWith("Bearer ") ? token.mid(7).trimmed() : QByteArray();
    QByteArray key = header(request, "Idempotency-Key");
    if (key.size() >= 2 && key.startsWith('"') && key.endsWith('"'))
        key = key.mid(1, key.size() - 2); // the draft's structured-field string form
    return Incoming{std::move(method), request.url().path().toUtf8(), token, key, request.body()};
}

int statusFor(const Error &error)
{
    const QString &code = error.code;
    if (code == u"request.too_large"_s)
        return 413;
    if (code.startsWith(u"request."_s))
        return 400;
    if (code == u"auth.unauthenticated"_s)
        return 401;
    if (code == u"auth.forbidden"_s)
        return 403;
    if (code == u"order.not_found"_s || code == u"route.not_found"_s)
        return 404;
    if (code == u"order.id_taken"_s || code == u"idempotency.in_flight"_s)
        return 409;
    if (code.startsWith(u"order."_s) || code.startsWith(u"idempotency."_s))
        return 422;
    return 500;
}

QHttpServerResponse problem(const Error &error)
{
    const int status = statusFor(error);
    if (status >= 500)
        qCWarning(lcHttp) << "internal error:" << error.code << error.message;
    QHttpServerResponse response(QByteArray(protocol::kProblemContentType.data()),
                                 protocol::Problem::fromError(error, status).toBody(),
                                 StatusCode(status));
    if (error.code == u"idempotency.in_flight"_s)
        response.setHeader("Retry-After", "1");
    return response;
}

QHttpServerResponse json(int status, const QByteArray &body)
{
    return QHttpServerResponse("application/json", body, StatusCode(status));
}

Error translatedError(const char *code, const char *text)
{
    return Error{QString::fromLatin1(code),
                 QCoreApplication::translate("counterline::server", text)};
}

} // namespace

HttpApi::HttpApi(ServerDatabase &database, const Clock &clock)
    : m_database(database)
    , m_clock(clock)
{
    m_pool.setMaxThreadCount(std::max(4, QThread::idealThreadCount() * 2));
    addRoutes();
}

HttpApi::~HttpApi()
{
    drain();
}

void HttpApi::drain()
{
    m_pool.waitForDone();
}

Result<quint16> HttpApi::listen(const QHostAddress &address, quint16 port)
{
    const quint16 bound = m_http.listen(address, port);
    if (bound == 0) {
        return Error{u"server.listen_failed"_s,
                     QCoreApplication::translate("counterline::server",
                                                 "Cannot listen on %1:%2 (in use, or not allowed).")
                         .arg(address.toString())
                         .arg(port)};
    }
    return bound;
}

void HttpApi::addRoutes()
{
    // Authenticates on the worker, runs `work` with the caller, and turns errors into problems.
    auto onPool = [this](Incoming incoming, auto work) {
        return QtConcurrent::run(&m_pool, [this, incoming = std::move(incoming), work]() {
            Result<QSqlDatabase> db = m_database.connection();
            if (!db)
                return problem(db.error());
            Result<std::optional<Principal>> caller = Principals::authenticate(*db, incoming.token);
            if (!caller)
                return problem(caller.error());
            if (!caller->has_value()) {
                return problem(translatedError("auth.unauthenticated",
                                               "Send an enrolled terminal's or user's token as "
                                               "Authorization: Bearer <token>."));
            }
            return work(*db, **caller, incoming);
        });
    };

    m_http.route(u"/healthz"_s, QHttpServerRequest::Method::Get, [this] {
        return QtConcurrent::run(&m_pool, [this] {
            Result<QSqlDatabase> db = m_database.connection();
            if (!db)
                return problem(db.error());
            return json(200, R"({"status":"ok"})");
        });
    });

    m_http.route(
        u"/v1/orders"_s, QHttpServerRequest::Method::Post,
        [this, onPool](const QHttpServerRequest &request) {
            Incoming incoming = copy(request, "POST");
            if (incoming.body.size() > kMaxBodyBytes) {
                return QtConcurrent::run(&m_pool, [] {
                    return problem(
                        translatedError("request.too_large", "The body is larger than 1 MiB."));
                });
            }
            return onPool(std::move(incoming), [this](const QSqlDatabase &db,
                                                      const Principal &caller, const Incoming &in) {
                if (in.idempotencyKey.isEmpty() || in.idempotencyKey.size() > 255) {
                    return problem(translatedError(
                        "request.missing_idempotency_key",
                        "POST /v1/orders needs an Idempotency-Key header (1 to 255 characters)."));
                }
                // Validation first: a bad request does not consume its key.
                Result<WireOrder> order = OrderIngest::parse(in.body);
                if (!order)
                    return problem(order.error());
                const QString key = QString::fromUtf8(in.idempotencyKey);
                const QDateTime now = m_clock.now();
                Result<IdempotencyDecision> decision = Idempotency::begin(
                    db, caller.id, key, requestFingerprint(in.method, in.path, in.body), now);
                if (!decision)
                    return problem(decision.error());
                switch (decision->kind) {
                case IdempotencyDecision::Kind::Replay:
                    return json(decision->status, decision->body);
                case IdempotencyDecision::Kind::Mismatch:
                    return problem(
                        translatedError("idempotency.key_reused",
                                        "This Idempotency-Key was used for a different request."));
                case IdempotencyDecision::Kind::InFlight:
                    return problem(translatedError(
                        "idempotency.in_flight",
                        "A request with this Idempotency-Key is still being processed."));
                case IdempotencyDecision::Kind::Proceed:
                    break;
                }
                Result<IngestAnswer> answer = OrderIngest::ingest(
                    db, caller, std::move(order).value(), now, IdempotencySlot{caller.id, key});
                if (!answer) {
                    (void)Idempotency::release(db, caller.id, key);
                    return problem(answer.error());
                }
                return json(answer->status, answer->body);
            });
        });

    m_http.route(
        u"/v1/orders/<arg>"_s, QHttpServerRequest::Method::Get,
        [onPool](const QString &id, const QHttpServerRequest &request) {
            return onPool(copy(request, "GET"), [id](const QSqlDatabase &db,
                                                     const Principal &caller, const Incoming &) {
                Result<QJsonObject> order = OrderIngest::orderJson(db, id);
                if (!order)
                    return problem(order.error());
                if (!caller.mayAccessStore(order->value(u"store_id"_s).toString())) {
                    return problem(
                        translatedError("auth.forbidden", "This order belongs to another store."));
                }
                QHttpServerResponse response =
                    json(200, QJsonDocument(*order).toJson(QJsonDocument::Compact));
                response.setHeader(
                    "ETag", '"' + QByteArray::number(order->value(u"version"_s).toInt()) + '"');
                return response;
            });
        });

    m_http.setMissingHandler([](const QHttpServerRequest &request,
                                QHttpServerResponder &&responder) {
        const Error error{u"route.not_found"_s,
                          QCoreApplication::translate("counterline::server", "There is no %1 here.")
                              .arg(request.url().path())};
        responder.write(protocol::Problem::fromError(error, 404).toBody(),
                        QByteArray(protocol::kProblemContentType.data()), StatusCode::NotFound);
    });
}

} // namespace counterline::server
