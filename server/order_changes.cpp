#include "server/order_changes.h"

#include "sqlkit/statement.h"
#include "sqlkit/time_text.h"
#include "sqlkit/transaction.h"

#include <QJsonArray>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace counterline::server {

Result<QJsonObject> OrderChanges::page(const QSqlDatabase &db, const Principal &caller,
                                       const QString &urlQuery)
{
    const QUrlQuery query(urlQuery);
    bool sinceOk = true;
    bool limitOk = true;
    const qint64 since =
        query.hasQueryItem(u"since"_s) ? query.queryItemValue(u"since"_s).toLongLong(&sinceOk) : 0;
    const int limit =
        query.hasQueryItem(u"limit"_s) ? query.queryItemValue(u"limit"_s).toInt(&limitOk) : 500;
    if (!sinceOk || since < 0 || !limitOk || limit < 1 || limit > 5000) {
        return Error{u"request.invalid_field"_s,
                     tr("\"since\" must be a cursor from an earlier answer and \"limit\" a number "
                        "from 1 to 5000")};
    }
    const QString store = query.queryItemValue(u"store"_s, QUrl::FullyDecoded);
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
