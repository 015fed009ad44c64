#include "ui/discount_dialog.h"

#include "domain/typed_amount.h"
#include "ui/money_format.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace counterline::ui {

namespace {

constexpr int kPercentDecimals = 4; // a percentage with four decimals is parts per million

// The line as the customer pays it (tax included), or nothing when the cart cannot be priced.
std::optional<PricedLine> pricedLine(const Cart &cart, int lineNo)
{
    const Result<CartTotals> totals = cart.totals();
    if (!totals)
        return std::nullopt;
    for (const PricedLine &line : totals->lines) {
        if (line.lineNo == lineNo)
            return line;
    }
    return std::nullopt;
}

// "2 EUR", "€2", "2 ￥": the cashier named money, whatever was chosen.
bool namesCurrency(const QString &typed, const Currency &currency)
{
    return typed.contains(currency.code(), Qt::CaseInsensitive) ||
           std::any_of(typed.cbegin(), typed.cend(),
                       [](QChar c) { return c.category() == QChar::Symbol_Currency; });
}

} // namespace

DiscountDialog::DiscountDialog(const Cart &cart, int row, qint64 shareWithoutManagerPpm,
                               QWidget *parent)
    : QDialog(parent)
    , m_cart(cart)
    , m_shareWithoutManager(shareWithoutManagerPpm)
{
    const CartLine &line = cart.lines()[row];
    m_lineNo = line.lineNo;
    const std::optional<PricedLine> priced = pricedLine(cart, m_lineNo);
    m_listTotal = priced ? priced->listTotal : Money::zero(cart.currency());
    m_before = priced ? priced->amount.gross : Money::zero(cart.currency());
    m_after = m_before;
    m_percent = line.discount.kind() != Discount::Kind::Amount;

    setWindowTitle(tr("Discount"));
    setMinimumWidth(440);
    auto *layout = new QVBoxLayout(this);
    auto *what = new QLabel(tr("Discount on %1 (%2 × %3), line total %4:")
                                .arg(line.name, QLocale().toString(line.quantity),
                                     formatMoney(line.unitPrice), formatMoney(m_before)),
                            this);
    what->setWordWrap(true);
    layout->addWidget(what);

    auto *entry = new QHBoxLayout;
    m_field = new QLineEdit(this);
    m_field->setObjectName(u"discountField"_s);
    m_field->setMinimumHeight(44);
    QFont large = m_field->font();
    large.setPointSizeF(large.pointSizeF() * 1.4);
    m_field->setFont(large);
    if (line.discount.kind() == Discount::Kind::Percent)
        m_field->setText(formatPercent(line.discount.value()));
    else if (line.discount.kind() == Discount::Kind::Amount)
        m_field->setText(formatTypedAmount(line.discount.value(), cart.currency().exponent()));
    m_field->selectAll();
    entry->addWidget(m_field, 1);
    m_percentButton = new QPushButton(tr("Percent (%)"), this);
    m_percentButton->setObjectName(u"discountPercent"_s);
    m_amountButton = new QPushButton(tr("Amount (%1)").arg(cart.currency().code()), this);
    m_amountButton->setObjectName(u"discountAmount"_s);
    for (QPushButton *button : {m_percentButton, m_amountButton}) {
        button->setCheckable(true);
        button->setMinimumHeight(44);
        button->setAutoDefault(false);
        button->setFocusPolicy(Qt::NoFocus); // the field keeps the keyboard
        entry->addWidget(button);
    }
    layout->addLayout(entry);
    auto *hint = new QLabel(tr("A trailing % means a percentage, %1 an amount. Up to %2 % of the "
                               "line without a manager; 0 removes the discount.")
                                .arg(cart.currency().code(), formatPercent(m_shareWithoutManager)),
                            this);
    hint->setWordWrap(true);
    layout->addWidget(hint);

    m_preview = new QLabel(this);
    m_preview->setObjectName(u"discountPreview"_s);
    m_preview->setWordWrap(true);
    m_preview->setMinimumHeight(48);
    QFont bold = m_preview->font();
    bold.setBold(true);
    m_preview->setFont(bold);
    layout->addWidget(m_preview);

    auto *buttons = new QHBoxLayout;
    auto *apply = new QPushButton(tr("Apply (Enter)"), this);
    apply->setObjectName(u"applyDiscount"_s);
    auto *cancel = new QPushButton(tr("Cancel (Esc)"), this);
    for (QPushButton *button : {apply, cancel}) {
        button->setMinimumHeight(44);
        button->setAutoDefault(false);
        buttons->addWidget(button);
    }
    layout->addLayout(buttons);

    connect(m_percentButton, &QPushButton::clicked, this, [this] { choose(true); });
    connect(m_amountButton, &QPushButton::clicked, this, [this] { choose(false); });
    connect(m_field, &QLineEdit::textChanged, this, &DiscountDialog::update);
    connect(m_field, &QLineEdit::returnPressed, this, &DiscountDialog::apply);
    connect(apply, &QPushButton::clicked, this, &DiscountDialog::apply);
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
    update();
    m_field->setFocus();
}

Result<DiscountDialog::Reading> DiscountDialog::read() const
{
    QString typed = m_field->text().trimmed();
    bool percent = m_percent;
    if (typed.endsWith(u'%') || typed.endsWith(QChar(0xFF05))) { // "%" or the full-width "％"
        percent = true;
        typed.chop(1);
    } else if (namesCurrency(typed, m_cart.currency())) {
        percent = false;
    }
    Result<Discount> discount = Discount();
    if (percent) {
        const Result<qint64> ppm = parseTypedAmount(typed, kPercentDecimals);
        discount = ppm ? Discount::percentPpm(*ppm) : Result<Discount>(ppm.error());
    } else {
        const Result<Money> amount = parseTypedMoney(typed, m_cart.currency());
        discount =
            amount ? Discount::amount(amount->minorUnits()) : Result<Discount>(amount.error());
    }
    if (!discount)
        return discount.error();
    // Tried on a copy: what the cart refuses (more than the line costs) is said before Enter.
    Cart trial = m_cart;
    if (Result<void> set = trial.setLineDiscount(m_lineNo, *discount); !set)
        return set.error();
    const std::optional<PricedLine> priced = pricedLine(trial, m_lineNo);
    if (!priced)
        return trial.totals().error();
    return Reading{*discount, priced->amount.gross};
}

void DiscountDialog::choose(bool percent)
{
    m_percent = percent;
    update();
    m_field->setFocus();
}

void DiscountDialog::update()
{
    const QString typed = m_field->text().trimmed();
    const Result<Reading> reading = read();
    // The buttons show how the text is read, also when the text itself decided.
    const bool percent = reading ? reading->discount.kind() != Discount::Kind::Amount : m_percent;
    m_percentButton->setChecked(percent);
    m_amountButton->setChecked(!percent);
    QPalette palette = m_preview->palette();
    palette.setColor(QPalette::WindowText, reading || typed.isEmpty()
                                               ? this->palette().color(QPalette::WindowText)
                                               : QColor(0xb0, 0x00, 0x20));
    m_preview->setPalette(palette);
    if (typed.isEmpty()) {
        m_preview->setText(tr("Type the discount."));
        return;
    }
    if (!reading) {
        m_preview->setText(reading.error().message);
        return;
    }
    QString text = tr("Line total %1 → %2").arg(formatMoney(m_before), formatMoney(reading->after));
    if (reading->discount.exceedsShare(m_listTotal.minorUnits(), m_shareWithoutManager))
        text += u'\n' + tr("A manager approves this discount.");
    m_preview->setText(text);
}

void DiscountDialog::apply()
{
    const Result<Reading> reading = read();
    if (!reading) {
        update();
        m_field->selectAll();
        return;
    }
    m_discount = reading->discount;
    m_after = reading->after;
    accept();
}

QString DiscountDialog::discountText() const
{
    if (m_discount.kind() == Discount::Kind::Amount)
        return formatMoney(Money(m_discount.value(), m_cart.currency()));
    return tr("%1 %").arg(formatPercent(m_discount.value()));
}

Money DiscountDialog::lineTotalBefore() const
{
    return m_before;
}

Money DiscountDialog::lineTotalAfter() const
{
    return m_after;
}

bool DiscountDialog::needsManager() const
{
    return m_discount.exceedsShare(m_listTotal.minorUnits(), m_shareWithoutManager);
}

} // namespace counterline::ui
