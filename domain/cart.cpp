#include "domain/cart.h"

#include "domain/sale_bounds.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace counterline {

namespace {
constexpr qint64 kMaxQuantity = kMaxLineQuantity;
}

Cart::Cart(QUuid id, Currency currency, PricingPolicy policy)
    : m_id(id)
    , m_currency(std::move(currency))
    , m_policy(policy)
{}

CartLine *Cart::findLine(int lineNo)
{
    for (CartLine &line : m_lines) {
        if (line.lineNo == lineNo)
            return &line;
    }
    return nullptr;
}

Error Cart::noSuchLine(int lineNo) const
{
    return Error{u"cart.no_such_line"_s, tr("the cart has no line %1").arg(lineNo)};
}

Result<void> Cart::checkQuantity(qint64 quantity) const
{
    if (quantity < 1 || quantity > kMaxQuantity) {
        return Error{
            u"cart.bad_quantity"_s,
            tr("a quantity must be between 1 and %1").arg(QLocale().toString(kMaxQuantity))};
    }
    return success();
}

Result<int> Cart::addProduct(const Product &product, qint64 quantity)
{
    if (product.price.currency() != m_currency) {
        return Error{u"cart.currency_mismatch"_s,
                     tr("%1 is priced in %2 but the cart is in %3")
                         .arg(product.sku, product.price.currency().code(), m_currency.code())};
    }
    if (Result<void> ok = checkQuantity(quantity); !ok)
        return ok.error();

    for (CartLine &line : m_lines) {
        if (line.sku == product.sku && !line.isPriceOverridden() && line.discount.isNone() &&
            line.listPrice == product.price) {
            if (Result<void> ok = checkQuantity(line.quantity + quantity); !ok)
                return ok.error();
            line.quantity += quantity;
            if (Result<CartTotals> priced = totals(); !priced) {
                line.quantity -= quantity;
                return priced.error();
            }
            return line.lineNo;
        }
    }
    CartLine line;
    line.lineNo = m_nextLineNo++;
    line.sku = product.sku;
    line.name = product.name;
    line.listPrice = product.price;
    line.unitPrice = product.price;
    line.quantity = quantity;
    line.taxRate = product.taxRate;
    m_lines.append(line);
    if (Result<CartTotals> priced = totals(); !priced) {
        m_lines.removeLast();
        --m_nextLineNo;
        return priced.error();
    }
    return line.lineNo;
}

Result<void> Cart::setQuantity(int lineNo, qint64 quantity)
{
    CartLine *line = findLine(lineNo);
    if (!line)
        return noSuchLine(lineNo);
    if (Result<void> ok = checkQuantity(quantity); !ok)
        return ok;
    const qint64 before = line->quantity;
    line->quantity = quantity;
    if (Result<CartTotals> priced = totals(); !priced) {
        line->quantity = before;
        return priced.error();
    }
    return success();
}

Result<void> Cart::overridePrice(int lineNo, const Money &unitPrice)
{
    CartLine *line = findLine(lineNo);
    if (!line)
        return noSuchLine(lineNo);
    if (unitPrice.currency() != m_currency || unitPrice.isNegative()) {
        return Error{u"cart.bad_price"_s,
                     tr("a price must be a non-negative amount in %1").arg(m_currency.code())};
    }
    const Money before = line->unitPrice;
    line->unitPrice = unitPrice;
    if (Result<CartTotals> priced = totals(); !priced) {
        line->unitPrice = before;
        return priced.error();
    }
    return success();
}

Result<void> Cart::setLineDiscount(int lineNo, const Discount &discount)
{
    CartLine *line = findLine(lineNo);
    if (!line)
        return noSuchLine(lineNo);
    const CartLine before = *line;
    line->discount = discount;
    if (Result<CartTotals> priced = totals(); !priced) {
        *line = before;
        return priced.error();
    }
    return success();
}

Result<void> Cart::setOrderDiscount(const Discount &discount)
{
    const Discount before = m_orderDiscount;
    m_orderDiscount = discount;
    if (Result<CartTotals> priced = totals(); !priced) {
        m_orderDiscount = before;
        return priced.error();
    }
    return success();
}

Result<void> Cart::voidLine(int lineNo)
{
    for (qsizetype i = 0; i < m_lines.size(); ++i) {
        if (m_lines[i].lineNo == lineNo) {
            m_lines.removeAt(i);
            return success();
        }
    }
    return noSuchLine(lineNo);
}

Result<void> Cart::restoreLine(const CartLine &line)
{
    if (line.lineNo < 1 || findLine(line.lineNo)) {
        return Error{u"cart.bad_line_number"_s,
                     tr("line number %1 is not free in this cart").arg(line.lineNo)};
    }
    if (Result<void> ok = checkQuantity(line.quantity); !ok)
        return ok;
    if (line.unitPrice.currency() != m_currency || line.listPrice.currency() != m_currency) {
        return Error{u"cart.currency_mismatch"_s,
                     tr("line %1 is not priced in %2").arg(line.lineNo).arg(m_currency.code())};
    }
    m_lines.append(line);
    m_nextLineNo = std::max(m_nextLineNo, line.lineNo + 1);
    return success();
}

Result<CartTotals> Cart::totals() const
{
    return priceLines(m_lines, m_orderDiscount, m_currency, m_policy);
}

} // namespace counterline
