#include "ui/history_filter_bar.h"

#include "domain/order_state_machine.h"
#include "domain/typed_amount.h"

#include <QBoxLayout>
#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace counterline::ui {

HistoryFilterBar::HistoryFilterBar(Currency currency, bool showTerminal, QWidget *parent)
    : QWidget(parent)
    , m_currency(std::move(currency))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *when = new QHBoxLayout;
    auto *what = new QHBoxLayout;
    layout->addLayout(when);
    layout->addLayout(what);
    addField(when, u"from"_s, tr("From (YYYY-MM-DD)"), 130);
    addField(when, u"to"_s, tr("To (YYYY-MM-DD)"), 130);
    m_status = new QComboBox(this);
    m_status->setObjectName(u"filterStatus"_s);
    m_status->addItem(tr("Any status"), QString());
    for (OrderStatus status : kAllOrderStatuses)
        m_status->addItem(orderStatusWords(status), orderStatusName(status));
    when->addWidget(m_status);
    addField(when, u"cashier"_s, tr("Cashier"), 100);
    if (showTerminal)
        addField(when, u"terminal"_s, tr("Till"), 70);
    addField(what, u"customer"_s, tr("Customer"), 100);
    addField(what, u"receipt"_s, tr("Receipt no."), 130);
    addField(what, u"sku"_s, tr("SKU"), 100);
    addField(what, u"min"_s, tr("Min. total"), 80);
    addField(what, u"max"_s, tr("Max. total"), 80);
    auto *apply = new QPushButton(tr("Filter"), this);
    apply->setObjectName(u"applyFilter"_s);
    what->addWidget(apply);
    connect(apply, &QPushButton::clicked, this, &HistoryFilterBar::applied);
    connect(m_status, &QComboBox::activated, this, &HistoryFilterBar::applied);
}

QLineEdit *HistoryFilterBar::addField(QBoxLayout *row, const QString &name,
                                      const QString &placeholder, int width)
{
    auto *field = new QLineEdit(this);
    field->setObjectName(u"filter_"_s + name);
    field->setPlaceholderText(placeholder);
    field->setMinimumWidth(width);
    field->setClearButtonEnabled(true);
    row->addWidget(field);
    m_fields.append(field);
    connect(field, &QLineEdit::returnPressed, this, &HistoryFilterBar::applied);
    return field;
}

QLineEdit *HistoryFilterBar::field(const QString &name) const
{
    return findChild<QLineEdit *>(u"filter_"_s + name);
}

Result<HistoryQuery> HistoryFilterBar::query() const
{
    HistoryQuery query;
    auto text = [this](const QString &name) {
        const QLineEdit *edit = field(name);
        return edit ? edit->text().trimmed() : QString();
    };
    for (const auto &[name, target] : {std::pair{u"from"_s, &query.from}, {u"to"_s, &query.to}}) {
        const QString value = text(name);
        if (value.isEmpty())
            continue;
        const QDate date = QDate::fromString(value, Qt::ISODate);
        if (!date.isValid()) {
            return Error{u"filter.bad_date"_s,
                         tr("\"%1\" is not a date like 2026-11-24.").arg(value)};
        }
        // Whole days in local time; "to" includes its day.
        *target = QDateTime(name == u"to"_s ? date.addDays(1) : date, QTime(0, 0)).toUTC();
    }
    query.status = m_status->currentData().toString();
    query.cashier = text(u"cashier"_s);
    query.terminal = text(u"terminal"_s);
    query.customer = text(u"customer"_s);
    query.receiptNumber = text(u"receipt"_s);
    query.sku = text(u"sku"_s);
    for (const auto &[name, target] :
         {std::pair{u"min"_s, &query.minTotalMinor}, {u"max"_s, &query.maxTotalMinor}}) {
        const QString value = text(name);
        if (value.isEmpty())
            continue;
        Result<Money> amount = parseTypedMoney(value, m_currency);
        if (!amount)
            return Error{u"filter.bad_amount"_s, amount.error().message};
        *target = amount->minorUnits();
    }
    return query;
}

} // namespace counterline::ui
