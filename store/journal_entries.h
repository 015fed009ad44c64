#pragma once

#include "domain/id_source.h"
#include "domain/result.h"
#include "store/journal.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlDatabase>

namespace counterline::store {

// Generic entries of the till's one journal (BRIEF §11): something the till did that belongs to no
// order — a PIN lockout now; drawer openings, pay-ins and pay-outs, Z closings, notes later — as a
// kind and a canonical payload. Chained with the sales and events, checked by `journal verify`,
// and sent to the server (POST /v1/journal) like them, which checks the link and the hash.
class JournalEntries
{
    Q_DECLARE_TR_FUNCTIONS(JournalEntries)

public:
    // What a PIN lockout is called in the journal.
    static constexpr QLatin1StringView kPinLockout{"pin_lockout"};

    // Within the caller's transaction: the journal entry and its outbox row, whose key is made
    // now (from `ids`). `payload` is canonical JSON (store::CanonicalJson); `kind` is lower-case
    // letters and underscores. The record the journal hashes is {"at", "kind", "payload"}.
    static Result<JournalEntry> record(const QSqlDatabase &db, IdSource &ids, const QString &kind,
                                       const QByteArray &payload, const QDateTime &at);

    // The body of POST /v1/journal, as the outbox keeps it: {"journal": link, "kind": kind,
    // "record": the record's bytes as a JSON string}, so that the server hashes the same bytes.
    static QByteArray outboxPayload(const JournalEntry &entry, const QString &kind);
};

} // namespace counterline::store
