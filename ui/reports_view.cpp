#include "ui/reports_view.h"

#include "store/sales_report.h"
#include "store/terminal_identity.h"
#include "ui/money_format.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDateEdit>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QValueAxis>

using namespace Qt::StringLiterals;

namespace counterline::ui {

ReportsView::ReportsView(const store::Database &database, QWidget *parent)
    : QWidget(parent)
    , m_database(database)
{
    auto *layout = new QVBoxLayout(this);
    auto *dayRow = new QHBoxLayout;
    m_day = new QDateEdit(QDate::currentDate(), this);
    m_day->setObjectName(u"reportDay"_s);
    m_day->setCalendarPopup(true);
    dayRow->addWidget(new QLabel(tr("Sales by hour on"), this));
    dayRow->addWidget(m_day);
    m_dayTotal = new QLabel(this);
    m_dayTotal->setObjectName(u"dayTotal"_s);
    dayRow->addWidget(m_dayTotal, 1);
    layout->addLayout(dayRow);
    m_chart = new QChartView(this);
    m_chart->setObjectName(u"hourlyChart"_s);
    m_chart->setRenderHint(QPainter::Antialiasing);
    m_chart->setMinimumHeight(260);
    layout->addWidget(m_chart, 2);

    auto *periodRow = new QHBoxLayout;
    m_first = new QDateEdit(QDate::currentDate().addDays(-6), this);
    m_first->setObjectName(u"reportFrom"_s);
    m_last = new QDateEdit(QDate::currentDate(), this);
    m_last->setObjectName(u"reportTo"_s);
    for (QDateEdit *edit : {m_first, m_last})
        edit->setCalendarPopup(true);
    periodRow->addWidget(new QLabel(tr("Totals from"), this));
    periodRow->addWidget(m_first);
    periodRow->addWidget(new QLabel(tr("to"), this));
    periodRow->addWidget(m_last);
    periodRow->addStretch(1);
    layout->addLayout(periodRow);
    m_totals = new QTableWidget(0, 4, this);
    m_totals->setObjectName(u"periodTotals"_s);
    m_totals->setHorizontalHeaderLabels({tr("What"), tr("Net"), tr("Tax"), tr("Gross")});
    m_totals->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_totals->verticalHeader()->hide();
    m_totals->setEditTriggers(QAbstractItemView::NoEditTriggers);
    layout->addWidget(m_totals, 1);

    connect(m_day, &QDateEdit::dateChanged, this, &ReportsView::showDay);
    auto period = [this] { showPeriod(m_first->date(), m_last->date()); };
    connect(m_first, &QDateEdit::dateChanged, this, period);
    connect(m_last, &QDateEdit::dateChanged, this, period);
    showDay(m_day->date());
    period();
}

void ReportsView::replaceChart(QChart *chart)
{
    // The view owns the chart it is given but only lets go of the one before: deleting that is
    // ours to do (a day chosen again, or the view's own first chart).
    QChart *previous = m_chart->chart();
    m_chart->setChart(chart);
    delete previous;
}

void ReportsView::showDay(const QDate &day)
{
    auto *chart = new QChart;
    chart->legend()->hide();
    Result<store::HourlySales> hourly = store::SalesReport::byHour(m_database, day);
    Result<store::TerminalIdentity> terminal =
        store::TerminalSettings::load(m_database.connection());
    if (!hourly || !terminal) {
        chart->setTitle(!hourly ? hourly.error().message : terminal.error().message);
        replaceChart(chart);
        return;
    }
    const Currency currency = terminal->currency;
    // Bars in whole currency units (integer division: the chart shows shape, the label the
    // exact amount).
    auto *takings = new QBarSet(tr("Sales"));
    QStringList hours;
    qint64 dayMinor = 0;
    int dayOrders = 0;
    qint64 highest = 0;
    for (int hour = 0; hour < 24; ++hour) {
        const qint64 minor = hourly->salesMinor[std::size_t(hour)];
        const qint64 whole = minor / currency.minorPerMajor();
        *takings << qreal(whole);
        highest = std::max(highest, whole);
        hours << u"%1"_s.arg(hour, 2, 10, QChar(u'0'));
        dayMinor += minor;
        dayOrders += hourly->orders[std::size_t(hour)];
    }
    auto *series = new QBarSeries;
    series->append(takings);
    chart->addSeries(series);
    auto *hoursAxis = new QBarCategoryAxis;
    hoursAxis->append(hours);
    hoursAxis->setTitleText(tr("Hour"));
    chart->addAxis(hoursAxis, Qt::AlignBottom);
    series->attachAxis(hoursAxis);
    auto *amountAxis = new QValueAxis;
    amountAxis->setRange(0, qreal(std::max<qint64>(highest, 1)));
    amountAxis->setLabelFormat(u"%d"_s);
    amountAxis->setTitleText(currency.code());
    chart->addAxis(amountAxis, Qt::AlignLeft);
    series->attachAxis(amountAxis);
    chart->setTitle(tr("Sales on %1").arg(QLocale().toString(day, QLocale::LongFormat)));
    replaceChart(chart);
    m_dayTotal->setText(
        tr("%n sales, %1", nullptr, dayOrders).arg(formatMoney(Money(dayMinor, currency))));
}

void ReportsView::showPeriod(const QDate &first, const QDate &last)
{
    Result<store::PeriodReport> report =
        store::SalesReport::period(m_database, QDateTime(first, QTime(0, 0)).toUTC(),
                                   QDateTime(last.addDays(1), QTime(0, 0)).toUTC());
    m_totals->setRowCount(0);
    if (!report) {
        m_totals->setRowCount(1);
        m_totals->setItem(0, 0, new QTableWidgetItem(report.error().message));
        return;
    }
    auto add = [this](const QString &what, const QString &net, const QString &tax,
                      const QString &gross) {
        const int row = m_totals->rowCount();
        m_totals->insertRow(row);
        const QStringList cells{what, net, tax, gross};
        for (int column = 0; column < 4; ++column) {
            auto *item = new QTableWidgetItem(cells[column]);
            if (column > 0)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_totals->setItem(row, column, item);
        }
    };
    for (const TaxRateTotal &rate : report->perRate) {
        add(tr("Tax rate %1 %").arg(rate.rate.toPercentText()), formatMoney(rate.net),
            formatMoney(rate.tax), formatMoney(rate.gross));
    }
    if (report->returnCount > 0) {
        add(tr("Returns (%n)", nullptr, report->returnCount), {}, {},
            formatMoney(Money(-report->returns.minorUnits(), report->returns.currency())));
    }
    add(tr("All sales (%n), less returns", nullptr, report->orderCount), {}, {},
        formatMoney(report->sales));
    add(tr("Cash, less change"), {}, {}, formatMoney(report->cash));
    add(tr("Card"), {}, {}, formatMoney(report->card));
    add(tr("of which taken offline"), {}, {}, formatMoney(report->cardOffline));
}

} // namespace counterline::ui
