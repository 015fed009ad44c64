#pragma once

#include "domain/result.h"
#include "store/database.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QUrl>

#include <optional>

namespace counterline::store {

struct SyncTarget
{
    QUrl serverUrl;
    QByteArray token;
};

// Which server this terminal syncs with, and its token. Kept in the terminal database (which is
// readable by the terminal's user only).
class SyncSettings
{
    Q_DECLARE_TR_FUNCTIONS(SyncSettings)

public:
    static Result<void> save(const Database &database, const SyncTarget &target,
                             const QDateTime &at);
    static Result<std::optional<SyncTarget>> load(const Database &database);
};

} // namespace counterline::store
