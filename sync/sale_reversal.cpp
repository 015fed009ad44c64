#include "sync/sale_reversal.h"

#include "store/order_details.h"
#include "store/order_store.h"
#include "sync/card_payments.h"

using namespace Qt::StringLiterals;

namespace counterline::sync {

namespace {

bool chargedByThisTill(const store::OrderDetail::TenderLine &tender)
{
    return tender.kind == u"card"_s && !tender.needsCapture &&
           tender.reference.startsWith(u"ch_"_s);
}

} // namespace

// One undo under way: the tenders still to give back, and what the ones before came to.
struct SaleReversal::Run
{
    SaleToUndo sale;
    Done done;
    QList<store::OrderDetail::TenderLine> tenders;
    QList<Money> shares;
    Currency currency;
    qsizetype at = 0;
    QList<TenderRefund> refunds;
};

SaleReversal::SaleReversal(const store::Database &database, const Clock &clock, IdSource &ids,
                           CardPayments *cards, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_clock(clock)
    , m_ids(ids)
    , m_cards(cards)
{}

void SaleReversal::undo(const SaleToUndo &sale, Done done)
{
    Result<store::OrderDetail> detail = store::OrderDetails::load(m_database, sale.orderId);
    if (!detail) {
        done(detail.error());
        return;
    }
    // Refused before any money moves: a stale version, or a change the order cannot take.
    if (detail->summary.version != sale.expectedVersion) {
        done(Error{u"order.version_conflict"_s,
                   tr("Order %1 changed (it is at version %2, not %3). Look at it again.")
                       .arg(sale.orderId)
                       .arg(detail->summary.version)
                       .arg(sale.expectedVersion)});
        return;
    }
    if (Result<OrderStatus> next = nextOrderStatus(detail->summary.status, sale.event); !next) {
        done(next.error());
        return;
    }
    if (!detail->returns.isEmpty()) {
        done(Error{u"return.partly_returned"_s,
                   tr("Some items of %1 were returned already; return the rest item by item.")
                       .arg(detail->summary.receiptNumber)});
        return;
    }
    auto run = std::make_shared<Run>();
    run->sale = sale;
    run->done = std::move(done);
    run->tenders = detail->tenders;
    run->currency = detail->summary.total.currency();
    QList<Tender> tenders;
    for (const store::OrderDetail::TenderLine &tender : std::as_const(detail->tenders)) {
        tenders.append(Tender{*tenderKindFromName(tender.kind),
                              Money(tender.amountMinor, run->currency), tender.reference,
                              tender.needsCapture});
    }
    run->shares = tenderShares(tenders, Money(detail->changeMinor, run->currency));
    next(run);
}

void SaleReversal::next(std::shared_ptr<Run> run)
{
    while (run->at < run->tenders.size()) {
        const qsizetype index = run->at++;
        const store::OrderDetail::TenderLine &tender = run->tenders[index];
        const int number = int(index) + 1;
        const Money share = run->shares[index];
        if (tender.needsCapture || share.isZero())
            continue; // the server's to settle; or nothing was paid with it
        if (tender.kind == u"cash"_s) {
            run->refunds.append({number, share, TenderRefund::Outcome::GivenBack, {}});
            continue;
        }
        if (!chargedByThisTill(tender)) {
            run->refunds.append({number, share, TenderRefund::Outcome::Reader, {}});
            continue;
        }
        if (!m_cards) {
            run->refunds.append({number, share, TenderRefund::Outcome::Owed, {}});
            continue;
        }
        const CardRefund refund{u"void:%1:%2"_s.arg(run->sale.orderId).arg(number),
                                tender.reference, share};
        m_cards->refund(refund, [this, run, number, share](const CardOutcome &outcome) {
            switch (outcome.kind) {
            case CardOutcome::Kind::Approved:
                run->refunds.append(
                    {number, share, TenderRefund::Outcome::CardRefunded, outcome.chargeId});
                break;
            case CardOutcome::Kind::Unreachable:
            case CardOutcome::Kind::Declined:
            case CardOutcome::Kind::NotCharged:
                run->refunds.append({number, share, TenderRefund::Outcome::Owed, {}});
                break;
            case CardOutcome::Kind::Unknown:
                run->done(Error{u"refund.unknown"_s, outcome.message});
                return;
            }
            next(run);
        });
        return; // on with the next tender once the service has answered
    }
    finish(run);
}

void SaleReversal::finish(const std::shared_ptr<Run> &run)
{
    store::OrderStore orders(m_database, m_clock, m_ids);
    Result<int> version = orders.applyEvent(QUuid(run->sale.orderId), run->sale.expectedVersion,
                                            run->sale.event, run->sale.actor, run->refunds);
    if (!version) {
        const bool refundedAlready =
            std::any_of(run->refunds.cbegin(), run->refunds.cend(), [](const TenderRefund &r) {
                return r.outcome == TenderRefund::Outcome::CardRefunded;
            });
        run->done(Error{version.error().code,
                        refundedAlready
                            ? tr("The card was refunded, but the sale was not recorded as undone "
                                 "(%1). Try again: the card is not refunded twice.")
                                  .arg(version.error().message)
                            : version.error().message});
        return;
    }
    Money total = Money::zero(run->currency);
    for (const TenderRefund &refund : std::as_const(run->refunds))
        total = *total.plus(refund.amount);
    run->done(SaleUndone{*version, run->refunds, total});
}

QString SaleReversal::whatToSay(const QList<TenderRefund> &refunds,
                                const std::function<QString(const Money &)> &money)
{
    QStringList said;
    for (const TenderRefund &refund : refunds) {
        switch (refund.outcome) {
        case TenderRefund::Outcome::GivenBack:
            said.append(tr("Give back %1 in cash.").arg(money(refund.amount)));
            break;
        case TenderRefund::Outcome::CardRefunded:
            said.append(tr("%1 went back to the card.").arg(money(refund.amount)));
            break;
        case TenderRefund::Outcome::Reader:
            said.append(tr("Refund %1 on the card reader.").arg(money(refund.amount)));
            break;
        case TenderRefund::Outcome::Owed:
            said.append(tr("%1 could not go back to the card now: head office will see to it.")
                            .arg(money(refund.amount)));
            break;
        }
    }
    return said.join(u' ');
}

} // namespace counterline::sync
