#pragma once

#include "domain/result.h"

#include <QHostAddress>

namespace counterline::app {

struct ListenAddress
{
    QHostAddress address;
    quint16 port = 0; // 0: any free port
};

// "HOST:PORT" from --listen, e.g. "127.0.0.1:8080" or "[::1]:0"; the error names what was given.
Result<ListenAddress> parseListenAddress(const QString &text, const QString &example);

} // namespace counterline::app
