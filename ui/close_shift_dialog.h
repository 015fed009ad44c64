#pragma once

#include "domain/money.h"
#include "till/till.h"

#include <QDialog>

class QLabel;
class QLineEdit;

namespace counterline::ui {

// The count at the end of a shift: the cash in the drawer and the card total from the reader's
// end-of-day slip. Enter in the card field (or "Close shift") closes it, Escape or Cancel keeps the
// shift open. Carts still parked are listed: they stay parked for whoever resumes them.
class CloseShiftDialog : public QDialog
{
    Q_OBJECT

public:
    CloseShiftDialog(const Currency &currency, const QList<till::ParkedSale> &parked,
                     QWidget *parent = nullptr);

    Money cash() const { return m_cashAmount; }
    Money card() const { return m_cardAmount; }

private:
    void check();

    Currency m_currency;
    QLineEdit *m_cash = nullptr;
    QLineEdit *m_card = nullptr;
    QLabel *m_message = nullptr;
    Money m_cashAmount;
    Money m_cardAmount;
};

} // namespace counterline::ui
