#pragma once

#include "domain/order.h"

#include <QByteArray>
#include <QJsonObject>

namespace counterline::store {

// The canonical encodings the journal hashes and the outbox carries: compact JSON with sorted
// keys (QJsonObject keeps keys sorted), integer minor units, UTC times with milliseconds. The
// same order always encodes to the same bytes.
QJsonObject saleRecordJson(const Order &order);
QByteArray saleRecord(const Order &order);

QJsonObject eventRecordJson(const QString &orderId, const OrderEventRecord &event);
QByteArray eventRecord(const QString &orderId, const OrderEventRecord &event);

} // namespace counterline::store
