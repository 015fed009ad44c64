#pragma once

#include "domain/money.h"
#include "domain/result.h"
#include "store/database.h"

#include <QCoreApplication>
#include <QDateTime>

namespace counterline::store {

// The till's limits for card payments taken offline (`offline_card_limits`).
struct OfflineCardLimits
{
    qint64 maxPerSaleMinor = 0;
    qint64 maxTotalMinor = 0; // of offline payments not yet forwarded to the server
    int maxAgeHours = 24;     // how long one may wait to be forwarded
};

// Card payments taken while the payment service cannot be reached (BRIEF §7): the sale is made
// with a card tender that `needsCapture`, its token in the reference; the server charges it when
// the order arrives and puts a decline on the back office's follow-up list. The till takes such
// payments only within its limits, so that an outage risks a known, bounded amount.
class OfflineCards
{
    Q_DECLARE_TR_FUNCTIONS(OfflineCards)

public:
    static Result<OfflineCardLimits> limits(const Database &database);
    static Result<void> setLimits(const Database &database, const OfflineCardLimits &limits);

    // Whether one more offline card payment of `amount` may be taken now: refused, with the
    // reason for the cashier, when it is over the per-sale limit, when the payments waiting to be
    // forwarded would come to more than the total, or when one has waited longer than allowed.
    static Result<void> allows(const Database &database, const Money &amount, const QDateTime &now);

    // Offline card payments not yet forwarded: their sum, and when the oldest was taken.
    struct Outstanding
    {
        qint64 totalMinor = 0;
        int count = 0;
        QDateTime oldest;
    };
    static Result<Outstanding> outstanding(const Database &database);
};

} // namespace counterline::store
