#pragma once

#include "domain/clock.h"
#include "domain/id_source.h"
#include "store/database.h"
#include "ui/history_model.h"
#include "ui/local_history_source.h"

#include <QMainWindow>

class QLabel;
class QTableView;
class QTabWidget;

namespace counterline::ui {

class HistoryFilterBar;
class OrderDetailView;
class ReportsView;
class SyncDashboard;

// What a store manager uses on a terminal's database: the order history with filters and keyset
// paging, one order in full with its actions, the sync dashboard, reports, and CSV export.
class BackOfficeWindow : public QMainWindow
{
    Q_OBJECT

public:
    BackOfficeWindow(const store::Database &database, const Clock &clock, IdSource &ids,
                     QString user, QWidget *parent = nullptr);
    ~BackOfficeWindow() override;

    HistoryModel &history() { return *m_model; }
    OrderDetailView &detail() { return *m_detail; }
    HistoryFilterBar &filters() { return *m_filters; }

    // Writes the filtered history to `path` as CSV; the result is also said in the status bar.
    Result<int> exportCsv(const QString &path);

private:
    void applyFilters();
    void chooseExportFile();

    const store::Database &m_database;
    LocalHistorySource m_source;
    HistoryModel *m_model = nullptr;
    QTabWidget *m_tabs = nullptr;
    HistoryFilterBar *m_filters = nullptr;
    QTableView *m_table = nullptr;
    OrderDetailView *m_detail = nullptr;
    SyncDashboard *m_sync = nullptr;
    ReportsView *m_reports = nullptr;
    QLabel *m_message = nullptr;
};

} // namespace counterline::ui
