#include "server/http_answers.h"

#include "httpkit/responses.h"
#include "protocol/problem.h"

#include <QCoreApplication>
#include <QFutureInterface>
#include <QJsonDocument>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcAnswers, "counterline.server.http")

namespace counterline::server {

namespace {

// Set when a handler on this worker answered that the database was too busy.
thread_local bool t_databaseBusy = false;

QByteArray etagOf(const QJsonObject &order)
{
    return '"' + QByteArray::number(order.value(u"version"_s).toInt()) + '"';
}

} // namespace

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

QHttpServerResponse problem(Error error)
{
    if (error.code == u"sql.busy"_s)
        error.code = u"server.busy"_s;
    const int status = statusFor(error);
    if (status == 500) {
        qCWarning(lcAnswers) << "internal error:" << error.code << error.message;
        // What the database said (statements, constraint and table names) stays in the log.
        if (error.code.startsWith(u"sql."_s)) {
            error = Error{u"server.internal"_s,
                          QCoreApplication::translate("counterline::server",
                                                      "The server could not complete this "
                                                      "request; the reason is in its log.")};
        }
    }
    if (error.code == u"server.busy"_s)
        t_databaseBusy = true;
    const bool retry = error.code == u"idempotency.in_flight"_s || error.code == u"server.busy"_s;
    return httpkit::problemResponse(error, status, retry ? 1 : 0);
}

QHttpServerResponse poolFull()
{
    return httpkit::problemResponse(
        Error{u"server.busy"_s,
              QCoreApplication::translate("counterline::server",
                                          "The server is busy with requests like this one; try "
                                          "again in a moment.")},
        503, 1);
}

bool takeDatabaseBusy()
{
    const bool busy = t_databaseBusy;
    t_databaseBusy = false;
    return busy;
}

QHttpServerResponse json(int status, const QByteArray &body)
{
    return httpkit::jsonResponse(status, body);
}

QHttpServerResponse orderResponse(const QJsonObject &order)
{
    QHttpServerResponse response = json(200, QJsonDocument(order).toJson(QJsonDocument::Compact));
    response.setHeader("ETag", etagOf(order));
    return response;
}

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
                                 QHttpServerResponder::StatusCode::Conflict);
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
    return problem(translatedError(
        "request.missing_idempotency_key",
        QT_TRANSLATE_NOOP("counterline::server",
                          "This request needs an Idempotency-Key header (1 to 255 characters).")));
}

QFuture<QHttpServerResponse> tooLarge()
{
    return QtFuture::makeReadyFuture(problem(
        translatedError("request.too_large", QT_TRANSLATE_NOOP("counterline::server",
                                                               "The body is larger than 1 MiB."))));
}

} // namespace counterline::server
