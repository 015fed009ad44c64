// The query strings of the list endpoints as anyone holding a token may send them: the URL as
// the HTTP layer reads it, '+' read as a space (httpkit::formQuery), then the reader of each
// list (protocol::ListQueries), chosen by the first byte.
//
// Properties, beyond "no crash, no undefined behaviour, no leak":
// - a refused query is request.invalid_field and names the parameter;
// - an accepted one is within the ranges the server promises its database and its long polls
//   (limits, waits, cursors, totals, states).

#include "domain/order_state_machine.h"
#include "fuzz/fuzz_input.h"
#include "httpkit/incoming.h"
#include "protocol/list_queries.h"

#include <QUrl>

using namespace counterline;
using namespace counterline::protocol;
using counterline::fuzz::FuzzInput;
using counterline::fuzz::require;

namespace {

template<typename T>
bool refusedProperly(const Result<T> &read, QByteArrayView input)
{
    if (read)
        return false;
    require(read.error().code == QLatin1String("request.invalid_field") &&
                read.error().message.startsWith(u'"'),
            "a refused query names the parameter", input);
    return true;
}

void orders(const QString &query, QByteArrayView input)
{
    const Result<OrderListQuery> read = ListQueries::orders(query);
    if (refusedProperly(read, input))
        return;
    require(read->limit >= 1 && read->limit <= 500, "an order page holds 1 to 500", input);
    require(read->status.isEmpty() || orderStatusFromName(read->status).ok(),
            "an order status filter is a status", input);
    require(read->minTotal.value_or(0) >= 0 && read->maxTotal.value_or(0) >= 0,
            "total filters are 0 or more", input);
}

void events(const QString &query, QByteArrayView input)
{
    const Result<EventListQuery> read = ListQueries::events(query);
    if (refusedProperly(read, input))
        return;
    require(read->after >= 0 && read->limit >= 1 && read->limit <= 500, "an event page is bounded",
            input);
    require(read->waitSeconds >= 0 && read->waitSeconds <= 30, "a long poll waits 0 to 30 s",
            input);
}

void followUps(const QString &query, QByteArrayView input)
{
    const Result<FollowUpListQuery> read = ListQueries::followUps(query);
    if (refusedProperly(read, input))
        return;
    require(read->state == QLatin1String("open") || read->state == QLatin1String("settled") ||
                read->state == QLatin1String("all"),
            "a follow-up state is open, settled or all", input);
    require(read->limit >= 1 && read->limit <= 500, "a follow-up page holds 1 to 500", input);
}

void changeFeed(const QString &query, QByteArrayView input)
{
    const Result<ChangeFeedQuery> read = ListQueries::changeFeed(query, 1000, 5000);
    if (refusedProperly(read, input))
        return;
    require(read->since >= 0 && read->limit >= 1 && read->limit <= 5000,
            "a change feed page is bounded", input);
}

void journalEntries(const QString &query, QByteArrayView input)
{
    const Result<JournalEntryQuery> read = ListQueries::journalEntries(query);
    if (refusedProperly(read, input))
        return;
    require(read->limit >= 1 && read->limit <= 500, "a journal page holds 1 to 500", input);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FuzzInput input(data, size);
    const uint8_t which = input.choice();
    const QUrl url = QUrl::fromEncoded("http://till.example/v1/list?" + input.rest().toByteArray());
    const QString query = httpkit::formQuery(url);
    switch (which % 5) {
    case 0:
        orders(query, input.rest());
        break;
    case 1:
        events(query, input.rest());
        break;
    case 2:
        followUps(query, input.rest());
        break;
    case 3:
        changeFeed(query, input.rest());
        break;
    default:
        journalEntries(query, input.rest());
        break;
    }
    return 0;
}
