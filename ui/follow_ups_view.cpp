#include "ui/follow_ups_view.h"

#include "domain/currency.h"
#include "domain/money.h"
#include "sync/server_orders.h"
#include "ui/money_format.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPointer>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QUrlQuery>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace counterline::ui {

namespace {

enum Column
{
    Raised,
    Kind,
    Receipt,
    Till,
    Amount,
    State,
    Detail,
    ColumnCount
};

QString whenText(const QString &at)
{
    return QLocale().toString(QDateTime::fromString(at, Qt::ISODateWithMs).toLocalTime(),
                              QLocale::ShortFormat);
}

QString amountText(const QJsonObject &item)
{
    if (!item.contains(u"amount"_s))
        return {};
    const Result<Currency> currency = Currency::fromCode(item.value(u"currency"_s).toString());
    const qint64 minor = item.value(u"amount"_s).toInteger();
    return currency ? formatMoney(Money(minor, *currency)) : QString::number(minor);
}

} // namespace

FollowUpsView::FollowUpsView(sync::ServerOrders &orders, QWidget *parent)
    : QWidget(parent)
    , m_orders(orders)
{
    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    m_summary = new QLabel(this);
    m_summary->setObjectName(u"followUpSummary"_s);
    m_summary->setWordWrap(true);
    top->addWidget(m_summary, 1);
    m_state = new QComboBox(this);
    m_state->setObjectName(u"followUpState"_s);
    m_state->addItem(tr("Open"), u"open"_s);
    m_state->addItem(tr("Settled"), u"settled"_s);
    m_state->addItem(tr("All"), u"all"_s);
    top->addWidget(m_state);
    auto *reload = new QPushButton(tr("Refresh"), this);
    reload->setObjectName(u"followUpRefresh"_s);
    top->addWidget(reload);
    layout->addLayout(top);

    auto *split = new QSplitter(Qt::Vertical, this);
    m_table = new QTableWidget(0, ColumnCount, split);
    m_table->setObjectName(u"followUpTable"_s);
    m_table->setHorizontalHeaderLabels({tr("Raised"), tr("What"), tr("Receipt"), tr("Till"),
                                        tr("Amount"), tr("State"), tr("Detail")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    auto *item = new QWidget(split);
    auto *itemLayout = new QVBoxLayout(item);
    itemLayout->setContentsMargins(0, 0, 0, 0);
    m_detail = new QLabel(item);
    m_detail->setObjectName(u"followUpDetail"_s);
    m_detail->setWordWrap(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    itemLayout->addWidget(m_detail);
    m_notes = new QListWidget(item);
    m_notes->setObjectName(u"followUpNotes"_s);
    m_notes->setWordWrap(true);
    itemLayout->addWidget(m_notes, 1);
    auto *noteRow = new QHBoxLayout;
    m_note = new QLineEdit(item);
    m_note->setObjectName(u"followUpNote"_s);
    m_note->setPlaceholderText(tr("What was done, e.g. \"refunded by bank transfer on 4 Dec\""));
    m_note->setMaxLength(2000);
    noteRow->addWidget(m_note, 1);
    m_add = new QPushButton(tr("Add note"), item);
    m_add->setObjectName(u"addFollowUpNote"_s);
    noteRow->addWidget(m_add);
    m_settle = new QPushButton(tr("Settle with this note"), item);
    m_settle->setObjectName(u"settleFollowUp"_s);
    noteRow->addWidget(m_settle);
    itemLayout->addLayout(noteRow);
    m_message = new QLabel(item);
    m_message->setObjectName(u"followUpMessage"_s);
    m_message->setWordWrap(true);
    itemLayout->addWidget(m_message);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);

    connect(reload, &QPushButton::clicked, this, &FollowUpsView::refresh);
    connect(m_state, &QComboBox::currentIndexChanged, this, &FollowUpsView::refresh);
    connect(m_table, &QTableWidget::currentCellChanged, this, [this] { showCurrent(true); });
    connect(m_add, &QPushButton::clicked, this, [this] { addNote(false); });
    connect(m_settle, &QPushButton::clicked, this, [this] { addNote(true); });
    connect(m_note, &QLineEdit::returnPressed, this, [this] { addNote(false); });
    showCurrent(true);
    refresh();
}

int FollowUpsView::rowCount() const
{
    return m_table->rowCount();
}

qint64 FollowUpsView::currentId() const
{
    const int row = m_table->currentRow();
    if (row < 0 || row >= m_items.size())
        return -1;
    return m_items[row].toObject().value(u"id"_s).toInteger();
}

QString FollowUpsView::kindName(const QString &kind)
{
    if (kind == u"capture_declined"_s)
        return tr("Card declined after the sale");
    if (kind == u"refund_owed"_s)
        return tr("Money owed back");
    if (kind == u"refund_refused"_s)
        return tr("Refund refused");
    if (kind == u"receipt_duplicate"_s)
        return tr("Receipt number used twice");
    if (kind == u"price_differs"_s)
        return tr("Price not the catalog's");
    if (kind == u"tax_rate_differs"_s)
        return tr("Tax rate not the catalog's");
    if (kind == u"unknown_sku"_s)
        return tr("Item not in the catalog");
    return kind;
}

void FollowUpsView::refresh()
{
    const QPointer<FollowUpsView> self(this);
    const QUrlQuery query{{u"state"_s, m_state->currentData().toString()}};
    m_orders.followUps(query, [self](const Result<QJsonObject> &answer) {
        if (!self)
            return;
        if (!answer) {
            self->m_summary->setText(answer.error().message);
            return;
        }
        self->show(answer->value(u"follow_ups"_s).toArray());
        emit self->refreshed();
    });
}

void FollowUpsView::show(const QJsonArray &items)
{
    const qint64 wasShown = currentId();
    m_items = items;
    const QString state = m_state->currentData().toString();
    m_summary->setText(
        items.isEmpty()
            ? (state == u"open"_s ? tr("Nothing needs anyone to act: every follow-up is settled.")
                                  : tr("No follow-ups."))
            : (state == u"open"_s
                   ? tr("Items that need someone to act: %1. Settle each with a note of what was "
                        "done.")
                         .arg(items.size())
                   : tr("Items: %1.").arg(items.size())));
    const QSignalBlocker quiet(m_table);
    m_table->setRowCount(int(items.size()));
    int again = -1;
    for (int row = 0; row < items.size(); ++row) {
        const QJsonObject item = items[row].toObject();
        if (item.value(u"id"_s).toInteger() == wasShown)
            again = row;
        const bool settled = item.value(u"state"_s).toString() == u"settled"_s;
        const QStringList cells{
            whenText(item.value(u"raised_at"_s).toString()),
            kindName(item.value(u"kind"_s).toString()),
            item.value(u"receipt_no"_s).toString(),
            u"%1 %2"_s
                .arg(item.value(u"store_id"_s).toString(), item.value(u"terminal_id"_s).toString())
                .trimmed(),
            amountText(item),
            settled ? tr("Settled") : tr("Open"),
            item.value(u"detail"_s).toString()};
        for (int column = 0; column < cells.size(); ++column) {
            auto *cell = new QTableWidgetItem(cells[column]);
            if (column == Amount)
                cell->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_table->setItem(row, column, cell);
        }
    }
    if (!items.isEmpty())
        m_table->resizeColumnsToContents(); // an empty list keeps the widths it had
    m_table->setCurrentCell(again >= 0 ? again : (items.isEmpty() ? -1 : 0), 0);
    showCurrent(false);
}

void FollowUpsView::showCurrent(bool clearMessage)
{
    const int row = m_table->currentRow();
    const bool shown = row >= 0 && row < m_items.size();
    const QJsonObject item = shown ? m_items[row].toObject() : QJsonObject();
    const bool open = shown && item.value(u"state"_s).toString() == u"open"_s;
    m_notes->clear();
    if (clearMessage)
        m_message->clear();
    if (!shown) {
        m_detail->setText(tr("Pick an item to see it in full."));
    } else {
        QString head =
            u"<b>%1</b> — %2"_s.arg(kindName(item.value(u"kind"_s).toString()).toHtmlEscaped(),
                                    item.value(u"detail"_s).toString().toHtmlEscaped());
        head += u"<br>"_s + tr("Raised %1 by %2.")
                                .arg(whenText(item.value(u"raised_at"_s).toString()),
                                     item.value(u"raised_by"_s).toString())
                                .toHtmlEscaped();
        if (!open) {
            head += u" "_s + tr("Settled %1 by %2.")
                                 .arg(whenText(item.value(u"settled_at"_s).toString()),
                                      item.value(u"settled_by"_s).toString())
                                 .toHtmlEscaped();
        }
        m_detail->setText(head);
        for (const QJsonValue &value : item.value(u"notes"_s).toArray()) {
            const QJsonObject note = value.toObject();
            m_notes->addItem(
                tr("%1, %2%3: %4")
                    .arg(whenText(note.value(u"at"_s).toString()),
                         note.value(u"author"_s).toString(),
                         note.value(u"settles"_s).toBool() ? tr(" (settled)") : QString(),
                         note.value(u"note"_s).toString()));
        }
    }
    m_note->setEnabled(open);
    m_add->setEnabled(open);
    m_settle->setEnabled(open);
}

void FollowUpsView::addNote(bool settle)
{
    const qint64 id = currentId();
    const QString note = m_note->text().trimmed();
    if (id < 0)
        return;
    if (note.isEmpty()) {
        m_message->setText(settle ? tr("Say what was done before settling the item.")
                                  : tr("Type the note first."));
        return;
    }
    // One note per click: the buttons wait for the answer.
    m_add->setEnabled(false);
    m_settle->setEnabled(false);
    const QPointer<FollowUpsView> self(this);
    m_orders.addFollowUpNote(id, note, settle, [self, settle](const Result<QJsonObject> &answer) {
        if (!self)
            return;
        if (!answer) {
            self->showCurrent(false);
            self->m_message->setText(answer.error().message);
            return;
        }
        self->m_note->clear();
        self->refresh();
        self->m_message->setText(settle ? tr("Settled.") : tr("Note added."));
    });
}

} // namespace counterline::ui
