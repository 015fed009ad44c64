#pragma once

#include "domain/result.h"

#include <QCoreApplication>
#include <QUrl>

#include <chrono>

namespace counterline::server {

// What the payment service did with a charge or refund the saga asked for.
struct PaymentOutcome
{
    enum class Kind
    {
        Captured,   // `id` is the charge (or refund)
        Declined,   // `why` holds the decline code
        NotCharged, // the service refused the request or never saw the key: nothing happened
        Unknown     // no answer and the service could not be asked: ask again later, same key
    };
    Kind kind = Kind::Unknown;
    QString id;
    QString why;
};

// The server's client of the payment service (counterline-paysim, BRIEF §7). Calls block the
// worker thread that makes them (each runs its own event loop). An unknown outcome is settled by
// asking about the same Idempotency-Key, never by charging again.
class PaymentGateway
{
    Q_DECLARE_TR_FUNCTIONS(PaymentGateway)

public:
    explicit PaymentGateway(QUrl service,
                            std::chrono::milliseconds timeout = std::chrono::seconds(15));

    bool isConfigured() const { return m_service.isValid() && !m_service.isEmpty(); }
    const QUrl &service() const { return m_service; }

    PaymentOutcome charge(const QString &key, qint64 amountMinor, const QString &currency,
                          const QString &token, const QString &reference) const;
    // A refund whose answer does not come is asked about by its key before this returns: the
    // outcome is Unknown only when neither the refund nor the question was answered.
    PaymentOutcome refund(const QString &key, const QString &chargeId, qint64 amountMinor) const;

    // Asks what became of a charge or a refund sent with `key` earlier, without sending anything
    // that moves money: Captured (the charge or refund, with its id), Declined (a charge that was
    // declined), NotCharged (nothing was ever made with the key), or Unknown (no answer).
    PaymentOutcome chargeStatus(const QString &key) const;
    PaymentOutcome refundStatus(const QString &key) const;

private:
    PaymentOutcome statusOf(const QString &key, const QString &why) const;

    QUrl m_service;
    std::chrono::milliseconds m_timeout;
};

} // namespace counterline::server
