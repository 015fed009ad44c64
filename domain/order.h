#pragma once

#include "domain/cart.h"
#include "domain/order_state_machine.h"
#include "domain/receipt_number.h"
#include "domain/tender.h"

#include <QDateTime>
#include <QUuid>

#include <optional>

namespace counterline {

// A sale, or a return: a new order that gives back some units of a completed sale (BRIEF §3).
// A return's amounts are positive like a sale's; its tenders are what was paid back.
enum class OrderKind
{
    Sale,
    Return
};

QString orderKindName(OrderKind kind); // "sale" / "return"
Result<OrderKind> orderKindFromName(QStringView name);

struct ReturnSource;
struct ReturnItem;

// A sold line, frozen: what was sold, at which price, name and tax, whatever the catalog says
// later.
struct OrderLine
{
    int lineNo = 0;
    QString sku;
    QString name;
    Money unitPrice;
    qint64 quantity = 0;
    TaxRate taxRate;
    Money discount; // the line's own discount plus its share of the order discount
    Money net;
    Money tax;
    Money total;
    int originalLineNo = 0; // on a return: the line of the sale it gives back

    friend bool operator==(const OrderLine &, const OrderLine &) = default;
};

// Who did something to an order, and which manager approved it when approval was needed.
struct Actor
{
    QString userId;
    QString approvedBy;
};

// One applied event; `version` is the order's version after it.
struct OrderEventRecord
{
    std::optional<OrderStatus> from;
    OrderStatus to = OrderStatus::Created;
    OrderEvent event = OrderEvent::Place;
    int version = 1;
    Actor actor;
    QDateTime at;
};

// What checkout knows about a new order besides the cart.
struct OrderHeader
{
    QUuid id;
    ReceiptNumber receiptNumber;
    QString cashierId;
    QString customerId;
    QDateTime createdAt;
};

// The legal record of a sale: an immutable value. Events return a new Order with the next status
// and version; lines, prices and taxes never change. Corrections are new orders.
class Order
{
    Q_DECLARE_TR_FUNCTIONS(Order)

public:
    // A new CREATED order (version 1) from a non-empty cart, with price and tax snapshots.
    static Result<Order> place(const Cart &cart, const OrderHeader &header, const Actor &actor);

    // A new CREATED return order (version 1) giving back `items` of a paid or completed sale
    // (a counter sale is paid when the goods leave with the customer), each line
    // with its share of the sold line's discount, tax and total (returnShare). Paying it records
    // what was paid back, which must be exactly its total.
    static Result<Order> placeReturn(const ReturnSource &sale, const QList<ReturnItem> &items,
                                     const OrderHeader &header, const Actor &actor);

    // Records the tenders and applies PaymentCaptured. Tenders must cover the total; change is
    // given only out of cash.
    Result<Order> pay(const QList<Tender> &tenders, const Actor &actor, const QDateTime &at) const;

    // Applies any event of the state machine (PaymentCaptured only once tenders cover the total).
    Result<Order> apply(OrderEvent event, const Actor &actor, const QDateTime &at) const;

    const QUuid &id() const { return m_header.id; }
    const ReceiptNumber &receiptNumber() const { return m_header.receiptNumber; }
    QString storeId() const { return m_header.receiptNumber.store(); }
    QString terminalId() const { return m_header.receiptNumber.terminal(); }
    const QString &cashierId() const { return m_header.cashierId; }
    const QString &customerId() const { return m_header.customerId; }
    const QDateTime &createdAt() const { return m_header.createdAt; }
    const Currency &currency() const { return m_totals.total.currency(); }
    const PricingPolicy &policy() const { return m_policy; }
    OrderKind kind() const { return m_kind; }
    const QUuid &originalOrderId() const { return m_originalOrderId; } // null for a sale

    OrderStatus status() const { return m_status; }
    int version() const { return m_version; }
    const QList<OrderLine> &lines() const { return m_lines; }
    const QList<Tender> &tenders() const { return m_tenders; }
    const QList<OrderEventRecord> &events() const { return m_events; }

    const Money &subtotal() const { return m_totals.subtotal; }
    const Money &discount() const { return m_totals.discount; }
    const Money &net() const { return m_totals.net; }
    const Money &tax() const { return m_totals.tax; }
    const Money &total() const { return m_totals.total; }
    const QList<TaxRateTotal> &totalsPerRate() const { return m_totals.perRate; }

    Money tendered() const; // sum of the tenders
    Money change() const;   // cash handed back: tendered - total, or zero

private:
    Order(OrderHeader header, PricingPolicy policy, CartTotals totals)
        : m_header(std::move(header))
        , m_policy(policy)
        , m_totals(std::move(totals))
    {}
    Result<void> checkTenders(const QList<Tender> &tenders) const;

    OrderHeader m_header;
    PricingPolicy m_policy;
    CartTotals m_totals;
    QList<OrderLine> m_lines;
    QList<Tender> m_tenders;
    QList<OrderEventRecord> m_events;
    OrderStatus m_status = kInitialOrderStatus;
    int m_version = 1;
    OrderKind m_kind = OrderKind::Sale;
    QUuid m_originalOrderId;
};

} // namespace counterline
