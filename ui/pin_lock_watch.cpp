#include "ui/pin_lock_watch.h"

#include <QLabel>
#include <QLineEdit>

using namespace Qt::StringLiterals;

namespace counterline::ui {

PinLockWatch::PinLockWatch(store::UserStore &users, QLineEdit *field, QLabel *message,
                           QObject *parent)
    : QObject(parent)
    , m_users(users)
    , m_field(field)
    , m_message(message)
{
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &PinLockWatch::tick);
}

void PinLockWatch::check()
{
    tick();
}

void PinLockWatch::tick()
{
    Result<qint64> seconds = m_users.secondsLocked();
    if (seconds && *seconds > 0) {
        m_field->clear();
        m_field->setEnabled(false);
        m_message->setText(tr("Too many wrong PINs. PIN entry opens again in %1:%2.")
                               .arg(*seconds / 60)
                               .arg(*seconds % 60, 2, 10, QChar(u'0')));
        m_showing = true;
        if (!m_tick.isActive())
            m_tick.start();
        return;
    }
    m_tick.stop();
    m_field->setEnabled(true);
    if (m_showing) {
        m_message->clear();
        m_showing = false;
        m_field->setFocus();
    }
}

} // namespace counterline::ui
