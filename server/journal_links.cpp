#include "server/journal_links.h"

#include "sqlkit/statement.h"
#include "sqlkit/time_text.h"
#include "sqlkit/transaction.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace counterline::server {

namespace {

const QString kGenesis(64, u'0');

// Each entry beside the one before it, in one pass over the terminal's links: a jump in seq is a
// gap, a prev_hash that differs from the previous hash a broken link.
const QString kWalk = u"SELECT seq, prev_hash, "
                      "LAG(seq) OVER (PARTITION BY terminal_id ORDER BY seq), "
                      "LAG(hash) OVER (PARTITION BY terminal_id ORDER BY seq) "
                      "FROM journal_links WHERE terminal_id = ?"_s;

} // namespace

QJsonObject JournalContinuity::toJson() const
{
    QJsonArray gapList;
    for (const JournalGap &gap : gaps)
        gapList.append(QJsonObject{{u"first"_s, gap.first}, {u"last"_s, gap.last}});
    QJsonArray broken;
    for (qint64 seq : brokenLinks)
        broken.append(seq);
    return QJsonObject{{u"entries"_s, entries},
                       {u"highest_seq"_s, highestSeq},
                       {u"continuous"_s, continuous()},
                       {u"gaps"_s, gapList},
                       {u"broken_links"_s, broken}};
}

Result<bool> JournalLinks::alreadyHeld(const QSqlDatabase &db, const QString &terminalId,
                                       const protocol::JournalLink &link)
{
    Result<std::optional<QString>> holder = heldFor(db, terminalId, link);
    if (!holder)
        return holder.error();
    return holder->has_value();
}

Result<std::optional<QString>> JournalLinks::heldFor(const QSqlDatabase &db,
                                                     const QString &terminalId,
                                                     const protocol::JournalLink &link)
{
    Result<QSqlQuery> held = sqlkit::exec(
        db, u"SELECT hash, order_id FROM journal_links WHERE terminal_id = ? AND seq = ?"_s,
        {terminalId, link.seq});
    if (!held)
        return held.error();
    if (!held.value().next())
        return std::optional<QString>();
    if (held.value().value(0).toString() == link.hash)
        return std::optional<QString>(held.value().value(1).toString());
    return Error{u"journal.fork"_s,
                 tr("Journal entry %1 of this terminal is already held with another hash (it "
                    "recorded order %2); the terminal's journal has forked, for example after "
                    "restoring an old copy of its database.")
                     .arg(link.seq)
                     .arg(held.value().value(1).toString())};
}

Result<void> JournalLinks::record(const QSqlDatabase &db, const QString &terminalId,
                                  const QString &orderId, const QString &kind,
                                  const protocol::JournalLink &link, const QDateTime &at)
{
    Result<std::optional<QString>> holder = heldFor(db, terminalId, link);
    if (!holder)
        return holder.error();
    if (holder->has_value()) {
        // The same link again is a retry of the same change; under another order it is a link
        // taken twice, which no till's journal does.
        const QString &heldFor = **holder;
        if (heldFor == orderId)
            return success();
        return Error{
            u"journal.link_taken"_s,
            tr("Journal entry %1 of this terminal already recorded %2; one entry records "
               "one change.")
                .arg(link.seq)
                .arg(heldFor.isEmpty() ? tr("a journal entry") : tr("order %1").arg(heldFor))};
    }
    if (Result<void> near = nextToWhatIsHeld(db, terminalId, link.seq); !near)
        return near;
    Result<QSqlQuery> inserted = sqlkit::exec(
        db,
        u"INSERT INTO journal_links (terminal_id, seq, prev_hash, hash, order_id, kind, "
        "received_at) VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
        {terminalId, link.seq, link.prevHash, link.hash, orderId, kind, sqlkit::timeText(at)});
    return inserted ? success() : Result<void>(inserted.error());
}

Result<void> JournalLinks::nextToWhatIsHeld(const QSqlDatabase &db, const QString &terminalId,
                                            qint64 seq)
{
    Result<QSqlQuery> highest =
        sqlkit::exec(db, u"SELECT COALESCE(MAX(seq), 0) FROM journal_links WHERE terminal_id = ?"_s,
                     {terminalId});
    if (!highest)
        return highest.error();
    const qint64 held = highest.value().next() ? highest.value().value(0).toLongLong() : 0;
    if (seq <= held + kLargestJump)
        return success();
    return Error{u"journal.too_far_ahead"_s,
                 tr("Journal entry %1 is too far ahead: this server holds this terminal's entries "
                    "up to %2, and entries %3 to %4 must arrive first (at most %5 may be "
                    "outstanding).")
                     .arg(seq)
                     .arg(held)
                     .arg(held + 1)
                     .arg(seq - 1)
                     .arg(kLargestJump)};
}

Result<bool> JournalLinks::holds(const QSqlDatabase &db, const QString &terminalId,
                                 const QString &orderId, const protocol::JournalLink &link)
{
    Result<QSqlQuery> held =
        sqlkit::exec(db,
                     u"SELECT count(*) FROM journal_links WHERE terminal_id = ? AND seq = ? "
                     "AND hash = ? AND order_id = ?"_s,
                     {terminalId, link.seq, link.hash, orderId});
    if (!held)
        return held.error();
    return held.value().next() && held.value().value(0).toLongLong() == 1;
}

Result<JournalContinuity> JournalLinks::check(const QSqlDatabase &db, const QString &terminalId)
{
    Result<QSqlQuery> walked = sqlkit::exec(db, kWalk, {terminalId});
    if (!walked)
        return walked.error();
    QSqlQuery &row = walked.value();
    JournalContinuity continuity;
    while (row.next()) {
        const qint64 seq = row.value(0).toLongLong();
        const QString prevHash = row.value(1).toString();
        const bool first = row.value(2).isNull();
        const qint64 previous = first ? 0 : row.value(2).toLongLong();
        ++continuity.entries;
        continuity.highestSeq = seq;
        if (seq != previous + 1)
            continuity.gaps.append({previous + 1, seq - 1});
        else if (prevHash != (first ? kGenesis : row.value(3).toString()))
            continuity.brokenLinks.append(seq);
    }
    return continuity;
}

Result<QJsonObject> JournalLinks::report(const QSqlDatabase &db, const Principal &caller)
{
    Result<QSqlQuery> terminals =
        sqlkit::exec(db,
                     u"SELECT p.id, p.store_id, p.name FROM principals p WHERE p.role = 'terminal' "
                     "AND EXISTS (SELECT 1 FROM journal_links j WHERE j.terminal_id = p.id) "
                     "ORDER BY p.store_id, p.name"_s,
                     {});
    if (!terminals)
        return terminals.error();
    QList<Principal> seen;
    while (terminals.value().next()) {
        const Principal terminal{terminals.value().value(0).toString(), u"terminal"_s,
                                 terminals.value().value(1).toString(),
                                 terminals.value().value(2).toString()};
        if (caller.mayAccessStore(terminal.storeId))
            seen.append(terminal);
    }
    terminals.value().finish();
    QJsonArray broken;
    for (const Principal &terminal : std::as_const(seen)) {
        Result<JournalContinuity> continuity = check(db, terminal.id);
        if (!continuity)
            return continuity.error();
        if (continuity->continuous())
            continue;
        QJsonObject entry = continuity->toJson();
        entry.insert(u"store_id"_s, terminal.storeId);
        entry.insert(u"terminal_id"_s, terminal.name);
        broken.append(entry);
    }
    return QJsonObject{{u"terminals_checked"_s, qsizetype(seen.size())},
                       {u"not_continuous"_s, broken}};
}

} // namespace counterline::server
