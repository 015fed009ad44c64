#pragma once

#include "store/user_store.h"

#include <QDialog>
#include <QList>

#include <optional>

class QLabel;
class QLineEdit;

namespace counterline::ui {

// What a manager is asked to approve, shown before the PIN is typed: a title ("Price change")
// and the facts it rests on as rows ("Item: Wein", "Unit price: 8,99 EUR → 7,50 EUR").
struct ApprovalRequest
{
    struct Detail
    {
        QString label;
        QString value;
    };

    QString title;
    QList<Detail> details;
};

// Asks a manager to approve what a cashier may not do alone (a price override, a large discount,
// voiding or returning a paid sale, closing a shift before it synced): the manager sees what is
// approved, then types a PIN; a cashier's PIN is refused. GUI thread.
class ManagerApproval : public QDialog
{
    Q_OBJECT

public:
    // `askedBy` is the cashier at the till, named in the journal if wrong PINs lock PIN entry;
    // `place` says where the PIN was asked for (an approval, or opening the back office). A
    // wrong PIN is said in the dialog, which asks again; only Cancel closes it without a manager.
    ManagerApproval(store::UserStore &users, const ApprovalRequest &request,
                    QWidget *parent = nullptr, const QString &askedBy = {},
                    store::PinPlace place = store::PinPlace::Approval);

    // The approving manager, or nothing when the dialog was cancelled.
    static std::optional<store::User> ask(store::UserStore &users, const ApprovalRequest &request,
                                          QWidget *parent, const QString &askedBy = {},
                                          store::PinPlace place = store::PinPlace::Approval);

    const std::optional<store::User> &manager() const { return m_manager; }

private:
    void check();

    store::UserStore &m_users;
    QString m_askedBy;
    store::PinPlace m_place;
    class PinLockWatch *m_lock = nullptr; // the field waits while PIN entry is locked
    QLineEdit *m_pin = nullptr;
    QLabel *m_message = nullptr;
    std::optional<store::User> m_manager;
};

} // namespace counterline::ui
