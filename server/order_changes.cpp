#include "server/order_changes.h"

#include "sqlkit/statement.h"
#include "sqlkit/time_text.h"
#include "sqlkit/transaction.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace counterline::server {

Result<QJsonObject> OrderChanges::page(const QSqlDatabase &db, const Principal &caller,
                                       const protocol::ChangeFeedQuery &query)
{
    const qint64 since = query.since;
    const int limit = query.limit;
    const QString &store = query.store;
    QString where;
    QVariantList values{since};
    if (caller.isTerminal()) {
        where = u"c.terminal_id = ?"_s;
        values.append(caller.id);
    } else if (!store.isEmpty()) {
        where = u"c.store_id = ?"_s;
        values.append(store);
    } else {
        where = u"1 = 1"_s;
    }
    values.append(limit);
    Result<QSqlQuery> found =
        sqlkit::exec(db,
                     u"SELECT c.seq, c.order_id, c.version, c.event, c.from_status, c.to_status, "
                     "p.name, p.role, c.at, c.store_id FROM order_changes c "
                     "JOIN principals p ON p.id = c.actor_id WHERE c.seq > ? AND "_s +
                         where + u" ORDER BY c.seq LIMIT ?"_s,
                     values);
    if (!found)
        return found.error();
    QJsonArray changes;
    qint64 next = since;
    QSqlQuery &row = found.value();
    while (row.next()) {
        next = row.value(0).toLongLong();
        changes.append(QJsonObject{{u"seq"_s, next},
                                   {u"order_id"_s, row.value(1).toString()},
                                   {u"version"_s, row.value(2).toInt()},
                                   {u"event"_s, row.value(3).toString()},
                                   {u"from"_s, row.value(4).toString()},
                                   {u"to"_s, row.value(5).toString()},
                                   {u"actor"_s, row.value(6).toString()},
                                   {u"actor_role"_s, row.value(7).toString()},
                                   {u"at"_s, row.value(8).toString()},
                                   {u"store_id"_s, row.value(9).toString()}});
    }
    return QJsonObject{{u"changes"_s, changes}, {u"next"_s, QString::number(next)}};
}

} // namespace counterline::server
