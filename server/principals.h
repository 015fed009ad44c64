#pragma once

#include "domain/result.h"
#include "domain/tax.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlDatabase>

#include <optional>

namespace counterline::server {

// Who is calling: a terminal of one store, a back-office user, or an admin.
struct Principal
{
    QString id;
    QString role; // "terminal", "backoffice", "admin"
    QString storeId;
    QString name;

    bool isTerminal() const { return role == QLatin1StringView("terminal"); }
    // Terminals see only their own store; back office and admins see every store.
    bool mayAccessStore(const QString &store) const { return !isTerminal() || store == storeId; }
};

struct StoreSpec
{
    QString id;
    QString name;
    QString currency;
    PricingPolicy policy;
};

struct IssuedToken
{
    Principal principal;
    QByteArray token;      // shown once; only its SHA-256 is stored
    bool replaced = false; // the principal was there: this token replaces its old one
};

// The operator commands of BRIEF §9 and the token check behind every request.
class Principals
{
    Q_DECLARE_TR_FUNCTIONS(Principals)

public:
    static QByteArray newToken();
    static QByteArray tokenHash(QByteArrayView token); // hex SHA-256 (OpenSSL EVP)

    static Result<void> addStore(const QSqlDatabase &db, const StoreSpec &store,
                                 const QDateTime &at);
    // A new terminal's token; enrolling a terminal that is there (a lost or leaked token, a
    // revoked till) replaces its token, as rotateTerminalToken does.
    static Result<IssuedToken> enrollTerminal(const QSqlDatabase &db, const QString &storeId,
                                              const QString &name, const QDateTime &at);
    static Result<IssuedToken> addUser(const QSqlDatabase &db, const QString &name,
                                       const QString &role, const QDateTime &at);

    // Taking tokens back: each bumps the token generation in its transaction, so that every
    // running server forgets what it remembered of tokens within kRevocationMilliseconds.
    static Result<IssuedToken> rotateTerminalToken(const QSqlDatabase &db, const QString &storeId,
                                                   const QString &name, const QDateTime &at);
    static Result<Principal> revokeTerminal(const QSqlDatabase &db, const QString &storeId,
                                            const QString &name, const QDateTime &at);
    // Revokes every token of the users called `name`; returns how many.
    static Result<int> revokeUser(const QSqlDatabase &db, const QString &name, const QDateTime &at);
    static constexpr int kRevocationMilliseconds = 500;

    // The principal a bearer token belongs to, or nothing.
    static Result<std::optional<Principal>> authenticate(const QSqlDatabase &db,
                                                         QByteArrayView token);

    static Result<StoreSpec> store(const QSqlDatabase &db, const QString &storeId);
};

} // namespace counterline::server
