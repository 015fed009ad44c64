#pragma once

#include "sqlkit/migrations.h"

#include <QList>

namespace counterline::store {

using sqlkit::Migration;

// The terminal's migrations (store/migrations/NNNN_name.sql), compiled in as Qt resources, in
// version order.
const QList<Migration> &terminalMigrations();

// How the terminal database records its version (PRAGMA user_version and application_id),
// for sqlkit::migrate; `filePath` names it in messages.
sqlkit::MigrationTarget terminalTarget(const QString &filePath, qint32 applicationId);

} // namespace counterline::store
