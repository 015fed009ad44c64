#include "ui/amount_prompt.h"

#include "domain/typed_amount.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace counterline::ui {

AmountPrompt::AmountPrompt(const QString &title, const QString &question, const QString &initial,
                           Reader read, QWidget *parent)
    : QDialog(parent)
    , m_read(std::move(read))
{
    setWindowTitle(title);
    setMinimumWidth(380);
    auto *layout = new QVBoxLayout(this);
    auto *label = new QLabel(question, this);
    label->setWordWrap(true);
    layout->addWidget(label);
    m_field = new QLineEdit(initial, this);
    m_field->setObjectName(u"amountField"_s);
    m_field->setMinimumHeight(44);
    QFont large = m_field->font();
    large.setPointSizeF(large.pointSizeF() * 1.4);
    m_field->setFont(large);
    m_field->selectAll(); // typing replaces what is shown
    layout->addWidget(m_field);
    m_message = new QLabel(this);
    m_message->setObjectName(u"amountMessage"_s);
    m_message->setWordWrap(true);
    QPalette palette = m_message->palette();
    palette.setColor(QPalette::WindowText, QColor(0xb0, 0x00, 0x20));
    m_message->setPalette(palette);
    layout->addWidget(m_message);
    auto *buttons = new QHBoxLayout;
    auto *ok = new QPushButton(tr("OK (Enter)"), this);
    ok->setObjectName(u"amountOk"_s);
    auto *cancel = new QPushButton(tr("Cancel (Esc)"), this);
    for (QPushButton *button : {ok, cancel}) {
        button->setMinimumHeight(44);
        button->setAutoDefault(false);
        buttons->addWidget(button);
    }
    layout->addLayout(buttons);
    connect(ok, &QPushButton::clicked, this, &AmountPrompt::check);
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_field, &QLineEdit::returnPressed, this, &AmountPrompt::check);
    m_field->setFocus();
}

void AmountPrompt::check()
{
    const Result<qint64> read = m_read(m_field->text());
    if (!read) {
        m_message->setText(read.error().message);
        m_field->selectAll();
        m_field->setFocus();
        return;
    }
    m_value = *read;
    accept();
}

std::optional<Money> AmountPrompt::askMoney(QWidget *parent, const QString &title,
                                            const QString &question, const Currency &currency,
                                            const QString &initial)
{
    AmountPrompt prompt(
        title, question, initial,
        [currency](const QString &typed) -> Result<qint64> {
            Result<Money> money = parseTypedMoney(typed, currency);
            if (!money)
                return money.error();
            return money->minorUnits();
        },
        parent);
    if (prompt.exec() != QDialog::Accepted)
        return std::nullopt;
    return Money(prompt.value(), currency);
}

std::optional<qint64> AmountPrompt::askQuantity(QWidget *parent, const QString &title,
                                                const QString &question, qint64 initial,
                                                qint64 most)
{
    AmountPrompt prompt(
        title, question, QLocale().toString(initial),
        [most](const QString &typed) -> Result<qint64> {
            Result<qint64> pieces = parseTypedAmount(typed, 0);
            if (pieces && (*pieces < 1 || *pieces > most)) {
                return Error{u"quantity.out_of_range"_s,
                             tr("\"%1\" is not a quantity from 1 to %2.")
                                 .arg(typed.trimmed(), QLocale().toString(most))};
            }
            return pieces;
        },
        parent);
    if (prompt.exec() != QDialog::Accepted)
        return std::nullopt;
    return prompt.value();
}

} // namespace counterline::ui
