#pragma once

#include "ui/history_source.h"

#include <QCoreApplication>

namespace counterline::sync {
class ServerOrders;
}

namespace counterline::ui {

// The server's orders (GET /v1/orders): the chain's, or one store's, for head-office staff.
class ServerHistorySource final : public HistorySource
{
    Q_DECLARE_TR_FUNCTIONS(ServerHistorySource)

public:
    explicit ServerHistorySource(sync::ServerOrders &orders);

    void fetch(const HistoryQuery &query, const QString &cursor, int limit, Done done) override;
    QString describe() const override;

private:
    sync::ServerOrders &m_orders;
};

} // namespace counterline::ui
