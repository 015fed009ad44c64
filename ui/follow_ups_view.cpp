#include "ui/follow_ups_view.h"

#include "domain/currency.h"
#include "domain/money.h"
#include "sync/server_orders.h"
#include "ui/money_format.h"

#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLocale>
#include <QPointer>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace counterline::ui {

FollowUpsView::FollowUpsView(sync::ServerOrders &orders, QWidget *parent)
    : QWidget(parent)
    , m_orders(orders)
{
    auto *layout = new QVBoxLayout(this);
    m_summary = new QLabel(this);
    m_summary->setObjectName(u"followUpSummary"_s);
    layout->addWidget(m_summary);
    m_table = new QTableWidget(0, 5, this);
    m_table->setObjectName(u"followUpTable"_s);
    m_table->setHorizontalHeaderLabels(
        {tr("Receipt"), tr("Store"), tr("Total"), tr("Since"), tr("Why")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    layout->addWidget(m_table, 1);
    auto *reload = new QPushButton(tr("Refresh"), this);
    layout->addWidget(reload, 0, Qt::AlignRight);
    connect(reload, &QPushButton::clicked, this, &FollowUpsView::refresh);
    refresh();
}

int FollowUpsView::rowCount() const
{
    return m_table->rowCount();
}

void FollowUpsView::refresh()
{
    const QPointer<FollowUpsView> self(this);
    m_orders.followUps({}, [self](const Result<QJsonObject> &answer) {
        if (!self)
            return;
        if (!answer) {
            self->m_summary->setText(answer.error().message);
            return;
        }
        const QJsonArray orders = answer->value(u"orders"_s).toArray();
        self->m_summary->setText(
            orders.isEmpty()
                ? tr("No card taken offline has been declined.")
                : tr("%n sales paid by a card taken offline that was declined afterwards: "
                     "contact the customer.",
                     nullptr, int(orders.size())));
        self->m_table->setRowCount(int(orders.size()));
        for (int row = 0; row < orders.size(); ++row) {
            const QJsonObject order = orders[row].toObject();
            const Result<Currency> currency =
                Currency::fromCode(order.value(u"currency"_s).toString());
            const QStringList cells{
                order.value(u"receipt_no"_s).toString(), order.value(u"store_id"_s).toString(),
                currency ? formatMoney(Money(order.value(u"total"_s).toInteger(), *currency))
                         : QString::number(order.value(u"total"_s).toInteger()),
                QLocale().toString(
                    QDateTime::fromString(order.value(u"since"_s).toString(), Qt::ISODateWithMs)
                        .toLocalTime(),
                    QLocale::ShortFormat),
                order.value(u"reason"_s).toString()};
            for (int column = 0; column < cells.size(); ++column)
                self->m_table->setItem(row, column, new QTableWidgetItem(cells[column]));
        }
    });
}

} // namespace counterline::ui
