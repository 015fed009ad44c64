#include "store/offline_cards.h"

#include "sqlkit/statement.h"
#include "sqlkit/time_text.h"
#include "store/sql.h"

using namespace Qt::StringLiterals;

namespace counterline::store {

Result<OfflineCardLimits> OfflineCards::limits(const Database &database)
{
    Result<QSqlQuery> found = sqlkit::exec(
        database.connection(), u"SELECT max_per_sale_minor, max_total_minor, max_age_hours "
                               "FROM offline_card_limits WHERE id = 1"_s);
    if (!found)
        return found.error();
    if (!found.value().next())
        return OfflineCardLimits{};
    return OfflineCardLimits{found.value().value(0).toLongLong(),
                             found.value().value(1).toLongLong(), found.value().value(2).toInt()};
}

Result<void> OfflineCards::setLimits(const Database &database, const OfflineCardLimits &limits)
{
    if (limits.maxPerSaleMinor < 0 || limits.maxTotalMinor < 0 || limits.maxAgeHours < 1 ||
        limits.maxAgeHours > 168) {
        return Error{u"offline.bad_limits"_s,
                     tr("Offline card limits are amounts of zero or more and 1 to 168 hours.")};
    }
    Result<qint64> saved =
        execute(database.connection(),
                u"UPDATE offline_card_limits SET max_per_sale_minor = ?, max_total_minor = ?, "
                "max_age_hours = ? WHERE id = 1"_s,
                {limits.maxPerSaleMinor, limits.maxTotalMinor, limits.maxAgeHours});
    return saved ? success() : Result<void>(saved.error());
}

Result<OfflineCards::Outstanding> OfflineCards::outstanding(const Database &database)
{
    // Forwarded means the order's creation reached the server (its outbox row was sent).
    Result<QSqlQuery> found =
        sqlkit::exec(database.connection(),
                     u"SELECT coalesce(sum(t.amount_minor), 0), count(*), min(o.created_at) "
                     "FROM tenders t JOIN orders o ON o.id = t.order_id "
                     "JOIN outbox x ON x.order_id = t.order_id AND x.kind = 'create' "
                     "WHERE t.needs_capture = 1 AND x.state <> 'sent'"_s);
    if (!found)
        return found.error();
    Outstanding outstanding;
    if (found.value().next()) {
        outstanding.totalMinor = found.value().value(0).toLongLong();
        outstanding.count = found.value().value(1).toInt();
        if (!found.value().value(2).isNull())
            outstanding.oldest = sqlkit::timeFromText(found.value().value(2).toString());
    }
    return outstanding;
}

Result<void> OfflineCards::allows(const Database &database, const Money &amount,
                                  const QDateTime &now)
{
    Result<OfflineCardLimits> limit = limits(database);
    if (!limit)
        return limit.error();
    const Currency currency = amount.currency();
    if (amount.minorUnits() > limit->maxPerSaleMinor) {
        return Error{u"offline.over_sale_limit"_s,
                     tr("Offline, a card may pay at most %1 per sale.")
                         .arg(Money(limit->maxPerSaleMinor, currency).toString())};
    }
    Result<Outstanding> waiting = outstanding(database);
    if (!waiting)
        return waiting.error();
    if (waiting->totalMinor + amount.minorUnits() > limit->maxTotalMinor) {
        return Error{u"offline.over_total"_s,
                     tr("Offline card payments waiting to be forwarded come to %1; with this one "
                        "they would pass the limit of %2.")
                         .arg(Money(waiting->totalMinor, currency).toString(),
                              Money(limit->maxTotalMinor, currency).toString())};
    }
    if (waiting->oldest.isValid() &&
        waiting->oldest.secsTo(now) > qint64(limit->maxAgeHours) * 3600) {
        return Error{u"offline.too_old"_s,
                     tr("An offline card payment from %1 has waited more than %2 hours to be "
                        "forwarded; no more are taken until the till is back online.")
                         .arg(waiting->oldest.toString(Qt::ISODate))
                         .arg(limit->maxAgeHours)};
    }
    return success();
}

} // namespace counterline::store
