#pragma once

#include "domain/clock.h"
#include "domain/id_source.h"
#include "domain/order_return.h"
#include "domain/order_state_machine.h"
#include "domain/result.h"
#include "store/database.h"
#include "store/order_details.h"

#include <QCoreApplication>

#include <functional>
#include <memory>

namespace counterline::sync {
class CardPayments;
class SaleReversal;
class ServerOrders;
} // namespace counterline::sync

namespace counterline::ui {

// Where the back office reads one order in full and sends its events: this terminal's database,
// or the server. Answers come through `done`, possibly before the call returns. A stale version
// is the error "order.version_conflict": nothing was changed.
class OrderBackend
{
    Q_DECLARE_TR_FUNCTIONS(OrderBackend)

public:
    virtual ~OrderBackend() = default;

    using Loaded = std::function<void(const Result<store::OrderDetail> &)>;
    using Applied = std::function<void(const Result<void> &)>;

    virtual void load(const QString &orderId, Loaded done) = 0;
    virtual void apply(const QString &orderId, int expectedVersion, OrderEvent event,
                       const QString &user, Applied done) = 0;

    // Partial returns are taken where the goods come back: at a till. The return pays back
    // exactly what the items give back, in cash or to the card the sale was charged to; `done`
    // gets the return order's id.
    enum class RefundTo
    {
        Cash,
        Card
    };
    using SourceLoaded = std::function<void(const Result<ReturnSource> &)>;
    using Returned = std::function<void(const Result<QString> &)>;
    virtual bool takesReturns() const { return false; }
    virtual void loadReturnSource(const QString &orderId, SourceLoaded done);
    // Whether a return of this sale can go back to its card (a card charged through the payment
    // service, which this till can reach).
    virtual bool refundsToCard(const store::OrderDetail &sale) const;
    virtual void recordReturn(const QString &orderId, const QList<ReturnItem> &items,
                              RefundTo refundTo, const QString &user, Returned done);
};

class LocalOrderBackend final : public OrderBackend
{
public:
    // `cards`, when set, refunds returns to the card the sale was charged to.
    LocalOrderBackend(const store::Database &database, const Clock &clock, IdSource &ids,
                      sync::CardPayments *cards = nullptr);
    ~LocalOrderBackend() override;

    void load(const QString &orderId, Loaded done) override;
    void apply(const QString &orderId, int expectedVersion, OrderEvent event, const QString &user,
               Applied done) override;

    bool takesReturns() const override { return true; }
    void loadReturnSource(const QString &orderId, SourceLoaded done) override;
    bool refundsToCard(const store::OrderDetail &sale) const override;
    void recordReturn(const QString &orderId, const QList<ReturnItem> &items, RefundTo refundTo,
                      const QString &user, Returned done) override;

private:
    // The payment service's charge of the sale's card tender, if it has one.
    QString chargeOf(const store::OrderDetail &sale) const;
    void writeReturn(const QString &orderId, const QList<ReturnItem> &items, const Tender &refund,
                     const QString &user, const Returned &done);

    const store::Database &m_database;
    const Clock &m_clock;
    IdSource &m_ids;
    sync::CardPayments *m_cards = nullptr;
    std::unique_ptr<sync::SaleReversal> m_reversal; // a Cancel or Refund of a whole sale
};

// The server's orders (GET /v1/orders/{id}, POST /v1/orders/{id}/events); the server records
// the signed-in user as the actor.
class ServerOrderBackend final : public OrderBackend
{
    Q_DECLARE_TR_FUNCTIONS(ServerOrderBackend)

public:
    explicit ServerOrderBackend(sync::ServerOrders &orders);

    void load(const QString &orderId, Loaded done) override;
    void apply(const QString &orderId, int expectedVersion, OrderEvent event, const QString &user,
               Applied done) override;

    // The server's JSON for one order as the detail the view shows.
    static Result<store::OrderDetail> detailFromJson(const QJsonObject &order);

private:
    sync::ServerOrders &m_orders;
};

} // namespace counterline::ui
