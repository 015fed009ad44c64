#pragma once

#include "domain/cart.h"

#include <QDialog>

#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;

namespace counterline::ui {

// A discount on one cart line, typed as a percentage (the default) or as an amount off the line.
// A trailing "%" means a percentage and a currency ("2 EUR", "2 €") an amount, whichever is
// chosen; otherwise the choice decides. As the cashier types, the line total before and after is
// shown, and whether a manager must approve; Enter applies only what was understood. Typing 0
// removes a discount. GUI thread.
class DiscountDialog : public QDialog
{
    Q_OBJECT

public:
    // `row` of `cart`; a cashier alone may take up to `shareWithoutManagerPpm` of the line.
    DiscountDialog(const Cart &cart, int row, qint64 shareWithoutManagerPpm,
                   QWidget *parent = nullptr);

    // What was applied, once accepted.
    const Discount &discount() const { return m_discount; }
    QString discountText() const;  // "10 %", "1,00 EUR"
    Money lineTotalBefore() const; // the line as the customer pays it now, tax included
    Money lineTotalAfter() const;
    bool needsManager() const;

private:
    struct Reading
    {
        Discount discount;
        Money after;
    };
    Result<Reading> read() const;
    void choose(bool percent);
    void update();
    void apply();

    Cart m_cart;
    int m_lineNo = 0;
    Money m_listTotal; // what the discount applies to: unit price x quantity
    Money m_before;
    qint64 m_shareWithoutManager = 0;
    bool m_percent = true;
    Discount m_discount;
    Money m_after;

    QLineEdit *m_field = nullptr;
    QPushButton *m_percentButton = nullptr;
    QPushButton *m_amountButton = nullptr;
    QLabel *m_preview = nullptr;
};

} // namespace counterline::ui
