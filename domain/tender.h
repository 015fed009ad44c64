#pragma once

#include "domain/money.h"
#include "domain/result.h"

namespace counterline {

enum class TenderKind
{
    Cash,
    Card
};

QString tenderKindName(TenderKind kind); // "cash" / "card"
Result<TenderKind> tenderKindFromName(QStringView name);

// One way the customer paid. Card tenders keep no card number: `reference` is the approval code
// or payment token. `needsCapture` marks a card amount that still has to be charged.
struct Tender
{
    TenderKind kind = TenderKind::Cash;
    Money amount;
    QString reference;
    bool needsCapture = false;

    friend bool operator==(const Tender &, const Tender &) = default;
};

} // namespace counterline
