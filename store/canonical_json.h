#pragma once

#include <QByteArray>
#include <QLatin1StringView>
#include <QList>
#include <QStringView>

namespace counterline::store {

// Writes the canonical JSON of the journal and the outbox straight into bytes: compact, keys in
// the order QJsonObject keeps them (sorted), integers as integers, strings escaped as
// QJsonDocument escapes them. The same as QJsonDocument(object).toJson(Compact) for the same
// object (tests compare the two), without building the object first — a checkout encodes its
// order this way on every sale.
//
// Keys must be written in sorted order; a debug build asserts it.
class CanonicalJson
{
public:
    CanonicalJson &beginObject();
    CanonicalJson &endObject();
    CanonicalJson &beginArray();
    CanonicalJson &endArray();

    CanonicalJson &key(QLatin1StringView name);
    CanonicalJson &value(qint64 number);
    CanonicalJson &value(int number) { return value(qint64(number)); }
    CanonicalJson &value(QStringView text);
    CanonicalJson &boolean(bool flag);
    CanonicalJson &null();
    // Text, or null when it is empty (optional fields of the records).
    CanonicalJson &optional(QStringView text);
    // Bytes that are already a canonical JSON value.
    CanonicalJson &raw(const QByteArray &json);

    QByteArray take() { return std::move(m_out); }

private:
    void separate();

    QByteArray m_out;
    // Whether the container being written needs a comma before its next member.
    bool m_needsComma = false;
#ifndef QT_NO_DEBUG
    QList<QLatin1StringView> m_lastKeys{QLatin1StringView()};
#endif
};

} // namespace counterline::store
