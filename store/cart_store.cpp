#include "store/cart_store.h"

#include "sqlkit/statement.h"
#include "sqlkit/time_text.h"
#include "sqlkit/transaction.h"
#include "store/sql.h"
#include "store/terminal_identity.h"

using namespace Qt::StringLiterals;

namespace counterline::store {

namespace {

QString idText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

QString discountKindName(const Discount &discount)
{
    switch (discount.kind()) {
    case Discount::Kind::None:
        return u"none"_s;
    case Discount::Kind::Percent:
        return u"percent"_s;
    case Discount::Kind::Amount:
        return u"amount"_s;
    }
    Q_UNREACHABLE();
    return {};
}

Result<Discount> discountFrom(const QString &kind, qint64 value)
{
    if (kind == u"percent"_s)
        return Discount::percentPpm(value);
    if (kind == u"amount"_s)
        return Discount::amount(value);
    return Discount();
}

} // namespace

CartStore::CartStore(const Database &database, const Clock &clock)
    : m_db(database.connection())
    , m_clock(clock)
{}

Result<void> CartStore::save(const Cart &cart, const QString &cashierId)
{
    const QString id = idText(cart.id());
    const QString now = sqlkit::timeText(m_clock.now());
    sqlkit::Transaction transaction(m_db);
    if (Result<void> begun = transaction.begin(); !begun)
        return begun;
    Result<QSqlQuery> status = sqlkit::exec(m_db, u"SELECT status FROM carts WHERE id = ?"_s, {id});
    if (!status)
        return status.error();
    if (status.value().next()) {
        if (status.value().value(0).toString() == u"closed"_s) {
            return Error{u"cart.closed"_s,
                         tr("Cart %1 has been paid and can no longer change.").arg(id)};
        }
        Result<qint64> updated =
            execute(m_db,
                    u"UPDATE carts SET order_discount_kind = ?, order_discount_value = ?, "
                    "updated_at = ?, cashier_id = ? WHERE id = ?"_s,
                    {discountKindName(cart.orderDiscount()), cart.orderDiscount().value(), now,
                     cashierId, id});
        if (!updated)
            return updated.error();
    } else {
        Result<qint64> inserted = execute(
            m_db,
            u"INSERT INTO carts (id, status, cashier_id, order_discount_kind, "
            "order_discount_value, created_at, updated_at) VALUES (?, 'open', ?, ?, ?, ?, ?)"_s,
            {id, cashierId, discountKindName(cart.orderDiscount()), cart.orderDiscount().value(),
             now, now});
        if (!inserted)
            return inserted.error();
    }
    if (Result<qint64> cleared = execute(m_db, u"DELETE FROM cart_lines WHERE cart_id = ?"_s, {id});
        !cleared) {
        return cleared.error();
    }
    for (const CartLine &line : cart.lines()) {
        Result<qint64> inserted =
            execute(m_db,
                    u"INSERT INTO cart_lines (cart_id, line_no, sku, name, list_price_minor, "
                    "unit_price_minor, quantity, tax_rate_ppm, discount_kind, discount_value) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
                    {id, line.lineNo, line.sku, line.name, line.listPrice.minorUnits(),
                     line.unitPrice.minorUnits(), line.quantity, line.taxRate.partsPerMillion(),
                     discountKindName(line.discount), line.discount.value()});
        if (!inserted)
            return inserted.error();
    }
    return transaction.commit();
}

Result<Cart> CartStore::load(const QUuid &id)
{
    Result<TerminalIdentity> terminal = TerminalSettings::load(m_db);
    if (!terminal)
        return terminal.error();
    Result<QSqlQuery> header = sqlkit::exec(
        m_db, u"SELECT order_discount_kind, order_discount_value FROM carts WHERE id = ?"_s,
        {idText(id)});
    if (!header)
        return header.error();
    if (!header.value().next())
        return Error{u"cart.not_found"_s, tr("There is no saved cart %1.").arg(idText(id))};

    Cart cart(id, terminal->currency, terminal->policy);
    Result<QSqlQuery> lines = sqlkit::exec(
        m_db,
        u"SELECT line_no, sku, name, list_price_minor, unit_price_minor, quantity, tax_rate_ppm, "
        "discount_kind, discount_value FROM cart_lines WHERE cart_id = ? ORDER BY line_no"_s,
        {idText(id)});
    if (!lines)
        return lines.error();
    QSqlQuery &row = lines.value();
    while (row.next()) {
        Result<TaxRate> rate = TaxRate::fromPartsPerMillion(row.value(6).toLongLong());
        Result<Discount> discount =
            discountFrom(row.value(7).toString(), row.value(8).toLongLong());
        if (!rate)
            return rate.error();
        if (!discount)
            return discount.error();
        CartLine line;
        line.lineNo = row.value(0).toInt();
        line.sku = row.value(1).toString();
        line.name = row.value(2).toString();
        line.listPrice = Money(row.value(3).toLongLong(), terminal->currency);
        line.unitPrice = Money(row.value(4).toLongLong(), terminal->currency);
        line.quantity = row.value(5).toLongLong();
        line.taxRate = *rate;
        line.discount = *discount;
        if (Result<void> restored = cart.restoreLine(line); !restored)
            return restored.error();
    }
    Result<Discount> orderDiscount =
        discountFrom(header.value().value(0).toString(), header.value().value(1).toLongLong());
    if (!orderDiscount)
        return orderDiscount.error();
    if (Result<void> set = cart.setOrderDiscount(*orderDiscount); !set)
        return set.error();
    return cart;
}

Result<std::optional<QUuid>> CartStore::openCart()
{
    Result<QSqlQuery> query = sqlkit::exec(
        m_db, u"SELECT id FROM carts WHERE status = 'open' ORDER BY updated_at DESC LIMIT 1"_s);
    if (!query)
        return query.error();
    if (!query.value().next())
        return std::optional<QUuid>();
    return std::optional<QUuid>(QUuid::fromString(query.value().value(0).toString()));
}

Result<void> CartStore::setStatus(const QUuid &id, const QString &from, const QString &to,
                                  const QString &userId)
{
    const QString now = sqlkit::timeText(m_clock.now());
    const bool parking = to == u"parked"_s;
    Result<qint64> updated =
        execute(m_db,
                u"UPDATE carts SET status = ?, parked_by = ?, parked_at = ?, updated_at = ? "
                "WHERE id = ? AND status = ?"_s,
                {to, parking ? QVariant(userId) : QVariant(), parking ? QVariant(now) : QVariant(),
                 now, idText(id), from});
    if (!updated)
        return updated.error();
    if (updated.value() != 1) {
        return Error{u"cart.wrong_state"_s, tr("Cart %1 is not %2.").arg(idText(id), from)};
    }
    return success();
}

Result<void> CartStore::park(const QUuid &id, const QString &userId)
{
    return setStatus(id, u"open"_s, u"parked"_s, userId);
}

Result<void> CartStore::resume(const QUuid &id)
{
    return setStatus(id, u"parked"_s, u"open"_s, QString());
}

Result<QList<ParkedCart>> CartStore::parked()
{
    Result<QSqlQuery> query =
        sqlkit::exec(m_db, u"SELECT c.id, c.parked_by, c.parked_at, "
                           "(SELECT count(*) FROM cart_lines l WHERE l.cart_id = c.id) "
                           "FROM carts c WHERE c.status = 'parked' ORDER BY c.parked_at"_s);
    if (!query)
        return query.error();
    QList<ParkedCart> carts;
    QSqlQuery &row = query.value();
    while (row.next()) {
        carts.append(ParkedCart{QUuid::fromString(row.value(0).toString()), row.value(1).toString(),
                                sqlkit::timeFromText(row.value(2).toString()),
                                row.value(3).toInt()});
    }
    return carts;
}

Result<int> CartStore::purgeStale(std::chrono::seconds age)
{
    const QString cutoff = sqlkit::timeText(m_clock.now().addSecs(-age.count()));
    Result<qint64> deleted = execute(m_db, u"DELETE FROM carts WHERE updated_at < ?"_s, {cutoff});
    if (!deleted)
        return deleted.error();
    return int(deleted.value());
}

} // namespace counterline::store
