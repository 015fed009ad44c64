#pragma once

#include "domain/clock.h"
#include "domain/id_source.h"
#include "store/database.h"
#include "store/outbox_store.h"
#include "till/till.h"
#include "ui/receipt.h"

#include <QMainWindow>
#include <QUrl>

#include <memory>

class QGridLayout;
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
class SaleCompletePanel;
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

// The window a cashier works in all day, a view of the Till (till/till.h) that does the work.
// Keyboard and scanner first: the scan field always has the focus, a scan adds the product (or
// bumps its line), ↑/↓ pick the cart line the function keys act on, and every action has a
// function key shown on its button. After payment the change due fills the window until Enter or
// the next scan. The corrections (F2-F7) live in checkout_corrections.cpp, the shift's opening
// and close in checkout_shift.cpp. GUI thread.
class CheckoutWindow : public QMainWindow
{
    Q_OBJECT

public:
    CheckoutWindow(store::Database &database, const Clock &clock, IdSource &ids,
                   CheckoutOptions options, QWidget *parent = nullptr);
    ~CheckoutWindow() override;

    till::Till &till() { return *m_till; }
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
    void addToCart(const Product &product);
    bool eventFilter(QObject *watched, QEvent *event) override;
    void pay();
    void printReceipt(); // the last sale's receipt: printed, or a copy once it was
    void newSale();      // from the payment complete panel back to an empty cart
    void voidSelectedLine();
    void changeQuantity();
    void overridePrice();
    void discountLine();
    void voidLastSale();
    void returnSale(); // by receipt number, with a manager
    // Undoes a whole sale (till::Till::undo), then says what to give back after `done`.
    void undoSale(const sync::SaleToUndo &sale, const QString &done);
    bool openShift(); // asks for the opening float when the user has no open shift
    void closeShift();
    // True when the current user may do what `request` describes, or a manager approved it
    // (remembered for the order's events).
    bool approved(const ApprovalRequest &request, bool needsManager);
    void park();
    void resume();
    void showCart();
    void showMessage(const QString &text, bool problem = false);
    void backToScan();
    QWidget *buildSalePage();
    void addActionButtons(QWidget *page, QGridLayout *buttons);

    CheckoutOptions m_options;
    till::Till *m_till = nullptr; // owned
    std::unique_ptr<CartModel> m_cart;
    QString m_lastReceipt;
    QString m_lastZReport;
    std::optional<till::CompletedSale> m_completed; // the last sale, for its receipt
    bool m_receiptPrinted = false;

    QStackedWidget *m_pages = nullptr;
    LoginPage *m_login = nullptr;
    QLineEdit *m_scan = nullptr;
    QTableView *m_table = nullptr;
    QListView *m_results = nullptr;
    ProductSearchModel *m_found = nullptr;
    QTimer *m_searchSoon = nullptr;
    TotalsPanel *m_totals = nullptr;
    QStackedWidget *m_middle = nullptr; // the cart, or the payment complete panel
    SaleCompletePanel *m_complete = nullptr;
    QLabel *m_parkedCount = nullptr;
    QLabel *m_message = nullptr;
    QLabel *m_cashier = nullptr;
    SyncStatusBar *m_sync = nullptr;
};

} // namespace counterline::ui
