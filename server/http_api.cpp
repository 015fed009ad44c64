#include "server/http_api.h"

#include "server/card_refunds.h"
#include "server/catalog_service.h"
#include "server/event_outbox.h"
#include "server/follow_ups.h"
#include "server/idempotency.h"
#include "server/journal_entries.h"
#include "server/journal_links.h"
#include "server/order_changes.h"
#include "server/order_ingest.h"
#include "server/order_saga.h"
#include "server/order_service.h"
#include "server/principals.h"
#include "server/request_fingerprint.h"
#include "server/webhook_relay.h"
#include "sync/protocol/http_headers.h"
#include "sync/protocol/problem.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QHttpServerResponse>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QPointer>
#include <QRandomGenerator>
#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrlQuery>
#include <QUuid>
#include <QtConcurrent>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcHttp, "counterline.server.http")
// One line per request, key=value, off by default:
// QT_LOGGING_RULES="counterline.server.access.info=true"
Q_LOGGING_CATEGORY(lcAccess, "counterline.server.access", QtWarningMsg)

namespace counterline::server {

namespace {

using StatusCode = QHttpServerResponder::StatusCode;

constexpr int kBusyRetries = 5;

// What a handler needs from a request, copied on the HTTP thread: the request object does not
// outlive the route call.
struct Incoming
{
    QByteArray method;
    QByteArray path;
    QByteArray token;
    QByteArray idempotencyKey;
    QByteArray body;
    QByteArray ifMatch;
    QString query;
};

Incoming copy(const QHttpServerRequest &request, QByteArray method)
{
    QByteArray token = protocol::headerValue(request.headers(), "Authorization");
    token = token.startsWith("Bearer ") ? token.mid(7).trimmed() : QByteArray();
    QByteArray key = protocol::headerValue(request.headers(), "Idempotency-Key");
    if (key.size() >= 2 && key.startsWith('"') && key.endsWith('"'))
        key = key.mid(1, key.size() - 2); // the draft's structured-field string form
    return Incoming{std::move(method),
                    request.url().path().toUtf8(),
                    token,
                    key,
                    request.body(),
                    protocol::headerValue(request.headers(), "If-Match"),
                    request.url().query()};
}

// "POST /v1/orders/{id}/events": the route, with ids folded, as metrics label it.
QString routeLabel(const Incoming &incoming)
{
    QStringList segments = QString::fromUtf8(incoming.path).split(u'/');
    for (QString &segment : segments) {
        if (segment.size() >= 32 && !QUuid::fromString(segment).isNull())
            segment = u"{id}"_s;
    }
    return QString::fromLatin1(incoming.method) + u' ' + segments.join(u'/');
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
    if (code == u"order.not_found"_s || code == u"route.not_found"_s ||
        code == u"follow_up.not_found"_s) {
        return 404;
    }
    if (code == u"order.id_taken"_s || code == u"idempotency.in_flight"_s ||
        code == u"follow_up.settled"_s) {
        return 409;
    }
    if (code == u"payments.unavailable"_s || code == u"server.busy"_s)
        return 503;
    if (code.startsWith(u"payment."_s))
        return 402;
    if (code.startsWith(u"stock."_s) || code.startsWith(u"return."_s))
        return 422;
    if (code.startsWith(u"order."_s) || code.startsWith(u"idempotency."_s) ||
        code.startsWith(u"journal."_s)) {
        return 422;
    }
    return 500;
}

// Set when a handler on this worker answered that the database was too busy: the request is
// run again (its transaction was rolled back and its key released) before anyone is told.
thread_local bool t_databaseBusy = false;

QHttpServerResponse problem(const Error &error)
{
    const int status = statusFor(error);
    if (status == 500)
        qCWarning(lcHttp) << "internal error:" << error.code << error.message;
    if (error.code == u"server.busy"_s)
        t_databaseBusy = true;
    QHttpServerResponse response(QByteArray(protocol::kProblemContentType.data()),
                                 protocol::Problem::fromError(error, status).toBody(),
                                 StatusCode(status));
    if (error.code == u"idempotency.in_flight"_s || error.code == u"server.busy"_s)
        response.setHeader("Retry-After", "1");
    return response;
}

QHttpServerResponse json(int status, const QByteArray &body)
{
    // A stored answer may be a problem (a declined payment): it keeps its media type.
    if (status >= 400) {
        return QHttpServerResponse(QByteArray(protocol::kProblemContentType.data()), body,
                                   StatusCode(status));
    }
    return QHttpServerResponse("application/json", body, StatusCode(status));
}

// Qt 6.4's QHttpServer answers a route's QFuture through a raw socket pointer, and crashes when the
// client went away before the answer was ready (seen in the chaos test: a SIGSEGV in
// QAbstractSocket::state() under QHttpServer::sendResponse). Every route answers through its
// responder instead, on the HTTP thread, and only while its socket still exists (QHttpServer
// deletes a socket once it disconnects, on this same thread, so the check cannot race).
void answerWhenReady(const QFuture<QHttpServerResponse> &future, QHttpServerResponder &&responder)
{
    const QPointer<QTcpSocket> socket = responder.socket();
    auto held = std::make_shared<QHttpServerResponder>(std::move(responder));
    auto *watcher = new QFutureWatcher<QHttpServerResponse>;
    QObject::connect(watcher, &QFutureWatcherBase::finished, watcher, [watcher, held, socket] {
        if (socket) {
            QHttpServerResponse response = watcher->future().takeResult();
            response.write(std::move(*held));
        }
        watcher->deleteLater();
    });
    watcher->setFuture(future);
}

// A route handler that returns a QFuture, as one that answers through its responder.
template<typename Handler>
auto answered(Handler handler)
{
    return [handler](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
        if constexpr (std::is_invocable_v<Handler, const QHttpServerRequest &>)
            answerWhenReady(handler(request), std::move(responder));
        else
            answerWhenReady(handler(), std::move(responder));
    };
}

// The same for routes with an <arg> in their path.
template<typename Handler>
auto answeredWithArg(Handler handler)
{
    return [handler](const QString &arg, const QHttpServerRequest &request,
                     QHttpServerResponder &&responder) {
        answerWhenReady(handler(arg, request), std::move(responder));
    };
}

QByteArray etagOf(const QJsonObject &order)
{
    return '"' + QByteArray::number(order.value(u"version"_s).toInt()) + '"';
}

QHttpServerResponse orderResponse(const QJsonObject &order)
{
    QHttpServerResponse response = json(200, QJsonDocument(order).toJson(QJsonDocument::Compact));
    response.setHeader("ETag", etagOf(order));
    return response;
}

// 409 for a stale version: the problem, with the order as it is now so the caller can see what
// changed.
QHttpServerResponse staleVersion(const QJsonObject &current)
{
    const Error error{u"order.version_conflict"_s,
                      QCoreApplication::translate("counterline::server",
                                                  "The order was changed by someone else; it is "
                                                  "now at version %1.")
                          .arg(current.value(u"version"_s).toInt())};
    QJsonObject body = protocol::Problem::fromError(error, 409).toJson();
    body.insert(u"order"_s, current);
    QHttpServerResponse response(QByteArray(protocol::kProblemContentType.data()),
                                 QJsonDocument(body).toJson(QJsonDocument::Compact),
                                 StatusCode::Conflict);
    response.setHeader("ETag", etagOf(current));
    return response;
}

Error translatedError(const char *code, const char *text)
{
    return Error{QString::fromLatin1(code),
                 QCoreApplication::translate("counterline::server", text)};
}

QHttpServerResponse missingKey()
{
    return problem(
        translatedError("request.missing_idempotency_key",
                        "This request needs an Idempotency-Key header (1 to 255 characters)."));
}

} // namespace

HttpApi::HttpApi(ServerDatabase &database, const Clock &clock)
    : m_database(database)
    , m_clock(clock)
{
    m_pool.setMaxThreadCount(std::max(4, QThread::idealThreadCount() * 2));
    m_longPolls.setMaxThreadCount(16);
    addRoutes();
}

HttpApi::~HttpApi()
{
    drain();
}

void HttpApi::shutDown(std::function<void()> done)
{
    m_sagaTimer.stop();
    m_webhookTimer.stop();
    m_natsTimer.stop();
    m_stopping.storeRelease(1);
    m_bell.ring(); // long polls answer now
    const auto servers = m_http.servers();
    for (QTcpServer *server : servers)
        server->close();
    qCInfo(lcHttp) << "stopping: no new connections;" << m_inFlight.loadRelaxed()
                   << "requests in flight";
    // Poll until the workers are done, then give the HTTP thread a moment to write the last
    // answers out before the event loop ends.
    auto *poll = new QTimer(&m_purgeTimer);
    QObject::connect(poll, &QTimer::timeout, poll, [this, poll, done = std::move(done)] {
        if (m_inFlight.loadAcquire() > 0)
            return;
        poll->stop();
        poll->deleteLater();
        QTimer::singleShot(200, done);
    });
    poll->start(20);
}

void HttpApi::drain()
{
    m_stopping.storeRelease(1);
    m_bell.ring();
    m_longPolls.waitForDone();
    m_pool.waitForDone();
}

Result<quint16> HttpApi::listen(const QHostAddress &address, quint16 port,
                                const std::optional<QSslConfiguration> &tls)
{
    quint16 bound = 0;
    if (tls) {
        auto *server = new QSslServer(&m_http);
        server->setSslConfiguration(*tls);
        if (server->listen(address, port)) {
            m_http.bind(server);
            bound = server->serverPort();
        }
    } else {
        bound = m_http.listen(address, port);
    }
    if (bound == 0) {
        return Error{u"server.listen_failed"_s,
                     QCoreApplication::translate("counterline::server",
                                                 "Cannot listen on %1:%2 (in use, or not allowed).")
                         .arg(address.toString())
                         .arg(port)};
    }
    return bound;
}

void HttpApi::purgeKeys(std::chrono::hours retention, std::chrono::milliseconds interval)
{
    auto purge = [this, retention] {
        (void)QtConcurrent::run(&m_pool, [this, retention] {
            Result<QSqlDatabase> db = m_database.connection();
            if (!db)
                return;
            Result<int> purged = Idempotency::purge(*db, retention, m_clock.now());
            if (!purged)
                qCWarning(lcHttp) << "purging idempotency keys failed:" << purged.error().message;
            else if (*purged > 0)
                qCInfo(lcHttp) << "purged" << *purged << "idempotency keys older than"
                               << retention.count() / 24 << "days";
        });
    };
    QObject::connect(&m_purgeTimer, &QTimer::timeout, &m_purgeTimer, purge);
    m_purgeTimer.start(interval);
    purge();
}

void HttpApi::recoverSagas(std::chrono::milliseconds interval)
{
    QObject::connect(&m_sagaTimer, &QTimer::timeout, &m_sagaTimer, [this] { runDueSagas(); });
    m_sagaTimer.start(interval);
    runDueSagas();
}

void HttpApi::relayWebhooks(std::chrono::milliseconds interval)
{
    QObject::connect(&m_webhookTimer, &QTimer::timeout, &m_webhookTimer, [this] {
        if (!m_webhooksRunning.testAndSetOrdered(0, 1))
            return;
        (void)QtConcurrent::run(&m_pool, [this] {
            Result<QSqlDatabase> db = m_database.connection();
            Result<int> delivered =
                db ? WebhookRelay::deliverDue(*db, m_clock) : Result<int>(db.error());
            if (!delivered)
                qCWarning(lcHttp) << "webhook relay failed:" << delivered.error().message;
            m_webhooksRunning.storeRelease(0);
        });
    });
    m_webhookTimer.start(interval);
}

void HttpApi::relayToNats(const QString &url, std::chrono::milliseconds interval)
{
    m_nats = std::make_unique<NatsRelay>(url);
    QObject::connect(&m_natsTimer, &QTimer::timeout, &m_natsTimer, [this] {
        if (!m_natsRunning.testAndSetOrdered(0, 1))
            return;
        (void)QtConcurrent::run(&m_pool, [this] {
            Result<QSqlDatabase> db = m_database.connection();
            Result<int> published = db ? m_nats->publishDue(*db) : Result<int>(db.error());
            if (!published)
                qCWarning(lcHttp) << "NATS relay:" << published.error().message;
            m_natsRunning.storeRelease(0);
        });
    });
    m_natsTimer.start(interval);
}

void HttpApi::runDueSagas()
{
    if (!m_sagasRunning.testAndSetOrdered(0, 1))
        return; // the last round is still going
    (void)QtConcurrent::run(&m_pool, [this] {
        Result<QSqlDatabase> db = m_database.connection();
        const SagaContext context{m_payments, m_clock, m_keyLease};
        Result<QStringList> due =
            db ? OrderSaga::due(*db, m_clock.now(), 100) : Result<QStringList>(db.error());
        if (!due)
            qCWarning(lcHttp) << "looking for sagas to resume failed:" << due.error().message;
        for (const QString &orderId : due ? *due : QStringList()) {
            Result<bool> claimed = OrderSaga::claim(*db, orderId, m_clock.now(), m_keyLease);
            if (!claimed || !*claimed)
                continue; // a request runs it
            Result<SagaState> saga = OrderSaga::advance(*db, orderId, context);
            if (!saga)
                qCWarning(lcHttp) << "saga of order" << orderId
                                  << "failed:" << saga.error().message;
            else
                qCInfo(lcHttp) << "saga of order" << orderId << "resumed, now at" << saga->step;
            m_bell.ring();
        }
        // Refunds the server owes (a cancel of an order whose card it captured, a sale voided
        // while its card was captured): each settled through the payment service.
        Result<QList<RefundStep>> refunds =
            db ? CardRefunds::due(*db, m_clock.now(), 100) : Result<QList<RefundStep>>(db.error());
        for (const RefundStep &refund : refunds ? *refunds : QList<RefundStep>()) {
            Result<RefundStep> step =
                CardRefunds::settle(*db, refund.orderId, refund.n, m_payments, m_clock, m_keyLease);
            if (!step)
                qCWarning(lcHttp) << "refund" << refund.n << "of order" << refund.orderId
                                  << "failed:" << step.error().message;
            else
                qCInfo(lcHttp) << "refund" << refund.n << "of order" << refund.orderId << "is"
                               << step->state;
        }
        m_sagasRunning.storeRelease(0);
    });
}

void HttpApi::settleSoon(const QString &orderId)
{
    // After the answer: the order's saga (a capture that must now not happen, or be refunded)
    // and its refunds, on the pool, so that a slow payment service never holds up the request.
    (void)QtConcurrent::run(&m_pool, [this, orderId] {
        Result<QSqlDatabase> db = m_database.connection();
        if (!db)
            return;
        const SagaContext context{m_payments, m_clock, m_keyLease};
        Result<SagaState> saga = OrderSaga::read(*db, orderId);
        if (saga && !saga->finished()) {
            Result<bool> claimed = OrderSaga::claim(*db, orderId, m_clock.now(), m_keyLease);
            if (claimed && *claimed)
                (void)OrderSaga::advance(*db, orderId, context);
        }
        Result<int> left = CardRefunds::settleOrder(*db, orderId, m_payments, m_clock, m_keyLease);
        if (!left)
            qCWarning(lcHttp) << "refunds of order" << orderId << "failed:" << left.error().message;
        m_bell.ring();
    });
}

void HttpApi::addRoutes()
{
    // Authenticates on the worker, runs `work` with the caller, and turns errors into problems.
    auto onPoolOf = [this](QThreadPool *pool, Incoming incoming, auto work) {
        QElapsedTimer timer;
        timer.start();
        m_inFlight.ref();
        return QtConcurrent::run(pool, [this, incoming = std::move(incoming), work, timer]() {
            auto respond = [&]() {
                Result<QSqlDatabase> db = m_database.connection();
                if (!db)
                    return problem(db.error());
                Result<std::optional<Principal>> caller =
                    Principals::authenticate(*db, incoming.token);
                if (!caller)
                    return problem(caller.error());
                if (!caller->has_value()) {
                    return problem(translatedError("auth.unauthenticated",
                                                   "Send an enrolled terminal's or user's token "
                                                   "as Authorization: Bearer <token>."));
                }
                return work(*db, **caller, incoming);
            };
            // A busy database (another writer held it past the busy timeout, or a snapshot went
            // stale) is tried again a few times with a growing random pause, then answered 503.
            QHttpServerResponse response = respond();
            for (int attempt = 1; t_databaseBusy && attempt <= kBusyRetries; ++attempt) {
                t_databaseBusy = false;
                QThread::msleep(QRandomGenerator::global()->bounded(20u * attempt, 60u * attempt));
                response = respond();
            }
            t_databaseBusy = false;
            if (incoming.method != "GET")
                m_bell.ring(); // it may have written events
            const qint64 elapsed = timer.nsecsElapsed();
            m_metrics.recordRequest(routeLabel(incoming), int(response.statusCode()), elapsed);
            qCInfo(lcAccess).noquote().nospace()
                << "method=" << incoming.method << " path=" << incoming.path
                << " status=" << int(response.statusCode())
                << " ms=" << QString::number(double(elapsed) / 1e6, 'f', 3)
                << " key=" << (incoming.idempotencyKey.isEmpty() ? "-" : incoming.idempotencyKey);
            if (response.statusCode() == StatusCode::Conflict && response.hasHeader("ETag"))
                m_metrics.recordVersionConflict();
            m_inFlight.deref();
            return response;
        });
    };
    auto onPool = [this, onPoolOf](Incoming incoming, auto work) {
        return onPoolOf(&m_pool, std::move(incoming), std::move(work));
    };

    m_http.route(u"/metrics"_s, QHttpServerRequest::Method::Get, [this] {
        return QHttpServerResponse("text/plain; version=0.0.4", m_metrics.render(), StatusCode::Ok);
    });

    m_http.route(u"/healthz"_s, QHttpServerRequest::Method::Get, answered([this] {
                     return QtConcurrent::run(&m_pool, [this] {
                         Result<QSqlDatabase> db = m_database.connection();
                         if (!db)
                             return problem(db.error());
                         return json(200, R"({"status":"ok"})");
                     });
                 }));

    // The Idempotency-Key flow of BRIEF §5 around `run`, which must complete the key in its own
    // transaction (IdempotencySlot). Validation happens before, so bad requests keep their key.
    auto idempotent = [this](const QSqlDatabase &db, const Principal &caller, const Incoming &in,
                             const QByteArray &fingerprint, auto run) {
        if (in.idempotencyKey.isEmpty() || in.idempotencyKey.size() > 255)
            return missingKey();
        const QString key = QString::fromUtf8(in.idempotencyKey);
        const QDateTime now = m_clock.now();
        Result<IdempotencyDecision> decision =
            Idempotency::begin(db, caller.id, key, fingerprint, now, m_keyLease);
        if (!decision)
            return problem(decision.error());
        switch (decision->kind) {
        case IdempotencyDecision::Kind::Replay:
            m_metrics.recordReplay();
            return json(decision->status, decision->body);
        case IdempotencyDecision::Kind::Mismatch:
            return problem(translatedError("idempotency.key_reused",
                                           "This Idempotency-Key was used for a different "
                                           "request."));
        case IdempotencyDecision::Kind::InFlight:
            return problem(translatedError("idempotency.in_flight",
                                           "A request with this Idempotency-Key is still being "
                                           "processed."));
        case IdempotencyDecision::Kind::Proceed:
            break;
        }
        Result<IngestAnswer> answer = run(IdempotencySlot{caller.id, key}, now);
        if (!answer) {
            (void)Idempotency::release(db, caller.id, key);
            return problem(answer.error());
        }
        return json(answer->status, answer->body);
    };

    // Refused on the HTTP thread without touching the pool: nothing to look up.
    auto tooLarge = [] {
        return QtFuture::makeReadyFuture(
            problem(translatedError("request.too_large", "The body is larger than 1 MiB.")));
    };

    m_http.route(u"/v1/orders"_s, QHttpServerRequest::Method::Post,
                 answered([this, onPool, idempotent, tooLarge](const QHttpServerRequest &request) {
                     Incoming incoming = copy(request, "POST");
                     if (incoming.body.size() > kMaxBodyBytes)
                         return tooLarge();
                     return onPool(std::move(incoming), [this, idempotent](const QSqlDatabase &db,
                                                                           const Principal &caller,
                                                                           const Incoming &in) {
                         if (in.idempotencyKey.isEmpty())
                             return missingKey();
                         Result<WireOrder> order = OrderIngest::parse(in.body);
                         if (!order)
                             return problem(order.error());
                         const QByteArray fingerprint =
                             fingerprintOfCanonical(in.method, in.path, order->canonical);
                         auto place = [&](const IdempotencySlot &slot,
                                          const QDateTime &now) -> Result<IngestAnswer> {
                             // Nothing is reserved for a card this server cannot charge.
                             if (order->isRemote() && !m_payments.isConfigured()) {
                                 return Error{u"payments.unavailable"_s,
                                              QCoreApplication::translate(
                                                  "counterline::server",
                                                  "This server takes no card payments: it was "
                                                  "started without --payments.")};
                             }
                             Result<IngestAnswer> placed =
                                 OrderIngest::ingest(db, caller, *order, now, slot, m_keyLease);
                             if (!placed || !order->isRemote())
                                 return placed;
                             // A remote order is answered when its saga has run.
                             return OrderSaga::answerRequest(
                                 db, order->id, placed->status,
                                 SagaContext{m_payments, m_clock, m_keyLease}, slot);
                         };
                         return idempotent(db, caller, in, fingerprint, place);
                     });
                 }));

    m_http.route(u"/v1/orders"_s, QHttpServerRequest::Method::Get,
                 answered([onPool](const QHttpServerRequest &request) {
                     return onPool(
                         copy(request, "GET"),
                         [](const QSqlDatabase &db, const Principal &caller, const Incoming &in) {
                             Result<OrderQuery> query = OrderListing::fromUrlQuery(in.query);
                             if (!query)
                                 return problem(query.error());
                             Result<QJsonObject> page = OrderListing::page(db, caller, *query);
                             if (!page)
                                 return problem(page.error());
                             return json(200, QJsonDocument(*page).toJson(QJsonDocument::Compact));
                         });
                 }));

    m_http.route(u"/v1/orders/<arg>"_s, QHttpServerRequest::Method::Get,
                 answeredWithArg([onPool](const QString &id, const QHttpServerRequest &request) {
                     return onPool(
                         copy(request, "GET"),
                         [id](const QSqlDatabase &db, const Principal &caller, const Incoming &) {
                             Result<QJsonObject> order = OrderIngest::orderDetailJson(db, id);
                             if (!order)
                                 return problem(order.error());
                             if (!caller.mayAccessStore(order->value(u"store_id"_s).toString())) {
                                 return problem(translatedError(
                                     "auth.forbidden", "This order belongs to another store."));
                             }
                             return orderResponse(*order);
                         });
                 }));

    m_http.route(
        u"/v1/orders/<arg>/events"_s, QHttpServerRequest::Method::Post,
        answeredWithArg([this, onPool, tooLarge](const QString &id,
                                                 const QHttpServerRequest &request) {
            Incoming incoming = copy(request, "POST");
            if (incoming.body.size() > kMaxBodyBytes)
                return tooLarge();
            return onPool(
                std::move(incoming),
                [this, id](const QSqlDatabase &db, const Principal &caller, const Incoming &in) {
                    const QJsonDocument document = QJsonDocument::fromJson(in.body);
                    const QJsonObject body = document.object();
                    const QJsonValue event = body.value(u"event"_s);
                    const QJsonValue expected = body.value(u"expected_version"_s);
                    if (!document.isObject() || !event.isString()) {
                        return problem(
                            translatedError("request.invalid_field", "\"event\" must be a string"));
                    }
                    // The version the caller saw: "expected_version", or If-Match: "<version>".
                    int version = -1;
                    if (expected.isDouble())
                        version = expected.toInt(-1);
                    if (!in.ifMatch.isEmpty()) {
                        bool numeric = false;
                        const int matched = QByteArray(in.ifMatch).replace('"', "").toInt(&numeric);
                        if (!numeric || (version >= 0 && version != matched)) {
                            return problem(translatedError(
                                "request.invalid_field",
                                "\"If-Match\" must be the quoted version and agree with "
                                "\"expected_version\""));
                        }
                        version = matched;
                    }
                    if (version < 1) {
                        return problem(translatedError(
                            "request.invalid_field",
                            "\"expected_version\" (or If-Match) must name the version you saw"));
                    }
                    Result<std::optional<JournalLink>> journal = JournalLinks::parse(body);
                    if (!journal)
                        return problem(journal.error());
                    Result<TillRecord> till = TillRecord::parse(body);
                    if (!till)
                        return problem(till.error());
                    Result<TransitionOutcome> outcome = OrderService::applyEvent(
                        db, caller, id, event.toString(), version, m_clock.now(), *journal, *till);
                    if (!outcome)
                        return problem(outcome.error());
                    if (!outcome->applied)
                        return staleVersion(outcome->order);
                    if (event.toString() == u"Cancel"_s || event.toString() == u"Refund"_s)
                        settleSoon(id); // its money goes back
                    return orderResponse(outcome->order);
                });
        }));

    m_http.route(
        u"/v1/orders/<arg>/cancel"_s, QHttpServerRequest::Method::Post,
        answeredWithArg([this, onPool, idempotent, tooLarge](const QString &id,
                                                             const QHttpServerRequest &request) {
            Incoming incoming = copy(request, "POST");
            if (incoming.body.size() > kMaxBodyBytes)
                return tooLarge();
            return onPool(std::move(incoming), [this, id, idempotent](const QSqlDatabase &db,
                                                                      const Principal &caller,
                                                                      const Incoming &in) {
                const QJsonDocument document = QJsonDocument::fromJson(in.body);
                const QJsonObject body = document.object();
                if (!document.isObject() || !body.value(u"reason"_s).isString()) {
                    return problem(
                        translatedError("request.invalid_field", "\"reason\" must be a string"));
                }
                Result<std::optional<JournalLink>> journal = JournalLinks::parse(body);
                if (!journal)
                    return problem(journal.error());
                Result<TillRecord> till = TillRecord::parse(body);
                if (!till)
                    return problem(till.error());
                const CancelRequest cancel{
                    body.value(u"reason"_s).toString(), body.value(u"restock"_s).toBool(true),
                    body.value(u"refund_tenders"_s).toBool(true), *journal, *till};
                // Who cancelled is told, not asked for: a cancel sent before a till
                // learnt to name its cashier is the same request.
                QJsonObject asked = body;
                asked.remove(u"actor"_s);
                asked.remove(u"approved_by"_s);
                const QByteArray fingerprint = fingerprintOfCanonical(
                    in.method, in.path, QJsonDocument(asked).toJson(QJsonDocument::Compact));
                QHttpServerResponse response =
                    idempotent(db, caller, in, fingerprint,
                               [&](const IdempotencySlot &slot, const QDateTime &now) {
                                   return OrderService::cancel(db, caller, id, cancel, now, slot);
                               });
                if (response.statusCode() == StatusCode::Ok)
                    settleSoon(id);
                return response;
            });
        }));

    // Who the token belongs to, and its store's terms: what a terminal needs to set itself up.
    m_http.route(u"/v1/terminal"_s, QHttpServerRequest::Method::Get,
                 answered([onPool](const QHttpServerRequest &request) {
                     return onPool(copy(request, "GET"), [](const QSqlDatabase &db,
                                                            const Principal &caller,
                                                            const Incoming &) {
                         if (!caller.isTerminal()) {
                             return problem(translatedError("auth.forbidden",
                                                            "Only a terminal's token has a store "
                                                            "to describe."));
                         }
                         Result<StoreSpec> store = Principals::store(db, caller.storeId);
                         if (!store)
                             return problem(store.error());
                         const QJsonObject body{
                             {u"store_id"_s, store->id},
                             {u"terminal_id"_s, caller.name},
                             {u"store_name"_s, store->name},
                             {u"currency"_s, store->currency},
                             {u"tax_mode"_s, store->policy.taxMode == TaxMode::PricesIncludeTax
                                                 ? u"inclusive"_s
                                                 : u"exclusive"_s},
                             {u"rounding"_s, roundingRuleName(store->policy.rounding)}};
                         return json(200, QJsonDocument(body).toJson(QJsonDocument::Compact));
                     });
                 }));

    // The outbox's events after a cursor; with wait=, held open until the first one arrives.
    m_http.route(
        u"/v1/events"_s, QHttpServerRequest::Method::Get,
        answered([this, onPoolOf](const QHttpServerRequest &request) {
            return onPoolOf(
                &m_longPolls, copy(request, "GET"),
                [this](const QSqlDatabase &db, const Principal &caller, const Incoming &in) {
                    Result<EventQuery> query = EventOutbox::fromUrlQuery(in.query);
                    if (!query)
                        return problem(query.error());
                    const QDeadlineTimer deadline(std::chrono::seconds(query->waitSeconds));
                    while (true) {
                        const quint64 seen = m_bell.rings();
                        Result<QJsonObject> page = EventOutbox::page(db, caller, *query);
                        if (!page)
                            return problem(page.error());
                        if (!page->value(u"events"_s).toArray().isEmpty() ||
                            deadline.hasExpired() || m_stopping.loadAcquire()) {
                            return json(200, QJsonDocument(*page).toJson(QJsonDocument::Compact));
                        }
                        const qint64 left = deadline.remainingTime();
                        m_bell.waitAfter(seen, QDeadlineTimer(std::min<qint64>(left, 1000)));
                    }
                });
        }));

    // Where an order's saga stands, step by step.
    m_http.route(u"/v1/orders/<arg>/saga"_s, QHttpServerRequest::Method::Get,
                 answeredWithArg([onPool](const QString &id, const QHttpServerRequest &request) {
                     return onPool(
                         copy(request, "GET"),
                         [id](const QSqlDatabase &db, const Principal &caller, const Incoming &) {
                             Result<QJsonObject> order = OrderIngest::orderJson(db, id);
                             if (!order)
                                 return problem(order.error());
                             if (!caller.mayAccessStore(order->value(u"store_id"_s).toString())) {
                                 return problem(translatedError(
                                     "auth.forbidden", "This order belongs to another store."));
                             }
                             Result<QJsonObject> saga = OrderSaga::report(db, id);
                             if (!saga)
                                 return problem(saga.error());
                             return json(200, QJsonDocument(*saga).toJson(QJsonDocument::Compact));
                         });
                 }));

    // The follow-up list (BRIEF §11): what needs a person at head office.
    m_http.route(u"/v1/follow-ups"_s, QHttpServerRequest::Method::Get,
                 answered([onPool](const QHttpServerRequest &request) {
                     return onPool(
                         copy(request, "GET"),
                         [](const QSqlDatabase &db, const Principal &caller, const Incoming &in) {
                             Result<FollowUpQuery> query = FollowUps::fromUrlQuery(in.query);
                             if (!query)
                                 return problem(query.error());
                             Result<QJsonObject> list = FollowUps::list(db, caller, *query);
                             if (!list)
                                 return problem(list.error());
                             return json(200, QJsonDocument(*list).toJson(QJsonDocument::Compact));
                         });
                 }));

    // A note on a follow-up, settling it when "settle" is true: head office only.
    m_http.route(
        u"/v1/follow-ups/<arg>/notes"_s, QHttpServerRequest::Method::Post,
        answeredWithArg([onPool, idempotent, tooLarge](const QString &arg,
                                                       const QHttpServerRequest &request) {
            Incoming incoming = copy(request, "POST");
            if (incoming.body.size() > kMaxBodyBytes)
                return tooLarge();
            return onPool(std::move(incoming), [arg, idempotent](const QSqlDatabase &db,
                                                                 const Principal &caller,
                                                                 const Incoming &in) {
                bool numeric = false;
                const qint64 id = arg.toLongLong(&numeric);
                const QJsonDocument document = QJsonDocument::fromJson(in.body);
                const QJsonObject body = document.object();
                if (!numeric || id < 1) {
                    return problem(
                        translatedError("follow_up.not_found", "There is no such follow-up."));
                }
                if (!document.isObject() || !body.value(u"note"_s).isString() ||
                    !(body.value(u"settle"_s).isBool() || body.value(u"settle"_s).isUndefined())) {
                    return problem(
                        translatedError("request.invalid_field",
                                        "\"note\" must be a text and \"settle\" true or false"));
                }
                return idempotent(db, caller, in, requestFingerprint(in.method, in.path, in.body),
                                  [&](const IdempotencySlot &slot, const QDateTime &now) {
                                      return FollowUps::addNote(
                                          db, caller, id, body.value(u"note"_s).toString(),
                                          body.value(u"settle"_s).toBool(false), now, slot);
                                  });
            });
        }));

    // State changes made on the server after a cursor (terminals: to their own orders).
    m_http.route(u"/v1/changes"_s, QHttpServerRequest::Method::Get,
                 answered([onPool](const QHttpServerRequest &request) {
                     return onPool(
                         copy(request, "GET"),
                         [](const QSqlDatabase &db, const Principal &caller, const Incoming &in) {
                             Result<QJsonObject> page = OrderChanges::page(db, caller, in.query);
                             if (!page)
                                 return problem(page.error());
                             return json(200, QJsonDocument(*page).toJson(QJsonDocument::Compact));
                         });
                 }));

    // The calling terminal's journal as the server holds it: gaps are entries that never arrived.
    m_http.route(
        u"/v1/terminal/journal"_s, QHttpServerRequest::Method::Get,
        answered([onPool](const QHttpServerRequest &request) {
            return onPool(copy(request, "GET"), [](const QSqlDatabase &db, const Principal &caller,
                                                   const Incoming &) {
                if (!caller.isTerminal()) {
                    return problem(translatedError("auth.forbidden",
                                                   "Only a terminal's token has a journal."));
                }
                Result<JournalContinuity> continuity = JournalLinks::check(db, caller.id);
                if (!continuity)
                    return problem(continuity.error());
                return json(200,
                            QJsonDocument(continuity->toJson()).toJson(QJsonDocument::Compact));
            });
        }));

    // A generic entry of the calling till's journal (a PIN lockout, …): checked and kept.
    m_http.route(u"/v1/journal"_s, QHttpServerRequest::Method::Post,
                 answered([onPool, idempotent, tooLarge](const QHttpServerRequest &request) {
                     Incoming incoming = copy(request, "POST");
                     if (incoming.body.size() > kMaxBodyBytes)
                         return tooLarge();
                     return onPool(std::move(incoming), [idempotent](const QSqlDatabase &db,
                                                                     const Principal &caller,
                                                                     const Incoming &in) {
                         return idempotent(
                             db, caller, in, requestFingerprint(in.method, in.path, in.body),
                             [&](const IdempotencySlot &slot, const QDateTime &now) {
                                 return JournalEntries::receive(db, caller, in.body, now, slot);
                             });
                     });
                 }));

    // Generic journal entries as received, newest first (?kind=pin_lockout&limit=).
    m_http.route(
        u"/v1/journal/entries"_s, QHttpServerRequest::Method::Get,
        answered([onPool](const QHttpServerRequest &request) {
            return onPool(copy(request, "GET"), [](const QSqlDatabase &db, const Principal &caller,
                                                   const Incoming &in) {
                const QUrlQuery query(in.query);
                bool numeric = true;
                const int limit = query.hasQueryItem(u"limit"_s)
                                      ? query.queryItemValue(u"limit"_s).toInt(&numeric)
                                      : 100;
                if (!numeric || limit < 1 || limit > 500) {
                    return problem(translatedError("request.invalid_field",
                                                   "\"limit\" must be a number from 1 to 500"));
                }
                Result<QJsonObject> entries = JournalEntries::list(
                    db, caller, query.queryItemValue(u"kind"_s, QUrl::FullyDecoded), limit);
                if (!entries)
                    return problem(entries.error());
                return json(200, QJsonDocument(*entries).toJson(QJsonDocument::Compact));
            });
        }));

    // Every terminal (of the stores the caller may see) whose journal is not continuous.
    m_http.route(u"/v1/journal/gaps"_s, QHttpServerRequest::Method::Get,
                 answered([onPool](const QHttpServerRequest &request) {
                     return onPool(copy(request, "GET"), [](const QSqlDatabase &db,
                                                            const Principal &caller,
                                                            const Incoming &) {
                         Result<QJsonObject> report = JournalLinks::report(db, caller);
                         if (!report)
                             return problem(report.error());
                         return json(200, QJsonDocument(*report).toJson(QJsonDocument::Compact));
                     });
                 }));

    m_http.route(
        u"/v1/catalog"_s, QHttpServerRequest::Method::Get,
        answered([onPool](const QHttpServerRequest &request) {
            return onPool(copy(request, "GET"), [](const QSqlDatabase &db, const Principal &caller,
                                                   const Incoming &in) {
                const QUrlQuery query(in.query);
                bool sinceOk = true;
                bool limitOk = true;
                const qint64 since = query.hasQueryItem(u"since"_s)
                                         ? query.queryItemValue(u"since"_s).toLongLong(&sinceOk)
                                         : 0;
                const int limit = query.hasQueryItem(u"limit"_s)
                                      ? query.queryItemValue(u"limit"_s).toInt(&limitOk)
                                      : 1000;
                if (!sinceOk || since < 0 || !limitOk || limit < 1 || limit > 5000) {
                    return problem(
                        translatedError("request.invalid_field",
                                        "\"since\" must be a cursor from an earlier answer and "
                                        "\"limit\" a number from 1 to 5000"));
                }
                Result<QJsonObject> changes = CatalogService::changes(db, caller, since, limit);
                if (!changes)
                    return problem(changes.error());
                return json(200, QJsonDocument(*changes).toJson(QJsonDocument::Compact));
            });
        }));

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
