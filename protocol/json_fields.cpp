#include "protocol/json_fields.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace counterline::protocol {

JsonFields::JsonFields(QJsonObject object, QString path)
    : m_object(std::move(object))
    , m_path(std::move(path))
{}

QString JsonFields::text(const QString &name, bool required)
{
    const QJsonValue value = m_object.value(name);
    if (value.isUndefined() || value.isNull()) {
        if (required)
            fail(name,
                 QCoreApplication::translate("counterline::protocol::JsonFields", "is missing"));
        return {};
    }
    if (!value.isString()) {
        fail(name,
             QCoreApplication::translate("counterline::protocol::JsonFields", "must be a string"));
        return {};
    }
    if (required && value.toString().isEmpty())
        fail(name,
             QCoreApplication::translate("counterline::protocol::JsonFields", "must not be empty"));
    return value.toString();
}

qint64 JsonFields::integer(const QString &name, qint64 minimum, qint64 maximum, bool required,
                           qint64 fallback)
{
    const QJsonValue value = m_object.value(name);
    if (value.isUndefined() || value.isNull()) {
        if (required)
            fail(name,
                 QCoreApplication::translate("counterline::protocol::JsonFields", "is missing"));
        return fallback;
    }
    const qint64 low = value.toInteger(0);
    const qint64 high = value.toInteger(1);
    if (!value.isDouble() || low != high) {
        fail(name, QCoreApplication::translate("counterline::protocol::JsonFields",
                                               "must be a whole number"));
        return fallback;
    }
    if (low < minimum || low > maximum) {
        fail(name, QCoreApplication::translate("counterline::protocol::JsonFields",
                                               "must lie between %1 and %2")
                       .arg(minimum)
                       .arg(maximum));
        return fallback;
    }
    return low;
}

bool JsonFields::boolean(const QString &name)
{
    const QJsonValue value = m_object.value(name);
    if (value.isUndefined() || value.isNull())
        return false;
    if (!value.isBool())
        fail(name, QCoreApplication::translate("counterline::protocol::JsonFields",
                                               "must be true or false"));
    return value.toBool();
}

QJsonArray JsonFields::array(const QString &name, bool required)
{
    const QJsonValue value = m_object.value(name);
    if (value.isUndefined() || value.isNull()) {
        if (required)
            fail(name,
                 QCoreApplication::translate("counterline::protocol::JsonFields", "is missing"));
        return {};
    }
    if (!value.isArray())
        fail(name,
             QCoreApplication::translate("counterline::protocol::JsonFields", "must be an array"));
    return value.toArray();
}

QString JsonFields::pathOf(const QString &name) const
{
    return m_path.isEmpty() ? name : m_path + u'.' + name;
}

void JsonFields::fail(const QString &name, const QString &problem)
{
    if (!m_error)
        m_error = Error{u"request.invalid_field"_s, u"\"%1\" %2"_s.arg(pathOf(name), problem)};
}

void JsonFields::adopt(const std::optional<Error> &error)
{
    if (!m_error && error)
        m_error = error;
}

} // namespace counterline::protocol
