// The sale page of CheckoutWindow: the scan field with its search results, the cart (or the
// payment complete panel) beside the totals, the message banner and the function keys.

#include "ui/cart_model.h"
#include "ui/checkout_window.h"
#include "ui/product_search_model.h"
#include "ui/sale_complete_panel.h"
#include "ui/totals_panel.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QRegularExpression>
#include <QShortcut>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

// How long digits typed into the scan field wait before they are searched (see buildSalePage).
constexpr int kDigitsPauseMs = 80;

} // namespace

namespace counterline::ui {

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
    m_searchSoon->setObjectName(u"searchSoon"_s); // benchmarks wait for it
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

    m_middle = new QStackedWidget(page);
    auto *cartPage = new QWidget(m_middle);
    auto *middle = new QHBoxLayout(cartPage);
    middle->setContentsMargins(0, 0, 0, 0);
    m_table = new QTableView(cartPage);
    m_table->setObjectName(u"cartView"_s);
    m_table->setAccessibleName(tr("Cart"));
    m_table->setModel(m_cart.get());
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setFocusPolicy(Qt::NoFocus); // the scan field keeps the keyboard; ↑/↓ pick lines
    QFont lines = m_table->font();
    lines.setPixelSize(18);
    m_table->setFont(lines);
    // Figures are never elided: their columns take what their text needs, the name the rest.
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(CartModel::Name, QHeaderView::Stretch);
    m_table->verticalHeader()->setDefaultSectionSize(36);
    m_table->verticalHeader()->hide();
    connect(m_table, &QTableView::clicked, this,
            [this](const QModelIndex &index) { m_till->selectRow(index.row()); });
    middle->addWidget(m_table, 3);
    m_totals = new TotalsPanel(cartPage);
    middle->addWidget(m_totals, 1);
    m_middle->addWidget(cartPage);
    m_complete = new SaleCompletePanel(m_middle);
    m_middle->addWidget(m_complete);
    connect(m_complete, &SaleCompletePanel::newSaleRequested, this, &CheckoutWindow::newSale);
    connect(m_complete, &SaleCompletePanel::printRequested, this, &CheckoutWindow::printReceipt);
    layout->addWidget(m_middle, 1);

    // Messages as a banner that wraps: red for what went wrong, green for what went right.
    m_message = new QLabel(page);
    m_message->setObjectName(u"saleMessage"_s);
    m_message->setAccessibleName(tr("Message"));
    m_message->setMinimumHeight(36);
    m_message->setWordWrap(true);
    m_message->setMargin(6);
    m_message->setAutoFillBackground(true);
    QFont banner = m_message->font();
    banner.setPixelSize(17);
    m_message->setFont(banner);
    layout->addWidget(m_message);

    auto *buttons = new QGridLayout;
    addActionButtons(page, buttons);
    layout->addLayout(buttons);
    return page;
}

// Every action: a touch-sized button that names its key, and the key itself. Two rows, so that
// every label fits at 1024 × 768; Pay stands out.
void CheckoutWindow::addActionButtons(QWidget *page, QGridLayout *buttons)
{
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
        button->setAccessibleName(tr(action.name));
        button->setMinimumHeight(56);
        button->setFocusPolicy(Qt::NoFocus);
        buttons->addWidget(button, placed / kPerRow, placed % kPerRow);
        ++placed;
        connect(button, &QPushButton::clicked, this, action.slot);
        auto *shortcut = new QShortcut(action.key, page);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, action.slot);
        if (action.slot == &CheckoutWindow::pay) {
            QPalette pay = button->palette();
            pay.setColor(QPalette::Button, QColor(0x1b, 0x7f, 0x3b));
            pay.setColor(QPalette::ButtonText, Qt::white);
            button->setPalette(pay);
            QFont bold = button->font();
            bold.setBold(true);
            button->setFont(bold);
        }
    }
    auto *print = new QShortcut(QKeySequence(Qt::Key_F1), page);
    print->setContext(Qt::WidgetWithChildrenShortcut);
    connect(print, &QShortcut::activated, this, &CheckoutWindow::printReceipt);
}

} // namespace counterline::ui
