#include "ui/login_page.h"

#include "ui/pin_lock_watch.h"

#include <QFrame>
#include <QLabel>
#include <QLineEdit>
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
    m_shiftReport = new QLabel(this);
    m_shiftReport->setObjectName(u"shiftReport"_s);
    m_shiftReport->setTextFormat(Qt::RichText);
    m_shiftReport->setFrameShape(QFrame::StyledPanel);
    m_shiftReport->setMinimumWidth(360);
    m_shiftReport->setMaximumWidth(480);
    m_shiftReport->hide();
    layout->addWidget(m_shiftReport, 0, Qt::AlignHCenter);
    layout->addStretch();
    connect(m_pin, &QLineEdit::returnPressed, this, &LoginPage::tryPin);
    m_lock = new PinLockWatch(m_users, m_pin, m_message, this);
}

void LoginPage::reset()
{
    m_pin->clear();
    m_message->clear();
    m_lock->check();
    m_pin->setFocus();
}

void LoginPage::showMessage(const QString &text)
{
    m_message->setText(text);
}

void LoginPage::showShiftReport(const QString &html)
{
    m_shiftReport->setText(html);
    m_shiftReport->setVisible(!html.isEmpty());
}

void LoginPage::tryPin()
{
    const QString pin = m_pin->text();
    m_pin->clear();
    Result<store::User> user = m_users.signIn(pin, store::PinPlace::Login);
    if (!user) {
        m_message->setText(user.error().message);
        if (user.error().code == u"user.pins_locked"_s)
            m_lock->check();
        return;
    }
    m_message->clear();
    showShiftReport({});
    emit loggedIn(*user);
}

} // namespace counterline::ui
