#pragma once

#include "domain/order_return.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace counterline::ui {

// Taking back some items of a paid or completed sale: one row per sold line with what was sold,
// what came back already and how many come back now; what will be paid back, in cash from the
// drawer, is shown as the quantities change (the same computation the return will be recorded
// with).
class ReturnDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ReturnDialog(ReturnSource sale, QWidget *parent = nullptr);

    // The quantities chosen, lines with none left out.
    QList<ReturnItem> items() const;
    // What the chosen items give back; an error when nothing is chosen.
    Result<Money> refund() const;

private:
    void update();

    ReturnSource m_sale;
    QTableWidget *m_table = nullptr;
    QList<QSpinBox *> m_quantities;
    QLabel *m_refund = nullptr;
    QPushButton *m_confirm = nullptr;
};

} // namespace counterline::ui
