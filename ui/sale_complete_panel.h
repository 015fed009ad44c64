#pragma once

#include "domain/order.h"

#include <QWidget>

class QLabel;
class QPushButton;

namespace counterline::ui {

// What the cashier and the customer see once a sale is paid (issue 21): the change to hand over
// in the largest type on the window (or "Paid" when there is none), the total and each tender,
// the receipt's number, and the choices — Enter (or the next scan) starts the next sale, F1
// prints the receipt (a copy once it has been printed). Shown in place of the cart.
class SaleCompletePanel : public QWidget
{
    Q_OBJECT

public:
    explicit SaleCompletePanel(QWidget *parent = nullptr);

    // `printed`: the receipt has gone to paper already, so F1 prints a copy.
    void show(const Order &order, bool printed);
    void setPrinted(bool printed);

signals:
    void newSaleRequested();
    void printRequested();

private:
    QLabel *m_headline = nullptr; // "Change 5,57 €" / "Paid"
    QLabel *m_details = nullptr;  // total, tenders, receipt number
    QPushButton *m_print = nullptr;
};

} // namespace counterline::ui
