#pragma once

#include "domain/result.h"
#include "server/order_ingest.h"
#include "server/principals.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QSqlDatabase>

namespace counterline::server {

// POST /v1/journal: a generic entry of a till's journal (store/journal_entries.h), its body
// {"journal": link, "kind", "record": the bytes the till hashed}. The server checks what it can:
// the record hashes with the link's prev_hash to the link's hash, it is an object of the kind it
// claims, and the link fits the till's chain (a different hash under a number held is a fork).
// Then the link joins the till's chain and the record is kept, in one transaction with the
// request's key.
class JournalEntries
{
    Q_DECLARE_TR_FUNCTIONS(JournalEntries)

public:
    static Result<IngestAnswer> receive(const QSqlDatabase &db, const Principal &terminal,
                                        const QByteArray &body, const QDateTime &at,
                                        const IdempotencySlot &slot);

    // A terminal's entries of one kind, newest first (for head office and tests).
    static Result<QJsonObject> list(const QSqlDatabase &db, const Principal &caller,
                                    const QString &kind, int limit);
};

} // namespace counterline::server
