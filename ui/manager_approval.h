#pragma once

#include "store/user_store.h"

#include <QDialog>

#include <optional>

class QLabel;
class QLineEdit;

namespace counterline::ui {

// Asks a manager to approve what a cashier may not do alone (a price override, a large discount,
// voiding a paid sale): the manager types a PIN; a cashier's PIN is refused. GUI thread.
class ManagerApproval : public QDialog
{
    Q_OBJECT

public:
    ManagerApproval(store::UserStore &users, const QString &what, QWidget *parent = nullptr);

    // The approving manager, or nothing when the dialog was cancelled.
    static std::optional<store::User> ask(store::UserStore &users, const QString &what,
                                          QWidget *parent);

    const std::optional<store::User> &manager() const { return m_manager; }

private:
    void check();

    store::UserStore &m_users;
    QLineEdit *m_pin = nullptr;
    QLabel *m_message = nullptr;
    std::optional<store::User> m_manager;
};

} // namespace counterline::ui
