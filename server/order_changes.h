#pragma once

#include "domain/result.h"
#include "protocol/list_queries.h"
#include "server/principals.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QSqlDatabase>

namespace counterline::server {

// GET /v1/changes: the state changes made on the server, after a cursor, oldest first. A terminal
// sees the changes to its own orders; the back office and admins those of every store, or of one.
class OrderChanges
{
    Q_DECLARE_TR_FUNCTIONS(OrderChanges)

public:
    static Result<QJsonObject> page(const QSqlDatabase &db, const Principal &caller,
                                    const protocol::ChangeFeedQuery &query);
};

} // namespace counterline::server
