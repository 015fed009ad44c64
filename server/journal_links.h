#pragma once

#include "domain/result.h"
#include "protocol/journal_link.h"
#include "server/principals.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QSqlDatabase>

#include <optional>

namespace counterline::server {

// A run of journal numbers the server never received.
struct JournalGap
{
    qint64 first = 0;
    qint64 last = 0;
};

// How a terminal's chain looks from the server: continuous when it has no gap and every link's
// prev_hash is the hash of the entry before it.
struct JournalContinuity
{
    qint64 entries = 0;
    qint64 highestSeq = 0;
    QList<JournalGap> gaps;
    QList<qint64> brokenLinks; // entries whose prev_hash is not the previous entry's hash

    bool continuous() const { return gaps.isEmpty() && brokenLinks.isEmpty(); }
    QJsonObject toJson() const;
};

// The server's copy of every terminal's journal chain (BRIEF §4-§5).
class JournalLinks
{
    Q_DECLARE_TR_FUNCTIONS(JournalLinks)

public:
    // How far past the highest entry held for a terminal a new one may be: a till sends its
    // journal in order, so only entries still being retried or set aside lie between.
    static constexpr qint64 kLargestJump = 1'000;

    // Records a link within the caller's transaction. The same link again is fine (a replay); a
    // different hash under a number already held is "journal.fork" (a terminal restored from an
    // old copy, or a tampered chain): the caller rolls back and a person must look. The same link
    // under another order is "journal.link_taken"; a number more than kLargestJump past the
    // highest held is "journal.too_far_ahead" naming the gap (so no one can claim numbers ahead
    // of the real till).
    static Result<void> record(const QSqlDatabase &db, const QString &terminalId,
                               const QString &orderId, const QString &kind,
                               const protocol::JournalLink &link, const QDateTime &at);

    // "journal.too_far_ahead" when `seq` is more than kLargestJump past the terminal's highest.
    static Result<void> nextToWhatIsHeld(const QSqlDatabase &db, const QString &terminalId,
                                         qint64 seq);

    // True when the terminal's entry `link.seq` is held with this very hash, false when it is not
    // held; "journal.fork" when it is held with another.
    static Result<bool> alreadyHeld(const QSqlDatabase &db, const QString &terminalId,
                                    const protocol::JournalLink &link);

    // Whether the terminal's link `link` is already held for `orderId`: the change it records has
    // been applied, and a retry of it is a replay, not a conflict.
    static Result<bool> holds(const QSqlDatabase &db, const QString &terminalId,
                              const QString &orderId, const protocol::JournalLink &link);

    static Result<JournalContinuity> check(const QSqlDatabase &db, const QString &terminalId);

    // Every terminal the caller may see whose chain is not continuous, with its gaps.
    static Result<QJsonObject> report(const QSqlDatabase &db, const Principal &caller);

private:
    // The order (empty: a generic entry) that holds `link` with this very hash; none when the
    // number is not held; "journal.fork" when it is held with another hash.
    static Result<std::optional<QString>> heldFor(const QSqlDatabase &db, const QString &terminalId,
                                                  const protocol::JournalLink &link);
};

} // namespace counterline::server
