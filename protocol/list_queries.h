#pragma once

#include "domain/result.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace counterline::protocol {

// The query strings of the list endpoints (docs/openapi.yaml), read as the server reads them:
// percent-decoded, '+' already read as a space (httpkit::formQuery), each parameter checked
// against its range. An error is request.invalid_field naming the parameter. Unknown parameters
// are ignored.

// GET /v1/orders: keyset pages over the orders a caller may see, newest first.
struct OrderListQuery
{
    QString store;
    QString terminal;
    QString status;
    QString customer;
    QString cashier;
    std::optional<qint64> minTotal;
    std::optional<qint64> maxTotal;
    QString from; // RFC 3339, inclusive
    QString to;   // exclusive
    QString q;    // a receipt number, or a SKU the order contains
    QString cursor;
    int limit = 50;
};

// GET /v1/events: what a consumer asks for.
struct EventListQuery
{
    qint64 after = 0;
    int waitSeconds = 0; // long poll: how long to wait for the first event (at most 30)
    int limit = 100;
    QString store;
};

// GET /v1/follow-ups.
struct FollowUpListQuery
{
    QString store;
    QString state = QStringLiteral("open"); // open, settled or all
    QString orderId;
    int limit = 200;
};

// The change feeds (GET /v1/orders/changes, /v1/catalog): what came after a cursor.
struct ChangeFeedQuery
{
    qint64 since = 0;
    int limit = 0;
    QString store;
};

// GET /v1/journal/entries.
struct JournalEntryQuery
{
    QString kind;
    int limit = 100;
};

class ListQueries
{
    Q_DECLARE_TR_FUNCTIONS(ListQueries)

public:
    static Result<OrderListQuery> orders(const QString &query);
    static Result<EventListQuery> events(const QString &query);
    static Result<FollowUpListQuery> followUps(const QString &query);
    // `limit` defaults to `defaultLimit` and may be 1 to `maxLimit`.
    static Result<ChangeFeedQuery> changeFeed(const QString &query, int defaultLimit, int maxLimit);
    static Result<JournalEntryQuery> journalEntries(const QString &query);
};

} // namespace counterline::protocol
