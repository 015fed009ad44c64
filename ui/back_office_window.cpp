#include "ui/back_office_window.h"

#include "store/terminal_identity.h"
#include "ui/history_export.h"
#include "ui/history_filter_bar.h"
#include "ui/order_detail_view.h"
#include "ui/reports_view.h"
#include "ui/sync_dashboard.h"

#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScreen>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace counterline::ui {

BackOfficeWindow::BackOfficeWindow(HistorySource &source, OrderBackend &backend,
                                   const store::Database *database, const Clock &clock,
                                   QString title, QString user, QWidget *parent)
    : QMainWindow(parent)
    , m_source(source)
{
    std::optional<Currency> currency;
    if (database) {
        if (Result<store::TerminalIdentity> terminal =
                store::TerminalSettings::load(database->connection()))
            currency = terminal->currency;
    }
    setWindowTitle(tr("Counterline back office — %1").arg(title));

    m_tabs = new QTabWidget(this);
    setCentralWidget(m_tabs);

    auto *orders = new QWidget(m_tabs);
    auto *ordersLayout = new QVBoxLayout(orders);
    m_filters =
        new HistoryFilterBar(currency.value_or(*Currency::fromCode(u"EUR"_s)), !database, orders);
    ordersLayout->addWidget(m_filters);
    auto *split = new QSplitter(Qt::Horizontal, orders);
    m_model = new HistoryModel(m_source, this);
    m_table = new QTableView(split);
    m_table->setObjectName(u"historyTable"_s);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_detail = new OrderDetailView(backend, std::move(user), split);
    split->addWidget(m_table);
    split->addWidget(m_detail);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    ordersLayout->addWidget(split, 1);
    m_exportButton = new QPushButton(tr("Export CSV…"), orders);
    m_exportButton->setObjectName(u"exportCsv"_s);
    m_cancelExport = new QPushButton(tr("Cancel export"), orders);
    m_cancelExport->setObjectName(u"cancelExport"_s);
    m_cancelExport->hide();
    auto *bottom = new QHBoxLayout;
    bottom->addStretch(1);
    bottom->addWidget(m_cancelExport);
    bottom->addWidget(m_exportButton);
    ordersLayout->addLayout(bottom);
    m_tabs->addTab(orders, tr("Orders"));

    if (database) {
        m_sync = new SyncDashboard(*database, clock, m_tabs);
        m_tabs->addTab(m_sync, tr("Sync"));
        m_reports = new ReportsView(*database, m_tabs);
        m_tabs->addTab(m_reports, tr("Reports"));
    }

    m_message = new QLabel(this);
    m_message->setObjectName(u"backOfficeMessage"_s);
    statusBar()->addWidget(m_message, 1);

    connect(m_filters, &HistoryFilterBar::applied, this, &BackOfficeWindow::applyFilters);
    connect(m_exportButton, &QPushButton::clicked, this, &BackOfficeWindow::chooseExportFile);
    connect(m_model, &HistoryModel::failed, m_message, &QLabel::setText);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                const QString id = m_model->data(current, HistoryModel::OrderIdRole).toString();
                if (!id.isEmpty())
                    m_detail->showOrder(id);
            });
    // The newest order is shown in full at first.
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this] {
        // Only while nothing is shown: after a change the changed order stays in view.
        if (!m_detail->shown() && !m_table->currentIndex().isValid() && m_model->rowCount() > 0) {
            m_table->resizeColumnsToContents(); // fitted to the first page
            m_table->selectRow(0);
        }
    });
    // A change made here shows in the list and the sync view at once.
    connect(m_detail, &OrderDetailView::orderChanged, this, [this] {
        m_model->setQuery(m_model->query());
        if (m_sync)
            m_sync->refresh();
    });
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (m_sync && m_tabs->widget(index) == m_sync)
            m_sync->refresh();
    });
    m_model->setQuery({});
    // As large as it reads best, but never larger than the screen (1024×768 and 1366×768 too).
    const QRect room = screen()->availableGeometry();
    resize(qMin(1280, room.width()), qMin(800, room.height()));
}

BackOfficeWindow::~BackOfficeWindow() = default;

void BackOfficeWindow::applyFilters()
{
    Result<HistoryQuery> query = m_filters->query();
    if (!query) {
        m_message->setText(query.error().message);
        return;
    }
    m_message->clear();
    m_table->setCurrentIndex({});
    m_detail->clear(); // the first order of the new list is shown when it arrives
    m_model->setQuery(*query);
}

void BackOfficeWindow::addView(QWidget *view, const QString &title)
{
    view->setParent(m_tabs);
    m_tabs->addTab(view, title);
}

HistoryExport *BackOfficeWindow::exportCsv(const QString &path)
{
    if (m_export)
        return m_export;
    m_export = new HistoryExport(m_source, m_model->query(), path, this);
    m_exportButton->setEnabled(false);
    m_cancelExport->show();
    m_message->setText(tr("Exporting to %1…").arg(path));
    connect(m_export, &HistoryExport::progress, this, [this, path](int written) {
        m_message->setText(tr("Exporting to %1: %n orders so far…", nullptr, written).arg(path));
    });
    connect(m_export, &HistoryExport::finished, this, [this, path](const Result<int> &written) {
        m_message->setText(written ? tr("%n orders written to %1.", nullptr, *written).arg(path)
                                   : written.error().message);
        m_exportButton->setEnabled(true);
        m_cancelExport->hide();
        m_export->deleteLater();
        m_export = nullptr;
    });
    connect(m_cancelExport, &QPushButton::clicked, m_export, &HistoryExport::cancel);
    HistoryExport *job = m_export;
    job->start(); // may finish at once (a file that cannot be written)
    return job;
}

void BackOfficeWindow::chooseExportFile()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the filtered history"),
                                                      u"orders.csv"_s, tr("CSV (*.csv)"));
    if (!path.isEmpty())
        (void)exportCsv(path);
}

} // namespace counterline::ui
