#pragma once

#include "domain/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QSqlDatabase>

#include <optional>

namespace counterline::store {

struct JournalEntry
{
    qint64 seq = 0;
    QString orderId; // empty for a generic entry
    QString kind;    // "sale", "event" or "entry" (generic: store/journal_entries.h)
    QByteArray record;
    QByteArray prevHash; // hex
    QByteArray hash;     // hex
    QString at;

    QByteArray shortHash() const { return hash.left(8); } // what a receipt prints
};

struct JournalVerification
{
    qint64 entries = 0;
    std::optional<qint64> firstBadSeq; // empty when the whole chain holds
    QString problem;                   // what is wrong with that entry

    bool ok() const { return !firstBadSeq.has_value(); }
};

// The append-only, hash-chained journal (BRIEF §4): entry n stores
// hash_n = SHA-256(raw bytes of hash_{n-1} || record_n), with 32 zero bytes before the first.
// Any edit, deletion or reordering breaks the chain at the first affected entry.
class Journal
{
    Q_DECLARE_TR_FUNCTIONS(Journal)

public:
    static const QByteArray &genesisHash(); // 64 hex zeros

    // SHA-256 through OpenSSL EVP, as lower-case hex.
    static QByteArray chainHash(const QByteArray &prevHashHex, const QByteArray &record);

    // Appends within the caller's transaction; the next sequence number and previous hash come
    // from the table itself. A generic entry ("entry") has no order.
    static Result<JournalEntry> append(const QSqlDatabase &db, const QString &orderId,
                                       const QString &kind, const QByteArray &record,
                                       const QDateTime &at);

    static Result<JournalEntry> lastEntryFor(const QSqlDatabase &db, const QString &orderId);

    // Walks the whole chain in order and names the first entry that does not hold.
    static Result<JournalVerification> verify(const QSqlDatabase &db);
};

} // namespace counterline::store
