#include "store/journal_audit.h"

#include "sqlkit/statement.h"
#include "sqlkit/time_text.h"
#include "store/sql.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace counterline::store {

namespace {

// Appends first..last to ranges, extending the last range when it continues it.
void addRange(QList<SeqRange> &ranges, qint64 first, qint64 last)
{
    if (!ranges.isEmpty() && ranges.last().last + 1 == first)
        ranges.last().last = last;
    else
        ranges.append({first, last});
}

// What of `absent` this terminal wrote (up to `localHighest`) and is not waiting to send: in
// steps of ranges and waiting entries, never of numbers, so a gap of a billion costs one step.
QList<SeqRange> missingOf(const QList<SeqRange> &absent, qint64 localHighest,
                          const QList<qint64> &waitingSorted)
{
    QList<SeqRange> missing;
    for (const SeqRange &range : absent) {
        const qint64 last = std::min(range.last, localHighest);
        qint64 from = range.first;
        auto waiting = std::lower_bound(waitingSorted.cbegin(), waitingSorted.cend(), from);
        while (from <= last) {
            if (waiting == waitingSorted.cend() || *waiting > last) {
                addRange(missing, from, last);
                break;
            }
            if (*waiting > from)
                addRange(missing, from, *waiting - 1);
            from = *waiting + 1;
            ++waiting;
        }
    }
    return missing;
}

// An empty list is stored as '' (the columns are NOT NULL), not as NULL.
QString nonNull(const QString &text)
{
    return text.isNull() ? u""_s : text;
}

} // namespace

QString JournalAuditResult::describe() const
{
    if (continuous()) {
        return JournalAudit::tr("continuous on the server through entry %1 (checked %2)")
            .arg(serverHighest)
            .arg(checkedAt.toLocalTime().toString(Qt::ISODate));
    }
    QStringList problems;
    if (!missing.isEmpty()) {
        problems << JournalAudit::tr("entries %1 never reached the server")
                        .arg(JournalAudit::rangesText(missing));
    }
    if (!broken.isEmpty()) {
        QStringList numbers;
        for (qint64 seq : broken)
            numbers << QString::number(seq);
        problems
            << JournalAudit::tr("the server found broken links at %1").arg(numbers.join(u", "_s));
    }
    return problems.join(u"; "_s);
}

QString JournalAudit::rangesText(const QList<SeqRange> &ranges)
{
    QStringList parts;
    for (const SeqRange &range : ranges) {
        parts << (range.first == range.last ? QString::number(range.first)
                                            : u"%1-%2"_s.arg(range.first).arg(range.last));
    }
    return parts.join(u',');
}

QList<SeqRange> JournalAudit::rangesFromText(const QString &text)
{
    QList<SeqRange> ranges;
    for (const QString &part : text.split(u',', Qt::SkipEmptyParts)) {
        const qint64 first = part.section(u'-', 0, 0).toLongLong();
        const qint64 last = part.contains(u'-') ? part.section(u'-', 1).toLongLong() : first;
        ranges.append({first, last});
    }
    return ranges;
}

Result<JournalAuditResult> JournalAudit::reconcile(const Database &database,
                                                   const ServerJournalView &server,
                                                   const QDateTime &at)
{
    const QSqlDatabase &db = database.connection();
    Result<QSqlQuery> highest = sqlkit::exec(db, u"SELECT COALESCE(MAX(seq), 0) FROM journal"_s);
    if (!highest)
        return highest.error();
    const qint64 localHighest = highest.value().next() ? highest.value().value(0).toLongLong() : 0;
    highest.value().finish();

    // Entries still on their way (or set aside for a person) are not lost.
    Result<QSqlQuery> waiting = sqlkit::exec(
        db, u"SELECT json_extract(payload, '$.journal.seq') FROM outbox "
            "WHERE state <> 'sent' AND json_extract(payload, '$.journal.seq') IS NOT NULL"_s);
    if (!waiting)
        return waiting.error();
    QList<qint64> onTheirWay;
    while (waiting.value().next())
        onTheirWay.append(waiting.value().value(0).toLongLong());
    waiting.value().finish();
    std::sort(onTheirWay.begin(), onTheirWay.end());

    QList<SeqRange> absent = server.gaps;
    if (server.highestSeq < localHighest)
        absent.append({server.highestSeq + 1, localHighest});
    JournalAuditResult result{at, localHighest, server.highestSeq,
                              missingOf(absent, localHighest, onTheirWay), server.brokenLinks};
    QStringList broken;
    for (qint64 seq : std::as_const(result.broken))
        broken << QString::number(seq);
    Result<qint64> saved = execute(
        db,
        u"INSERT INTO journal_audit (id, checked_at, local_highest, server_highest, missing, "
        "broken) VALUES (1, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
        "checked_at = excluded.checked_at, local_highest = excluded.local_highest, "
        "server_highest = excluded.server_highest, missing = excluded.missing, "
        "broken = excluded.broken"_s,
        {sqlkit::timeText(at), localHighest, server.highestSeq, nonNull(rangesText(result.missing)),
         nonNull(broken.join(u','))});
    if (!saved)
        return saved.error();
    return result;
}

Result<std::optional<JournalAuditResult>> JournalAudit::last(const Database &database)
{
    Result<QSqlQuery> found = sqlkit::exec(
        database.connection(), u"SELECT checked_at, local_highest, server_highest, missing, "
                               "broken FROM journal_audit WHERE id = 1"_s);
    if (!found)
        return found.error();
    QSqlQuery &row = found.value();
    if (!row.next())
        return std::optional<JournalAuditResult>();
    JournalAuditResult result{sqlkit::timeFromText(row.value(0).toString()),
                              row.value(1).toLongLong(),
                              row.value(2).toLongLong(),
                              rangesFromText(row.value(3).toString()),
                              {}};
    for (const QString &seq : row.value(4).toString().split(u',', Qt::SkipEmptyParts))
        result.broken.append(seq.toLongLong());
    return std::optional<JournalAuditResult>(result);
}

} // namespace counterline::store
