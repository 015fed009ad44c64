#include "ui/manager_approval.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace counterline::ui {

ManagerApproval::ManagerApproval(store::UserStore &users, const QString &what, QWidget *parent)
    : QDialog(parent)
    , m_users(users)
{
    setWindowTitle(tr("Manager approval"));
    auto *layout = new QVBoxLayout(this);
    auto *question = new QLabel(tr("%1 needs a manager. Manager PIN:").arg(what), this);
    question->setWordWrap(true);
    layout->addWidget(question);
    m_pin = new QLineEdit(this);
    m_pin->setObjectName(u"managerPin"_s);
    m_pin->setEchoMode(QLineEdit::Password);
    m_pin->setMinimumHeight(44);
    layout->addWidget(m_pin);
    m_message = new QLabel(this);
    m_message->setObjectName(u"approvalMessage"_s);
    layout->addWidget(m_message);
    auto *cancel = new QPushButton(tr("Cancel (Esc)"), this);
    cancel->setAutoDefault(false);
    cancel->setMinimumHeight(44);
    layout->addWidget(cancel);
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_pin, &QLineEdit::returnPressed, this, &ManagerApproval::check);
}

void ManagerApproval::check()
{
    Result<store::User> user = m_users.signIn(m_pin->text(), store::PinPlace::Approval);
    m_pin->clear();
    if (!user) {
        m_message->setText(user.error().message);
        return;
    }
    if (!user->isManager()) {
        m_message->setText(tr("That is not a manager's PIN."));
        return;
    }
    m_manager = *user;
    accept();
}

std::optional<store::User> ManagerApproval::ask(store::UserStore &users, const QString &what,
                                                QWidget *parent)
{
    ManagerApproval dialog(users, what, parent);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return dialog.manager();
}

} // namespace counterline::ui
