#pragma once

#include "domain/order.h"
#include "store/journal.h"

#include <QByteArray>

namespace counterline::store {

// The canonical encodings the journal hashes and the outbox carries: compact JSON with sorted
// keys, integer minor units, UTC times with milliseconds — byte for byte what QJsonDocument writes
// for the same object (tst_canonical_json), written straight to bytes (store::CanonicalJson). The
// same order always encodes to the same bytes.
QByteArray saleRecord(const Order &order);
QByteArray eventRecord(const QString &orderId, const OrderEventRecord &event);

// The outbox payload of a new order: {"journal": link, "order": record}, the record's bytes as the
// journal hashed them.
QByteArray newOrderPayload(const QByteArray &record, const JournalEntry &journal);

// The outbox payload of a later event: the event's record with the version it was applied at and
// its journal link.
QByteArray eventPayload(const QString &orderId, const OrderEventRecord &event, int expectedVersion,
                        const JournalEntry &journal);

} // namespace counterline::store
