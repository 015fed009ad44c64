#pragma once

#include "domain/clock.h"
#include "domain/id_source.h"
#include "store/cart_store.h"
#include "store/catalog.h"
#include "store/database.h"
#include "store/outbox_store.h"
#include "store/shift_store.h"
#include "store/terminal_identity.h"
#include "store/user_store.h"
#include "ui/receipt.h"

#include <QMainWindow>
#include <QUrl>

#include <memory>

namespace counterline::sync {
class CardPayments;
class SaleReversal;
struct SaleToUndo;
} // namespace counterline::sync

class QLabel;
class QLineEdit;
class QListView;
class QTimer;
class QStackedWidget;
class QTableView;

namespace counterline::ui {

struct ApprovalRequest;
class CartModel;
class ProductSearchModel;
class LoginPage;
class SyncStatusBar;
class TotalsPanel;

struct CheckoutOptions
{
    QString receiptDirectory; // every receipt is also kept here as a PDF
    ReceiptPaper paper = ReceiptPaper::Thermal80mm;
    // A cashier alone may give line discounts up to this many percent; more needs a manager.
    int discountPercentWithoutManager = 10;
    // Receipts and Z reports also go to this printer (by its CUPS name) when it is set.
    QString printerName;
    // The payment service for integrated card payments (counterline-paysim); none: cards are
    // approved on a standalone reader only.
    QUrl paymentService;
};

// The window a cashier works in all day. Keyboard and scanner first: the scan field always has
// the focus, a scan adds the product (or bumps its line), and every action has a function key
// shown on its button. The cart is saved after every change, so a crash loses nothing on screen.
// Checkout commits the order in one transaction before the receipt is printed. The corrections
// (F2-F7) live in checkout_corrections.cpp, the shift's opening and close in checkout_shift.cpp.
// GUI thread; the database calls are short local SQLite statements.
class CheckoutWindow : public QMainWindow
{
    Q_OBJECT

public:
    CheckoutWindow(store::Database &database, const Clock &clock, IdSource &ids,
                   CheckoutOptions options, QWidget *parent = nullptr);
    ~CheckoutWindow() override;

    CartModel &cartModel() { return *m_cart; }
    ProductSearchModel &searchResults() { return *m_found; }
    // The PDF of the last receipt printed (empty before the first sale).
    const QString &lastReceiptFile() const { return m_lastReceipt; }
    // The PDF of the last Z report (empty before the first shift closed here).
    const QString &lastZReportFile() const { return m_lastZReport; }

    // From the sync thread (app/terminal/sync_worker.h).
    void showSyncStatus(bool online, const counterline::store::SyncStatus &status);

signals:
    void orderCommitted(const QString &receiptNumber);

private:
    void startSession(const store::User &user);
    void logOut();
    void scan();
    void search();
    void addToCart(Product product);
    bool eventFilter(QObject *watched, QEvent *event) override;
    void pay();
    void voidSelectedLine();
    void changeQuantity();
    void overridePrice();
    void discountLine();
    void voidLastSale();
    void returnSale(); // by receipt number, with a manager
    // Undoes a whole sale: each tender's money back by whoever took it (sync::SaleReversal), then
    // says what to give back, after `done`.
    void undoSale(const sync::SaleToUndo &sale, const QString &done);
    bool openShift(); // asks for the opening float when the user has no open shift
    void closeShift();
    // True when the current user may do what `request` describes, or a manager approved it
    // (remembered for the order's events).
    bool approved(const ApprovalRequest &request, bool needsManager);
    void park();
    void resume();
    void saveCart();
    void freshCart();
    void showMessage(const QString &text, bool problem = false);
    void backToScan();
    void refreshTotals();
    int selectedRow() const;
    QWidget *buildSalePage();

    store::Database &m_database;
    const Clock &m_clock;
    IdSource &m_ids;
    CheckoutOptions m_options;
    store::TerminalIdentity m_terminal;
    store::UserStore m_users;
    store::Catalog m_catalog;
    store::CartStore m_carts;
    store::ShiftStore m_shifts;
    std::optional<store::Shift> m_shift;
    std::optional<store::User> m_user;
    std::unique_ptr<CartModel> m_cart;
    sync::CardPayments *m_cards = nullptr;    // owned by this window, when there is a service
    sync::SaleReversal *m_reversal = nullptr; // owned by this window
    QString m_lastReceipt;
    QString m_lastZReport;
    QString m_approvedBy; // the manager who approved something in the current cart
    // The last sale since login, for F7 (void last sale) and what its approval shows.
    struct LastSale
    {
        QUuid id;
        int version = 0;
        QString receiptNumber;
        Money total;
        QString paidWith; // "Cash 20.00 EUR, change 6.62 EUR", "Card 13.38 EUR"
    };
    std::optional<LastSale> m_lastSale;

    QStackedWidget *m_pages = nullptr;
    LoginPage *m_login = nullptr;
    QLineEdit *m_scan = nullptr;
    QTableView *m_table = nullptr;
    QListView *m_results = nullptr;
    ProductSearchModel *m_found = nullptr;
    QTimer *m_searchSoon = nullptr;
    TotalsPanel *m_totals = nullptr;
    QLabel *m_message = nullptr;
    QLabel *m_cashier = nullptr;
    SyncStatusBar *m_sync = nullptr;
};

} // namespace counterline::ui
