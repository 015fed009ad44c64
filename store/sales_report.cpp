#include "store/sales_report.h"

#include "sqlkit/statement.h"
#include "sqlkit/time_text.h"
#include "store/sql.h"
#include "store/terminal_identity.h"

using namespace Qt::StringLiterals;

namespace counterline::store {

namespace {

// The orders that count in [from, to): sales neither cancelled nor refunded, and returns.
const QString kSales = u"o.status NOT IN ('CANCELLED', 'REFUNDED') AND o.created_at >= ? AND "
                       "o.created_at < ?"_s;

Result<qint64> number(const QSqlDatabase &db, const QString &sql, const QVariantList &values)
{
    Result<QVariant> value = sqlkit::selectValue(db, sql, values);
    if (!value)
        return value.error();
    return value->toLongLong();
}

} // namespace

const QString SalesReport::kSign = u"(CASE o.kind WHEN 'return' THEN -1 ELSE 1 END)"_s;

Result<PeriodReport> SalesReport::period(const Database &database, const QDateTime &from,
                                         const QDateTime &to)
{
    const QSqlDatabase db = database.connection();
    Result<TerminalIdentity> terminal = TerminalSettings::load(db);
    if (!terminal)
        return terminal.error();
    const Currency currency = terminal->currency;
    const QVariantList range{sqlkit::timeText(from), sqlkit::timeText(to)};
    PeriodReport report;
    report.from = from;
    report.to = to;
    auto amount = [&](const QString &sql) -> Result<Money> {
        Result<qint64> minor = number(db, sql, range);
        if (!minor)
            return minor.error();
        return Money(*minor, currency);
    };
    Result<qint64> count =
        number(db, u"SELECT count(*) FROM orders o WHERE o.kind = 'sale' AND "_s + kSales, range);
    Result<qint64> returnCount =
        number(db, u"SELECT count(*) FROM orders o WHERE o.kind = 'return' AND "_s + kSales, range);
    Result<Money> sales = amount(u"SELECT COALESCE(SUM(o.total_minor * "_s + kSign +
                                 u"), 0) FROM orders o WHERE "_s + kSales);
    Result<Money> returns = amount(
        u"SELECT COALESCE(SUM(o.total_minor), 0) FROM orders o WHERE o.kind = 'return' AND "_s +
        kSales);
    // What was paid back counts against what was taken, tender by tender.
    Result<Money> tendered = amount(u"SELECT COALESCE(SUM(t.amount_minor * "_s + kSign +
                                    u"), 0) FROM tenders t JOIN orders o ON "
                                    "o.id = t.order_id WHERE t.kind = 'cash' AND "_s +
                                    kSales);
    Result<Money> change =
        amount(u"SELECT COALESCE(SUM(o.change_minor), 0) FROM orders o WHERE "_s + kSales);
    Result<Money> card = amount(u"SELECT COALESCE(SUM(t.amount_minor * "_s + kSign +
                                u"), 0) FROM tenders t JOIN orders o ON "
                                "o.id = t.order_id WHERE t.kind = 'card' AND "_s +
                                kSales);
    Result<Money> offline =
        amount(u"SELECT COALESCE(SUM(t.amount_minor), 0) FROM tenders t JOIN orders o ON "
               "o.id = t.order_id WHERE t.kind = 'card' AND t.needs_capture = 1 AND "_s +
               kSales);
    for (const Result<Money> *part : {&sales, &returns, &tendered, &change, &card, &offline}) {
        if (!*part)
            return part->error();
    }
    for (const Result<qint64> *part : {&count, &returnCount}) {
        if (!*part)
            return part->error();
    }
    report.orderCount = int(*count);
    report.returnCount = int(*returnCount);
    report.sales = *sales;
    report.returns = *returns;
    report.cash = Money(tendered->minorUnits() - change->minorUnits(), currency);
    report.card = *card;
    report.cardOffline = *offline;

    Result<QList<TaxRateTotal>> rates = perRate(db, kSales, range, currency);
    if (!rates)
        return rates.error();
    report.perRate = *rates;
    return report;
}

Result<QList<TaxRateTotal>> SalesReport::perRate(const QSqlDatabase &db, const QString &where,
                                                 const QVariantList &values,
                                                 const Currency &currency)
{
    Result<QSqlQuery> rates =
        sqlkit::exec(db,
                     u"SELECT l.tax_rate_ppm, SUM(l.net_minor * "_s + kSign +
                         u"), SUM(l.tax_minor * "_s + kSign + u"), SUM(l.total_minor * "_s + kSign +
                         u") FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE "_s +
                         where + u" GROUP BY l.tax_rate_ppm ORDER BY 1"_s,
                     values);
    if (!rates)
        return rates.error();
    QList<TaxRateTotal> totals;
    while (rates.value().next()) {
        const QSqlQuery &row = rates.value();
        Result<TaxRate> rate = TaxRate::fromPartsPerMillion(row.value(0).toLongLong());
        if (!rate)
            return rate.error();
        totals.append({*rate, Money(row.value(1).toLongLong(), currency),
                       Money(row.value(2).toLongLong(), currency),
                       Money(row.value(3).toLongLong(), currency)});
    }
    return totals;
}

Result<HourlySales> SalesReport::byHour(const Database &database, const QDate &day)
{
    // The day in local time, asked for in UTC (as stored); each sale lands in its local hour.
    const QDateTime from = QDateTime(day, QTime(0, 0)).toUTC();
    const QDateTime to = QDateTime(day.addDays(1), QTime(0, 0)).toUTC();
    Result<QSqlQuery> found =
        sqlkit::exec(database.connection(),
                     u"SELECT o.created_at, o.total_minor, o.kind FROM orders o WHERE "_s + kSales,
                     {sqlkit::timeText(from), sqlkit::timeText(to)});
    if (!found)
        return found.error();
    HourlySales hourly;
    hourly.day = day;
    while (found.value().next()) {
        const int hour =
            sqlkit::timeFromText(found.value().value(0).toString()).toLocalTime().time().hour();
        const bool isReturn = found.value().value(2).toString() == u"return"_s;
        if (!isReturn)
            ++hourly.orders[std::size_t(hour)];
        hourly.salesMinor[std::size_t(hour)] +=
            isReturn ? -found.value().value(1).toLongLong() : found.value().value(1).toLongLong();
    }
    return hourly;
}

} // namespace counterline::store
