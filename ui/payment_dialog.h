#pragma once

#include "domain/money.h"
#include "domain/tender.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QListWidget;

namespace counterline::ui {

// Taking payment: cash with quick amounts and the change due, a card approved on a standalone
// reader (the cashier types its reference), or several tenders split across both. Closes by
// itself once the tenders cover the total. Nothing is charged here; the window commits the order.
class PaymentDialog : public QDialog
{
    Q_OBJECT

public:
    explicit PaymentDialog(const Money &total, QWidget *parent = nullptr);

    const QList<Tender> &tenders() const { return m_tenders; }
    Money change() const;

private:
    void addCash(const Money &given);
    void addCashTyped();
    void addCard();
    void addTender(const Tender &tender);
    Money remaining() const;
    void refresh();

    Money m_total;
    QList<Tender> m_tenders;
    QLabel *m_due = nullptr;
    QLineEdit *m_cash = nullptr;
    QLineEdit *m_cardReference = nullptr;
    QListWidget *m_list = nullptr;
    QLabel *m_message = nullptr;
    QList<QWidget *> m_quickButtons;
};

} // namespace counterline::ui
