#pragma once

#include "domain/order.h"
#include "domain/tender_refund.h"
#include "store/journal.h"

#include <QByteArray>

#include <optional>

namespace counterline::store {

class CanonicalJson;

// An entry's journal link as every outbox payload carries it: {"hash", "prev_hash", "seq"}.
void writeJournalLink(CanonicalJson &json, const JournalEntry &entry);

// The canonical encodings the journal hashes and the outbox carries: compact JSON with sorted
// keys, integer minor units, UTC times with milliseconds — byte for byte what QJsonDocument writes
// for the same object (tst_canonical_json), written straight to bytes (store::CanonicalJson). The
// same order always encodes to the same bytes.
QByteArray saleRecord(const Order &order);
// A later event's record; a void or full return also says what became of each tender's money
// ("refunds": absent when there are none, so that other events encode as they always did).
QByteArray eventRecord(const QString &orderId, const OrderEventRecord &event,
                       const QList<TenderRefund> &refunds = {});

// The outbox payload of a new order: {"journal": link, "order": record}, the record's bytes as the
// journal hashed them, and the catalog the till sold from (its last catalog cursor) when it has
// pulled one.
QByteArray newOrderPayload(const QByteArray &record, const JournalEntry &journal,
                           std::optional<qint64> catalogVersion = std::nullopt);

// The outbox payload of a later event: the event's record with the version it was applied at and
// its journal link.
QByteArray eventPayload(const QString &orderId, const OrderEventRecord &event, int expectedVersion,
                        const JournalEntry &journal, const QList<TenderRefund> &refunds = {});

} // namespace counterline::store
