#pragma once

#include "domain/order_state_machine.h"
#include "domain/result.h"
#include "protocol/list_queries.h"
#include "server/principals.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QSqlDatabase>

namespace counterline::server {

// One event for the rest of the business, as stored in `outbox_events` (Debezium's outbox
// columns) and handed out by every relay.
struct OutboxEvent
{
    qint64 seq = 0;
    QString id; // UUID: consumers deduplicate by it
    QString aggregateType;
    QString aggregateId;
    QString type;
    QJsonObject payload;
    QString storeId;
    QString createdAt;

    QJsonObject toJson() const;
};

// GET /v1/events (protocol/list_queries.h reads its query).
using EventQuery = protocol::EventListQuery;

// The transactional outbox of BRIEF §8: an event is appended in the same transaction as the
// change it tells of, numbered so that events become visible in the order of their numbers
// (SQLite: the next rowid, under its single writer; PostgreSQL: a counter row the transaction
// holds until it commits).
class EventOutbox
{
    Q_DECLARE_TR_FUNCTIONS(EventOutbox)

public:
    // "order.placed" for an order that arrives; "order.<what happened>" for each state change.
    static QString typeFor(OrderEvent event);

    static Result<qint64> append(const QSqlDatabase &db, const QString &type,
                                 const QString &orderId, const QString &storeId,
                                 const QJsonObject &payload, const QDateTime &at);

    // Events after `after`, oldest first; `storeId` empty means every store.
    static Result<QList<OutboxEvent>> after(const QSqlDatabase &db, qint64 after, int limit,
                                            const QString &storeId = {});

    // A page of events for `caller` (a terminal: its own store's; the back office: a store's or
    // every store's): {"events": [...], "next": the cursor to ask after next}.
    static Result<QJsonObject> page(const QSqlDatabase &db, const Principal &caller,
                                    const EventQuery &query);
};

} // namespace counterline::server
