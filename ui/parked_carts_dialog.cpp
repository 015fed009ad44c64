#include "ui/parked_carts_dialog.h"

#include "ui/money_format.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace counterline::ui {

ParkedCartsDialog::ParkedCartsDialog(const QList<till::ParkedSale> &carts, bool openCartHasLines,
                                     QWidget *parent)
    : QDialog(parent)
    , m_carts(carts)
{
    setWindowTitle(tr("Parked carts"));
    setObjectName(u"parkedCartsDialog"_s);
    auto *layout = new QVBoxLayout(this);
    m_table = new QTableWidget(int(carts.size()), 4, this);
    m_table->setObjectName(u"parkedCarts"_s);
    m_table->setAccessibleName(tr("Parked carts, newest first"));
    m_table->setHorizontalHeaderLabels({tr("Parked by"), tr("At"), tr("Lines"), tr("Total")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    QFont readable = m_table->font();
    readable.setPixelSize(18);
    m_table->setFont(readable);
    m_table->verticalHeader()->setDefaultSectionSize(36);
    for (int row = 0; row < carts.size(); ++row) {
        const till::ParkedSale &cart = carts[row];
        const QStringList cells{
            cart.parkedBy, QLocale().toString(cart.parkedAt.toLocalTime(), QLocale::ShortFormat),
            QLocale().toString(cart.lineCount),
            cart.total ? formatMoney(*cart.total) : tr("cannot be priced")};
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells[column]);
            if (column >= 2)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_table->setItem(row, column, item);
        }
    }
    m_table->resizeColumnsToContents();
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    if (!carts.isEmpty())
        m_table->selectRow(0);
    layout->addWidget(m_table);
    if (openCartHasLines) {
        auto *note = new QLabel(tr("The cart on screen is parked when you resume another."), this);
        note->setObjectName(u"parkedCartsNote"_s);
        note->setWordWrap(true);
        layout->addWidget(note);
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Resume"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_table, &QTableWidget::cellDoubleClicked, this, &QDialog::accept);
    m_table->setFocus();
    resize(560, 360);
}

std::optional<QUuid> ParkedCartsDialog::chosen() const
{
    const int row = m_table->currentRow();
    if (row < 0 || row >= m_carts.size())
        return std::nullopt;
    return m_carts[row].id;
}

} // namespace counterline::ui
