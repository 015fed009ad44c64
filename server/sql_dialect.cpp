#include "server/sql_dialect.h"

using namespace Qt::StringLiterals;

namespace counterline::server {

QString driverName(SqlKind kind)
{
    return kind == SqlKind::Sqlite ? u"QSQLITE"_s : u"QPSQL"_s;
}

QString applyDialect(const QString &sql, SqlKind kind)
{
    QString result = sql;
    if (kind == SqlKind::Sqlite) {
        result.replace(u"{{id}}"_s, u"INTEGER PRIMARY KEY AUTOINCREMENT"_s);
        result.replace(u"{{bigint}}"_s, u"INTEGER"_s);
        result.replace(u"{{now}}"_s, u"strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"_s);
    } else {
        result.replace(u"{{id}}"_s, u"BIGSERIAL PRIMARY KEY"_s);
        result.replace(u"{{bigint}}"_s, u"BIGINT"_s);
        result.replace(u"{{now}}"_s,
                       u"to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')"_s);
    }
    return result;
}

} // namespace counterline::server
