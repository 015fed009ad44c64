#pragma once

#include "store/database.h"

#include <QWidget>

class QChart;
class QChartView;
class QDateEdit;
class QLabel;
class QTableWidget;

namespace counterline::ui {

// The back office's reports: one day's sales by hour as a chart (Qt Charts), and a period's
// totals per tax rate and per tender.
class ReportsView : public QWidget
{
    Q_OBJECT

public:
    explicit ReportsView(const store::Database &database, QWidget *parent = nullptr);

    void showDay(const QDate &day);
    void showPeriod(const QDate &first, const QDate &last);

private:
    void replaceChart(QChart *chart);

    const store::Database &m_database;
    QDateEdit *m_day = nullptr;
    QDateEdit *m_first = nullptr;
    QDateEdit *m_last = nullptr;
    QChartView *m_chart = nullptr;
    QLabel *m_dayTotal = nullptr;
    QTableWidget *m_totals = nullptr;
};

} // namespace counterline::ui
