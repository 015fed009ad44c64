#pragma once

#include "domain/order_return.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QTableWidget;

namespace counterline::ui {

// Taking back some items of a paid or completed sale: one row per sold line with what was sold,
// what came back already and how many come back now; what will be paid back — in cash from the
// drawer, or to the card the sale was charged to when `toCard` is offered — is shown as the
// quantities change (the same computation the return will be recorded with).
class ReturnDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ReturnDialog(ReturnSource sale, bool toCard = false, QWidget *parent = nullptr);

    // The quantities chosen, lines with none left out.
    QList<ReturnItem> items() const;
    // What the chosen items give back; an error when nothing is chosen.
    Result<Money> refund() const;
    bool refundsToCard() const;

private:
    void update();

    ReturnSource m_sale;
    QTableWidget *m_table = nullptr;
    QList<QSpinBox *> m_quantities;
    QLabel *m_refund = nullptr;
    QRadioButton *m_cash = nullptr;
    QRadioButton *m_card = nullptr;
    QPushButton *m_confirm = nullptr;
};

} // namespace counterline::ui
