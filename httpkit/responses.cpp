#include "httpkit/responses.h"

#include "protocol/problem.h"

namespace counterline::httpkit {

using StatusCode = QHttpServerResponder::StatusCode;

QHttpServerResponse problemResponse(const Error &error, int status, int retryAfterSeconds)
{
    QHttpServerResponse response(QByteArray(protocol::kProblemContentType.data()),
                                 protocol::Problem::fromError(error, status).toBody(),
                                 StatusCode(status));
    if (retryAfterSeconds > 0)
        response.setHeader("Retry-After", QByteArray::number(retryAfterSeconds));
    return response;
}

QHttpServerResponse jsonResponse(int status, const QByteArray &body)
{
    if (status >= 400) {
        return QHttpServerResponse(QByteArray(protocol::kProblemContentType.data()), body,
                                   StatusCode(status));
    }
    return QHttpServerResponse("application/json", body, StatusCode(status));
}

} // namespace counterline::httpkit
