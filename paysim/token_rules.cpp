#include "paysim/token_rules.h"

using namespace Qt::StringLiterals;

namespace counterline::paysim {

QString declineCodeFor(const QString &token)
{
    if (token.startsWith(u"tok_insufficient"_s))
        return u"insufficient_funds"_s;
    if (token.startsWith(u"tok_expired"_s))
        return u"expired_card"_s;
    if (token.startsWith(u"tok_decline"_s))
        return u"card_declined"_s;
    return {};
}

bool isToken(const QString &token)
{
    return token.size() > 4 && token.startsWith(u"tok_"_s) && token.size() <= 200;
}

} // namespace counterline::paysim
