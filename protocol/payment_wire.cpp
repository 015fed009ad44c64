#include "protocol/payment_wire.h"

#include <QCoreApplication>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace counterline::protocol {

QByteArray chargeRequestBody(qint64 amountMinor, const QString &currency, const QString &token,
                             const QString &reference)
{
    return QJsonDocument(QJsonObject{{u"amount"_s, amountMinor},
                                     {u"currency"_s, currency},
                                     {u"token"_s, token},
                                     {u"reference"_s, reference}})
        .toJson(QJsonDocument::Compact);
}

QByteArray refundRequestBody(const QString &chargeId, qint64 amountMinor)
{
    return QJsonDocument(QJsonObject{{u"charge_id"_s, chargeId}, {u"amount"_s, amountMinor}})
        .toJson(QJsonDocument::Compact);
}

ChargeAnswer chargeAnswerFrom(const QJsonObject &charge)
{
    const bool captured = charge.value(u"status"_s).toString() == u"captured"_s;
    return {charge.value(u"id"_s).toString(), captured,
            captured ? QString() : charge.value(u"decline_code"_s).toString()};
}

QString declineReason(const QString &declineCode)
{
    if (declineCode == u"insufficient_funds"_s) {
        return QCoreApplication::translate(
            "counterline::protocol::DeclineReason",
            "The bank declined the card: not enough funds. Ask for another card or cash.");
    }
    if (declineCode == u"expired_card"_s) {
        return QCoreApplication::translate("counterline::protocol::DeclineReason",
                                           "The card has expired. Ask for another card or cash.");
    }
    if (declineCode.isEmpty() || declineCode == u"card_declined"_s) {
        return QCoreApplication::translate(
            "counterline::protocol::DeclineReason",
            "The bank declined the card. Ask for another card or cash.");
    }
    return QCoreApplication::translate(
               "counterline::protocol::DeclineReason",
               "The bank declined the card (reason \"%1\"). Ask for another card or cash.")
        .arg(declineCode);
}

} // namespace counterline::protocol
