#include "ui/login_page.h"

#include <QLabel>
#include <QLineEdit>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace counterline::ui {

LoginPage::LoginPage(store::UserStore &users, QWidget *parent)
    : QWidget(parent)
    , m_users(users)
{
    auto *layout = new QVBoxLayout(this);
    layout->addStretch();
    auto *title = new QLabel(tr("Type your PIN and press Enter"), this);
    title->setAlignment(Qt::AlignCenter);
    QFont font = title->font();
    font.setPointSizeF(font.pointSizeF() * 1.6);
    title->setFont(font);
    layout->addWidget(title);
    m_pin = new QLineEdit(this);
    m_pin->setObjectName(u"pinField"_s);
    m_pin->setEchoMode(QLineEdit::Password);
    m_pin->setAlignment(Qt::AlignCenter);
    m_pin->setMaxLength(8);
    m_pin->setMinimumHeight(48);
    m_pin->setMaximumWidth(320);
    m_pin->setFont(font);
    layout->addWidget(m_pin, 0, Qt::AlignHCenter);
    m_message = new QLabel(this);
    m_message->setObjectName(u"loginMessage"_s);
    m_message->setAlignment(Qt::AlignCenter);
    layout->addWidget(m_message);
    layout->addStretch();
    connect(m_pin, &QLineEdit::returnPressed, this, &LoginPage::tryPin);
    m_unlock = new QTimer(this);
    m_unlock->setSingleShot(true);
    connect(m_unlock, &QTimer::timeout, this, [this] {
        m_message->clear();
        followLock();
    });
}

void LoginPage::reset()
{
    m_pin->clear();
    m_message->clear();
    followLock();
    m_pin->setFocus();
}

void LoginPage::followLock()
{
    Result<std::optional<QDateTime>> locked = m_users.lockedUntil();
    const bool isLocked = locked && locked->has_value();
    m_pin->setEnabled(!isLocked);
    if (!isLocked) {
        m_pin->setFocus();
        return;
    }
    // A second more than the lock, so that the field opens once it really has run out.
    m_unlock->start(std::chrono::milliseconds(
        std::max<qint64>(QDateTime::currentDateTimeUtc().msecsTo(**locked), 0) + 1000));
}

void LoginPage::showMessage(const QString &text)
{
    m_message->setText(text);
}

void LoginPage::tryPin()
{
    const QString pin = m_pin->text();
    m_pin->clear();
    Result<store::User> user = m_users.signIn(pin, store::PinPlace::Login);
    if (!user) {
        m_message->setText(user.error().message);
        if (user.error().code == u"user.pins_locked"_s)
            followLock();
        return;
    }
    m_message->clear();
    emit loggedIn(*user);
}

} // namespace counterline::ui
