#pragma once

#include "domain/order_state_machine.h"
#include "domain/result.h"
#include "server/journal_links.h"
#include "server/principals.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <chrono>
#include <optional>

namespace counterline::server {

// A validated POST /v1/orders body. Amounts are integer minor units.
struct WireLine
{
    int lineNo = 0;
    QString sku;
    QString name;
    qint64 unitPrice = 0;
    qint64 quantity = 0;
    qint64 taxRatePpm = 0;
    qint64 discount = 0;
    qint64 total = 0;
    qint64 tax = 0;         // recomputed by the server
    int originalLineNo = 0; // on a return: the sold line it gives back
};

struct WireTender
{
    QString kind;
    qint64 amount = 0;
    QString reference;
    QString paymentToken; // what the saga charges, for a tender that needs capture
    bool needsCapture = false;
};

struct WireEvent
{
    QString event;
    QString from;
    QString to;
    int version = 0;
    QString actor;
    QString approvedBy;
    QString at;
};

struct WireOrder
{
    bool isReturn = false;   // "type": "return"; a sale has no type on the wire
    QString originalOrderId; // on a return: the sale it gives back from
    QString id;
    QString receiptNo;
    QString storeId;
    QString terminalId;
    QString cashierId;
    QString customerId;
    QString currency;
    QString createdAt;
    QString status;
    int version = 1;
    qint64 total = 0;
    QList<WireLine> lines;
    QList<WireTender> tenders;
    QList<WireEvent> events;
    std::optional<JournalLink> journal;
    QByteArray canonical; // the body as compact JSON with sorted keys, for the fingerprint

    // A remote order (a web shop's): placed CREATED with a card to charge; its saga reserves the
    // stock, charges, and confirms it PAID. Everything else is a counter sale that arrives paid.
    bool isRemote() const;
    bool needsCapture() const;
};

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
    // Types and shapes only; errors ("request.invalid_field") name the field.
    static Result<WireOrder> parse(const QByteArray &body);

    // Checks the order against the calling terminal and its store, recomputes every line's tax
    // and total with the domain's rules ("order.totals_mismatch" names the line), then writes the
    // order, lines, tenders, events and stock movements in one transaction. The natural key
    // (terminal, order id) is unique forever: a second arrival answers 200 with the stored order.
    // A counter sale's stock leaves with it (below zero if need be, flagged); a remote order's is
    // reserved, all or nothing ("stock.insufficient" before anything is written or charged). The
    // order's saga row and its "order.placed" event are written in the same transaction. A
    // remote order's key is not completed here: its answer is known when its saga has run.
    static Result<IngestAnswer> ingest(const QSqlDatabase &db, const Principal &terminal,
                                       WireOrder order, const QDateTime &at,
                                       const std::optional<IdempotencySlot> &slot,
                                       std::chrono::seconds sagaLease = std::chrono::seconds(30));

    static Result<QJsonObject> orderJson(const QSqlDatabase &db, const QString &orderId);
    // An order row as JSON, from a row whose columns are seq, id, store_id, receipt_no, status,
    // version, total_minor, currency, created_at, kind, original_order_id (the columns orderJson
    // reads; the history's page reads them first too).
    static QJsonObject summaryJson(const QSqlQuery &row);

    // The order in full for GET /v1/orders/{id}: orderJson plus its terminal, cashier and
    // customer, lines, tenders and events.
    static Result<QJsonObject> orderDetailJson(const QSqlDatabase &db, const QString &orderId);
};

} // namespace counterline::server
