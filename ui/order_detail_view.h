#pragma once

#include "domain/order_state_machine.h"
#include "store/order_details.h"
#include "ui/order_backend.h"

#include <QWidget>

#include <optional>

class QLabel;
class QTextBrowser;
class QHBoxLayout;
class QPushButton;

namespace counterline::ui {

// One order in full for the back office: lines with their snapshots, tenders, the state machine
// timeline (who, approved by whom, when), the journal entries with their hashes, and how its
// sync went (idempotency key, attempts, the server's last answer). Its buttons are the events
// the order can take now; each is applied with the version shown. When someone changed the order
// in between, nothing is overwritten: the conflict dialog says what changed, and the user can
// reload and decide again. At a till, a paid or completed sale can also give back some of its
// items: a return, a new order linked to it (ReturnDialog); sale and returns link to each other.
class OrderDetailView : public QWidget
{
    Q_OBJECT

public:
    OrderDetailView(OrderBackend &backend, QString user, QWidget *parent = nullptr);

    // Shows `orderId` as it is now.
    void showOrder(const QString &orderId);
    void reload();
    // Shows nothing (a filter left the order out of the list).
    void clear();

    const std::optional<store::OrderDetail> &shown() const { return m_detail; }

    // The events the order can take from the back office in `status`.
    static QList<OrderEvent> actionsFor(OrderStatus status);
    static QString actionText(OrderEvent event);

signals:
    void orderChanged(const QString &orderId);
    void orderOpened(const QString &orderId);     // a link to a sale or a return was followed
    void returnRecorded(const QString &returnId); // a partial return was taken back and paid

private:
    void apply(OrderEvent event);
    // Whether the user really wants to cancel or refund the sale shown, saying what follows.
    bool confirmUndo(OrderEvent event);
    void takeBack();
    void showConflict(int seenVersion, const Result<store::OrderDetail> &now);
    void render();
    void addActions(const store::OrderDetail &detail);

    OrderBackend &m_backend;
    QString m_user;
    QString m_orderId;
    std::optional<store::OrderDetail> m_detail;
    QLabel *m_title = nullptr;
    QTextBrowser *m_body = nullptr;
    QHBoxLayout *m_actions = nullptr;
    QList<QPushButton *> m_buttons;
};

} // namespace counterline::ui
