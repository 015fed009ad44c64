#pragma once

#include "domain/error.h"
#include "domain/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

namespace counterline::protocol {

// An RFC 9457 problem detail, the body of every error answer of the v1 API. `code` is the
// stable, dotted Counterline error code ("order.illegal_transition") that programs act on.
struct Problem
{
    Q_DECLARE_TR_FUNCTIONS(Problem)

public:
    QString type = QStringLiteral("about:blank");
    QString title;
    int status = 0;
    QString code;
    QString detail;

    static Problem fromError(const Error &error, int httpStatus);
    Error toError() const;

    QJsonObject toJson() const;
    QByteArray toBody() const; // compact JSON, for application/problem+json
    static Result<Problem> fromBody(const QByteArray &body);

    friend bool operator==(const Problem &, const Problem &) = default;
};

inline constexpr QLatin1StringView kProblemContentType{"application/problem+json"};

// HTTP's reason phrase for `status` ("Content Too Large"), the title of a problem without one.
QString reasonPhrase(int status);

} // namespace counterline::protocol
