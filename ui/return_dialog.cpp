#include "ui/return_dialog.h"

#include "store/return_source.h"
#include "ui/money_format.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace counterline::ui {

ReturnDialog::ReturnDialog(ReturnSource sale, bool toCard, QWidget *parent)
    : QDialog(parent)
    , m_sale(std::move(sale))
{
    setObjectName(u"returnDialog"_s);
    setWindowTitle(tr("Return items of receipt %1").arg(m_sale.receiptNo));
    auto *layout = new QVBoxLayout(this);
    auto *explanation =
        new QLabel(tr("Choose how many of each item the customer brings back. The sale stays as "
                      "it was; the return is a new receipt linked to it, and the items go back "
                      "into stock."),
                   this);
    explanation->setWordWrap(true);
    layout->addWidget(explanation);

    m_table = new QTableWidget(int(m_sale.lines.size()), 5, this);
    m_table->setObjectName(u"returnLines"_s);
    m_table->setHorizontalHeaderLabels(
        {tr("Item"), tr("Sold"), tr("Returned before"), tr("Line total"), tr("Bring back")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int row = 0; row < m_sale.lines.size(); ++row) {
        const ReturnableLine &line = m_sale.lines[row];
        m_table->setItem(row, 0,
                         new QTableWidgetItem(u"%1 — %2"_s.arg(line.line.sku, line.line.name)));
        m_table->setItem(row, 1, new QTableWidgetItem(QString::number(line.line.quantity)));
        m_table->setItem(row, 2, new QTableWidgetItem(QString::number(line.returned)));
        m_table->setItem(row, 3, new QTableWidgetItem(formatMoney(line.line.total)));
        auto *quantity = new QSpinBox(m_table);
        quantity->setObjectName(u"returnQuantity%1"_s.arg(line.line.lineNo));
        quantity->setRange(0, int(std::min<qint64>(line.returnable(), 1'000'000)));
        quantity->setEnabled(line.returnable() > 0);
        connect(quantity, &QSpinBox::valueChanged, this, &ReturnDialog::update);
        m_table->setCellWidget(row, 4, quantity);
        m_quantities.append(quantity);
    }
    layout->addWidget(m_table, 1);

    auto *methods = new QHBoxLayout;
    m_cash = new QRadioButton(tr("Cash from the drawer"), this);
    m_cash->setObjectName(u"returnByCash"_s);
    m_card = new QRadioButton(tr("Back to the card of the sale"), this);
    m_card->setObjectName(u"returnByCard"_s);
    m_card->setEnabled(toCard);
    (toCard ? m_card : m_cash)->setChecked(true);
    connect(m_cash, &QRadioButton::toggled, this, &ReturnDialog::update);
    methods->addWidget(m_cash);
    methods->addWidget(m_card);
    methods->addStretch(1);
    layout->addLayout(methods);

    m_refund = new QLabel(this);
    m_refund->setObjectName(u"returnRefund"_s);
    QFont big = m_refund->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.2);
    m_refund->setFont(big);
    layout->addWidget(m_refund);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_confirm = buttons->addButton(tr("Take back and pay out"), QDialogButtonBox::AcceptRole);
    m_confirm->setObjectName(u"returnConfirm"_s);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(640, 360);
    update();
}

QList<ReturnItem> ReturnDialog::items() const
{
    QList<ReturnItem> chosen;
    for (qsizetype row = 0; row < m_quantities.size(); ++row) {
        if (const int quantity = m_quantities[row]->value(); quantity > 0)
            chosen.append({m_sale.lines[row].line.lineNo, quantity});
    }
    return chosen;
}

bool ReturnDialog::refundsToCard() const
{
    return m_card->isChecked();
}

Result<Money> ReturnDialog::refund() const
{
    Result<Order> preview =
        store::ReturnSources::preview(m_sale, items(), QDateTime::currentDateTimeUtc());
    if (!preview)
        return preview.error();
    return preview->total();
}

void ReturnDialog::update()
{
    const Result<Money> amount = refund();
    m_confirm->setEnabled(amount.ok());
    if (!amount)
        m_refund->setText(tr("Choose at least one item to bring back."));
    else if (refundsToCard())
        m_refund->setText(tr("Pay back to the card: %1").arg(formatMoney(*amount)));
    else
        m_refund->setText(tr("Pay back in cash: %1").arg(formatMoney(*amount)));
}

} // namespace counterline::ui
