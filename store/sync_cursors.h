#pragma once

#include "domain/result.h"

#include <QDateTime>
#include <QSqlDatabase>

namespace counterline::store {

// Where the terminal stands in each of the server's change feeds (BRIEF §5: pulls by cursor).
class SyncCursors
{
public:
    static constexpr QLatin1StringView kCatalog{"catalog"};
    static constexpr QLatin1StringView kOrderChanges{"order_changes"};

    // "0" when the feed was never pulled.
    static Result<QString> load(const QSqlDatabase &db, QLatin1StringView name);
    // Within the caller's transaction, beside what the page brought.
    static Result<void> save(const QSqlDatabase &db, QLatin1StringView name, const QString &value,
                             const QDateTime &at);
};

} // namespace counterline::store
