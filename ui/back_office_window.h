#pragma once

#include "domain/clock.h"
#include "domain/id_source.h"
#include "store/database.h"
#include "ui/history_model.h"
#include "ui/history_source.h"
#include "ui/order_backend.h"

#include <QMainWindow>

class QLabel;
class QPushButton;
class QTableView;
class QTabWidget;

namespace counterline::ui {

class HistoryExport;
class HistoryFilterBar;
class OrderDetailView;
class ReportsView;
class SyncDashboard;

// What a store manager uses: the order history with filters and keyset paging, one order in full
// with its actions, CSV export, and — on a terminal's database — the sync dashboard and reports.
// On the server (head office, `counterline --back-office --server URL`) the history is the
// chain's or a store's, and there is no terminal database to show sync or reports of.
class BackOfficeWindow : public QMainWindow
{
    Q_OBJECT

public:
    // On this terminal's database (`database` set), or on the server (`database` null).
    BackOfficeWindow(HistorySource &source, OrderBackend &backend, const store::Database *database,
                     const Clock &clock, QString title, QString user, QWidget *parent = nullptr);
    ~BackOfficeWindow() override;

    HistoryModel &history() { return *m_model; }
    OrderDetailView &detail() { return *m_detail; }
    HistoryFilterBar &filters() { return *m_filters; }

    // Another view beside the orders (head office: the follow-up list).
    void addView(QWidget *view, const QString &title);

    // Writes the filtered history to `path` as CSV, page by page from the event loop: the window
    // stays usable, the status bar counts the orders written and offers Cancel; the outcome is
    // said there when it is done. One export at a time. Returns the export (deleted later once
    // it has finished).
    HistoryExport *exportCsv(const QString &path);

private:
    void applyFilters();
    void chooseExportFile();

    HistorySource &m_source;
    HistoryModel *m_model = nullptr;
    QTabWidget *m_tabs = nullptr;
    HistoryFilterBar *m_filters = nullptr;
    QTableView *m_table = nullptr;
    OrderDetailView *m_detail = nullptr;
    SyncDashboard *m_sync = nullptr;
    ReportsView *m_reports = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_exportButton = nullptr;
    QPushButton *m_cancelExport = nullptr;
    HistoryExport *m_export = nullptr;
};

} // namespace counterline::ui
