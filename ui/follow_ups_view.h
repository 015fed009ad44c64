#pragma once

#include <QWidget>

class QLabel;
class QTableWidget;

namespace counterline::sync {
class ServerOrders;
}

namespace counterline::ui {

// Counter sales whose card was taken offline and declined when the server charged it: the goods
// have gone, so a person follows each one up (GET /v1/follow-ups).
class FollowUpsView : public QWidget
{
    Q_OBJECT

public:
    explicit FollowUpsView(sync::ServerOrders &orders, QWidget *parent = nullptr);

    void refresh();
    int rowCount() const;

private:
    sync::ServerOrders &m_orders;
    QLabel *m_summary = nullptr;
    QTableWidget *m_table = nullptr;
};

} // namespace counterline::ui
