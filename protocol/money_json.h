#pragma once

#include "domain/money.h"
#include "domain/result.h"

#include <QJsonValue>

namespace counterline::protocol {

// Amounts travel as JSON integers of minor units; the currency travels once per order. JSON
// numbers are doubles on the Qt side, so anything beyond 2^53 or with a fraction is refused.
QJsonValue amountToJson(const Money &money);
Result<Money> amountFromJson(const QJsonValue &value, const Currency &currency, QStringView field);

} // namespace counterline::protocol
