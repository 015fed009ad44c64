#include "ui/checkout_window.h"

#include "store/offline_cards.h"
#include "store/order_store.h"
#include "sync/card_payments.h"
#include "sync/sale_reversal.h"
#include "ui/cart_model.h"
#include "ui/login_page.h"
#include "ui/money_format.h"
#include "ui/payment_dialog.h"
#include "ui/product_search_model.h"
#include "ui/sync_status_bar.h"
#include "ui/totals_panel.h"

#include <QDir>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QRegularExpression>
#include <QShortcut>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

// How long digits typed into the scan field wait before they are searched (see buildSalePage).
constexpr int kDigitsPauseMs = 80;

} // namespace

namespace counterline::ui {

namespace {

// How a sale was paid, for the manager who approves its void.
QString paidWith(const Order &order)
{
    QStringList parts;
    for (const Tender &tender : order.tenders()) {
        QString part = tender.kind == TenderKind::Cash
                           ? CheckoutWindow::tr("Cash %1").arg(formatMoney(tender.amount))
                           : CheckoutWindow::tr("Card %1").arg(formatMoney(tender.amount));
        if (tender.needsCapture)
            part += u' ' + CheckoutWindow::tr("(taken offline)");
        parts.append(part);
    }
    if (!order.change().isZero())
        parts.append(CheckoutWindow::tr("change %1").arg(formatMoney(order.change())));
    return parts.join(u", "_s);
}

} // namespace

CheckoutWindow::CheckoutWindow(store::Database &database, const Clock &clock, IdSource &ids,
                               CheckoutOptions options, QWidget *parent)
    : QMainWindow(parent)
    , m_database(database)
    , m_clock(clock)
    , m_ids(ids)
    , m_options(std::move(options))
    , m_terminal(*store::TerminalSettings::load(database.connection()))
    , m_users(database, clock, ids)
    , m_catalog(database)
    , m_carts(database, clock)
    , m_shifts(database, clock)
    , m_cart(std::make_unique<CartModel>(Cart(ids.next(), m_terminal.currency, m_terminal.policy)))
{
    setWindowTitle(tr("Counterline — %1-%2").arg(m_terminal.storeId, m_terminal.terminalId));
    if (m_options.paymentService.isValid())
        m_cards = new sync::CardPayments(m_options.paymentService, std::chrono::seconds(20), this);
    m_reversal = new sync::SaleReversal(database, clock, ids, m_cards, this);
    setMinimumSize(1024, 700);
    m_pages = new QStackedWidget(this);
    m_login = new LoginPage(m_users, m_pages);
    m_pages->addWidget(m_login);
    m_pages->addWidget(buildSalePage());
    setCentralWidget(m_pages);
    connect(m_login, &LoginPage::loggedIn, this, &CheckoutWindow::startSession);
    connect(m_cart.get(), &CartModel::cartChanged, this, [this] {
        saveCart();
        refreshTotals();
    });
    m_sync = new SyncStatusBar(this);
    statusBar()->addWidget(m_sync);
    m_cashier = new QLabel(this);
    statusBar()->addPermanentWidget(m_cashier);
    m_login->reset();
}

CheckoutWindow::~CheckoutWindow() = default;

QWidget *CheckoutWindow::buildSalePage()
{
    auto *page = new QWidget(m_pages);
    auto *layout = new QVBoxLayout(page);

    m_scan = new QLineEdit(page);
    m_scan->setObjectName(u"scanField"_s);
    m_scan->setPlaceholderText(tr("Scan a barcode, or type a SKU, and press Enter"));
    m_scan->setMinimumHeight(48);
    QFont large = m_scan->font();
    large.setPointSizeF(large.pointSizeF() * 1.4);
    m_scan->setFont(large);
    // A plain square frame: the style's antialiased rounded frame was most of the cost of every
    // keystroke a scanner types (see bench_checkout_window).
    m_scan->setStyleSheet(u"QLineEdit { border: 2px solid palette(mid); padding: 2px 6px; "
                          u"background: palette(base); }"
                          "QLineEdit:focus { border-color: palette(highlight); }"_s);
    layout->addWidget(m_scan);
    connect(m_scan, &QLineEdit::returnPressed, this, &CheckoutWindow::scan);

    // Results as you type, under the scan field; ↓/↑ pick, Enter adds. Keystrokes that arrive
    // together (a scanner) cost one search, run once the queued keys are handled.
    m_found = new ProductSearchModel(page);
    m_results = new QListView(page);
    m_results->setObjectName(u"searchResults"_s);
    m_results->setModel(m_found);
    m_results->setFocusPolicy(Qt::NoFocus);
    m_results->setMaximumHeight(220);
    m_results->hide();
    layout->addWidget(m_results);
    m_searchSoon = new QTimer(this);
    m_searchSoon->setSingleShot(true);
    connect(m_searchSoon, &QTimer::timeout, this, &CheckoutWindow::search);
    // Digits alone wait for a pause: a scanner types a whole barcode and Enter within a few
    // milliseconds per key, and searching on each of its digits would only slow the scan down. A
    // person typing digits sees the results a moment later; words show at once.
    connect(m_scan, &QLineEdit::textEdited, this, [this](const QString &text) {
        static const QRegularExpression digitsOnly(u"^\\d+$"_s);
        m_searchSoon->start(digitsOnly.match(text).hasMatch() ? kDigitsPauseMs : 0);
    });
    connect(m_results, &QListView::clicked, this,
            [this](const QModelIndex &index) { addToCart(m_found->products()[index.row()]); });
    m_scan->installEventFilter(this);

    auto *middle = new QHBoxLayout;
    m_table = new QTableView(page);
    m_table->setObjectName(u"cartView"_s);
    m_table->setModel(m_cart.get());
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setFocusPolicy(Qt::NoFocus); // the scan field keeps the keyboard
    m_table->horizontalHeader()->setSectionResizeMode(CartModel::Name, QHeaderView::Stretch);
    m_table->verticalHeader()->setDefaultSectionSize(36);
    m_table->verticalHeader()->hide();
    middle->addWidget(m_table, 3);
    m_totals = new TotalsPanel(page);
    middle->addWidget(m_totals, 1);
    layout->addLayout(middle, 1);

    m_message = new QLabel(page);
    m_message->setObjectName(u"saleMessage"_s);
    m_message->setMinimumHeight(28);
    layout->addWidget(m_message);

    // Every action: a touch-sized button that names its key, and the key itself. Two rows, so
    // that every label fits at 1024 × 768.
    auto *buttons = new QGridLayout;
    const struct
    {
        const char *name;
        QKeySequence key;
        void (CheckoutWindow::*slot)();
        const char *objectName;
    } actions[] = {
        {QT_TR_NOOP("F2 Quantity"), QKeySequence(Qt::Key_F2), &CheckoutWindow::changeQuantity,
         "quantityButton"},
        {QT_TR_NOOP("F3 Price"), QKeySequence(Qt::Key_F3), &CheckoutWindow::overridePrice,
         "priceButton"},
        {QT_TR_NOOP("F4 Void line"), QKeySequence(Qt::Key_F4), &CheckoutWindow::voidSelectedLine,
         "voidButton"},
        {QT_TR_NOOP("F5 Discount"), QKeySequence(Qt::Key_F5), &CheckoutWindow::discountLine,
         "discountButton"},
        {QT_TR_NOOP("F6 Return"), QKeySequence(Qt::Key_F6), &CheckoutWindow::returnSale,
         "returnButton"},
        {QT_TR_NOOP("F7 Void last sale"), QKeySequence(Qt::Key_F7), &CheckoutWindow::voidLastSale,
         "voidSaleButton"},
        {QT_TR_NOOP("F8 Park"), QKeySequence(Qt::Key_F8), &CheckoutWindow::park, "parkButton"},
        {QT_TR_NOOP("F9 Resume"), QKeySequence(Qt::Key_F9), &CheckoutWindow::resume,
         "resumeButton"},
        {QT_TR_NOOP("F10 Log out"), QKeySequence(Qt::Key_F10), &CheckoutWindow::logOut,
         "logOutButton"},
        {QT_TR_NOOP("F11 Close shift"), QKeySequence(Qt::Key_F11), &CheckoutWindow::closeShift,
         "closeShiftButton"},
        {QT_TR_NOOP("F12 Pay"), QKeySequence(Qt::Key_F12), &CheckoutWindow::pay, "payButton"},
    };
    constexpr int kPerRow = 6;
    int placed = 0;
    for (const auto &action : actions) {
        auto *button = new QPushButton(tr(action.name), page);
        button->setObjectName(QString::fromLatin1(action.objectName));
        button->setMinimumHeight(56);
        button->setFocusPolicy(Qt::NoFocus);
        buttons->addWidget(button, placed / kPerRow, placed % kPerRow);
        ++placed;
        connect(button, &QPushButton::clicked, this, action.slot);
        auto *shortcut = new QShortcut(action.key, page);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, action.slot);
    }
    layout->addLayout(buttons);
    return page;
}

void CheckoutWindow::startSession(const store::User &user)
{
    m_user = user;
    if (!openShift()) {
        logOut();
        return;
    }
    m_cashier->setText(
        tr("%1 (%2)").arg(user.name, user.isManager() ? tr("manager") : tr("cashier")));
    // The cart that was open when the app last stopped (or crashed) comes back.
    Result<std::optional<QUuid>> open = m_carts.openCart();
    if (open && open->has_value()) {
        Result<Cart> cart = m_carts.load(**open);
        if (cart)
            m_cart->replaceCart(std::move(*cart));
    }
    refreshTotals();
    m_pages->setCurrentIndex(1);
    backToScan();
}

void CheckoutWindow::logOut()
{
    m_user.reset();
    m_shift.reset();
    m_cashier->clear();
    m_pages->setCurrentIndex(0);
    m_login->reset();
}

void CheckoutWindow::scan()
{
    const QString code = m_scan->text().trimmed();
    m_searchSoon->stop();
    if (code.isEmpty())
        return;
    // A highlighted search result wins; then an exact barcode or SKU; then a single result.
    const QModelIndex picked = m_results->currentIndex();
    if (m_results->isVisible() && picked.isValid()) {
        addToCart(m_found->products()[picked.row()]);
        return;
    }
    Result<std::optional<Product>> product = m_catalog.byBarcode(code);
    if (product && !product->has_value())
        product = m_catalog.bySku(code);
    if (!product) {
        showMessage(product.error().message, true);
        return;
    }
    if (product->has_value()) {
        addToCart(**product);
        return;
    }
    search();
    if (m_found->products().size() == 1) {
        addToCart(m_found->products().first());
        return;
    }
    showMessage(m_found->products().isEmpty()
                    ? tr("Nothing in the catalog has the barcode or SKU \"%1\".").arg(code)
                    : tr("Several products match \"%1\": pick one with ↓ and Enter.").arg(code),
                true);
    // The next scan replaces what could not be used instead of appending to it.
    m_scan->selectAll();
}

void CheckoutWindow::search()
{
    const QString typed = m_scan->text().trimmed();
    Result<QList<Product>> found =
        typed.size() >= 2 ? m_catalog.search(typed, 12) : Result<QList<Product>>(QList<Product>());
    m_found->setProducts(found ? *found : QList<Product>());
    m_results->setVisible(!m_found->products().isEmpty());
}

// By value: the product may live in the search results, which are cleared before it is added.
void CheckoutWindow::addToCart(Product product)
{
    m_scan->clear();
    m_searchSoon->stop();
    m_found->setProducts({});
    m_results->hide();
    Result<int> row = m_cart->addProduct(product);
    if (!row) {
        showMessage(row.error().message, true);
        return;
    }
    m_table->selectRow(*row);
    m_table->scrollTo(m_cart->index(*row, 0));
    showMessage(tr("%1 added.").arg(product.name));
    backToScan();
}

bool CheckoutWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_scan && event->type() == QEvent::KeyPress && m_results->isVisible()) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Down || key == Qt::Key_Up) {
            const int rows = m_found->rowCount();
            const int current = m_results->currentIndex().isValid()
                                    ? m_results->currentIndex().row()
                                    : (key == Qt::Key_Down ? -1 : rows);
            const int next = std::clamp(current + (key == Qt::Key_Down ? 1 : -1), 0, rows - 1);
            m_results->setCurrentIndex(m_found->index(next));
            return true;
        }
        if (key == Qt::Key_Escape) {
            m_results->hide();
            return true;
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

int CheckoutWindow::selectedRow() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (!rows.isEmpty())
        return rows.first().row();
    return m_cart->rowCount() - 1;
}

void CheckoutWindow::pay()
{
    if (m_cart->cart().isEmpty() || !m_cart->totals()) {
        showMessage(tr("The cart is empty."), true);
        return;
    }
    PaymentDialog payment(m_cart->totals()->total, this);
    if (m_cards) {
        payment.offerIntegratedCard(
            *m_cards, u"cart:"_s + m_cart->cart().id().toString(QUuid::WithoutBraces));
        payment.offerOfflineCard([this](const Money &amount) {
            return store::OfflineCards::allows(m_database, amount, m_clock.now());
        });
    }
    if (payment.exec() != QDialog::Accepted) {
        backToScan();
        return;
    }
    store::OrderStore orders(m_database, m_clock, m_ids);
    Result<store::CheckoutResult> sold =
        orders.checkout(m_cart->cart(), {m_user->name, QString(), payment.tenders(),
                                         Actor{m_user->name, m_approvedBy}});
    if (!sold) {
        // Nothing was written; the cart is still here and the cashier can try again.
        showMessage(tr("The sale was not saved: %1").arg(sold.error().message), true);
        return;
    }
    // Durable first, then printed.
    const Receipt receipt{m_terminal.storeId, sold->order, sold->journal.seq, sold->journal.hash};
    QDir().mkpath(m_options.receiptDirectory);
    const QString file = QDir(m_options.receiptDirectory)
                             .filePath(sold->order.receiptNumber().toString() + u".pdf"_s);
    const Result<void> printed =
        printSlip(ReceiptPainter::slip(receipt), m_options.paper, file, m_options.printerName);
    if (QFileInfo::exists(file))
        m_lastReceipt = file;
    m_lastSale =
        LastSale{sold->order.id(), sold->order.version(), sold->order.receiptNumber().toString(),
                 sold->order.total(), paidWith(sold->order)};
    freshCart();
    // The sale stands whatever the printer does; a printing problem is said next to it.
    const QString paid =
        sold->order.change().isZero()
            ? tr("Paid. Receipt %1.").arg(sold->order.receiptNumber().toString())
            : tr("Change due: %1. Receipt %2.")
                  .arg(formatMoney(sold->order.change()), sold->order.receiptNumber().toString());
    showMessage(printed ? paid : paid + u' ' + printed.error().message, !printed);
    emit orderCommitted(sold->order.receiptNumber().toString());
    backToScan();
}

void CheckoutWindow::park()
{
    if (m_cart->cart().isEmpty())
        return;
    if (Result<void> parked = m_carts.park(m_cart->cart().id(), m_user->name); !parked) {
        showMessage(parked.error().message, true);
        return;
    }
    freshCart();
    showMessage(tr("Cart parked. F9 brings it back."));
}

void CheckoutWindow::resume()
{
    Result<QList<store::ParkedCart>> parked = m_carts.parked();
    if (!parked || parked->isEmpty()) {
        showMessage(parked ? tr("No parked carts.") : parked.error().message, !parked);
        return;
    }
    // The most recently parked comes back first; the current cart, if any, is parked instead.
    const store::ParkedCart chosen = parked->first();
    if (!m_cart->cart().isEmpty())
        (void)m_carts.park(m_cart->cart().id(), m_user->name);
    if (Result<void> resumed = m_carts.resume(chosen.id); !resumed) {
        showMessage(resumed.error().message, true);
        return;
    }
    Result<Cart> cart = m_carts.load(chosen.id);
    if (!cart) {
        showMessage(cart.error().message, true);
        return;
    }
    m_cart->replaceCart(std::move(*cart));
    showMessage(tr("Cart parked by %1 at %2 resumed.")
                    .arg(chosen.parkedBy, QLocale().toString(chosen.parkedAt.toLocalTime().time(),
                                                             QLocale::ShortFormat)));
}

void CheckoutWindow::saveCart()
{
    if (!m_user || m_cart->cart().isEmpty())
        return;
    if (Result<void> saved = m_carts.save(m_cart->cart(), m_user->name); !saved)
        showMessage(saved.error().message, true);
}

void CheckoutWindow::freshCart()
{
    m_approvedBy.clear();
    m_cart->replaceCart(Cart(m_ids.next(), m_terminal.currency, m_terminal.policy));
}

void CheckoutWindow::showSyncStatus(bool online, const store::SyncStatus &status)
{
    m_sync->show(online, status, m_clock.now());
}

void CheckoutWindow::refreshTotals()
{
    m_totals->show(m_cart->totals(), m_terminal.currency);
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
    // Palette and font, not a style sheet: this runs on every scan, and a style sheet re-polishes
    // the widget each time.
    QPalette palette = m_message->palette();
    palette.setColor(QPalette::WindowText, problem ? QColor(0xb0, 0x00, 0x20)
                                                   : this->palette().color(QPalette::WindowText));
    m_message->setPalette(palette);
    QFont font = m_message->font();
    font.setBold(problem);
    m_message->setFont(font);
}

} // namespace counterline::ui
