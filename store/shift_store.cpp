#include "store/shift_store.h"

#include "sqlkit/statement.h"
#include "sqlkit/time_text.h"
#include "store/sales_report.h"
#include "store/sql.h"
#include "store/terminal_identity.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace counterline::store {

namespace {

qint64 number(const QSqlDatabase &db, const QString &sql, const QVariantList &values)
{
    Result<QVariant> value = sqlkit::selectValue(db, sql, values);
    return value ? value->toLongLong() : 0;
}

QJsonObject reportJson(const ZReport &z)
{
    QJsonArray rates;
    for (const TaxRateTotal &rate : z.perRate) {
        rates.append(QJsonObject{{u"rate_ppm"_s, rate.rate.partsPerMillion()},
                                 {u"net"_s, rate.net.minorUnits()},
                                 {u"tax"_s, rate.tax.minorUnits()},
                                 {u"gross"_s, rate.gross.minorUnits()}});
    }
    return QJsonObject{{u"shift"_s, z.shift.id},
                       {u"cashier"_s, z.shift.cashier.name},
                       {u"opened_at"_s, sqlkit::timeText(z.shift.openedAt)},
                       {u"closed_at"_s, sqlkit::timeText(z.closedAt)},
                       {u"closed_by"_s, z.closedBy},
                       {u"override_by"_s, z.overrideBy},
                       {u"orders"_s, z.orderCount},
                       {u"voided"_s, z.voidedCount},
                       {u"returns"_s, z.returnCount},
                       {u"returned"_s, z.returns.minorUnits()},
                       {u"sales"_s, z.sales.minorUnits()},
                       {u"per_rate"_s, rates},
                       {u"float"_s, z.shift.openingFloat.minorUnits()},
                       {u"cash_taken"_s, z.cashTaken.minorUnits()},
                       {u"card_taken"_s, z.cardTaken.minorUnits()},
                       {u"cash_expected"_s, z.cashExpected.minorUnits()},
                       {u"cash_counted"_s, z.cashCounted.minorUnits()},
                       {u"card_counted"_s, z.cardCounted.minorUnits()},
                       {u"grand_total"_s, z.grandTotal.minorUnits()},
                       {u"currency"_s, z.sales.currency().code()}};
}

} // namespace

Money ZReport::cashDifference() const
{
    return Money(cashCounted.minorUnits() - cashExpected.minorUnits(), cashCounted.currency());
}

Money ZReport::cardDifference() const
{
    return Money(cardCounted.minorUnits() - cardTaken.minorUnits(), cardCounted.currency());
}

ShiftStore::ShiftStore(const Database &database, const Clock &clock)
    : m_db(database.connection())
    , m_clock(clock)
{
    Result<TerminalIdentity> terminal = TerminalSettings::load(m_db);
    if (terminal)
        m_currency = terminal->currency;
}

Result<Shift> ShiftStore::open(const User &cashier, const Money &openingFloat)
{
    if (openingFloat.isNegative() || openingFloat.currency() != m_currency)
        return Error{u"shift.bad_float"_s,
                     tr("The opening float must be an amount in %1.").arg(m_currency.code())};
    Result<std::optional<Shift>> open = current(cashier);
    if (!open)
        return open.error();
    if (open->has_value())
        return Error{u"shift.already_open"_s,
                     tr("%1 already has an open shift.").arg(cashier.name)};
    const Shift shift{QUuid::createUuid().toString(QUuid::WithoutBraces), cashier, m_clock.now(),
                      openingFloat};
    Result<qint64> made = execute(
        m_db,
        u"INSERT INTO shifts (id, cashier_id, opened_at, opening_float_minor) "
        "VALUES (?, ?, ?, ?)"_s,
        {shift.id, cashier.id, sqlkit::timeText(shift.openedAt), openingFloat.minorUnits()});
    if (!made)
        return made.error();
    return shift;
}

Result<std::optional<Shift>> ShiftStore::current(const User &cashier)
{
    Result<QSqlQuery> found = sqlkit::exec(m_db,
                                           u"SELECT id, opened_at, opening_float_minor FROM shifts "
                                           "WHERE cashier_id = ? AND closed_at IS NULL"_s,
                                           {cashier.id});
    if (!found)
        return found.error();
    if (!found.value().next())
        return std::optional<Shift>();
    return std::optional<Shift>(Shift{found.value().value(0).toString(), cashier,
                                      sqlkit::timeFromText(found.value().value(1).toString()),
                                      Money(found.value().value(2).toLongLong(), m_currency)});
}

Result<ZReport> ShiftStore::report(const Shift &shift, const Money &cashCounted,
                                   const Money &cardCounted)
{
    const QString since = sqlkit::timeText(shift.openedAt);
    const QString name = shift.cashier.name;
    const QString mine = u"o.cashier_id = ? AND o.created_at >= ?"_s;
    ZReport z;
    z.shift = shift;
    z.closedAt = m_clock.now();
    const QString &sign = SalesReport::kSign;
    z.orderCount = int(number(m_db,
                              u"SELECT count(*) FROM orders o WHERE "_s + mine +
                                  u" AND o.status <> 'CANCELLED' AND o.kind = 'sale'"_s,
                              {name, since}));
    z.returnCount = int(
        number(m_db, u"SELECT count(*) FROM orders o WHERE "_s + mine + u" AND o.kind = 'return'"_s,
               {name, since}));
    z.returns = Money(number(m_db,
                             u"SELECT COALESCE(SUM(o.total_minor), 0) FROM orders o WHERE "_s +
                                 mine + u" AND o.kind = 'return'"_s,
                             {name, since}),
                      m_currency);
    z.voidedCount = int(number(
        m_db, u"SELECT count(*) FROM orders o WHERE "_s + mine + u" AND o.status = 'CANCELLED'"_s,
        {name, since}));
    z.sales =
        Money(number(m_db,
                     u"SELECT COALESCE(SUM(o.total_minor * "_s + sign +
                         u"), 0) FROM orders o WHERE "_s + mine + u" AND o.status <> 'CANCELLED'"_s,
                     {name, since}),
              m_currency);
    Result<QList<TaxRateTotal>> rates = SalesReport::perRate(
        m_db, mine + u" AND o.status <> 'CANCELLED'"_s, {name, since}, m_currency);
    if (!rates)
        return rates.error();
    z.perRate = *rates;
    const qint64 cash = number(m_db,
                               u"SELECT COALESCE(SUM(t.amount_minor * "_s + sign +
                                   u"), 0) FROM tenders t JOIN orders "
                                   "o ON o.id = t.order_id WHERE t.kind = 'cash' AND "_s +
                                   mine + u" AND o.status <> 'CANCELLED'"_s,
                               {name, since}) -
                        number(m_db,
                               u"SELECT COALESCE(SUM(o.change_minor), 0) FROM orders o WHERE "_s +
                                   mine + u" AND o.status <> 'CANCELLED'"_s,
                               {name, since});
    z.cashTaken = Money(cash, m_currency);
    z.cardTaken = Money(number(m_db,
                               u"SELECT COALESCE(SUM(t.amount_minor * "_s + sign +
                                   u"), 0) FROM tenders t JOIN "
                                   "orders o ON o.id = t.order_id WHERE t.kind = 'card' AND "_s +
                                   mine + u" AND o.status <> 'CANCELLED'"_s,
                               {name, since}),
                        m_currency);
    z.cashExpected = Money(shift.openingFloat.minorUnits() + cash, m_currency);
    z.cashCounted = cashCounted;
    z.cardCounted = cardCounted;
    z.grandTotal = Money(number(m_db,
                                u"SELECT COALESCE(SUM(o.total_minor * "_s + sign +
                                    u"), 0) FROM orders o WHERE o.status <> 'CANCELLED'"_s,
                                {}),
                         m_currency);
    z.waitingToSync = int(number(m_db, u"SELECT count(*) FROM outbox WHERE state <> 'sent'"_s, {}));
    return z;
}

Result<ZReport> ShiftStore::close(const Shift &shift, const Money &cashCounted,
                                  const Money &cardCounted, const QString &closedBy,
                                  const QString &overrideBy)
{
    Result<ZReport> made = report(shift, cashCounted, cardCounted);
    if (!made)
        return made.error();
    ZReport z = *made;
    if (z.waitingToSync > 0 && overrideBy.isEmpty()) {
        return Error{u"shift.orders_waiting"_s,
                     tr("%n order(s) have not reached the server yet. Wait for sync, or ask a "
                        "manager to close anyway.",
                        nullptr, z.waitingToSync)};
    }
    z.closedBy = closedBy;
    z.overrideBy = overrideBy;
    Result<qint64> closed = execute(
        m_db,
        u"UPDATE shifts SET closed_at = ?, counted_cash_minor = ?, counted_card_minor = ?, "
        "closed_by = ?, close_override_by = ?, z_report = ? WHERE id = ? AND closed_at IS NULL"_s,
        {sqlkit::timeText(z.closedAt), cashCounted.minorUnits(), cardCounted.minorUnits(), closedBy,
         overrideBy.isEmpty() ? QVariant() : QVariant(overrideBy),
         QString::fromUtf8(QJsonDocument(reportJson(z)).toJson(QJsonDocument::Compact)), shift.id});
    if (!closed)
        return closed.error();
    if (closed.value() != 1)
        return Error{u"shift.not_open"_s, tr("This shift is already closed.")};
    return z;
}

} // namespace counterline::store
