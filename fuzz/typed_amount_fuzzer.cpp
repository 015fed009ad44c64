// Everything a person types as an amount, a quantity or a percentage (parseTypedAmount,
// parseTypedMoney) and every plain decimal a file or the wire carries (parseScaledDecimal), in
// the locales the tests name, with the number of decimals and the currency chosen by the first
// bytes.
//
// Properties, beyond "no crash, no undefined behaviour, no leak":
// - a refused text names its error; an accepted one is 0 or more;
// - what is read prints and reads back as the same number (formatTypedAmount and
//   formatScaledDecimal are the inverses people and files see);
// - an amount of money is the same number as the plain amount with the currency's decimals,
//   whenever both read the text.

#include "domain/decimal_text.h"
#include "domain/typed_amount.h"
#include "fuzz/fuzz_input.h"

using namespace counterline;
using counterline::fuzz::FuzzInput;
using counterline::fuzz::require;

namespace {

const QLocale &localeOf(uint8_t choice)
{
    static const QList<QLocale> locales{
        QLocale::c(),         QLocale(u"en_US"_qs), QLocale(u"de_DE"_qs), QLocale(u"fr_FR"_qs),
        QLocale(u"ja_JP"_qs), QLocale(u"es_ES"_qs), QLocale(u"de_CH"_qs), QLocale(u"en_IN"_qs),
    };
    return locales.at(choice % locales.size());
}

void checkTypedAmount(QStringView text, int decimals, const QLocale &locale, QByteArrayView input)
{
    const Result<qint64> amount = parseTypedAmount(text, decimals, locale);
    if (!amount) {
        require(!amount.error().code.isEmpty(), "a refused amount names its error", input);
        return;
    }
    require(*amount >= 0, "a typed amount is 0 or more", input);
    const QString printed = formatTypedAmount(*amount, decimals, locale);
    const Result<qint64> again = parseTypedAmount(printed, decimals, locale);
    require(again.ok() && *again == *amount, "a typed amount prints and reads back", input);
}

void checkTypedMoney(QStringView text, const Currency &currency, const QLocale &locale,
                     QByteArrayView input)
{
    const Result<Money> money = parseTypedMoney(text, currency, locale);
    if (!money) {
        require(!money.error().code.isEmpty(), "a refused amount of money names its error", input);
        return;
    }
    require(money->minorUnits() >= 0 && money->currency() == currency,
            "typed money is 0 or more, in the currency asked for", input);
    const Result<qint64> plain = parseTypedAmount(text, currency.exponent(), locale);
    require(!plain || *plain == money->minorUnits(),
            "money and the plain amount read the same number", input);
}

void checkScaledDecimal(QStringView text, int scale, QByteArrayView input)
{
    const Result<qint64> value = parseScaledDecimal(text, scale);
    if (!value) {
        require(!value.error().message.isEmpty(), "a refused decimal names its error", input);
        return;
    }
    const Result<qint64> again = parseScaledDecimal(formatScaledDecimal(*value, scale), scale);
    require(again.ok() && *again == *value, "a decimal prints and reads back", input);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FuzzInput input(data, size);
    const QLocale &locale = localeOf(input.choice());
    const int decimals = input.choice() % 19;
    static const char *const codes[] = {"EUR", "JPY", "KWD", "CHF", "USD"};
    const Result<Currency> currency = Currency::fromCode(
        QString::fromLatin1(codes[input.choice() % (sizeof codes / sizeof *codes)]));
    require(currency.ok(), "the fuzz currencies exist");
    const QString text = QString::fromUtf8(input.rest());

    checkTypedAmount(text, decimals, locale, input.rest());
    checkTypedMoney(text, *currency, locale, input.rest());
    checkScaledDecimal(text, decimals, input.rest());
    return 0;
}
