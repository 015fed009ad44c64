#pragma once

// counterline_fold(text): foldForSearch as an SQL function on a connection of ours, so that a
// migration can fold the names already in a catalog. Nothing else in the schema calls it: the
// catalog writes each folded name itself, and triggers and other programs never need it.

#include "domain/result.h"

#include <QSqlDatabase>

namespace counterline::store {

Result<void> installSearchFold(const QSqlDatabase &db);

} // namespace counterline::store
