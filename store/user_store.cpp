#include "store/user_store.h"

#include "sqlkit/statement.h"
#include "sqlkit/time_text.h"
#include "sqlkit/transaction.h"
#include "store/canonical_json.h"
#include "store/journal_entries.h"
#include "store/sql.h"

#include <QLocale>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QUuid>

#include <openssl/evp.h>

using namespace Qt::StringLiterals;

namespace counterline::store {

namespace {

// Enough to make guessing from a stolen database slow, little enough for a login of a few users
// to feel instant on a till.
constexpr int kIterations = 20'000;

QByteArray pinHash(const QString &pin, const QByteArray &salt)
{
    const QByteArray secret = pin.toUtf8();
    QByteArray hash(32, '\0');
    PKCS5_PBKDF2_HMAC(secret.constData(), int(secret.size()),
                      reinterpret_cast<const unsigned char *>(salt.constData()), int(salt.size()),
                      kIterations, EVP_sha256(), int(hash.size()),
                      reinterpret_cast<unsigned char *>(hash.data()));
    return hash.toHex();
}

struct StoredUser
{
    User user;
    QByteArray salt;
    QByteArray hash;
};

Result<QList<StoredUser>> activeUsers(const QSqlDatabase &db)
{
    Result<QSqlQuery> found =
        sqlkit::exec(db, u"SELECT id, name, role, pin_salt, pin_hash FROM users "
                         "WHERE active = 1 ORDER BY name"_s);
    if (!found)
        return found.error();
    QList<StoredUser> users;
    while (found.value().next()) {
        const QSqlQuery &row = found.value();
        users.append(
            {User{row.value(0).toString(), row.value(1).toString(), row.value(2).toString()},
             QByteArray::fromHex(row.value(3).toString().toLatin1()),
             row.value(4).toString().toLatin1()});
    }
    return users;
}

QString pinPlaceName(PinPlace where)
{
    switch (where) {
    case PinPlace::Login:
        return u"login"_s;
    case PinPlace::Approval:
        return u"approval"_s;
    case PinPlace::BackOffice:
        return u"back_office"_s;
    }
    return u"login"_s;
}

// The locale's time with seconds (a lock lasts seconds), without the zone.
QString timeWithSeconds()
{
    QString format = QLocale().timeFormat(QLocale::LongFormat);
    format.remove(u" t"_s);
    format.remove(u't');
    return format.trimmed();
}

Error lockedError(const QDateTime &until)
{
    return Error{u"user.pins_locked"_s,
                 UserStore::tr("Too many wrong PINs: PIN entry is locked until %1.")
                     .arg(QLocale().toString(until.toLocalTime().time(), timeWithSeconds()))};
}

} // namespace

UserStore::UserStore(const Database &database, const Clock &clock, IdSource &ids)
    : m_db(database.connection())
    , m_clock(clock)
    , m_ids(ids)
{}

Result<User> UserStore::add(const QString &name, const QString &role, const QString &pin)
{
    if (name.trimmed().isEmpty())
        return Error{u"user.invalid"_s, tr("A user needs a name.")};
    if (role != u"cashier"_s && role != u"manager"_s)
        return Error{u"user.invalid"_s,
                     tr("The role is cashier or manager, not \"%1\".").arg(role)};
    static const QRegularExpression digits(u"^[0-9]{4,8}$"_s);
    if (!digits.match(pin).hasMatch())
        return Error{u"user.invalid"_s, tr("A PIN is 4 to 8 digits.")};
    Result<QList<User>> existing = active();
    if (!existing)
        return existing.error();
    for (const User &other : std::as_const(*existing)) {
        if (other.name.compare(name.trimmed(), Qt::CaseInsensitive) == 0)
            return Error{u"user.name_taken"_s, tr("There is already a user called %1.").arg(name)};
    }
    Result<std::optional<User>> taken = byPin(pin);
    if (!taken)
        return taken.error();
    if (taken->has_value()) {
        return Error{u"user.pin_taken"_s,
                     tr("Another user already has this PIN; choose a different one.")};
    }
    QByteArray salt(16, '\0');
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(salt.data()),
                                          salt.size() / 4);
    const User user{QUuid::createUuid().toString(QUuid::WithoutBraces), name.trimmed(), role};
    Result<qint64> added =
        execute(m_db,
                u"INSERT INTO users (id, name, role, pin_salt, pin_hash, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?)"_s,
                {user.id, user.name, user.role, QString::fromLatin1(salt.toHex()),
                 QString::fromLatin1(pinHash(pin, salt)), sqlkit::timeText(m_clock.now())});
    if (!added)
        return added.error();
    return user;
}

Result<std::optional<User>> UserStore::byPin(const QString &pin)
{
    Result<QList<StoredUser>> users = activeUsers(m_db);
    if (!users)
        return users.error();
    for (const StoredUser &stored : std::as_const(*users)) {
        if (pinHash(pin, stored.salt) == stored.hash)
            return std::optional<User>(stored.user);
    }
    return std::optional<User>();
}

Result<std::optional<QDateTime>> UserStore::lockedUntil()
{
    Result<QVariant> until = sqlkit::selectValue(m_db, u"SELECT locked_until FROM pin_guard"_s);
    if (!until)
        return until.error();
    if (until->isNull())
        return std::optional<QDateTime>();
    const QDateTime at = sqlkit::timeFromText(until->toString());
    return at > m_clock.now() ? std::optional<QDateTime>(at) : std::optional<QDateTime>();
}

Result<User> UserStore::signIn(const QString &pin, PinPlace where, const QString &asking)
{
    Result<std::optional<QDateTime>> locked = lockedUntil();
    if (!locked)
        return locked.error();
    if (*locked)
        return lockedError(**locked);
    Result<std::optional<User>> user = byPin(pin);
    if (!user)
        return user.error();
    // Where a manager is asked for, a cashier's PIN is a wrong PIN like any other: it must not
    // start the count again, or a cashier could guess the manager's PIN for ever.
    const bool managerAsked = where != PinPlace::Login;
    if (user->has_value() && (!managerAsked || (*user)->isManager())) {
        Result<qint64> reset = execute(
            m_db, u"UPDATE pin_guard SET failures = 0, lockouts = 0, locked_until = NULL"_s);
        if (!reset)
            return reset.error();
        return **user;
    }
    QDateTime until;
    int triesLeft = 0;
    if (Result<void> counted = countWrongPin(where, asking, &until, &triesLeft); !counted)
        return counted.error();
    if (until.isValid())
        return lockedError(until);
    if (user->has_value()) {
        return Error{u"user.not_a_manager"_s,
                     tr("That is not a manager's PIN. Wrong PINs left before PIN entry locks: %n.",
                        nullptr, triesLeft)};
    }
    return Error{u"user.unknown_pin"_s,
                 tr("That PIN is not known here. Wrong PINs left before PIN entry locks: %n.",
                    nullptr, triesLeft)};
}

Result<qint64> UserStore::secondsLocked()
{
    Result<std::optional<QDateTime>> until = lockedUntil();
    if (!until)
        return until.error();
    return *until ? std::max<qint64>(1, m_clock.now().secsTo(**until)) : 0;
}

Result<void> UserStore::countWrongPin(PinPlace where, const QString &asking, QDateTime *lockedUntil,
                                      int *triesLeft)
{
    sqlkit::Transaction transaction(m_db);
    if (Result<void> begun = transaction.begin(); !begun)
        return begun;
    Result<QSqlQuery> guard = sqlkit::exec(m_db, u"SELECT failures, lockouts FROM pin_guard"_s);
    if (!guard)
        return guard.error();
    if (!guard.value().next())
        return Error{u"user.no_pin_guard"_s, tr("The PIN guard of this till is missing.")};
    const int failures = guard.value().value(0).toInt() + 1;
    const int lockouts = guard.value().value(1).toInt();
    guard.value().finish();
    const QDateTime now = m_clock.now();
    if (failures < kWrongPinsToLock) {
        Result<qint64> counted = execute(m_db, u"UPDATE pin_guard SET failures = ?"_s, {failures});
        if (!counted)
            return counted.error();
        *triesLeft = kWrongPinsToLock - failures;
        return transaction.commit();
    }
    // Locked: 30 seconds the first time, twice as long each time after, at most 15 minutes.
    const qint64 seconds = std::min<qint64>(30LL << std::min(lockouts, 5), 15 * 60);
    *lockedUntil = now.addSecs(seconds);
    Result<qint64> locked =
        execute(m_db, u"UPDATE pin_guard SET failures = 0, lockouts = ?, locked_until = ?"_s,
                {lockouts + 1, sqlkit::timeText(*lockedUntil)});
    if (!locked)
        return locked.error();
    CanonicalJson payload;
    payload.beginObject()
        .key("failures"_L1)
        .value(failures)
        .key("locked_until"_L1)
        .value(sqlkit::timeText(*lockedUntil))
        .key("lockout"_L1)
        .value(lockouts + 1)
        .key("seconds"_L1)
        .value(seconds)
        .key("user"_L1)
        .optional(asking)
        .key("where"_L1)
        .value(pinPlaceName(where))
        .endObject();
    Result<JournalEntry> journalled = JournalEntries::record(
        m_db, m_ids, QString(JournalEntries::kPinLockout), payload.take(), now);
    if (!journalled)
        return journalled.error();
    return transaction.commit();
}

Result<QList<User>> UserStore::active()
{
    Result<QList<StoredUser>> users = activeUsers(m_db);
    if (!users)
        return users.error();
    QList<User> result;
    for (const StoredUser &stored : std::as_const(*users))
        result.append(stored.user);
    return result;
}

} // namespace counterline::store
