#pragma once

#include "domain/clock.h"
#include "domain/id_source.h"
#include "domain/order.h"
#include "domain/tender_refund.h"
#include "store/database.h"

#include <QCoreApplication>
#include <QObject>

#include <functional>
#include <memory>

namespace counterline::sync {

class CardPayments;

// A whole sale undone at the till: a void (Cancel of a PAID sale) or a full return (Refund of a
// COMPLETED one).
struct SaleToUndo
{
    QString orderId;
    int expectedVersion = 0;
    OrderEvent event = OrderEvent::Cancel;
    Actor actor; // the cashier, and the manager who approved
};

// What it came to: the order's new version and each tender's money.
struct SaleUndone
{
    int version = 0;
    QList<TenderRefund> refunds;
    Money total;
};

// Undoes a whole sale at the till (BRIEF §11, who refunds is who charged): cash is handed back;
// a card this till charged through the payment service is refunded through it first (key
// void:<order>:<tender>, so a second try is a replay, never a second refund); a card taken on a
// standalone reader is refunded there by the cashier; when the service cannot be reached the money
// is owed and head office follows it up; a card taken offline is the server's to capture and
// refund. Then the Cancel or Refund is recorded with what became of each tender. When a refund's
// outcome stays unknown nothing is recorded: trying again asks the same refund again.
// Asynchronous: `done` is called once, on this object's thread. GUI or sync thread alike.
class SaleReversal : public QObject
{
    Q_OBJECT

public:
    // `cards` may be null: no payment service, so a card charged through it is owed.
    SaleReversal(const store::Database &database, const Clock &clock, IdSource &ids,
                 CardPayments *cards, QObject *parent = nullptr);

    using Done = std::function<void(const Result<SaleUndone> &)>;
    void undo(const SaleToUndo &sale, Done done);

    // For the cashier: "Give back 8,23 EUR in cash. 5,00 EUR went back to the card." — from a
    // formatter of amounts for people.
    static QString whatToSay(const QList<TenderRefund> &refunds,
                             const std::function<QString(const Money &)> &money);

private:
    struct Run;
    void next(std::shared_ptr<Run> run);
    void finish(const std::shared_ptr<Run> &run);

    const store::Database &m_database;
    const Clock &m_clock;
    IdSource &m_ids;
    CardPayments *m_cards = nullptr;
};

} // namespace counterline::sync
