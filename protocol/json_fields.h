#pragma once

#include "domain/result.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace counterline::protocol {

// The largest integer a JSON number carries exactly (2^53).
inline constexpr qint64 kLargestJsonInteger = qint64(1) << 53;

// Reads the fields of one JSON object of a request body, remembering the first problem as
// request.invalid_field with the field's full path ("lines[2].quantity must be a whole number").
class JsonFields
{
public:
    JsonFields(QJsonObject object, QString path);

    QString text(const QString &name, bool required = true);
    qint64 integer(const QString &name, qint64 minimum, qint64 maximum = kLargestJsonInteger,
                   bool required = true, qint64 fallback = 0);
    bool boolean(const QString &name);
    QJsonArray array(const QString &name, bool required = true);

    // Records `problem` for the field `name` unless a problem is recorded already.
    void fail(const QString &name, const QString &problem);
    // Takes over a nested object's first problem.
    void adopt(const std::optional<Error> &error);
    const std::optional<Error> &error() const { return m_error; }

private:
    QString pathOf(const QString &name) const;

    QJsonObject m_object;
    QString m_path;
    std::optional<Error> m_error;
};

} // namespace counterline::protocol
