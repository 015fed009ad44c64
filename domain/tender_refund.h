#pragma once

#include "domain/money.h"
#include "domain/result.h"
#include "domain/tender.h"

#include <QList>

namespace counterline {

// What became of one tender's money when a whole sale was undone (a void, or a full return),
// BRIEF §11 — who refunds is who charged: the till gives cash back, refunds a card it charged
// through the payment service (keeping the refund's id, so that nobody refunds it again), asks the
// cashier to refund a card taken on a standalone reader, or, when the payment service cannot be
// reached, owes it (head office follows it up). A card taken offline is the server's to capture
// and to refund; it has no TenderRefund at the till.
struct TenderRefund
{
    enum class Outcome
    {
        GivenBack,    // cash handed back at the counter
        CardRefunded, // refunded through the payment service: `refundId`
        Reader,       // refunded on the standalone card reader that took it
        Owed          // could not be given back now
    };

    int tender = 0; // the tender's number in the order, from 1
    Money amount;
    Outcome outcome = Outcome::Owed;
    QString refundId;

    friend bool operator==(const TenderRefund &, const TenderRefund &) = default;
};

QString tenderRefundOutcomeName(TenderRefund::Outcome outcome); // "given_back", …
Result<TenderRefund::Outcome> tenderRefundOutcomeFromName(QStringView name);

// What each tender paid toward the total: its amount, less the change, which comes out of the
// cash tenders, last first. The shares add up to the total.
QList<Money> tenderShares(const QList<Tender> &tenders, const Money &change);

} // namespace counterline
