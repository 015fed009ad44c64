#pragma once

#include "store/outbox_store.h"

#include <QWidget>

class QLabel;
class QPushButton;

namespace counterline::ui {

// Sync, honestly, in the status bar: online or offline, how many orders wait and since when, the
// last success, and a button with the number of orders that need a person, which lists them.
class SyncStatusBar : public QWidget
{
    Q_OBJECT

public:
    explicit SyncStatusBar(QWidget *parent = nullptr);

    void show(bool online, const store::SyncStatus &status, const QDateTime &now);
    int needsAttention() const { return m_status.needsAttention; }

private:
    void listNeedingAttention();

    store::SyncStatus m_status;
    QLabel *m_online = nullptr;
    QLabel *m_pending = nullptr;
    QLabel *m_lastSync = nullptr;
    QPushButton *m_attention = nullptr;
};

} // namespace counterline::ui
