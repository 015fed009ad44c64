#include "ui/close_shift_dialog.h"

#include "domain/typed_amount.h"
#include "ui/money_format.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace counterline::ui {

CloseShiftDialog::CloseShiftDialog(const Currency &currency, const QList<till::ParkedSale> &parked,
                                   QWidget *parent)
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
    m_message->setWordWrap(true);
    layout->addRow(m_message);
    if (!parked.isEmpty()) {
        QStringList carts;
        for (const till::ParkedSale &cart : parked) {
            carts.append(
                tr("%1 at %2: %3 (lines: %n)", nullptr, cart.lineCount)
                    .arg(cart.parkedBy,
                         QLocale().toString(cart.parkedAt.toLocalTime(), QLocale::ShortFormat),
                         cart.total ? formatMoney(*cart.total) : QString(u"–"_s)));
        }
        auto *list = new QLabel(
            tr("Still parked (they stay for the next shift):") + u'\n' + carts.join(u'\n'), this);
        list->setObjectName(u"parkedAtClose"_s);
        list->setWordWrap(true);
        layout->addRow(list);
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Close shift"));
    buttons->button(QDialogButtonBox::Ok)->setAutoDefault(false);
    buttons->button(QDialogButtonBox::Cancel)->setAutoDefault(false);
    layout->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &CloseShiftDialog::check);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
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
