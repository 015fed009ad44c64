#include "ui/sale_complete_panel.h"

#include "ui/money_format.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace counterline::ui {

SaleCompletePanel::SaleCompletePanel(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"saleComplete"_s);
    auto *layout = new QVBoxLayout(this);
    layout->addStretch(1);
    m_headline = new QLabel(this);
    m_headline->setObjectName(u"changeDue"_s);
    m_headline->setAlignment(Qt::AlignCenter);
    m_headline->setWordWrap(true);
    QFont huge = m_headline->font();
    huge.setPixelSize(72);
    huge.setBold(true);
    m_headline->setFont(huge);
    layout->addWidget(m_headline);
    m_details = new QLabel(this);
    m_details->setObjectName(u"saleCompleteDetails"_s);
    m_details->setAlignment(Qt::AlignCenter);
    m_details->setWordWrap(true);
    QFont readable = m_details->font();
    readable.setPixelSize(22);
    m_details->setFont(readable);
    layout->addWidget(m_details);
    layout->addStretch(1);

    auto *choices = new QHBoxLayout;
    m_print = new QPushButton(this);
    m_print->setObjectName(u"printReceiptButton"_s);
    m_print->setAccessibleName(tr("Print the receipt"));
    auto *next = new QPushButton(tr("Enter  New sale"), this);
    next->setObjectName(u"newSaleButton"_s);
    next->setAccessibleName(tr("Start the next sale"));
    for (QPushButton *button : {m_print, next}) {
        button->setMinimumHeight(56);
        button->setFocusPolicy(Qt::NoFocus); // the scan field keeps the keyboard
        choices->addWidget(button);
    }
    layout->addLayout(choices);
    connect(m_print, &QPushButton::clicked, this, &SaleCompletePanel::printRequested);
    connect(next, &QPushButton::clicked, this, &SaleCompletePanel::newSaleRequested);
}

void SaleCompletePanel::show(const Order &order, bool printed)
{
    m_headline->setText(order.change().isZero() ? tr("Paid")
                                                : tr("Change %1").arg(formatMoney(order.change())));
    QStringList rows{tr("Total %1").arg(formatMoney(order.total()))};
    for (const Tender &tender : order.tenders())
        rows.append(tenderWords(tender));
    rows.append(tr("Receipt %1").arg(order.receiptNumber().toString()));
    m_details->setText(rows.join(u'\n'));
    setPrinted(printed);
}

void SaleCompletePanel::setPrinted(bool printed)
{
    m_print->setText(printed ? tr("F1  Reprint receipt") : tr("F1  Print receipt"));
}

} // namespace counterline::ui
