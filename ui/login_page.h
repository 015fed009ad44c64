#pragma once

#include "store/user_store.h"

#include <QWidget>

class QLabel;
class QLineEdit;

namespace counterline::ui {

// The till's front door: the cashier types a PIN and presses Enter. While too many wrong PINs
// keep PIN entry locked (store::UserStore), the field waits and says until when. GUI thread.
class LoginPage : public QWidget
{
    Q_OBJECT

public:
    LoginPage(store::UserStore &users, QWidget *parent = nullptr);

    void reset(); // empty field, focus, no message
    void showMessage(const QString &text);
    // The Z report of the shift just closed, under the message until the next log-in (HTML).
    void showShiftReport(const QString &html);

signals:
    void loggedIn(const counterline::store::User &user);

private:
    void tryPin();

    store::UserStore &m_users;
    class PinLockWatch *m_lock = nullptr; // the field waits while PIN entry is locked
    QLineEdit *m_pin = nullptr;
    QLabel *m_message = nullptr;
    QLabel *m_shiftReport = nullptr;
};

} // namespace counterline::ui
