#include "server/principals.h"

#include "domain/currency.h"
#include "domain/receipt_number.h"
#include "sqlkit/statement.h"
#include "sqlkit/time_text.h"
#include "sqlkit/transaction.h"

#include <QDeadlineTimer>
#include <QHash>
#include <QMutex>
#include <QUuid>

#include <memory>
#include <openssl/evp.h>
#include <openssl/rand.h>

using namespace Qt::StringLiterals;

namespace counterline::server {

namespace {

Result<IssuedToken> issue(const QSqlDatabase &db, const QString &role, const QString &storeId,
                          const QString &name, const QDateTime &at)
{
    IssuedToken issued{{QUuid::createUuid().toString(QUuid::WithoutBraces), role, storeId, name},
                       Principals::newToken()};
    Result<QSqlQuery> inserted =
        sqlkit::exec(db,
                     u"INSERT INTO principals (id, role, store_id, name, token_hash, created_at, "
                     "token_issued_at) VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
                     {issued.principal.id, role, storeId.isEmpty() ? QVariant() : QVariant(storeId),
                      name, QString::fromLatin1(Principals::tokenHash(issued.token)),
                      sqlkit::timeText(at), sqlkit::timeText(at)});
    if (!inserted) {
        if (inserted.error().code == u"sql.conflict"_s) {
            return Error{
                u"principal.exists"_s,
                Principals::tr("%1 \"%2\" already exists; nothing was changed.").arg(role, name)};
        }
        return inserted.error();
    }
    return issued;
}

// Recently seen tokens and stores, so that a busy terminal is not looked up on every request.
// Tokens are remembered for a minute, and forgotten all at once when the token generation in the
// database changed (a revocation or rotation by any process), which is asked at most every
// kRevocationMilliseconds; a store's currency and pricing never change once added.
struct Cache
{
    QMutex mutex;
    QHash<QByteArray, std::pair<Principal, QDateTime>> principals;
    QHash<QString, StoreSpec> stores;
    qint64 generation = -1;
    QDeadlineTimer generationAsked{0};
};

Cache &cache()
{
    static Cache instance;
    return instance;
}

constexpr qint64 kPrincipalCacheSeconds = 60;

// Empties the token cache when the token generation moved since it was last asked.
Result<void> forgetRevokedTokens(const QSqlDatabase &db)
{
    {
        QMutexLocker lock(&cache().mutex);
        if (!cache().generationAsked.hasExpired())
            return success();
        cache().generationAsked.setRemainingTime(Principals::kRevocationMilliseconds);
    }
    Result<QSqlQuery> found =
        sqlkit::exec(db, u"SELECT generation FROM token_generation WHERE id = 1"_s);
    if (!found)
        return found.error();
    const qint64 generation = found.value().next() ? found.value().value(0).toLongLong() : 0;
    found.value().finish();
    QMutexLocker lock(&cache().mutex);
    if (generation != cache().generation) {
        cache().principals.clear();
        cache().generation = generation;
    }
    return success();
}

// The next token generation, in the caller's transaction.
Result<void> nextGeneration(const QSqlDatabase &db)
{
    Result<QSqlQuery> bumped =
        sqlkit::exec(db, u"UPDATE token_generation SET generation = generation + 1 WHERE id = 1"_s);
    if (!bumped)
        return bumped.error();
    return success();
}

// Runs `change` (returning a Result) in one transaction with the next token generation.
template<typename Change>
auto changingTokens(const QSqlDatabase &db, Change change) -> decltype(change())
{
    sqlkit::Transaction transaction(db);
    if (Result<void> begun = transaction.begin(); !begun)
        return begun.error();
    auto changed = change();
    if (!changed)
        return changed;
    if (Result<void> bumped = nextGeneration(db); !bumped)
        return bumped.error();
    if (Result<void> committed = transaction.commit(); !committed)
        return committed.error();
    return changed;
}

// The terminal `name` of `storeId`, revoked or not.
Result<Principal> terminalNamed(const QSqlDatabase &db, const QString &storeId, const QString &name)
{
    Result<QSqlQuery> found = sqlkit::exec(
        db, u"SELECT id FROM principals WHERE role = 'terminal' AND store_id = ? AND name = ?"_s,
        {storeId, name});
    if (!found)
        return found.error();
    if (!found.value().next()) {
        return Error{u"terminal.not_found"_s,
                     Principals::tr("Store %1 has no terminal \"%2\"; nothing was changed.")
                         .arg(storeId, name)};
    }
    const Principal terminal{found.value().value(0).toString(), u"terminal"_s, storeId, name};
    found.value().finish();
    return terminal;
}

} // namespace

QByteArray Principals::newToken()
{
    unsigned char random[32];
    if (RAND_bytes(random, sizeof random) != 1)
        qFatal("OpenSSL has no randomness");
    return "clt_" + QByteArray(reinterpret_cast<const char *>(random), sizeof random)
                        .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray Principals::tokenHash(QByteArrayView token)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_Digest(token.data(), size_t(token.size()), digest, &length, EVP_sha256(), nullptr) !=
        1) {
        qFatal("OpenSSL could not compute SHA-256");
    }
    return QByteArray(reinterpret_cast<const char *>(digest), qsizetype(length)).toHex();
}

Result<void> Principals::addStore(const QSqlDatabase &db, const StoreSpec &store,
                                  const QDateTime &at)
{
    if (!ReceiptNumber::isValidCode(store.id)) {
        return Error{u"store.bad_id"_s,
                     tr("A store id is 1 to 16 letters or digits, not \"%1\".").arg(store.id)};
    }
    if (Result<Currency> currency = Currency::fromCode(store.currency); !currency)
        return currency.error();
    Result<QSqlQuery> inserted = sqlkit::exec(
        db,
        u"INSERT INTO stores (id, name, currency, tax_mode, rounding, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?)"_s,
        {store.id, store.name, store.currency,
         store.policy.taxMode == TaxMode::PricesIncludeTax ? u"inclusive"_s : u"exclusive"_s,
         roundingRuleName(store.policy.rounding), sqlkit::timeText(at)});
    if (!inserted) {
        if (inserted.error().code == u"sql.conflict"_s) {
            return Error{u"store.exists"_s,
                         tr("The store %1 already exists; nothing was changed.").arg(store.id)};
        }
        return inserted.error();
    }
    return success();
}

Result<IssuedToken> Principals::enrollTerminal(const QSqlDatabase &db, const QString &storeId,
                                               const QString &name, const QDateTime &at)
{
    if (!ReceiptNumber::isValidCode(name)) {
        return Error{u"terminal.bad_name"_s,
                     tr("A terminal name is 1 to 16 letters or digits, not \"%1\".").arg(name)};
    }
    if (Result<StoreSpec> found = store(db, storeId); !found)
        return found.error();
    Result<IssuedToken> issued = issue(db, u"terminal"_s, storeId, name, at);
    if (!issued && issued.error().code == u"principal.exists"_s)
        return rotateTerminalToken(db, storeId, name, at);
    return issued;
}

Result<IssuedToken> Principals::rotateTerminalToken(const QSqlDatabase &db, const QString &storeId,
                                                    const QString &name, const QDateTime &at)
{
    return changingTokens(db, [&]() -> Result<IssuedToken> {
        Result<Principal> terminal = terminalNamed(db, storeId, name);
        if (!terminal)
            return terminal.error();
        IssuedToken issued{*terminal, newToken(), true};
        Result<QSqlQuery> replaced = sqlkit::exec(
            db,
            u"UPDATE principals SET token_hash = ?, token_issued_at = ?, revoked_at = NULL "
            "WHERE id = ?"_s,
            {QString::fromLatin1(tokenHash(issued.token)), sqlkit::timeText(at), terminal->id});
        if (!replaced)
            return replaced.error();
        return issued;
    });
}

Result<Principal> Principals::revokeTerminal(const QSqlDatabase &db, const QString &storeId,
                                             const QString &name, const QDateTime &at)
{
    return changingTokens(db, [&]() -> Result<Principal> {
        Result<Principal> terminal = terminalNamed(db, storeId, name);
        if (!terminal)
            return terminal.error();
        Result<QSqlQuery> revoked = sqlkit::exec(
            db, u"UPDATE principals SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?"_s,
            {sqlkit::timeText(at), terminal->id});
        if (!revoked)
            return revoked.error();
        return terminal;
    });
}

Result<int> Principals::revokeUser(const QSqlDatabase &db, const QString &name, const QDateTime &at)
{
    return changingTokens(db, [&]() -> Result<int> {
        Result<QSqlQuery> revoked =
            sqlkit::exec(db,
                         u"UPDATE principals SET revoked_at = ? "
                         "WHERE role <> 'terminal' AND name = ? AND revoked_at IS NULL"_s,
                         {sqlkit::timeText(at), name.trimmed()});
        if (!revoked)
            return revoked.error();
        const int count = revoked.value().numRowsAffected();
        if (count == 0) {
            return Error{u"user.not_found"_s,
                         tr("No user \"%1\" holds a valid token; nothing was changed.").arg(name)};
        }
        return count;
    });
}

Result<IssuedToken> Principals::addUser(const QSqlDatabase &db, const QString &name,
                                        const QString &role, const QDateTime &at)
{
    if (role != u"backoffice"_s && role != u"admin"_s) {
        return Error{u"user.bad_role"_s,
                     tr("A user's role is backoffice or admin, not \"%1\".").arg(role)};
    }
    if (name.trimmed().isEmpty())
        return Error{u"user.bad_name"_s, tr("A user needs a name.")};
    return issue(db, role, QString(), name.trimmed(), at);
}

Result<std::optional<Principal>> Principals::authenticate(const QSqlDatabase &db,
                                                          QByteArrayView token)
{
    if (token.isEmpty())
        return std::optional<Principal>();
    const QByteArray hash = tokenHash(token);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (Result<void> fresh = forgetRevokedTokens(db); !fresh)
        return fresh.error();
    {
        QMutexLocker lock(&cache().mutex);
        const auto cached = cache().principals.constFind(hash);
        if (cached != cache().principals.cend() && cached->second > now)
            return std::optional<Principal>(cached->first);
    }
    Result<QSqlQuery> found = sqlkit::exec(db,
                                           u"SELECT id, role, store_id, name FROM principals "
                                           "WHERE token_hash = ? AND revoked_at IS NULL"_s,
                                           {QString::fromLatin1(hash)});
    if (!found)
        return found.error();
    QSqlQuery &row = found.value();
    if (!row.next())
        return std::optional<Principal>();
    const Principal principal{row.value(0).toString(), row.value(1).toString(),
                              row.value(2).toString(), row.value(3).toString()};
    QMutexLocker lock(&cache().mutex);
    if (cache().principals.size() > 10'000)
        cache().principals.clear();
    cache().principals.insert(hash, {principal, now.addSecs(kPrincipalCacheSeconds)});
    return std::optional<Principal>(principal);
}

Result<StoreSpec> Principals::store(const QSqlDatabase &db, const QString &storeId)
{
    {
        QMutexLocker lock(&cache().mutex);
        const auto cached = cache().stores.constFind(storeId);
        if (cached != cache().stores.cend())
            return *cached;
    }
    Result<QSqlQuery> found = sqlkit::exec(
        db, u"SELECT id, name, currency, tax_mode, rounding FROM stores WHERE id = ?"_s, {storeId});
    if (!found)
        return found.error();
    QSqlQuery &row = found.value();
    if (!row.next())
        return Error{u"store.not_found"_s, tr("There is no store %1.").arg(storeId)};
    StoreSpec spec{row.value(0).toString(), row.value(1).toString(), row.value(2).toString(), {}};
    spec.policy.taxMode = row.value(3).toString() == u"inclusive"_s ? TaxMode::PricesIncludeTax
                                                                    : TaxMode::PricesExcludeTax;
    spec.policy.rounding =
        row.value(4).toString() == u"half-even"_s ? RoundingRule::HalfEven : RoundingRule::HalfUp;
    QMutexLocker lock(&cache().mutex);
    cache().stores.insert(storeId, spec);
    return spec;
}

} // namespace counterline::server
