#pragma once

#include "domain/result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QSqlDatabase>

#include <optional>

namespace counterline::paysim {

struct ChargeRequest
{
    qint64 amountMinor = 0;
    QString currency; // ISO 4217
    QString token;
    QString reference; // what the merchant calls it, e.g. "order:<id>"
};

struct Charge
{
    QString id;
    QString idempotencyKey;
    qint64 amountMinor = 0;
    QString currency;
    QString reference;
    QString status; // "captured" or "declined"
    QString declineCode;
    qint64 refundedMinor = 0;
    QDateTime createdAt;

    bool captured() const { return status == QLatin1StringView("captured"); }
    QJsonObject toJson() const;
};

struct Refund
{
    QString id;
    QString idempotencyKey;
    QString chargeId;
    qint64 amountMinor = 0;
    QDateTime createdAt;

    QJsonObject toJson() const;
};

// What a request with an Idempotency-Key came to: the first time, or the same request again (the
// stored answer, nothing charged twice).
template<typename T>
struct Keyed
{
    T value;
    bool replay = false;
};

// The simulator's own ledger: one SQLite file, every charge and refund with the key it came with.
// A key is used once per kind: the same key with the same request is a replay; with another
// request it is refused ("paysim.key_reused"). Declines are recorded too, so that asking by key
// tells the truth about them. Owned by one thread.
class PaymentLedger
{
    Q_DECLARE_TR_FUNCTIONS(PaymentLedger)

public:
    static Result<std::unique_ptr<PaymentLedger>> open(const QString &filePath);
    ~PaymentLedger();

    Result<Keyed<Charge>> charge(const QString &key, const QByteArray &fingerprint,
                                 const ChargeRequest &request, const QDateTime &now);
    Result<Keyed<Refund>> refund(const QString &key, const QByteArray &fingerprint,
                                 const QString &chargeId, qint64 amountMinor, const QDateTime &now);
    Result<std::optional<Charge>> chargeByKey(const QString &key);
    // The refund made with `key`, if any: how a refund whose answer was lost is settled.
    Result<std::optional<Refund>> refundByKey(const QString &key);
    Result<QList<Charge>> charges();
    Result<QList<Refund>> refunds();

private:
    explicit PaymentLedger(QString connectionName);
    Result<std::optional<Charge>> findCharge(const QString &column, const QString &value);

    QString m_connectionName;
    QSqlDatabase m_db;
};

} // namespace counterline::paysim
