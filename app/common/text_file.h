#pragma once

#include "domain/result.h"

#include <QString>

namespace counterline::app {

// The whole of a UTF-8 text file (catalog imports). Unreadable files and bytes that are not
// UTF-8 are errors that name the file.
Result<QString> readUtf8File(const QString &path);

} // namespace counterline::app
