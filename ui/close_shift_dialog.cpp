#include "ui/close_shift_dialog.h"

#include "domain/typed_amount.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

using namespace Qt::StringLiterals;

namespace counterline::ui {

CloseShiftDialog::CloseShiftDialog(const Currency &currency, QWidget *parent)
    : QDialog(parent)
    , m_currency(currency)
{
    setWindowTitle(tr("Close shift"));
    auto *layout = new QFormLayout(this);
    m_cash = new QLineEdit(this);
    m_cash->setObjectName(u"countedCash"_s);
    m_cash->setMinimumHeight(44);
    m_card = new QLineEdit(this);
    m_card->setObjectName(u"countedCard"_s);
    m_card->setMinimumHeight(44);
    m_message = new QLabel(this);
    m_message->setObjectName(u"closeShiftMessage"_s);
    layout->addRow(tr("Cash counted in the drawer"), m_cash);
    layout->addRow(tr("Card total on the reader's slip"), m_card);
    layout->addRow(m_message);
    connect(m_cash, &QLineEdit::returnPressed, m_card, qOverload<>(&QWidget::setFocus));
    connect(m_card, &QLineEdit::returnPressed, this, &CloseShiftDialog::check);
}

void CloseShiftDialog::check()
{
    Result<Money> cash = parseTypedMoney(m_cash->text(), m_currency);
    // No card slip (no card sales): an empty card field counts as nothing taken by card.
    Result<Money> card =
        parseTypedMoney(m_card->text().trimmed().isEmpty() ? u"0"_s : m_card->text(), m_currency);
    if (!cash || !card) {
        m_message->setText(!cash ? cash.error().message : card.error().message);
        QLineEdit *wrong = !cash ? m_cash : m_card;
        wrong->setFocus();
        wrong->selectAll();
        return;
    }
    m_cashAmount = *cash;
    m_cardAmount = *card;
    accept();
}

} // namespace counterline::ui
