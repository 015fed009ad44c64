#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace counterline::protocol {

// The payment service's wire format (counterline-paysim, docs/paysim.md), shared by the terminal's
// integrated card tender and the server's saga.

// The body of POST /v1/charges: amount in minor units, ISO 4217 currency, card token, reference.
QByteArray chargeRequestBody(qint64 amountMinor, const QString &currency, const QString &token,
                             const QString &reference);

// The body of POST /v1/refunds.
QByteArray refundRequestBody(const QString &chargeId, qint64 amountMinor);

// A charge as the service reports it (201/402 answers, GET by key).
struct ChargeAnswer
{
    QString id;
    bool captured = false;
    QString declineCode; // why it was declined; empty when captured
};

ChargeAnswer chargeAnswerFrom(const QJsonObject &charge);

// Why a card was declined, as a sentence for the cashier or the operator in their language, with
// what to do: "insufficient_funds" → "The bank declined the card: not enough funds. …". Codes
// the till does not know get the general sentence (and the code, for the card company's help
// desk).
QString declineReason(const QString &declineCode);

} // namespace counterline::protocol
