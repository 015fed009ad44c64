#pragma once

#include <QDateTime>
#include <QString>

namespace counterline::sqlkit {

// Times are stored as UTC text with milliseconds, "2026-11-24T09:30:00.000Z", which sorts in time
// order and reads well in the sqlite3 shell.
QString timeText(const QDateTime &time);
QDateTime timeFromText(const QString &text);

} // namespace counterline::sqlkit
