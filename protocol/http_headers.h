#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QPair>

namespace counterline::protocol {

// The value of the header `name` (case-insensitive, trimmed), empty when there is none. Takes the
// header list as QHttpServerRequest::headers() gives it.
QByteArray headerValue(const QList<QPair<QByteArray, QByteArray>> &headers, QByteArrayView name);

} // namespace counterline::protocol
