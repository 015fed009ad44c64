#include "protocol/money_json.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace counterline::protocol {

namespace {
constexpr qint64 kLargestExactJsonInteger = (qint64(1) << 53);
}

QJsonValue amountToJson(const Money &money)
{
    return QJsonValue(money.minorUnits());
}

Result<Money> amountFromJson(const QJsonValue &value, const Currency &currency, QStringView field)
{
    // toInteger() answers its fallback when the number is not integral; two different fallbacks
    // tell "not an integer" apart from any real value without touching a double here.
    const qint64 low = value.toInteger(0);
    const qint64 high = value.toInteger(1);
    if (!value.isDouble() || low != high || low > kLargestExactJsonInteger ||
        low < -kLargestExactJsonInteger) {
        return Error{
            u"protocol.amount_not_integer"_s,
            QCoreApplication::translate("counterline::protocol",
                                        "\"%1\" must be a whole number of minor units below 2^53.")
                .arg(field)};
    }
    return Money(low, currency);
}

} // namespace counterline::protocol
