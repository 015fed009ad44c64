#include "domain/tender_refund.h"

#include <QCoreApplication>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace counterline {

QString tenderRefundOutcomeName(TenderRefund::Outcome outcome)
{
    switch (outcome) {
    case TenderRefund::Outcome::GivenBack:
        return u"given_back"_s;
    case TenderRefund::Outcome::CardRefunded:
        return u"card_refunded"_s;
    case TenderRefund::Outcome::Reader:
        return u"reader"_s;
    case TenderRefund::Outcome::Owed:
        return u"owed"_s;
    }
    Q_UNREACHABLE();
    return QString();
}

Result<TenderRefund::Outcome> tenderRefundOutcomeFromName(QStringView name)
{
    for (TenderRefund::Outcome outcome :
         {TenderRefund::Outcome::GivenBack, TenderRefund::Outcome::CardRefunded,
          TenderRefund::Outcome::Reader, TenderRefund::Outcome::Owed}) {
        if (name == tenderRefundOutcomeName(outcome))
            return outcome;
    }
    return Error{u"tender.unknown_refund"_s,
                 QCoreApplication::translate("counterline::TenderRefund",
                                             "\"%1\" is not what a refund can come to")
                     .arg(name.toString())};
}

QList<Money> tenderShares(const QList<Tender> &tenders, const Money &change)
{
    QList<Money> shares;
    for (const Tender &tender : tenders)
        shares.append(tender.amount);
    qint64 left = change.minorUnits();
    for (qsizetype i = shares.size() - 1; i >= 0 && left > 0; --i) {
        if (tenders[i].kind != TenderKind::Cash)
            continue;
        const qint64 taken = std::min(left, shares[i].minorUnits());
        shares[i] = Money(shares[i].minorUnits() - taken, shares[i].currency());
        left -= taken;
    }
    return shares;
}

} // namespace counterline
