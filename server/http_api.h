#pragma once

#include "domain/clock.h"
#include "domain/result.h"
#include "server/server_database.h"

#include <QHostAddress>
#include <QHttpServer>
#include <QThreadPool>

namespace counterline::server {

// The v1 HTTP API (BRIEF §5, docs/openapi.yaml). Handlers parse on the HTTP thread and do all
// database work on a worker pool, each worker with its own connection; the HTTP thread never
// waits for SQL.
class HttpApi
{
public:
    static constexpr qsizetype kMaxBodyBytes = 1024 * 1024;

    HttpApi(ServerDatabase &database, const Clock &clock);
    ~HttpApi();

    // Listens on `address`:`port` (0 picks a free port) and returns the port.
    Result<quint16> listen(const QHostAddress &address, quint16 port);

    // Waits for the requests in flight (on SIGTERM, before exiting).
    void drain();

private:
    void addRoutes();

    ServerDatabase &m_database;
    const Clock &m_clock;
    QThreadPool m_pool;
    QHttpServer m_http;
};

} // namespace counterline::server
