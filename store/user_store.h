#pragma once

#include "domain/clock.h"
#include "domain/id_source.h"
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

// Where a PIN was typed: the journal says where a lockout happened.
enum class PinPlace
{
    Login,     // the till's log-in
    Approval,  // a manager approving what a cashier may not do alone
    BackOffice // opening the back office at the till
};

// The terminal's users and their PINs. A PIN is kept only as PBKDF2-HMAC-SHA256 with a salt of
// its own; the login screen asks for the PIN alone, so no two active users share one — and a
// wrong PIN names nobody. So wrong PINs are counted for the till's PIN entry as a whole (log-in,
// approvals and back office alike): kWrongPinsToLock in a row lock it for an escalating time
// (30 s, doubling, at most 15 minutes); a right PIN starts the count again. Each lockout is a
// generic journal entry ("pin_lockout"), synced and verified like the rest of the journal.
class UserStore
{
    Q_DECLARE_TR_FUNCTIONS(UserStore)

public:
    static constexpr int kWrongPinsToLock = 5;

    UserStore(const Database &database, const Clock &clock, IdSource &ids);

    // PIN: 4 to 8 digits. Names and PINs are unique among active users.
    Result<User> add(const QString &name, const QString &role, const QString &pin);

    // The active user whose PIN this is. Refused while PIN entry is locked ("user.pins_locked",
    // saying until when; the PIN is not even tried); a PIN of nobody is "user.unknown_pin", which
    // says how many tries are left, and the one that locks PIN entry is "user.pins_locked". Where
    // a manager is asked for (approvals, the back office) a cashier's PIN is "user.not_a_manager"
    // and counts as a wrong PIN.
    // `asking` names who was at the till when a manager's PIN was asked for, for the journal.
    Result<User> signIn(const QString &pin, PinPlace where, const QString &asking = {});

    // Until when PIN entry is locked, if it is now; and for how many more seconds (0: not locked).
    Result<std::optional<QDateTime>> lockedUntil();
    Result<qint64> secondsLocked();

    Result<QList<User>> active();

private:
    // The active user with this PIN, if any; no counting.
    Result<std::optional<User>> byPin(const QString &pin);
    Result<void> countWrongPin(PinPlace where, const QString &asking, QDateTime *lockedUntil,
                               int *triesLeft);

    QSqlDatabase m_db;
    const Clock &m_clock;
    IdSource &m_ids;
};

} // namespace counterline::store
