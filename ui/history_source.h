#pragma once

#include "domain/result.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace counterline::ui {

// One order as the history browser lists it, from this terminal's database or from the server.
struct HistoryRow
{
    QString id;
    QString receiptNumber;
    QDateTime createdAt;
    QString status; // OrderStatus name
    int version = 0;
    QString cashier;
    QString customer;
    qint64 totalMinor = 0;
    QString currency;
    QString origin;        // the local sync state, or the server's store
    bool isReturn = false; // a return order: `totalMinor` was paid back

    // What the order came to for the shop: a return's total counts against it.
    qint64 signedTotalMinor() const { return isReturn ? -totalMinor : totalMinor; }
};

// What the history browser filters by. Empty fields do not filter.
struct HistoryQuery
{
    std::optional<QDateTime> from; // inclusive
    std::optional<QDateTime> to;   // exclusive
    QString status;
    QString cashier;
    QString terminal; // the server's history only
    QString customer;
    QString receiptNumber;
    QString sku;
    std::optional<qint64> minTotalMinor;
    std::optional<qint64> maxTotalMinor;
    QString store; // the server's history only: one store, or the chain
};

struct HistoryPage
{
    QList<HistoryRow> rows;
    QString next; // the cursor of the page after this one; empty on the last page
};

// Where the history comes from, a page at a time by keyset cursor: this terminal's database, or
// the server (GET /v1/orders). `done` is called once, possibly before fetch() returns.
class HistorySource
{
public:
    virtual ~HistorySource() = default;

    using Done = std::function<void(const Result<HistoryPage> &)>;
    virtual void fetch(const HistoryQuery &query, const QString &cursor, int limit, Done done) = 0;

    // Where the orders come from, for people ("This till's orders", "Server …").
    virtual QString describe() const = 0;
};

} // namespace counterline::ui
