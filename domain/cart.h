#pragma once

#include "domain/discount.h"
#include "domain/money.h"
#include "domain/product.h"
#include "domain/result.h"
#include "domain/tax.h"

#include <QCoreApplication>
#include <QList>
#include <QUuid>

namespace counterline {

struct CartLine
{
    int lineNo = 0;
    QString sku;
    QString name;
    Money listPrice; // the catalog price when the line was added
    Money unitPrice; // what the customer pays per unit: the list price unless overridden
    qint64 quantity = 1;
    TaxRate taxRate;
    Discount discount;

    bool isPriceOverridden() const { return unitPrice != listPrice; }
};

// One line priced: list total, its own discount, its share of the order discount, and the taxed
// amount that remains.
struct PricedLine
{
    int lineNo = 0;
    Money listTotal;
    Money lineDiscount;
    Money orderDiscount;
    TaxedAmount amount;
};

struct CartTotals
{
    QList<PricedLine> lines;
    Money subtotal; // sum of unit price x quantity
    Money discount; // line and order discounts together
    Money net;
    Money tax;
    Money total; // what the customer pays
    QList<TaxRateTotal> perRate;
};

// The cashier's working basket: mutable and throwaway. Every change is checked (quantities,
// currencies, discounts) and refused with an error that leaves the cart as it was.
class Cart
{
    Q_DECLARE_TR_FUNCTIONS(Cart)

public:
    Cart(QUuid id, Currency currency, PricingPolicy policy);

    QUuid id() const { return m_id; }
    const Currency &currency() const { return m_currency; }
    const PricingPolicy &policy() const { return m_policy; }
    const QList<CartLine> &lines() const { return m_lines; }
    const Discount &orderDiscount() const { return m_orderDiscount; }
    bool isEmpty() const { return m_lines.isEmpty(); }

    // Adds the product, or bumps the quantity of a plain line of the same SKU (a rescan). Returns
    // the line number that holds it.
    Result<int> addProduct(const Product &product, qint64 quantity = 1);
    Result<void> setQuantity(int lineNo, qint64 quantity);
    Result<void> overridePrice(int lineNo, const Money &unitPrice);
    Result<void> setLineDiscount(int lineNo, const Discount &discount);
    Result<void> setOrderDiscount(const Discount &discount);
    Result<void> voidLine(int lineNo);

    // Restores a line exactly as stored (used when a saved cart is loaded).
    Result<void> restoreLine(const CartLine &line);

    Result<CartTotals> totals() const;

private:
    CartLine *findLine(int lineNo);
    Result<void> checkQuantity(qint64 quantity) const;
    Error noSuchLine(int lineNo) const;

    QUuid m_id;
    Currency m_currency;
    PricingPolicy m_policy;
    QList<CartLine> m_lines;
    Discount m_orderDiscount;
    int m_nextLineNo = 1;
};

// Prices lines the way a cart does; shared by Cart::totals() and the server's recomputation of a
// received order.
Result<CartTotals> priceLines(const QList<CartLine> &lines, const Discount &orderDiscount,
                              const Currency &currency, const PricingPolicy &policy);

} // namespace counterline
