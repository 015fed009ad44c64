#include "server/follow_ups.h"

#include "domain/money.h"
#include "server/idempotency.h"
#include "sqlkit/statement.h"
#include "sqlkit/time_text.h"
#include "sqlkit/transaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>

using namespace Qt::StringLiterals;

namespace counterline::server {

namespace {

QVariant orNull(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(text);
}

constexpr const char *kItemColumns =
    "SELECT f.id, f.store_id, p.name, f.order_id, o.receipt_no, f.kind, f.amount_minor, "
    "f.currency, f.detail, f.raised_by, f.raised_at, f.settled_at, f.settled_by "
    "FROM follow_ups f LEFT JOIN principals p ON p.id = f.terminal_id "
    "LEFT JOIN orders o ON o.id = f.order_id";

QJsonObject itemJson(const QSqlQuery &row)
{
    QJsonObject item{{u"id"_s, row.value(0).toLongLong()},
                     {u"store_id"_s, row.value(1).toString()},
                     {u"kind"_s, row.value(5).toString()},
                     {u"detail"_s, row.value(8).toString()},
                     {u"raised_by"_s, row.value(9).toString()},
                     {u"raised_at"_s, row.value(10).toString()},
                     {u"state"_s, row.value(11).isNull() ? u"open"_s : u"settled"_s},
                     {u"notes"_s, QJsonArray()}};
    auto put = [&](const QString &name, int column) {
        if (!row.value(column).isNull())
            item.insert(name, row.value(column).toString());
    };
    put(u"terminal_id"_s, 2);
    put(u"order_id"_s, 3);
    put(u"receipt_no"_s, 4);
    put(u"currency"_s, 7);
    put(u"settled_at"_s, 11);
    put(u"settled_by"_s, 12);
    if (!row.value(6).isNull())
        item.insert(u"amount"_s, row.value(6).toLongLong());
    return item;
}

// Adds each item's notes, oldest first.
Result<void> attachNotes(const QSqlDatabase &db, QJsonArray &items)
{
    if (items.isEmpty())
        return success();
    QMap<qint64, qsizetype> at;
    QStringList marks;
    QVariantList ids;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const qint64 id = items[i].toObject().value(u"id"_s).toInteger();
        at.insert(id, i);
        marks.append(u"?"_s);
        ids.append(id);
    }
    Result<QSqlQuery> found = sqlkit::exec(
        db,
        u"SELECT follow_up_id, author, note, settles, at FROM follow_up_notes "
        "WHERE follow_up_id IN (%1) ORDER BY follow_up_id, seq"_s.arg(marks.join(u',')),
        ids);
    if (!found)
        return found.error();
    while (found.value().next()) {
        const QSqlQuery &row = found.value();
        const qsizetype index = at.value(row.value(0).toLongLong());
        QJsonObject item = items[index].toObject();
        QJsonArray notes = item.value(u"notes"_s).toArray();
        notes.append(QJsonObject{{u"author"_s, row.value(1).toString()},
                                 {u"note"_s, row.value(2).toString()},
                                 {u"settles"_s, row.value(3).toInt() == 1},
                                 {u"at"_s, row.value(4).toString()}});
        item.insert(u"notes"_s, notes);
        items[index] = item;
    }
    return success();
}

Result<QJsonObject> oneItem(const QSqlDatabase &db, qint64 id)
{
    Result<QSqlQuery> found =
        sqlkit::exec(db, QString::fromLatin1(kItemColumns) + u" WHERE f.id = ?"_s, {id});
    if (!found)
        return found.error();
    if (!found.value().next()) {
        return Error{u"follow_up.not_found"_s, FollowUps::tr("There is no follow-up %1.").arg(id)};
    }
    QJsonArray items{itemJson(found.value())};
    found.value().finish();
    if (Result<void> noted = attachNotes(db, items); !noted)
        return noted.error();
    return items.first().toObject();
}

} // namespace

Result<void> FollowUps::raise(const QSqlDatabase &db, const FollowUp &item, const QDateTime &at)
{
    Result<QSqlQuery> raised = sqlkit::exec(
        db,
        u"INSERT INTO follow_ups (store_id, terminal_id, order_id, kind, subject, amount_minor, "
        "currency, detail, raised_by, raised_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (subject) DO NOTHING"_s,
        {item.storeId, orNull(item.terminalId), orNull(item.orderId), item.kind, item.subject,
         item.amountMinor ? QVariant(*item.amountMinor) : QVariant(QMetaType(QMetaType::LongLong)),
         orNull(item.currency), item.detail, item.raisedBy, sqlkit::timeText(at)});
    return raised ? success() : Result<void>(raised.error());
}

QString FollowUps::amountText(qint64 minor, const QString &currencyCode)
{
    Result<Currency> currency = Currency::fromCode(currencyCode);
    return currency ? Money(minor, *currency).toString() : u"%1 %2"_s.arg(minor).arg(currencyCode);
}

Result<QJsonObject> FollowUps::list(const QSqlDatabase &db, const Principal &caller,
                                    const FollowUpQuery &query)
{
    QString store = query.store;
    if (caller.isTerminal())
        store = caller.storeId;
    if (!store.isEmpty() && !caller.mayAccessStore(store))
        return Error{u"auth.forbidden"_s, tr("This store is not yours to see.")};
    QStringList where;
    QVariantList values;
    if (!store.isEmpty()) {
        where.append(u"f.store_id = ?"_s);
        values.append(store);
    }
    if (!query.orderId.isEmpty()) {
        where.append(u"f.order_id = ?"_s);
        values.append(query.orderId);
    }
    if (query.state == u"open"_s)
        where.append(u"f.settled_at IS NULL"_s);
    else if (query.state == u"settled"_s)
        where.append(u"f.settled_at IS NOT NULL"_s);
    QString sql = QString::fromLatin1(kItemColumns);
    if (!where.isEmpty())
        sql += u" WHERE "_s + where.join(u" AND "_s);
    sql += u" ORDER BY f.id DESC LIMIT %1"_s.arg(query.limit);
    Result<QSqlQuery> found = sqlkit::exec(db, sql, values);
    if (!found)
        return found.error();
    QJsonArray items;
    while (found.value().next())
        items.append(itemJson(found.value()));
    found.value().finish();
    if (Result<void> noted = attachNotes(db, items); !noted)
        return noted.error();
    return QJsonObject{{u"follow_ups"_s, items}};
}

Result<IngestAnswer> FollowUps::addNote(const QSqlDatabase &db, const Principal &caller, qint64 id,
                                        const QString &note, bool settle, const QDateTime &at,
                                        const IdempotencySlot &slot)
{
    if (caller.isTerminal()) {
        return Error{u"auth.forbidden"_s,
                     tr("Tills raise follow-ups; head office notes and settles them.")};
    }
    if (note.trimmed().isEmpty())
        return Error{u"request.invalid_field"_s, tr("\"note\" must say what was done")};
    if (note.size() > 2000)
        return Error{u"request.invalid_field"_s, tr("\"note\" is longer than 2,000 characters")};
    sqlkit::Transaction transaction(db);
    if (Result<void> begun = transaction.begin(); !begun)
        return begun.error();
    Result<QSqlQuery> found = sqlkit::exec(
        db,
        u"SELECT f.store_id, f.settled_at, f.settled_by, (SELECT COALESCE(MAX(n.seq), 0) "
        "FROM follow_up_notes n WHERE n.follow_up_id = f.id) FROM follow_ups f WHERE f.id = ?"_s,
        {id});
    if (!found)
        return found.error();
    if (!found.value().next())
        return Error{u"follow_up.not_found"_s, tr("There is no follow-up %1.").arg(id)};
    const QString storeId = found.value().value(0).toString();
    const bool settled = !found.value().value(1).isNull();
    const QString settledAt = found.value().value(1).toString();
    const QString settledBy = found.value().value(2).toString();
    const int seq = found.value().value(3).toInt() + 1;
    found.value().finish();
    if (!caller.mayAccessStore(storeId))
        return Error{u"auth.forbidden"_s, tr("This store is not yours to see.")};
    if (settled) {
        return Error{u"follow_up.settled"_s,
                     tr("Follow-up %1 was settled at %2 by %3; it takes no more notes.")
                         .arg(id)
                         .arg(settledAt, settledBy)};
    }
    Result<QSqlQuery> added =
        sqlkit::exec(db,
                     u"INSERT INTO follow_up_notes (follow_up_id, seq, author, note, settles, at) "
                     "VALUES (?, ?, ?, ?, ?, ?)"_s,
                     {id, seq, caller.name, note.trimmed(), settle ? 1 : 0, sqlkit::timeText(at)});
    if (!added)
        return added.error();
    if (settle) {
        Result<QSqlQuery> closed = sqlkit::exec(
            db,
            u"UPDATE follow_ups SET settled_at = ?, settled_by = ? WHERE id = ? AND settled_at IS NULL"_s,
            {sqlkit::timeText(at), caller.name, id});
        if (!closed)
            return closed.error();
    }
    Result<QJsonObject> item = oneItem(db, id);
    if (!item)
        return item.error();
    const QByteArray body = QJsonDocument(*item).toJson(QJsonDocument::Compact);
    if (Result<void> done =
            Idempotency::completeAndCommit(db, transaction, slot.principalId, slot.key, 200, body);
        !done) {
        return done.error();
    }
    return IngestAnswer{200, body};
}

} // namespace counterline::server
