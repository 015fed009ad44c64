#pragma once

#include "domain/cart.h"
#include "domain/clock.h"
#include "domain/id_source.h"
#include "domain/order.h"
#include "domain/result.h"
#include "store/cart_store.h"
#include "store/catalog.h"
#include "store/database.h"
#include "store/journal.h"
#include "store/shift_store.h"
#include "store/terminal_identity.h"
#include "store/user_store.h"
#include "sync/sale_reversal.h"

#include <QObject>
#include <QUrl>

#include <optional>

namespace counterline::sync {
class CardPayments;
} // namespace counterline::sync

namespace counterline::till {

// A parked cart as the picker lists it.
struct ParkedSale
{
    QUuid id;
    QString parkedBy;
    QDateTime parkedAt;
    int lineCount = 0;
    std::optional<Money> total; // none when the cart cannot be priced any more
};

// A sale just paid: what the payment complete screen shows and its receipt prints.
struct CompletedSale
{
    Order order;
    store::JournalEntry journal;
};

// The last sale since log-in, for "void last sale" and what its approval shows.
struct LastSale
{
    QUuid id;
    int version = 0;
    QString receiptNumber;
    Money total;
};

// A sale found by its receipt number to be given back whole.
struct SaleToReturn
{
    QString id;
    int version = 0;
    QString receiptNumber;
    QDateTime soldAt;
    QString cashier;
    Money total;
    OrderEvent event = OrderEvent::Cancel; // what undoes it (domain: undoingEvent)
};

// What resuming a parked cart did besides bringing it back.
struct Resumed
{
    ParkedSale cart;
    bool parkedTheOpenCart = false; // the cart that was open had lines and is now parked
};

// The till without its window (issue 21): who is logged in, their shift, the cart and its
// current line, parked carts, the checkout and undoing sales. Everything a cashier does at the
// counter is a call here that returns a value or an error; the window (ui/checkout_window.h)
// only asks the questions (amounts, PINs) and shows the answers. The cart is saved after every
// accepted change, so a crash loses nothing. GUI thread; the database calls are short local
// SQLite statements, and undoing a card sale is asynchronous.
class Till : public QObject
{
    Q_OBJECT

public:
    static constexpr qint64 kMostPieces = 9999; // more on one line is a typing slip, not a sale

    // `paymentService` may be empty: cards are then approved on a standalone reader only.
    Till(store::Database &database, const Clock &clock, IdSource &ids, const QUrl &paymentService,
         QObject *parent = nullptr);
    ~Till() override;

    const store::TerminalIdentity &terminal() const { return m_terminal; }
    store::UserStore &users() { return m_users; }
    store::Catalog &catalog() { return m_catalog; }
    sync::CardPayments *cardPayments() const { return m_cards; }
    const store::Database &database() const { return m_database; }
    const Clock &clock() const { return m_clock; }

    // --- Session and shift (till_shift.cpp) ---
    const std::optional<store::User> &user() const { return m_user; }
    const std::optional<store::Shift> &shift() const { return m_shift; }
    // Logs `user` in. True when their shift is open (theirs from before, or just resumed); false
    // when the opening float must be counted first (openShift).
    Result<bool> logIn(const store::User &user);
    Result<void> openShift(const Money &openingFloat);
    void logOut();
    // The shift's figures so far, and closing it (a manager recorded when orders still wait).
    Result<store::ZReport> shiftReport(const Money &cash, const Money &card);
    Result<store::ZReport> closeShift(const Money &cash, const Money &card,
                                      const QString &overrideBy = {});

    // --- The cart and its current line ---
    const Cart &cart() const { return m_cart; }
    const std::optional<CartTotals> &totals() const { return m_totals; }
    int currentRow() const; // -1: the cart is empty
    void selectRow(int row);
    void moveSelection(int delta); // Up/Down: one line, stopping at the ends
    // The pieces the next scan adds (typed as "3*"), or 1.
    qint64 pendingQuantity() const { return m_pendingQuantity; }

    // A scanned or typed code: "3*4001234567890" adds three. Tries the barcode, then the SKU,
    // then a search that finds exactly one product. "3*" alone waits for the next scan.
    // Errors: till.unknown_code, till.several_match, till.bad_quantity, and the cart's.
    Result<int> scan(const QString &typed);
    Result<int> add(const Product &product); // returns its row, which becomes current
    Result<void> setQuantity(qint64 quantity);
    Result<void> overridePrice(const Money &unitPrice);
    Result<void> setDiscount(const Discount &discount);
    Result<void> voidLine();

    // A manager approved something in this cart (or the user, being a manager, did it
    // themselves): recorded on the sale's events.
    bool approvesOwnChanges() const;
    void recordApproval(const QString &manager);
    Actor actor() const;

    // --- Parked carts (newest first) ---
    Result<void> park();
    Result<QList<ParkedSale>> parkedSales(); // loads and prices each: for the picker
    Result<int> parkedCount();               // for the status bar
    Result<Resumed> resume(const QUuid &id);

    // --- The sale ---
    // Commits the cart as a paid order in one transaction and starts a fresh cart.
    Result<CompletedSale> checkout(const QList<Tender> &tenders);
    const std::optional<LastSale> &lastSale() const { return m_lastSale; }
    Result<SaleToReturn> findSale(const QString &receiptNumber);
    // Gives a whole sale's money back (sync::SaleReversal); `done` on this thread.
    void undo(const sync::SaleToUndo &sale, sync::SaleReversal::Done done);

signals:
    void cartChanged();        // lines, prices, the current line or the pending quantity
    void parkedCountChanged(); // a cart parked or resumed

private:
    Result<void> readyToSell() const; // someone is logged in and their shift is open
    Result<void> change(const std::function<Result<void>(Cart &, int lineNo)> &edit);
    void setCart(Cart cart);
    void freshCart();
    void saveCart();
    Result<qint64> quantityPrefix(QString &code) const;

    store::Database &m_database;
    const Clock &m_clock;
    IdSource &m_ids;
    store::TerminalIdentity m_terminal;
    store::UserStore m_users;
    store::Catalog m_catalog;
    store::CartStore m_carts;
    store::ShiftStore m_shifts;
    sync::CardPayments *m_cards = nullptr;    // owned, when there is a payment service
    sync::SaleReversal *m_reversal = nullptr; // owned
    std::optional<store::User> m_user;
    std::optional<store::Shift> m_shift;
    Cart m_cart;
    std::optional<CartTotals> m_totals;
    int m_currentLineNo = -1;
    qint64 m_pendingQuantity = 1;
    QString m_approvedBy;
    std::optional<LastSale> m_lastSale;
};

} // namespace counterline::till
