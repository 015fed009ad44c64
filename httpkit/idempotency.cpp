#include "httpkit/idempotency.h"

#include "httpkit/responses.h"

namespace counterline::httpkit {

std::optional<QString> usableKey(const QByteArray &header)
{
    if (header.isEmpty() || header.size() > 255)
        return std::nullopt;
    return QString::fromUtf8(header);
}

QHttpServerResponse answerOf(const KeyOutcome &outcome, const KeyRefusals &refusals)
{
    switch (outcome.kind) {
    case KeyOutcome::Kind::Mismatch:
        return problemResponse(refusals.reused, 422);
    case KeyOutcome::Kind::InFlight:
        return problemResponse(refusals.inFlight, 409, 1);
    case KeyOutcome::Kind::Made:
    case KeyOutcome::Kind::Replay:
        break;
    }
    QHttpServerResponse response =
        outcome.contentType.isEmpty()
            ? jsonResponse(outcome.status, outcome.body)
            : QHttpServerResponse(outcome.contentType, outcome.body,
                                  QHttpServerResponder::StatusCode(outcome.status));
    if (outcome.kind == KeyOutcome::Kind::Replay)
        response.setHeader("Idempotent-Replayed", "true");
    return response;
}

} // namespace counterline::httpkit
