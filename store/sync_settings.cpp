#include "store/sync_settings.h"

#include "sqlkit/statement.h"
#include "sqlkit/time_text.h"
#include "store/sql.h"

using namespace Qt::StringLiterals;

namespace counterline::store {

Result<void> SyncSettings::save(const Database &database, const SyncTarget &target,
                                const QDateTime &at)
{
    if (!target.serverUrl.isValid() || target.serverUrl.host().isEmpty() ||
        (target.serverUrl.scheme() != u"http"_s && target.serverUrl.scheme() != u"https"_s)) {
        return Error{u"sync.bad_server_url"_s,
                     tr("\"%1\" is not a server address like https://pos.example.org")
                         .arg(target.serverUrl.toString())};
    }
    Result<qint64> saved = execute(
        database.connection(),
        u"INSERT INTO sync_settings (id, server_url, token, enrolled_at) VALUES (1, ?, ?, ?) "
        "ON CONFLICT (id) DO UPDATE SET server_url = excluded.server_url, "
        "token = excluded.token, enrolled_at = excluded.enrolled_at"_s,
        {target.serverUrl.toString(), QString::fromLatin1(target.token), sqlkit::timeText(at)});
    return saved ? success() : Result<void>(saved.error());
}

Result<std::optional<SyncTarget>> SyncSettings::load(const Database &database)
{
    Result<QSqlQuery> found =
        sqlkit::exec(database.connection(), u"SELECT server_url, token FROM sync_settings"_s);
    if (!found)
        return found.error();
    if (!found.value().next())
        return std::optional<SyncTarget>();
    return std::optional<SyncTarget>(SyncTarget{QUrl(found.value().value(0).toString()),
                                                found.value().value(1).toString().toLatin1()});
}

} // namespace counterline::store
