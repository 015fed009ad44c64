#include "protocol/problem.h"

#include <QJsonDocument>
#include <QJsonParseError>

using namespace Qt::StringLiterals;

namespace counterline::protocol {

QString reasonPhrase(int status)
{
    switch (status) {
    case 400:
        return u"Bad Request"_s;
    case 401:
        return u"Unauthorized"_s;
    case 403:
        return u"Forbidden"_s;
    case 404:
        return u"Not Found"_s;
    case 408:
        return u"Request Timeout"_s;
    case 409:
        return u"Conflict"_s;
    case 412:
        return u"Precondition Failed"_s;
    case 413:
        return u"Content Too Large"_s;
    case 414:
        return u"URI Too Long"_s;
    case 422:
        return u"Unprocessable Content"_s;
    case 429:
        return u"Too Many Requests"_s;
    case 431:
        return u"Request Header Fields Too Large"_s;
    case 500:
        return u"Internal Server Error"_s;
    case 501:
        return u"Not Implemented"_s;
    case 503:
        return u"Service Unavailable"_s;
    case 505:
        return u"HTTP Version Not Supported"_s;
    default:
        return u"HTTP %1"_s.arg(status);
    }
}

Problem Problem::fromError(const Error &error, int httpStatus)
{
    Problem problem;
    problem.title = reasonPhrase(httpStatus);
    problem.status = httpStatus;
    problem.code = error.code;
    problem.detail = error.message;
    return problem;
}

Error Problem::toError() const
{
    return Error{code.isEmpty() ? u"http.%1"_s.arg(status) : code,
                 detail.isEmpty() ? title : detail};
}

QJsonObject Problem::toJson() const
{
    QJsonObject json{
        {u"type"_s, type}, {u"title"_s, title}, {u"status"_s, status}, {u"code"_s, code}};
    if (!detail.isEmpty())
        json.insert(u"detail"_s, detail);
    return json;
}

QByteArray Problem::toBody() const
{
    return QJsonDocument(toJson()).toJson(QJsonDocument::Compact);
}

Result<Problem> Problem::fromBody(const QByteArray &body)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        return Error{
            u"protocol.problem_malformed"_s,
            tr("The server's error answer is not a JSON object: %1").arg(parseError.errorString())};
    }
    const QJsonObject json = document.object();
    const QJsonValue status = json.value(u"status"_s);
    const QJsonValue code = json.value(u"code"_s);
    if (!status.isDouble() || !code.isString()) {
        return Error{u"protocol.problem_malformed"_s,
                     tr("The server's error answer lacks a numeric \"status\" or a \"code\".")};
    }
    Problem problem;
    problem.type = json.value(u"type"_s).toString(u"about:blank"_s);
    problem.title = json.value(u"title"_s).toString();
    problem.status = status.toInt();
    problem.code = code.toString();
    problem.detail = json.value(u"detail"_s).toString();
    return problem;
}

} // namespace counterline::protocol
