#include "ui/checkout_window.h"

#include "store/offline_cards.h"
#include "sync/card_payments.h"
#include "ui/cart_model.h"
#include "ui/login_page.h"
#include "ui/money_format.h"
#include "ui/parked_carts_dialog.h"
#include "ui/payment_dialog.h"
#include "ui/product_search_model.h"
#include "ui/sale_complete_panel.h"
#include "ui/sync_status_bar.h"
#include "ui/totals_panel.h"

#include <QDir>
#include <QFileInfo>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace counterline::ui {

CheckoutWindow::CheckoutWindow(store::Database &database, const Clock &clock, IdSource &ids,
                               CheckoutOptions options, QWidget *parent)
    : QMainWindow(parent)
    , m_options(std::move(options))
    , m_till(new till::Till(database, clock, ids, m_options.paymentService, this))
    , m_cart(std::make_unique<CartModel>(m_till->cart()))
{
    const store::TerminalIdentity &terminal = m_till->terminal();
    setWindowTitle(tr("Counterline — %1-%2").arg(terminal.storeId, terminal.terminalId));
    setMinimumSize(1024, 700);
    m_pages = new QStackedWidget(this);
    m_login = new LoginPage(m_till->users(), m_pages);
    m_pages->addWidget(m_login);
    m_pages->addWidget(buildSalePage());
    setCentralWidget(m_pages);
    connect(m_login, &LoginPage::loggedIn, this, &CheckoutWindow::startSession);
    connect(m_till, &till::Till::cartChanged, this, &CheckoutWindow::showCart);
    m_sync = new SyncStatusBar(this);
    statusBar()->addWidget(m_sync);
    m_parkedCount = new QLabel(this);
    m_parkedCount->setObjectName(u"parkedCount"_s);
    statusBar()->addPermanentWidget(m_parkedCount);
    connect(m_till, &till::Till::parkedCountChanged, this, [this] {
        const Result<int> parked = m_till->parkedCount();
        const int count = parked ? *parked : 0;
        m_parkedCount->setText(count ? tr("Parked carts: %n (F9)", nullptr, count) : QString());
    });
    m_cashier = new QLabel(this);
    statusBar()->addPermanentWidget(m_cashier);
    m_login->reset();
}

CheckoutWindow::~CheckoutWindow() = default;

void CheckoutWindow::startSession(const store::User &user)
{
    Result<bool> shiftOpen = m_till->logIn(user);
    if (!shiftOpen || (!*shiftOpen && !openShift())) {
        logOut();
        if (!shiftOpen)
            m_login->showMessage(shiftOpen.error().message);
        return;
    }
    m_cashier->setText(
        tr("%1 (%2)").arg(user.name, user.isManager() ? tr("manager") : tr("cashier")));
    showCart();
    m_pages->setCurrentIndex(1);
    backToScan();
}

void CheckoutWindow::logOut()
{
    m_till->logOut();
    m_cashier->clear();
    m_pages->setCurrentIndex(0);
    m_login->reset();
}

void CheckoutWindow::scan()
{
    const QString code = m_scan->text().trimmed();
    m_searchSoon->stop();
    // Enter on the payment complete panel starts the next sale; a scan starts it with its item.
    if (m_middle->currentWidget() == m_complete) {
        newSale();
        if (code.isEmpty())
            return;
    }
    if (code.isEmpty())
        return;
    // A highlighted search result wins; then what the till makes of the code.
    const QModelIndex picked = m_results->currentIndex();
    if (m_results->isVisible() && picked.isValid()) {
        addToCart(m_found->products()[picked.row()]);
        return;
    }
    Result<int> added = m_till->scan(code);
    if (added) {
        const CartLine &line = m_till->cart().lines()[*added];
        m_scan->clear();
        m_found->setProducts({});
        m_results->hide();
        showMessage(tr("%1 added.").arg(line.name));
        return;
    }
    const QString why = added.error().code;
    if (why == u"till.quantity_waiting"_s) {
        m_scan->clear();
        showCart(); // the placeholder says what waits
        showMessage(added.error().message);
        return;
    }
    if (why == u"till.several_match"_s)
        search();
    showMessage(added.error().message, true);
    // The next scan replaces what could not be used instead of appending to it.
    m_scan->selectAll();
}

void CheckoutWindow::search()
{
    const QString typed = m_scan->text().trimmed();
    Result<QList<Product>> found = typed.size() >= 2 ? m_till->catalog().search(typed, 12)
                                                     : Result<QList<Product>>(QList<Product>());
    m_found->setProducts(found ? *found : QList<Product>());
    m_results->setVisible(!m_found->products().isEmpty());
}

void CheckoutWindow::addToCart(const Product &product)
{
    const QString name = product.name; // the product may live in the results cleared below
    m_scan->clear();
    m_searchSoon->stop();
    Result<int> row = m_till->add(product);
    m_found->setProducts({});
    m_results->hide();
    if (!row) {
        showMessage(row.error().message, true);
        return;
    }
    showMessage(tr("%1 added.").arg(name));
    backToScan();
}

// ↑/↓ move through the search results while they show, and through the cart's lines otherwise;
// the scan field keeps the keyboard either way.
bool CheckoutWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_scan || event->type() != QEvent::KeyPress)
        return QMainWindow::eventFilter(watched, event);
    const int key = static_cast<QKeyEvent *>(event)->key();
    if (key != Qt::Key_Down && key != Qt::Key_Up && key != Qt::Key_Escape)
        return QMainWindow::eventFilter(watched, event);
    if (!m_results->isVisible()) {
        if (key == Qt::Key_Escape)
            return QMainWindow::eventFilter(watched, event);
        m_till->moveSelection(key == Qt::Key_Down ? 1 : -1);
        return true;
    }
    if (key == Qt::Key_Escape) {
        m_results->hide();
        return true;
    }
    const int rows = m_found->rowCount();
    const int current = m_results->currentIndex().isValid() ? m_results->currentIndex().row()
                                                            : (key == Qt::Key_Down ? -1 : rows);
    const int next = std::clamp(current + (key == Qt::Key_Down ? 1 : -1), 0, rows - 1);
    m_results->setCurrentIndex(m_found->index(next));
    return true;
}

void CheckoutWindow::pay()
{
    if (!m_till->totals() || m_till->cart().isEmpty()) {
        showMessage(tr("The cart is empty."), true);
        return;
    }
    PaymentDialog payment(m_till->totals()->total, this);
    if (sync::CardPayments *cards = m_till->cardPayments()) {
        payment.offerIntegratedCard(*cards, u"cart:"_s +
                                                m_till->cart().id().toString(QUuid::WithoutBraces));
        payment.offerOfflineCard([this](const Money &amount) {
            return store::OfflineCards::allows(m_till->database(), amount, m_till->clock().now());
        });
    }
    if (payment.exec() != QDialog::Accepted) {
        backToScan();
        return;
    }
    Result<till::CompletedSale> sold = m_till->checkout(payment.tenders());
    if (!sold) {
        // Nothing was written; the cart is still here and the cashier can try again.
        showMessage(tr("The sale was not saved: %1").arg(sold.error().message), true);
        backToScan();
        return;
    }
    m_completed = *sold;
    m_receiptPrinted = false;
    // Durable first, then printed: a printing problem is said beside the sale, which stands.
    printReceipt();
    m_complete->show(sold->order, m_receiptPrinted);
    m_middle->setCurrentWidget(m_complete);
    emit orderCommitted(sold->order.receiptNumber().toString());
    backToScan();
}

// The receipt of the last sale: kept as a PDF always, on paper when a printer is set; printed
// again (marked as a copy) when asked.
void CheckoutWindow::printReceipt()
{
    if (!m_completed) {
        showMessage(tr("There is no receipt to print since the till started."), true);
        return;
    }
    const Order &order = m_completed->order;
    Slip slip = ReceiptPainter::slip(
        {m_till->terminal().storeId, order, m_completed->journal.seq, m_completed->journal.hash});
    const bool copy = m_receiptPrinted;
    if (copy)
        slip.title = tr("%1 (copy)").arg(slip.title);
    QDir().mkpath(m_options.receiptDirectory);
    const QString file =
        QDir(m_options.receiptDirectory)
            .filePath(order.receiptNumber().toString() + (copy ? u"-copy.pdf"_s : u".pdf"_s));
    const Result<void> printed = printSlip(slip, m_options.paper, file, m_options.printerName);
    if (QFileInfo::exists(file))
        m_lastReceipt = file;
    m_receiptPrinted = true;
    m_complete->setPrinted(true);
    if (!printed)
        showMessage(printed.error().message, true);
    else
        showMessage(copy ? tr("Receipt %1 printed again.").arg(order.receiptNumber().toString())
                         : tr("Receipt %1 printed.").arg(order.receiptNumber().toString()));
    backToScan();
}

void CheckoutWindow::newSale()
{
    m_middle->setCurrentWidget(m_middle->widget(0));
    showMessage(QString());
    backToScan();
}

void CheckoutWindow::park()
{
    if (Result<void> parked = m_till->park(); !parked) {
        showMessage(parked.error().message, true);
        return;
    }
    showMessage(tr("Cart parked. F9 brings it back."));
}

void CheckoutWindow::resume()
{
    Result<QList<till::ParkedSale>> parked = m_till->parkedSales();
    if (!parked || parked->isEmpty()) {
        showMessage(parked ? tr("No parked carts.") : parked.error().message, !parked);
        return;
    }
    ParkedCartsDialog picker(*parked, !m_till->cart().isEmpty(), this);
    const bool chosen = picker.exec() == QDialog::Accepted && picker.chosen();
    backToScan();
    if (!chosen)
        return;
    Result<till::Resumed> resumed = m_till->resume(*picker.chosen());
    if (!resumed) {
        showMessage(resumed.error().message, true);
        return;
    }
    newSale();
    const QString at =
        QLocale().toString(resumed->cart.parkedAt.toLocalTime().time(), QLocale::ShortFormat);
    QString said = tr("Cart parked by %1 at %2 resumed.").arg(resumed->cart.parkedBy, at);
    if (resumed->parkedTheOpenCart)
        said += u' ' + tr("The cart that was open is parked.");
    showMessage(said);
}

// The till's cart on screen: its lines, the current one selected, and the totals.
void CheckoutWindow::showCart()
{
    m_cart->replaceCart(m_till->cart());
    const int row = m_till->currentRow();
    if (row >= 0) {
        m_table->selectRow(row);
        m_table->scrollTo(m_cart->index(row, 0));
    }
    qint64 pieces = 0;
    for (const CartLine &line : m_till->cart().lines())
        pieces += line.quantity;
    m_totals->show(m_till->totals(), m_till->terminal().currency, pieces);
    if (m_till->pendingQuantity() > 1 && m_scan->text().isEmpty())
        m_scan->setPlaceholderText(
            tr("%1 × — scan the item").arg(QLocale().toString(m_till->pendingQuantity())));
    else
        m_scan->setPlaceholderText(tr("Scan a barcode, or type a SKU, and press Enter"));
}

void CheckoutWindow::showSyncStatus(bool online, const store::SyncStatus &status)
{
    m_sync->show(online, status, m_till->clock().now());
}

// After a dialog: the till window is active again and the scanner types into the scan field.
void CheckoutWindow::backToScan()
{
    activateWindow();
    m_scan->setFocus();
}

void CheckoutWindow::showMessage(const QString &text, bool problem)
{
    // The domain's refusals are clauses ("a sale may come to at most …"), made to follow a
    // colon; alone on the line they start as a sentence.
    m_message->setText(text.isEmpty() ? text : text.front().toUpper() + text.mid(1));
    // Palette, not a style sheet: this runs on every scan, and a style sheet re-polishes the
    // widget each time.
    QPalette palette = this->palette();
    if (!text.isEmpty()) {
        palette.setColor(QPalette::Window,
                         problem ? QColor(0xfd, 0xe7, 0xe9) : QColor(0xe6, 0xf4, 0xea));
        palette.setColor(QPalette::WindowText,
                         problem ? QColor(0x8a, 0x00, 0x18) : QColor(0x0d, 0x4f, 0x22));
    }
    m_message->setPalette(palette);
    QFont font = m_message->font();
    font.setBold(problem);
    m_message->setFont(font);
}

} // namespace counterline::ui
