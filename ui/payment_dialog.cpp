#include "ui/payment_dialog.h"

#include "domain/rounding.h"
#include "domain/typed_amount.h"
#include "sync/card_payments.h"
#include "ui/money_format.h"

#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace counterline::ui {

namespace {

qint64 sumOf(const QList<Tender> &tenders)
{
    qint64 sum = 0;
    for (const Tender &tender : tenders)
        sum += tender.amount.minorUnits();
    return sum;
}

// The notes a customer is likely to hand over for this amount: the next multiples of 5, 10, 20
// and 50 major units above it, each once.
QList<qint64> likelyNotes(qint64 minor, qint64 unit)
{
    QList<qint64> notes;
    for (qint64 step : {5, 10, 20, 50}) {
        const qint64 size = step * unit;
        const qint64 note = ((minor + size - 1) / size) * size;
        if (note > minor && !notes.contains(note))
            notes.append(note);
    }
    return notes;
}

} // namespace

PaymentDialog::PaymentDialog(const Money &total, QWidget *parent)
    : QDialog(parent)
    , m_total(total)
{
    setWindowTitle(tr("Payment"));
    auto *layout = new QVBoxLayout(this);
    m_due = new QLabel(this);
    m_due->setObjectName(u"dueLabel"_s);
    QFont big = m_due->font();
    big.setPointSizeF(big.pointSizeF() * 1.8);
    big.setBold(true);
    m_due->setFont(big);
    layout->addWidget(m_due);

    auto *cashRow = new QGridLayout;
    m_cash = new QLineEdit(this);
    m_cash->setObjectName(u"cashGiven"_s);
    m_cash->setPlaceholderText(tr("Cash given"));
    m_cash->setMinimumHeight(44);
    cashRow->addWidget(new QLabel(tr("Cash (Enter)"), this), 0, 0);
    cashRow->addWidget(m_cash, 0, 1, 1, 4);
    // One key for the cash most customers hand over: F1 the exact amount, F2–F5 the next notes.
    auto *exact = new QPushButton(tr("F1 Exact"), this);
    exact->setObjectName(u"exactCash"_s);
    exact->setAccessibleName(tr("Cash, the exact amount"));
    exact->setMinimumHeight(44);
    cashRow->addWidget(exact, 1, 0);
    connect(exact, &QPushButton::clicked, this, [this] { addCash(remaining()); });
    new QShortcut(QKeySequence(Qt::Key_F1), this, [this] { addCash(remaining()); });
    const qint64 unit = m_total.currency().minorPerMajor();
    int column = 1;
    for (qint64 note : likelyNotes(m_total.minorUnits(), unit)) {
        const Money given(note, m_total.currency());
        const auto key = Qt::Key(Qt::Key_F1 + column);
        auto *button = new QPushButton(tr("F%1 %2").arg(column + 1).arg(formatMoney(given)), this);
        button->setObjectName(u"quickCash%1"_s.arg(column));
        button->setAccessibleName(tr("Cash, %1 given").arg(formatMoney(given)));
        button->setMinimumHeight(44);
        cashRow->addWidget(button, 1, column++);
        connect(button, &QPushButton::clicked, this, [this, given] { addCash(given); });
        new QShortcut(QKeySequence(key), this, [this, given] { addCash(given); });
        m_quickButtons.append(button);
    }
    layout->addLayout(cashRow);
    connect(m_cash, &QLineEdit::returnPressed, this, &PaymentDialog::addCashTyped);

    auto *cardRow = new QHBoxLayout;
    m_cardReference = new QLineEdit(this);
    m_cardReference->setObjectName(u"cardReference"_s);
    m_cardReference->setPlaceholderText(tr("Approval code from the card reader"));
    m_cardReference->setMinimumHeight(44);
    auto *card = new QPushButton(tr("Card approved (F6)"), this);
    card->setObjectName(u"cardApproved"_s);
    card->setMinimumHeight(44);
    cardRow->addWidget(m_cardReference, 1);
    cardRow->addWidget(card);
    layout->addLayout(cardRow);
    connect(card, &QPushButton::clicked, this, &PaymentDialog::addCard);
    connect(m_cardReference, &QLineEdit::returnPressed, this, &PaymentDialog::addCard);
    new QShortcut(QKeySequence(Qt::Key_F6), this, [this] { addCard(); });

    m_list = new QListWidget(this);
    m_list->setObjectName(u"tenderList"_s);
    layout->addWidget(m_list);
    m_message = new QLabel(this);
    m_message->setObjectName(u"paymentMessage"_s);
    m_message->setWordWrap(true); // a long refusal wraps instead of widening the dialog
    layout->addWidget(m_message);
    auto *cancel = new QPushButton(tr("Back to the sale (Esc)"), this);
    cancel->setMinimumHeight(44);
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
    layout->addWidget(cancel);
    // Enter belongs to the field it is typed in; no button is the dialog's default.
    for (QPushButton *button : findChildren<QPushButton *>())
        button->setAutoDefault(false);
    refresh();
    m_cash->setFocus();
}

Money PaymentDialog::remaining() const
{
    return Money(std::max<qint64>(0, m_total.minorUnits() - sumOf(m_tenders)), m_total.currency());
}

Money PaymentDialog::change() const
{
    return Money(std::max<qint64>(0, sumOf(m_tenders) - m_total.minorUnits()), m_total.currency());
}

void PaymentDialog::addCashTyped()
{
    Result<Money> given = parseTypedMoney(m_cash->text(), m_total.currency());
    if (!given || given->isZero()) {
        m_message->setText(given ? tr("Type the cash the customer gave.") : given.error().message);
        m_cash->selectAll();
        return;
    }
    if (!confirmLargeCash(*given)) {
        // Back to the field as it was typed, nothing added: the cashier corrects it.
        m_cash->setFocus();
        m_cash->selectAll();
        return;
    }
    addCash(*given);
}

// A slipped separator turns 20,50 into 2050: cash of more than ten times what is due is shown
// with its change and taken only when the cashier says so. "No" is the default, so a second
// Enter does not take it. (The quick-amount buttons name their amount and are not asked about.)
bool PaymentDialog::confirmLargeCash(const Money &given)
{
    const Money due = remaining();
    if (WideInt(given.minorUnits()) <= WideInt(due.minorUnits()) * 10)
        return true;
    const Money change(given.minorUnits() - due.minorUnits(), due.currency());
    QMessageBox box(QMessageBox::Warning, tr("Is the cash given right?"),
                    tr("Cash given: %1\nTo pay: %2\nChange due: %3")
                        .arg(formatMoney(given), formatMoney(due), formatMoney(change)),
                    QMessageBox::NoButton, this);
    box.setObjectName(u"largeCashCheck"_s);
    QFont large = box.font(); // the amounts are what the cashier must read
    large.setPointSizeF(large.pointSizeF() * 1.25);
    box.setFont(large);
    box.setInformativeText(tr("That is more than ten times what is due."));
    QPushButton *take =
        box.addButton(tr("Yes, take %1").arg(formatMoney(given)), QMessageBox::AcceptRole);
    take->setObjectName(u"takeLargeCash"_s);
    QPushButton *back = box.addButton(tr("No, back (Esc)"), QMessageBox::RejectRole);
    back->setObjectName(u"backFromLargeCash"_s);
    for (QPushButton *button : {take, back})
        button->setMinimumHeight(44);
    box.setDefaultButton(back);
    box.setEscapeButton(back);
    box.exec();
    return box.clickedButton() == take;
}

void PaymentDialog::addCash(const Money &given)
{
    if (given.isZero())
        return;
    addTender(Tender{TenderKind::Cash, given, {}, false});
}

void PaymentDialog::addCard()
{
    const QString reference = m_cardReference->text().trimmed();
    if (reference.isEmpty()) {
        m_message->setText(tr("Type the approval code the card reader printed."));
        m_cardReference->setFocus();
        return;
    }
    // A card pays at most what is left: there is no change on a card.
    addTender(Tender{TenderKind::Card, remaining(), reference, false});
}

void PaymentDialog::offerIntegratedCard(sync::CardPayments &cards, const QString &paymentKey)
{
    m_cards = &cards;
    m_paymentKey = paymentKey;
    auto *row = new QHBoxLayout;
    // The simulated reader of counterline-paysim: which card the customer presents.
    m_token = new QComboBox(this);
    m_token->setObjectName(u"cardToken"_s);
    m_token->setMinimumHeight(44);
    m_token->addItem(tr("Card approved by the bank"), u"tok_visa"_s);
    m_token->addItem(tr("Card without funds"), u"tok_insufficient"_s);
    m_token->addItem(tr("Expired card"), u"tok_expired"_s);
    m_chargeCard = new QPushButton(tr("Charge card (F8)"), this);
    m_chargeCard->setObjectName(u"chargeCard"_s);
    m_chargeCard->setMinimumHeight(44);
    m_chargeCard->setAutoDefault(false);
    row->addWidget(m_token, 1);
    row->addWidget(m_chargeCard);
    // Under the manual card row.
    auto *layout = static_cast<QVBoxLayout *>(this->layout());
    layout->insertLayout(3, row);
    connect(m_chargeCard, &QPushButton::clicked, this, &PaymentDialog::chargeCard);
    new QShortcut(QKeySequence(Qt::Key_F8), this, [this] { chargeCard(); });
}

void PaymentDialog::chargeCard()
{
    if (!m_cards || m_charging || remaining().isZero())
        return;
    const Money amount = remaining();
    // One key per card tender of this cart, amount and try: after a lost answer (an unknown
    // outcome) the same key asks again; a decline or a payment that did not go through is final
    // for its key, so the next try (another card, perhaps) gets a new one.
    const QString key = u"%1:card:%2:%3:%4"_s.arg(m_paymentKey)
                            .arg(m_tenders.size() + 1)
                            .arg(amount.minorUnits())
                            .arg(m_cardTries + 1);
    m_charging = true;
    m_chargeCard->setEnabled(false);
    m_message->setText(tr("Waiting for the card…"));
    const QPointer<PaymentDialog> self(this);
    m_cards->charge({key, amount, m_token->currentData().toString(), m_paymentKey},
                    [this, self, amount](const sync::CardOutcome &outcome) {
                        if (!self)
                            return;
                        m_charging = false;
                        m_chargeCard->setEnabled(true);
                        if (outcome.kind == sync::CardOutcome::Kind::Approved) {
                            addTender(Tender{TenderKind::Card, amount, outcome.chargeId, false});
                            return;
                        }
                        if (outcome.kind != sync::CardOutcome::Kind::Unknown)
                            ++m_cardTries;
                        m_message->setText(outcome.message);
                        if (outcome.kind == sync::CardOutcome::Kind::Unreachable && m_offlineCard) {
                            m_offlineCard->setVisible(true);
                            m_message->setText(outcome.message + u' ' +
                                               tr("Take the card offline (F9)? It is charged "
                                                  "when the till is online again."));
                        }
                    });
}

void PaymentDialog::offerOfflineCard(OfflineCheck allows)
{
    m_offlineAllowed = std::move(allows);
    m_offlineCard = new QPushButton(tr("Take card offline (F9)"), this);
    m_offlineCard->setObjectName(u"offlineCard"_s);
    m_offlineCard->setMinimumHeight(44);
    m_offlineCard->setAutoDefault(false);
    m_offlineCard->setVisible(false); // only once the service has proved unreachable
    auto *layout = static_cast<QVBoxLayout *>(this->layout());
    layout->insertWidget(4, m_offlineCard);
    connect(m_offlineCard, &QPushButton::clicked, this, &PaymentDialog::takeCardOffline);
    new QShortcut(QKeySequence(Qt::Key_F9), this, [this] {
        if (m_offlineCard->isVisible())
            takeCardOffline();
    });
}

void PaymentDialog::takeCardOffline()
{
    if (!m_offlineAllowed || !m_token || m_charging || remaining().isZero())
        return;
    const Money amount = remaining();
    if (Result<void> allowed = m_offlineAllowed(amount); !allowed) {
        m_message->setText(allowed.error().message);
        return;
    }
    // The card's token travels with the order; the server charges it (needs capture).
    addTender(Tender{TenderKind::Card, amount, m_token->currentData().toString(), true});
}

void PaymentDialog::reject()
{
    // A card being charged must be heard out: leaving now could lose an approval.
    if (m_charging) {
        m_message->setText(tr("Waiting for the card; the payment's outcome comes first."));
        return;
    }
    QDialog::reject();
}

void PaymentDialog::addTender(const Tender &tender)
{
    m_tenders.append(tender);
    m_list->addItem(tender.kind == TenderKind::Cash ? tr("Cash %1").arg(formatMoney(tender.amount))
                    : tender.needsCapture
                        ? tr("Card %1 offline, charged later").arg(formatMoney(tender.amount))
                        : tr("Card %1 (%2)").arg(formatMoney(tender.amount), tender.reference));
    m_cash->clear();
    m_cardReference->clear();
    m_message->clear();
    refresh();
    if (remaining().isZero())
        accept();
}

void PaymentDialog::refresh()
{
    m_due->setText(tr("To pay: %1").arg(formatMoney(remaining())));
}

} // namespace counterline::ui
