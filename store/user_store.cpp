#include "store/user_store.h"

#include "store/sql.h"
#include "store/time_text.h"

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
    Result<QSqlQuery> found = runSql(db, u"SELECT id, name, role, pin_salt, pin_hash FROM users "
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

} // namespace

UserStore::UserStore(const Database &database, const Clock &clock)
    : m_db(database.connection())
    , m_clock(clock)
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
                 QString::fromLatin1(pinHash(pin, salt)), timeText(m_clock.now())});
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
