#pragma once

#include "domain/result.h"
#include "store/database.h"
#include "store/order_history.h"

#include <QCoreApplication>

namespace counterline::store {

// Everything the back office shows about one order of this terminal.
struct OrderDetail
{
    struct Line
    {
        int lineNo = 0;
        QString sku;
        QString name; // the snapshot taken at the sale
        qint64 unitPriceMinor = 0;
        qint64 quantity = 0;
        qint64 taxRatePpm = 0;
        qint64 discountMinor = 0;
        qint64 taxMinor = 0;
        qint64 totalMinor = 0;
        int originalLineNo = 0; // on a return: the sale's line it gives back
        qint64 returned = 0;    // on a sale: units of the line returns gave back
    };
    // A return made against this sale.
    struct Return
    {
        QString orderId;
        QString receiptNumber;
        QDateTime createdAt;
        qint64 totalMinor = 0;
    };
    struct TenderLine
    {
        QString kind;
        qint64 amountMinor = 0;
        QString reference;
        bool needsCapture = false;
    };
    struct Event
    {
        int version = 0;
        QString event;
        QString from;
        QString to;
        QString actor;
        QString approvedBy;
        QDateTime at;
    };
    struct Journal
    {
        qint64 seq = 0;
        QString kind;
        QString hash;
    };
    // What became of a tender's money when the whole sale was undone (BRIEF §11).
    struct MoneyBack
    {
        int tender = 0;
        qint64 amountMinor = 0;
        // given_back, card_refunded, reader, owed; from the server also by_server (its saga
        // refunds: `state` due, sent, refunded or refused) and not_charged
        QString outcome;
        QString refundId;
        QString state;
    };
    struct SyncEntry
    {
        QString kind;
        QString idempotencyKey;
        QString state;
        int attempts = 0;
        int lastStatus = 0;
        QString lastError;
        QString lastCode;
    };

    OrderSummary summary;
    QString storeId;
    QString terminalId;
    qint64 taxMinor = 0;
    qint64 changeMinor = 0;
    QString serverOrderNo;
    QString originalOrderId;   // on a return: the sale it gives back from
    QString originalReceiptNo; // ... and that sale's receipt number
    QList<Return> returns;     // on a sale: its returns, oldest first
    QList<Line> lines;
    QList<TenderLine> tenders;
    QList<MoneyBack> moneyBack; // for a sale cancelled or refunded in full
    QList<Event> events;
    QList<Journal> journal;
    QList<SyncEntry> sync;
};

class OrderDetails
{
    Q_DECLARE_TR_FUNCTIONS(OrderDetails)

public:
    // "order.not_found" names the id.
    static Result<OrderDetail> load(const Database &database, const QString &orderId);

private:
    static Result<OrderDetail> loadHead(const QSqlDatabase &db, const QString &orderId);
};

} // namespace counterline::store
