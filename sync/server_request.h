#pragma once

#include "store/sync_settings.h"

#include <QNetworkRequest>

namespace counterline::sync {

// A request to `path` on the terminal's server, with its bearer token and, when given, the
// Idempotency-Key stored with the outbox entry.
QNetworkRequest serverRequest(const store::SyncTarget &target, const QString &path,
                              const QString &idempotencyKey = {});

} // namespace counterline::sync
