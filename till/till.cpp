// The Till's cart: its current line, scans with a quantity, corrections and parked carts. The
// sale itself is in till_sale.cpp, the session and shift in till_shift.cpp.

#include "till/till.h"

#include "sync/card_payments.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace counterline::till {

Till::Till(store::Database &database, const Clock &clock, IdSource &ids, const QUrl &paymentService,
           QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_clock(clock)
    , m_ids(ids)
    , m_terminal(*store::TerminalSettings::load(database.connection()))
    , m_users(database, clock, ids)
    , m_catalog(database)
    , m_carts(database, clock)
    , m_shifts(database, clock)
    , m_cart(ids.next(), m_terminal.currency, m_terminal.policy)
{
    if (paymentService.isValid())
        m_cards = new sync::CardPayments(paymentService, std::chrono::seconds(20), this);
    m_reversal = new sync::SaleReversal(database, clock, ids, m_cards, this);
    setCart(m_cart);
}

Till::~Till() = default;

int Till::currentRow() const
{
    const QList<CartLine> &lines = m_cart.lines();
    for (qsizetype row = 0; row < lines.size(); ++row) {
        if (lines[row].lineNo == m_currentLineNo)
            return int(row);
    }
    return lines.isEmpty() ? -1 : int(lines.size()) - 1;
}

void Till::selectRow(int row)
{
    const QList<CartLine> &lines = m_cart.lines();
    if (lines.isEmpty())
        return;
    m_currentLineNo = lines[std::clamp(row, 0, int(lines.size()) - 1)].lineNo;
    emit cartChanged();
}

void Till::moveSelection(int delta)
{
    selectRow(currentRow() + delta);
}

void Till::setCart(Cart cart)
{
    m_cart = std::move(cart);
    Result<CartTotals> totals = m_cart.totals();
    m_totals = totals ? std::optional<CartTotals>(*totals) : std::nullopt;
    if (currentRow() >= 0 && !m_cart.lines().isEmpty())
        m_currentLineNo = m_cart.lines()[currentRow()].lineNo;
    emit cartChanged();
}

void Till::freshCart()
{
    m_approvedBy.clear();
    m_currentLineNo = -1;
    m_pendingQuantity = 1;
    setCart(Cart(m_ids.next(), m_terminal.currency, m_terminal.policy));
}

void Till::saveCart()
{
    if (m_user && !m_cart.isEmpty())
        (void)m_carts.save(m_cart, m_user->name); // a failed save is retried on the next change
}

// Edits a copy, so that what the domain refuses leaves the cart as it was.
Result<void> Till::change(const std::function<Result<void>(Cart &, int lineNo)> &edit)
{
    const int row = currentRow();
    if (row < 0)
        return Error{u"till.no_line"_s, tr("the cart has no line to change")};
    Cart edited = m_cart;
    if (Result<void> done = edit(edited, m_cart.lines()[row].lineNo); !done)
        return done;
    // A voided line hands the selection to the line that took its place (or the new last one).
    const qsizetype left = edited.lines().size();
    if (left < m_cart.lines().size() && left > 0)
        m_currentLineNo = edited.lines()[std::min(qsizetype(row), left - 1)].lineNo;
    setCart(std::move(edited));
    saveCart();
    return success();
}

Result<qint64> Till::quantityPrefix(QString &code) const
{
    static const QRegularExpression prefix(u"^\\s*(\\d{1,6})\\s*[*×xX]\\s*"_s);
    const QRegularExpressionMatch match = prefix.match(code);
    if (!match.hasMatch())
        return qint64(0);
    const qint64 pieces = match.captured(1).toLongLong();
    if (pieces < 1 || pieces > kMostPieces) {
        return Error{u"till.bad_quantity"_s,
                     tr("a quantity before * is %1 to %2 pieces, not %3")
                         .arg(QLocale().toString(1), QLocale().toString(kMostPieces),
                              QLocale().toString(pieces))};
    }
    code = code.mid(match.capturedLength()).trimmed();
    return pieces;
}

Result<int> Till::scan(const QString &typed)
{
    if (Result<void> ready = readyToSell(); !ready)
        return ready.error();
    QString code = typed.trimmed();
    Result<qint64> pieces = quantityPrefix(code);
    if (!pieces)
        return pieces.error();
    if (*pieces > 0) {
        m_pendingQuantity = *pieces;
        if (code.isEmpty()) { // "3*": the next scan adds three
            emit cartChanged();
            return Error{u"till.quantity_waiting"_s,
                         tr("the next item is added %1 times").arg(QLocale().toString(*pieces))};
        }
    }
    Result<std::optional<Product>> product = m_catalog.byBarcode(code);
    if (product && !product->has_value())
        product = m_catalog.bySku(code);
    if (!product)
        return product.error();
    if (product->has_value())
        return add(**product);
    Result<QList<Product>> found = m_catalog.search(code, 2);
    if (!found)
        return found.error();
    if (found->size() == 1)
        return add(found->first());
    if (found->isEmpty()) {
        return Error{u"till.unknown_code"_s,
                     tr("nothing in the catalog has the barcode or SKU \"%1\"").arg(code)};
    }
    return Error{u"till.several_match"_s,
                 tr("several products match \"%1\": pick one with ↓ and Enter").arg(code)};
}

Result<void> Till::readyToSell() const
{
    if (!m_user)
        return Error{u"till.logged_out"_s, tr("nobody is logged in at this till")};
    if (!m_shift)
        return Error{u"till.no_shift"_s, tr("no shift is open at this till")};
    return success();
}

Result<int> Till::add(const Product &product)
{
    if (Result<void> ready = readyToSell(); !ready)
        return ready.error();
    Cart edited = m_cart;
    Result<int> lineNo = edited.addProduct(product, m_pendingQuantity);
    if (!lineNo)
        return lineNo.error();
    m_pendingQuantity = 1;
    m_currentLineNo = *lineNo;
    setCart(std::move(edited));
    saveCart();
    return currentRow();
}

Result<void> Till::setQuantity(qint64 quantity)
{
    return change([&](Cart &cart, int lineNo) { return cart.setQuantity(lineNo, quantity); });
}

Result<void> Till::overridePrice(const Money &unitPrice)
{
    return change([&](Cart &cart, int lineNo) { return cart.overridePrice(lineNo, unitPrice); });
}

Result<void> Till::setDiscount(const Discount &discount)
{
    return change([&](Cart &cart, int lineNo) { return cart.setLineDiscount(lineNo, discount); });
}

Result<void> Till::voidLine()
{
    return change([&](Cart &cart, int lineNo) { return cart.voidLine(lineNo); });
}

bool Till::approvesOwnChanges() const
{
    return m_user && m_user->isManager();
}

void Till::recordApproval(const QString &manager)
{
    m_approvedBy = manager;
}

Actor Till::actor() const
{
    return Actor{m_user ? m_user->name : QString(), m_approvedBy};
}

Result<void> Till::park()
{
    if (Result<void> ready = readyToSell(); !ready)
        return ready;
    if (m_cart.isEmpty())
        return Error{u"till.empty_cart"_s, tr("the cart is empty; there is nothing to park")};
    if (Result<void> parked = m_carts.park(m_cart.id(), m_user->name); !parked)
        return parked;
    freshCart();
    emit parkedCountChanged();
    return success();
}

Result<int> Till::parkedCount()
{
    Result<QList<store::ParkedCart>> parked = m_carts.parked();
    if (!parked)
        return parked.error();
    return int(parked->size());
}

Result<QList<ParkedSale>> Till::parkedSales()
{
    Result<QList<store::ParkedCart>> parked = m_carts.parked();
    if (!parked)
        return parked.error();
    QList<ParkedSale> sales;
    for (const store::ParkedCart &cart : std::as_const(*parked)) {
        ParkedSale sale{cart.id, cart.parkedBy, cart.parkedAt, cart.lineCount, std::nullopt};
        if (Result<Cart> lines = m_carts.load(cart.id); lines) {
            if (Result<CartTotals> totals = lines->totals(); totals)
                sale.total = totals->total;
        }
        sales.append(sale);
    }
    std::stable_sort(sales.begin(), sales.end(), [](const ParkedSale &a, const ParkedSale &b) {
        return a.parkedAt > b.parkedAt;
    });
    return sales;
}

Result<Resumed> Till::resume(const QUuid &id)
{
    if (Result<void> ready = readyToSell(); !ready)
        return ready.error();
    Result<QList<store::ParkedCart>> parked = m_carts.parked();
    if (!parked)
        return parked.error();
    const auto chosen = std::find_if(parked->cbegin(), parked->cend(),
                                     [&](const store::ParkedCart &cart) { return cart.id == id; });
    if (chosen == parked->cend())
        return Error{u"till.not_parked"_s, tr("that cart is no longer parked")};
    Resumed resumed{{chosen->id, chosen->parkedBy, chosen->parkedAt, chosen->lineCount, {}},
                    !m_cart.isEmpty()};
    if (resumed.parkedTheOpenCart) {
        if (Result<void> parkedOpen = m_carts.park(m_cart.id(), m_user->name); !parkedOpen)
            return parkedOpen.error();
    }
    if (Result<void> back = m_carts.resume(id); !back)
        return back.error();
    Result<Cart> cart = m_carts.load(id);
    if (!cart)
        return cart.error();
    m_approvedBy.clear();
    m_currentLineNo = -1;
    setCart(std::move(*cart));
    emit parkedCountChanged();
    return resumed;
}

} // namespace counterline::till
