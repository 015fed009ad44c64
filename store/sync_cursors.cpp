#include "store/sync_cursors.h"

#include "sqlkit/statement.h"
#include "sqlkit/time_text.h"
#include "store/sql.h"

using namespace Qt::StringLiterals;

namespace counterline::store {

Result<QString> SyncCursors::load(const QSqlDatabase &db, QLatin1StringView name)
{
    Result<QSqlQuery> found =
        sqlkit::exec(db, u"SELECT value FROM sync_cursors WHERE name = ?"_s, {QString(name)});
    if (!found)
        return found.error();
    return found.value().next() ? found.value().value(0).toString() : u"0"_s;
}

Result<void> SyncCursors::save(const QSqlDatabase &db, QLatin1StringView name, const QString &value,
                               const QDateTime &at)
{
    Result<qint64> saved =
        execute(db,
                u"INSERT INTO sync_cursors (name, value, updated_at) VALUES (?, ?, ?) "
                "ON CONFLICT (name) DO UPDATE SET value = excluded.value, "
                "updated_at = excluded.updated_at"_s,
                {QString(name), value, sqlkit::timeText(at)});
    return saved ? success() : Result<void>(saved.error());
}

} // namespace counterline::store
