#pragma once

#include "domain/money.h"
#include "domain/tender.h"

#include <QDialog>

#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace counterline::sync {
class CardPayments;
}

namespace counterline::ui {

// Taking payment: cash with quick amounts and the change due, a card approved on a standalone
// reader (the cashier types its reference), a card charged through the payment service
// (integrated, when the till has one), or several tenders split across them. Closes by itself once
// the tenders cover the total. The window commits the order.
class PaymentDialog : public QDialog
{
    Q_OBJECT

public:
    explicit PaymentDialog(const Money &total, QWidget *parent = nullptr);

    // Offers the integrated card: charged through `cards`, with Idempotency-Keys made from
    // `paymentKey` (stable for this cart, so that paying again after a lost answer is asked about,
    // never charged twice).
    void offerIntegratedCard(sync::CardPayments &cards, const QString &paymentKey);

    // Offers to take the card offline when the payment service cannot be reached: `allows` says
    // whether the till's limits let it (store::OfflineCards), with the reason when not.
    using OfflineCheck = std::function<Result<void>(const Money &amount)>;
    void offerOfflineCard(OfflineCheck allows);

    const QList<Tender> &tenders() const { return m_tenders; }
    Money change() const;
    void reject() override;

private:
    void addCash(const Money &given);
    void addCashTyped();
    bool confirmLargeCash(const Money &given);
    void addCard();
    void chargeCard();
    void takeCardOffline();
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
    sync::CardPayments *m_cards = nullptr;
    QString m_paymentKey;
    QComboBox *m_token = nullptr;
    QPushButton *m_chargeCard = nullptr;
    OfflineCheck m_offlineAllowed;
    QPushButton *m_offlineCard = nullptr;
    bool m_charging = false;
    int m_cardTries = 0; // tries with a final answer (declined, not charged)
};

} // namespace counterline::ui
