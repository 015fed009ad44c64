#pragma once

#include "domain/order_state_machine.h"
#include "domain/result.h"
#include "protocol/order_body.h"
#include "server/journal_links.h"
#include "server/principals.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <chrono>
#include <optional>

namespace counterline::server {

// The answer the ingest gives: 201 with the new order, or 200 with the one already known.
struct IngestAnswer
{
    int status = 0;
    QByteArray body;
    bool sagaPending = false; // the order's saga has steps left to run (a card to charge)
};

// An idempotency record to complete in the same transaction as the order.
struct IdempotencySlot
{
    QString principalId;
    QString key;
};

class OrderIngest
{
    Q_DECLARE_TR_FUNCTIONS(OrderIngest)

public:
    // Checks the order against the calling terminal and its store, recomputes every line's tax
    // and total with the domain's rules ("order.totals_mismatch" names the line), then writes the
    // order, lines, tenders, events and stock movements in one transaction. The natural key
    // (terminal, order id) is unique forever: a second arrival answers 200 with the stored order.
    // A counter sale's stock leaves with it (below zero if need be, flagged); a remote order's is
    // reserved, all or nothing ("stock.insufficient" before anything is written or charged). The
    // order's saga row and its "order.placed" event are written in the same transaction. A
    // remote order's key is not completed here: its answer is known when its saga has run.
    static Result<IngestAnswer> ingest(const QSqlDatabase &db, const Principal &terminal,
                                       protocol::WireOrder order, const QDateTime &at,
                                       const std::optional<IdempotencySlot> &slot,
                                       std::chrono::seconds sagaLease = std::chrono::seconds(30));
};

} // namespace counterline::server
