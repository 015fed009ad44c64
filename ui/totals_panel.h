#pragma once

#include "domain/cart.h"

#include <QWidget>

#include <optional>

class QLabel;

namespace counterline::ui {

// The totals beside the cart, live: items, discounts, tax per rate and the total to pay, large.
class TotalsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit TotalsPanel(QWidget *parent = nullptr);

    // `pieces`: how many items the cart holds (the sum of its quantities).
    void show(const std::optional<CartTotals> &totals, const Currency &currency, qint64 pieces);

private:
    QLabel *m_total = nullptr;
    QLabel *m_details = nullptr;
};

} // namespace counterline::ui
