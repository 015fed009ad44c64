#include "server/request_runner.h"

#include <QLoggingCategory>

using namespace Qt::StringLiterals;

// One line per request, key=value, off by default:
// QT_LOGGING_RULES="counterline.server.access.info=true"
Q_LOGGING_CATEGORY(lcAccess, "counterline.server.access", QtWarningMsg)

namespace counterline::server {

QHttpServerResponse RequestRunner::unauthenticated()
{
    return problem(translatedError(
        "auth.unauthenticated",
        QT_TRANSLATE_NOOP("counterline::server", "Send an enrolled terminal's or user's token as "
                                                 "Authorization: Bearer <token>.")));
}

Result<std::optional<httpkit::KeyOutcome>>
RequestRunner::earlier(const QSqlDatabase &db, const QString &principalId, const QString &key,
                       const QByteArray &fingerprint, const QDateTime &now) const
{
    using Kind = httpkit::KeyOutcome::Kind;
    Result<IdempotencyDecision> decision =
        Idempotency::begin(db, principalId, key, fingerprint, now, m_keyLease);
    if (!decision)
        return decision.error();
    switch (decision->kind) {
    case IdempotencyDecision::Kind::Proceed:
        return std::optional<httpkit::KeyOutcome>();
    case IdempotencyDecision::Kind::Replay:
        return std::optional(
            httpkit::KeyOutcome{Kind::Replay, decision->status, decision->body, {}});
    case IdempotencyDecision::Kind::Mismatch:
        return std::optional(httpkit::KeyOutcome{Kind::Mismatch, 0, {}, {}});
    case IdempotencyDecision::Kind::InFlight:
        break;
    }
    return std::optional(httpkit::KeyOutcome{Kind::InFlight, 0, {}, {}});
}

httpkit::KeyRefusals RequestRunner::keyRefusals()
{
    return httpkit::KeyRefusals{
        translatedError(
            "idempotency.key_reused",
            QT_TRANSLATE_NOOP("counterline::server",
                              "This Idempotency-Key was used for a different request.")),
        translatedError(
            "idempotency.in_flight",
            QT_TRANSLATE_NOOP("counterline::server",
                              "A request with this Idempotency-Key is still being processed."))};
}

void RequestRunner::finish(const Incoming &incoming, const QHttpServerResponse &response,
                           qint64 elapsed)
{
    if (incoming.method != "GET")
        m_bell.ring(); // it may have written events
    m_metrics.recordRequest(m_routes.labelOf(incoming.method, incoming.path),
                            int(response.statusCode()), elapsed);
    // Everything the client sent is printed escaped: a path cannot forge a line.
    qCInfo(lcAccess).noquote().nospace()
        << "method=" << httpkit::printable(incoming.method)
        << " path=" << httpkit::printable(incoming.path) << " status=" << int(response.statusCode())
        << " ms=" << QString::number(double(elapsed) / 1e6, 'f', 3) << " key="
        << (incoming.idempotencyKey.isEmpty() ? u"-"_s
                                              : httpkit::printable(incoming.idempotencyKey));
    if (response.statusCode() == QHttpServerResponder::StatusCode::Conflict &&
        response.hasHeader("ETag")) {
        m_metrics.recordVersionConflict();
    }
    m_inFlight.deref();
}

} // namespace counterline::server
