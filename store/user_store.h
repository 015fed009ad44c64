#pragma once

#include "domain/clock.h"
#include "domain/result.h"
#include "store/database.h"

#include <QCoreApplication>

#include <optional>

namespace counterline::store {

// Someone who may work the till: a cashier, or a manager who may also approve what a cashier
// may not do alone (voids after payment, refunds, big discounts).
struct User
{
    QString id;
    QString name;
    QString role; // "cashier" or "manager"

    bool isManager() const { return role == QLatin1StringView("manager"); }
};

// The terminal's users and their PINs. A PIN is kept only as PBKDF2-HMAC-SHA256 with a salt of
// its own; the login screen asks for the PIN alone, so no two active users share one.
class UserStore
{
    Q_DECLARE_TR_FUNCTIONS(UserStore)

public:
    UserStore(const Database &database, const Clock &clock);

    // PIN: 4 to 8 digits. Names and PINs are unique among active users.
    Result<User> add(const QString &name, const QString &role, const QString &pin);
    // The active user with this PIN, if any.
    Result<std::optional<User>> byPin(const QString &pin);
    Result<QList<User>> active();

private:
    QSqlDatabase m_db;
    const Clock &m_clock;
};

} // namespace counterline::store
