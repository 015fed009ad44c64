#include "server/journal_entries.h"

#include "server/idempotency.h"
#include "server/journal_links.h"
#include "sqlkit/statement.h"
#include "sqlkit/time_text.h"
#include "sqlkit/transaction.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace counterline::server {

namespace {

Error invalid(const QString &what)
{
    return Error{u"request.invalid_field"_s, what};
}

} // namespace

Result<IngestAnswer> JournalEntries::receive(const QSqlDatabase &db, const Principal &terminal,
                                             const QByteArray &body, const QDateTime &at,
                                             const IdempotencySlot &slot)
{
    if (!terminal.isTerminal())
        return Error{u"auth.forbidden"_s, tr("Only a terminal's token has a journal.")};
    const QJsonDocument document = QJsonDocument::fromJson(body);
    const QJsonObject object = document.object();
    static const QRegularExpression name(u"^[a-z][a-z_]{0,39}$"_s);
    const QString kind = object.value(u"kind"_s).toString();
    if (!name.match(kind).hasMatch())
        return invalid(tr("\"kind\" must be lower-case letters and underscores"));
    if (!object.value(u"record"_s).isString())
        return invalid(tr("\"record\" must be the entry's record as a string"));
    const QByteArray record = object.value(u"record"_s).toString().toUtf8();
    Result<std::optional<protocol::JournalLink>> link = protocol::parseJournalLink(object);
    if (!link)
        return link.error();
    if (!*link)
        return invalid(tr("\"journal\" is missing"));
    const QByteArray hashed = QByteArray::fromHex((*link)->prevHash.toLatin1()) + record;
    const QByteArray hash = QCryptographicHash::hash(hashed, QCryptographicHash::Sha256).toHex();
    if (QString::fromLatin1(hash) != (*link)->hash) {
        return Error{u"journal.bad_hash"_s,
                     tr("Journal entry %1: the record does not hash to %2 with the hash before "
                        "it; it was changed on the way or at the till")
                         .arg((*link)->seq)
                         .arg((*link)->hash)};
    }
    const QJsonObject recorded = QJsonDocument::fromJson(record).object();
    if (recorded.value(u"kind"_s).toString() != kind || !recorded.value(u"payload"_s).isObject())
        return invalid(tr("\"record\" must be an entry of kind %1 with its payload").arg(kind));

    sqlkit::Transaction transaction(db);
    if (Result<void> begun = transaction.begin(); !begun)
        return begun.error();
    // A generic entry belongs to no order: its link's order is empty.
    if (Result<void> linked = JournalLinks::record(db, terminal.id, u""_s, u"entry"_s, **link, at);
        !linked) {
        return linked.error();
    }
    Result<QSqlQuery> kept = sqlkit::exec(
        db,
        u"INSERT INTO journal_entries (terminal_id, seq, kind, record, received_at) "
        "VALUES (?, ?, ?, ?, ?) ON CONFLICT (terminal_id, seq) DO NOTHING"_s,
        {terminal.id, (*link)->seq, kind, QString::fromUtf8(record), sqlkit::timeText(at)});
    if (!kept)
        return kept.error();
    const QByteArray answer =
        QJsonDocument(QJsonObject{{u"seq"_s, (*link)->seq}, {u"kind"_s, kind}})
            .toJson(QJsonDocument::Compact);
    if (Result<void> done = Idempotency::completeAndCommit(db, transaction, slot.principalId,
                                                           slot.key, 201, answer);
        !done) {
        return done.error();
    }
    return IngestAnswer{201, answer};
}

Result<QJsonObject> JournalEntries::list(const QSqlDatabase &db, const Principal &caller,
                                         const QString &kind, int limit)
{
    QString sql = u"SELECT p.name, p.store_id, e.seq, e.kind, e.record, e.received_at "
                  "FROM journal_entries e JOIN principals p ON p.id = e.terminal_id"_s;
    QStringList where;
    QVariantList values;
    if (caller.isTerminal()) {
        where.append(u"e.terminal_id = ?"_s);
        values.append(caller.id);
    }
    if (!kind.isEmpty()) {
        where.append(u"e.kind = ?"_s);
        values.append(kind);
    }
    if (!where.isEmpty())
        sql += u" WHERE "_s + where.join(u" AND "_s);
    sql += u" ORDER BY e.received_at DESC, e.seq DESC LIMIT %1"_s.arg(limit);
    Result<QSqlQuery> found = sqlkit::exec(db, sql, values);
    if (!found)
        return found.error();
    QJsonArray entries;
    while (found.value().next()) {
        const QSqlQuery &row = found.value();
        entries.append(QJsonObject{
            {u"terminal_id"_s, row.value(0).toString()},
            {u"store_id"_s, row.value(1).toString()},
            {u"seq"_s, row.value(2).toLongLong()},
            {u"kind"_s, row.value(3).toString()},
            {u"record"_s, QJsonDocument::fromJson(row.value(4).toString().toUtf8()).object()},
            {u"received_at"_s, row.value(5).toString()}});
    }
    return QJsonObject{{u"entries"_s, entries}};
}

} // namespace counterline::server
