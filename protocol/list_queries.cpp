#include "protocol/list_queries.h"

#include "domain/order_state_machine.h"

#include <QDateTime>
#include <QUrlQuery>

#include <limits>

using namespace Qt::StringLiterals;

namespace counterline::protocol {

namespace {

Error invalid(const QString &message)
{
    return Error{u"request.invalid_field"_s, message};
}

// A whole-number parameter from `low` to `high`, or `fallback` when it is not given.
Result<qint64> number(const QUrlQuery &url, const QString &name, qint64 low, qint64 high,
                      qint64 fallback)
{
    if (!url.hasQueryItem(name))
        return fallback;
    bool numeric = false;
    const qint64 value = url.queryItemValue(name, QUrl::FullyDecoded).toLongLong(&numeric);
    if (!numeric || value < low || value > high) {
        return invalid(ListQueries::tr("\"%1\" must be a number from %2 to %3")
                           .arg(name, QString::number(low), QString::number(high)));
    }
    return value;
}

// A page's "limit", 1 to `most`; `*limit` holds the default and receives what was asked.
std::optional<Error> readLimit(const QUrlQuery &url, qint64 most, int *limit)
{
    const Result<qint64> read = number(url, u"limit"_s, 1, most, *limit);
    if (!read)
        return read.error();
    *limit = int(*read);
    return std::nullopt;
}

QString text(const QUrlQuery &url, const QString &name)
{
    return url.queryItemValue(name, QUrl::FullyDecoded);
}

} // namespace

Result<OrderListQuery> ListQueries::orders(const QString &queryText)
{
    const QUrlQuery url(queryText);
    OrderListQuery query;
    query.store = text(url, u"store"_s);
    query.terminal = text(url, u"terminal"_s);
    query.status = text(url, u"status"_s);
    query.customer = text(url, u"customer"_s);
    query.cashier = text(url, u"cashier"_s);
    query.from = text(url, u"from"_s);
    query.to = text(url, u"to"_s);
    query.cursor = text(url, u"cursor"_s);
    query.q = text(url, u"q"_s).trimmed();
    if (!query.status.isEmpty() && !orderStatusFromName(query.status))
        return invalid(tr("\"status\" is not an order status: \"%1\"").arg(query.status));
    for (const auto &[name, value] : {std::pair{u"from"_s, query.from}, {u"to"_s, query.to}}) {
        if (!value.isEmpty() && !QDateTime::fromString(value, Qt::ISODateWithMs).isValid())
            return invalid(tr("\"%1\" must be an RFC 3339 time").arg(name));
    }
    for (const auto &[name, target] :
         {std::pair{u"min_total"_s, &query.minTotal}, std::pair{u"max_total"_s, &query.maxTotal}}) {
        if (!url.hasQueryItem(name))
            continue;
        bool numeric = false;
        const qint64 value = text(url, name).toLongLong(&numeric);
        if (!numeric || value < 0)
            return invalid(tr("\"%1\" must be a whole number of minor units, 0 or more").arg(name));
        *target = value;
    }
    if (std::optional<Error> bad = readLimit(url, 500, &query.limit))
        return *bad;
    return query;
}

Result<EventListQuery> ListQueries::events(const QString &queryText)
{
    const QUrlQuery url(queryText);
    EventListQuery query;
    query.store = text(url, u"store"_s);
    const Result<qint64> after = number(url, u"after"_s, 0, std::numeric_limits<qint64>::max(), 0);
    if (!after)
        return after.error();
    const Result<qint64> wait = number(url, u"wait"_s, 0, 30, 0);
    if (!wait)
        return wait.error();
    if (std::optional<Error> bad = readLimit(url, 500, &query.limit))
        return *bad;
    query.after = *after;
    query.waitSeconds = int(*wait);
    return query;
}

Result<FollowUpListQuery> ListQueries::followUps(const QString &queryText)
{
    const QUrlQuery url(queryText);
    FollowUpListQuery query;
    query.store = text(url, u"store"_s);
    query.orderId = text(url, u"order"_s);
    if (url.hasQueryItem(u"state"_s))
        query.state = text(url, u"state"_s);
    if (query.state != u"open"_s && query.state != u"settled"_s && query.state != u"all"_s)
        return invalid(tr("\"state\" must be open, settled or all, not \"%1\"").arg(query.state));
    if (std::optional<Error> bad = readLimit(url, 500, &query.limit))
        return *bad;
    return query;
}

Result<ChangeFeedQuery> ListQueries::changeFeed(const QString &queryText, int defaultLimit,
                                                int maxLimit)
{
    const QUrlQuery url(queryText);
    ChangeFeedQuery query;
    query.store = text(url, u"store"_s);
    if (url.hasQueryItem(u"since"_s)) {
        bool numeric = false;
        query.since = text(url, u"since"_s).toLongLong(&numeric);
        if (!numeric || query.since < 0)
            return invalid(tr("\"since\" must be a cursor from an earlier answer"));
    }
    query.limit = defaultLimit;
    if (std::optional<Error> bad = readLimit(url, maxLimit, &query.limit))
        return *bad;
    return query;
}

Result<JournalEntryQuery> ListQueries::journalEntries(const QString &queryText)
{
    const QUrlQuery url(queryText);
    JournalEntryQuery query;
    query.kind = text(url, u"kind"_s);
    if (std::optional<Error> bad = readLimit(url, 500, &query.limit))
        return *bad;
    return query;
}

} // namespace counterline::protocol
