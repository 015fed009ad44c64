#include "server/event_outbox.h"

#include "sqlkit/statement.h"
#include "sqlkit/time_text.h"
#include "sqlkit/transaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

#include <limits>
#include <optional>

using namespace Qt::StringLiterals;

namespace counterline::server {

QJsonObject OutboxEvent::toJson() const
{
    return QJsonObject{{u"seq"_s, seq},
                       {u"id"_s, id},
                       {u"aggregatetype"_s, aggregateType},
                       {u"aggregateid"_s, aggregateId},
                       {u"type"_s, type},
                       {u"payload"_s, payload},
                       {u"store_id"_s, storeId},
                       {u"created_at"_s, createdAt}};
}

QString EventOutbox::typeFor(OrderEvent event)
{
    switch (event) {
    case OrderEvent::Place:
        return u"order.placed"_s;
    case OrderEvent::PaymentCaptured:
        return u"order.paid"_s;
    case OrderEvent::PaymentFailed:
        return u"order.payment_failed"_s;
    case OrderEvent::Cancel:
        return u"order.cancelled"_s;
    case OrderEvent::HandOver:
        return u"order.handed_over"_s;
    case OrderEvent::Ship:
        return u"order.shipped"_s;
    case OrderEvent::Deliver:
        return u"order.delivered"_s;
    case OrderEvent::Refund:
        return u"order.refunded"_s;
    }
    return u"order.changed"_s;
}

Result<qint64> EventOutbox::append(const QSqlDatabase &db, const QString &type,
                                   const QString &orderId, const QString &storeId,
                                   const QJsonObject &payload, const QDateTime &at)
{
    const QVariantList values{
        QUuid::createUuid().toString(QUuid::WithoutBraces),
        orderId,
        type,
        QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact)),
        storeId,
        sqlkit::timeText(at)};
    // SQLite has one writer at a time and commits in order, so the next rowid is the next number
    // and no cursor can pass an event that commits later. PostgreSQL commits concurrently: there
    // the number comes from a counter row the transaction holds until it commits.
    if (db.driverName() == u"QSQLITE"_s) {
        Result<QSqlQuery> inserted = sqlkit::exec(
            db,
            u"INSERT INTO outbox_events (id, aggregatetype, aggregateid, type, payload, "
            "store_id, created_at) VALUES (?, 'order', ?, ?, ?, ?, ?) RETURNING seq"_s,
            values);
        if (!inserted)
            return inserted.error();
        const qint64 seq = inserted.value().next() ? inserted.value().value(0).toLongLong() : 0;
        inserted.value().finish();
        return seq;
    }
    Result<QSqlQuery> numbered = sqlkit::exec(
        db, u"UPDATE event_sequence SET last_seq = last_seq + 1 WHERE id = 1 RETURNING last_seq"_s);
    if (!numbered)
        return numbered.error();
    const qint64 seq = numbered.value().next() ? numbered.value().value(0).toLongLong() : 0;
    numbered.value().finish();
    Result<QSqlQuery> inserted = sqlkit::exec(
        db,
        u"INSERT INTO outbox_events (seq, id, aggregatetype, aggregateid, type, payload, "
        "store_id, created_at) VALUES (?, ?, 'order', ?, ?, ?, ?, ?)"_s,
        QVariantList{seq} + values);
    if (!inserted)
        return inserted.error();
    return seq;
}

Result<QList<OutboxEvent>> EventOutbox::after(const QSqlDatabase &db, qint64 after, int limit,
                                              const QString &storeId)
{
    QString sql = u"SELECT seq, id, aggregatetype, aggregateid, type, payload, store_id, "
                  "created_at FROM outbox_events WHERE seq > ?"_s;
    QVariantList values{after};
    if (!storeId.isEmpty()) {
        sql += u" AND store_id = ?"_s;
        values.append(storeId);
    }
    sql += u" ORDER BY seq LIMIT %1"_s.arg(limit);
    Result<QSqlQuery> found = sqlkit::exec(db, sql, values);
    if (!found)
        return found.error();
    QList<OutboxEvent> events;
    QSqlQuery &row = found.value();
    while (row.next()) {
        events.append(
            OutboxEvent{row.value(0).toLongLong(), row.value(1).toString(), row.value(2).toString(),
                        row.value(3).toString(), row.value(4).toString(),
                        QJsonDocument::fromJson(row.value(5).toString().toUtf8()).object(),
                        row.value(6).toString(), row.value(7).toString()});
    }
    return events;
}

Result<QJsonObject> EventOutbox::page(const QSqlDatabase &db, const Principal &caller,
                                      const EventQuery &query)
{
    QString store = query.store;
    if (caller.isTerminal()) {
        if (!store.isEmpty() && store != caller.storeId)
            return Error{u"auth.forbidden"_s, tr("A terminal sees only its own store's events.")};
        store = caller.storeId;
    }
    Result<QList<OutboxEvent>> events = after(db, query.after, query.limit, store);
    if (!events)
        return events.error();
    QJsonArray list;
    qint64 next = query.after;
    for (const OutboxEvent &event : std::as_const(*events)) {
        list.append(event.toJson());
        next = event.seq;
    }
    return QJsonObject{{u"events"_s, list}, {u"next"_s, next}};
}

} // namespace counterline::server
