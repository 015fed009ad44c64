#include "ui/manager_approval.h"

#include "ui/pin_lock_watch.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace counterline::ui {

ManagerApproval::ManagerApproval(store::UserStore &users, const ApprovalRequest &request,
                                 QWidget *parent, const QString &askedBy, store::PinPlace place)
    : QDialog(parent)
    , m_users(users)
    , m_askedBy(askedBy)
    , m_place(place)
{
    setWindowTitle(tr("Manager approval"));
    setMinimumWidth(420);
    auto *layout = new QVBoxLayout(this);
    auto *title = new QLabel(request.title, this);
    title->setObjectName(u"approvalTitle"_s);
    title->setWordWrap(true);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    title->setFont(big);
    layout->addWidget(title);
    // The facts, larger than usual: the manager reads them over the cashier's shoulder.
    auto *facts = new QFormLayout;
    for (const ApprovalRequest::Detail &detail : request.details) {
        auto *value = new QLabel(detail.value, this);
        value->setObjectName(u"approvalDetail"_s);
        value->setWordWrap(true);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        QFont font = value->font();
        font.setPointSizeF(font.pointSizeF() * 1.15);
        value->setFont(font);
        facts->addRow(tr("%1:").arg(detail.label), value);
    }
    layout->addLayout(facts);
    layout->addWidget(new QLabel(tr("Manager PIN to approve:"), this));
    m_pin = new QLineEdit(this);
    m_pin->setObjectName(u"managerPin"_s);
    m_pin->setEchoMode(QLineEdit::Password);
    m_pin->setMinimumHeight(44);
    layout->addWidget(m_pin);
    m_message = new QLabel(this);
    m_message->setObjectName(u"approvalMessage"_s);
    m_message->setWordWrap(true);
    layout->addWidget(m_message);
    auto *cancel = new QPushButton(tr("Cancel (Esc)"), this);
    cancel->setAutoDefault(false);
    cancel->setMinimumHeight(44);
    layout->addWidget(cancel);
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_pin, &QLineEdit::returnPressed, this, &ManagerApproval::check);
    m_lock = new PinLockWatch(m_users, m_pin, m_message, this);
    m_lock->check();
    m_pin->setFocus();
}

void ManagerApproval::check()
{
    Result<store::User> user = m_users.signIn(m_pin->text(), m_place, m_askedBy);
    m_pin->clear();
    if (!user) {
        m_message->setText(user.error().message);
        if (user.error().code == u"user.pins_locked"_s)
            m_lock->check();
        return;
    }
    if (!user->isManager()) {
        m_message->setText(tr("That is not a manager's PIN."));
        return;
    }
    m_manager = *user;
    accept();
}

std::optional<store::User> ManagerApproval::ask(store::UserStore &users,
                                                const ApprovalRequest &request, QWidget *parent,
                                                const QString &askedBy, store::PinPlace place)
{
    ManagerApproval dialog(users, request, parent, askedBy, place);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return dialog.manager();
}

} // namespace counterline::ui
