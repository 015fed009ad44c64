#pragma once

#include "domain/result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>

namespace counterline::server {

// An order as the API shows it (docs/openapi.yaml, Order): what the ingest answers, what the
// saga, the order service and GET /v1/orders/{id} read back.
class OrderJson
{
    Q_DECLARE_TR_FUNCTIONS(OrderJson)

public:
    // The order's summary: number, id, store, receipt, status, version, total, currency, time.
    static Result<QJsonObject> order(const QSqlDatabase &db, const QString &orderId);
    // The same from a row whose columns are seq, id, store_id, receipt_no, status, version,
    // total_minor, currency, created_at, kind, original_order_id (the history's page reads
    // them first too).
    static QJsonObject summary(const QSqlQuery &row);
    // The order in full for GET /v1/orders/{id}: the summary plus its terminal, cashier and
    // customer, lines, tenders, events and what became of each tender's money.
    static Result<QJsonObject> detail(const QSqlDatabase &db, const QString &orderId);
};

} // namespace counterline::server
