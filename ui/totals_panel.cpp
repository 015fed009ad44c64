#include "ui/totals_panel.h"

#include "ui/money_format.h"

#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace counterline::ui {

TotalsPanel::TotalsPanel(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    m_details = new QLabel(this);
    m_details->setObjectName(u"taxLabel"_s);
    m_details->setAlignment(Qt::AlignRight | Qt::AlignTop);
    m_details->setTextFormat(Qt::PlainText);
    m_total = new QLabel(this);
    m_total->setObjectName(u"totalLabel"_s);
    m_total->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    QFont big = m_total->font();
    big.setPointSizeF(big.pointSizeF() * 2.4);
    big.setBold(true);
    m_total->setFont(big);
    layout->addWidget(m_details, 1);
    layout->addWidget(m_total);
}

void TotalsPanel::show(const std::optional<CartTotals> &totals, const Currency &currency,
                       qint64 pieces)
{
    if (!totals) {
        m_total->setText(formatMoney(Money::zero(currency)));
        m_details->clear();
        return;
    }
    QStringList lines;
    lines
        << tr("Subtotal (items: %n): %1", nullptr, int(pieces)).arg(formatMoney(totals->subtotal));
    if (!totals->discount.isZero())
        lines << tr("Discounts: −%1").arg(formatMoney(totals->discount));
    for (const TaxRateTotal &rate : totals->perRate) {
        lines << tr("Tax %1 %: %2").arg(rate.rate.toPercentText(), formatMoney(rate.tax));
    }
    m_details->setText(lines.join(u'\n'));
    m_total->setText(formatMoney(totals->total));
}

} // namespace counterline::ui
