#pragma once

#include "domain/result.h"
#include "protocol/list_queries.h"
#include "server/idempotency.h"
#include "server/journal_links.h"
#include "server/order_ingest.h"
#include "server/order_reversal.h"
#include "server/principals.h"

#include <QCoreApplication>
#include <QJsonObject>

#include <optional>

namespace counterline::server {

// What a state change came to: applied (the order after it), or refused because the order had
// moved on since the caller read it (the order as it is now, for the caller to look at).
struct TransitionOutcome
{
    bool applied = false;
    QJsonObject order;
};

// What a till recorded with a change of its own (optional members of the body; an older till
// sends none): who made it, the manager who approved it, and what it did with the money.
struct TillRecord
{
    QString actor;
    QString approvedBy;
    QList<TillRefund> refunds;

    static Result<TillRecord> parse(const QJsonObject &body);
};

struct CancelRequest
{
    QString reason;
    bool restock = true;
    bool refundTenders = true;
    std::optional<protocol::JournalLink>
        journal; // the terminal's entry for the cancel, when it sends one
    TillRecord till;
};

// Changes to stored orders made centrally (back office, admins) and by their terminals, through
// the domain's state machine with optimistic locking.
class OrderService
{
    Q_DECLARE_TR_FUNCTIONS(OrderService)

public:
    // A Cancel or Refund of the whole order also brings its stock and money back (OrderReversal).
    static Result<TransitionOutcome>
    applyEvent(const QSqlDatabase &db, const Principal &caller, const QString &orderId,
               const QString &event, int expectedVersion, const QDateTime &at,
               const std::optional<protocol::JournalLink> &journal = {},
               const TillRecord &till = {});

    // Cancel with restock (a stock movement per SKU, once) and each tender's money back
    // (OrderReversal). Answers like applyEvent; the idempotency record is completed in the same
    // transaction.
    static Result<IngestAnswer> cancel(const QSqlDatabase &db, const Principal &caller,
                                       const QString &orderId, const CancelRequest &request,
                                       const QDateTime &at, const IdempotencySlot &slot);
};

// GET /v1/orders (protocol/list_queries.h reads its query).
using OrderQuery = protocol::OrderListQuery;

class OrderListing
{
    Q_DECLARE_TR_FUNCTIONS(OrderListing)

public:
    static Result<QJsonObject> page(const QSqlDatabase &db, const Principal &caller,
                                    const OrderQuery &query);
};

} // namespace counterline::server
