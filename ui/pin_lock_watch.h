#pragma once

#include "store/user_store.h"

#include <QObject>
#include <QTimer>

class QLabel;
class QLineEdit;

namespace counterline::ui {

// Shows the till's PIN lock (store::UserStore) on a PIN field: while PIN entry is locked the field
// takes nothing and the message counts down the time left; when the time is up the field opens
// again, the message goes and the field has the focus. The log-in page and the manager's PIN
// dialog use it. GUI thread.
class PinLockWatch : public QObject
{
    Q_OBJECT

public:
    PinLockWatch(store::UserStore &users, QLineEdit *field, QLabel *message,
                 QObject *parent = nullptr);

    // Looks now (after a refusal, or when the field is shown) and follows the lock to its end.
    void check();

private:
    void tick();

    store::UserStore &m_users;
    QLineEdit *m_field = nullptr;
    QLabel *m_message = nullptr;
    QTimer m_tick;
    bool m_showing = false;
};

} // namespace counterline::ui
