#pragma once

#include "domain/money.h"
#include "domain/result.h"

#include <QNetworkAccessManager>
#include <QUrl>

#include <chrono>
#include <functional>

namespace counterline::sync {

// A card payment the terminal asks the payment service (counterline-paysim) to take.
struct CardCharge
{
    // Stable for this payment: a retry after a lost answer carries the same key, so that the
    // service answers what it did instead of charging again.
    QString idempotencyKey;
    Money amount;
    QString token;     // from the card reader
    QString reference; // e.g. "cart:<id>"
};

// Money given back to the card a charge was taken from (a return paid back to the card).
struct CardRefund
{
    // Stable for this refund: sent again after a lost answer, the service answers the refund it
    // made instead of refunding again.
    QString idempotencyKey;
    QString chargeId;
    Money amount;
};

struct CardOutcome
{
    enum class Kind
    {
        Approved,   // captured: chargeId is the reference for the receipt
        Declined,   // the card was refused: declineCode says why
        NotCharged, // the service refused the request or never took it: safe to try again
        Unknown,    // no answer, and the service could not be asked: try again with the same key
        Unreachable // the service could not be reached at all (refused, no such host): nothing
                    // was sent, so nothing was charged; the till may take the card offline
    };
    Kind kind = Kind::Unknown;
    QString chargeId;
    QString declineCode;
    QString message; // for the cashier
};

// Integrated card payments (BRIEF §7). An unknown outcome (a time-out, a dropped connection, a
// 5xx) is settled by asking the service about the same Idempotency-Key — never by charging again.
// Asynchronous; `done` is called once, on this object's thread.
class CardPayments : public QObject
{
    Q_OBJECT

public:
    explicit CardPayments(QUrl service,
                          std::chrono::milliseconds timeout = std::chrono::seconds(20),
                          QObject *parent = nullptr);

    // The payment service's address as given (--paysim): http or https with a host; plain http
    // only to this machine (BRIEF §1: TLS on every non-loopback link).
    static Result<QUrl> serviceUrl(const QString &text);

    using Done = std::function<void(const CardOutcome &)>;
    void charge(const CardCharge &charge, Done done);

    // Approved with the refund's id in `chargeId`; Declined when the service refuses it (no such
    // charge, more than is left of it); Unknown when no answer came — sending the same refund
    // again (same key) is safe; Unreachable when nothing was sent.
    void refund(const CardRefund &refund, Done done);

private:
    QNetworkReply *post(const QString &path, const QString &idempotencyKey, const QByteArray &body);
    void askAboutKey(const CardCharge &charge, const QString &why, Done done);

    QUrl m_service;
    std::chrono::milliseconds m_timeout;
    QNetworkAccessManager m_network;
};

} // namespace counterline::sync
