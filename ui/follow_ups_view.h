#pragma once

#include <QJsonArray>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTableWidget;

namespace counterline::sync {
class ServerOrders;
}

namespace counterline::ui {

// Head office's follow-up list (BRIEF §11, GET /v1/follow-ups): cards declined after the goods
// left, money owed back to customers, refunds the payment service refused, receipt numbers used
// twice. Each item shows what happened and its notes; head office adds notes and settles it with
// one (what was done). GUI thread; every call to the server is asynchronous.
class FollowUpsView : public QWidget
{
    Q_OBJECT

public:
    explicit FollowUpsView(sync::ServerOrders &orders, QWidget *parent = nullptr);

    void refresh();
    int rowCount() const;
    // The item shown in full, or -1.
    qint64 currentId() const;

    // What a kind of item is called for people ("capture_declined" → "Card declined after the
    // sale").
    static QString kindName(const QString &kind);

signals:
    void refreshed();

private:
    void show(const QJsonArray &items);
    void showCurrent(bool clearMessage);
    void addNote(bool settle);

    sync::ServerOrders &m_orders;
    QJsonArray m_items;
    QLabel *m_summary = nullptr;
    QComboBox *m_state = nullptr;
    QTableWidget *m_table = nullptr;
    QLabel *m_detail = nullptr;
    QListWidget *m_notes = nullptr;
    QLineEdit *m_note = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_settle = nullptr;
    QLabel *m_message = nullptr;
};

} // namespace counterline::ui
