#include "ui/money_input.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace counterline::ui {

Result<Money> parseMoneyInput(const QString &text, const Currency &currency, const QLocale &locale)
{
    QString plain = text.trimmed();
    plain.remove(locale.groupSeparator());
    plain.replace(locale.decimalPoint(), u"."_s);
    Result<Money> money = Money::parse(plain, currency);
    if (!money || money->isNegative()) {
        return Error{
            u"ui.bad_amount"_s,
            QCoreApplication::translate("counterline::ui", "\"%1\" is not an amount.").arg(text)};
    }
    return money;
}

} // namespace counterline::ui
