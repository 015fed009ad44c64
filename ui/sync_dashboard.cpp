#include "ui/sync_dashboard.h"

#include "store/journal.h"
#include "store/offline_cards.h"
#include "store/outbox_store.h"
#include "store/terminal_identity.h"
#include "sync/problem_words.h"

#include <QCoreApplication>
#include <QFileDialog>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace counterline::ui {

namespace {

constexpr int kShown = 500;

QString when(const std::optional<QDateTime> &at)
{
    return at ? QLocale().toString(at->toLocalTime(), QLocale::ShortFormat) : QString();
}

QJsonValue timeJson(const std::optional<QDateTime> &at)
{
    return at ? QJsonValue(at->toUTC().toString(Qt::ISODateWithMs)) : QJsonValue();
}

} // namespace

SyncDashboard::SyncDashboard(const store::Database &database, const Clock &clock, QWidget *parent)
    : QWidget(parent)
    , m_database(database)
    , m_clock(clock)
{
    auto *layout = new QVBoxLayout(this);
    m_summary = new QLabel(this);
    m_summary->setObjectName(u"syncSummary"_s);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    m_table = new QTableWidget(0, 7, this);
    m_table->setObjectName(u"outboxTable"_s);
    m_table->setHorizontalHeaderLabels({tr("Receipt"), tr("What"), tr("State"), tr("Attempts"),
                                        tr("Last answer"), tr("Next try"), tr("Reason")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    layout->addWidget(m_table, 1);
    auto *buttons = new QHBoxLayout;
    auto *retry = new QPushButton(tr("Retry now"), this);
    retry->setObjectName(u"retryNow"_s);
    auto *reload = new QPushButton(tr("Refresh"), this);
    auto *diagnostics = new QPushButton(tr("Export diagnostics…"), this);
    diagnostics->setObjectName(u"exportDiagnostics"_s);
    m_retryNote = new QLabel(this);
    m_retryNote->setObjectName(u"retryNote"_s);
    m_retryNote->setWordWrap(true);
    buttons->addWidget(retry);
    buttons->addWidget(m_retryNote, 1);
    buttons->addWidget(reload);
    buttons->addStretch(1);
    buttons->addWidget(diagnostics);
    layout->addLayout(buttons);
    connect(retry, &QPushButton::clicked, this, &SyncDashboard::retrySelected);
    connect(reload, &QPushButton::clicked, this, &SyncDashboard::refresh);
    connect(diagnostics, &QPushButton::clicked, this, &SyncDashboard::exportDiagnostics);
    refresh();
}

void SyncDashboard::refresh()
{
    Result<store::SyncStatus> status = store::OutboxStore(m_database, m_clock).status(kShown);
    if (!status) {
        m_summary->setText(status.error().message);
        return;
    }
    QString summary = tr("%n waiting to be sent", nullptr, status->pending) + u", "_s +
                      tr("%n needing attention", nullptr, status->needsAttention) + u". "_s;
    if (status->oldestPending)
        summary += tr("Oldest waiting since %1. ").arg(when(status->oldestPending));
    summary += status->lastSuccess ? tr("Last delivery %1.").arg(when(status->lastSuccess))
                                   : tr("Nothing delivered yet.");
    if (!status->lastError.isEmpty())
        summary += u" "_s + tr("Last problem: %1")
                                .arg(sync::problemWords(status->lastCode, status->lastStatus,
                                                        status->lastError));
    if (status->journal)
        summary += u" "_s + status->journal->describe();
    m_summary->setText(summary);

    m_table->setRowCount(int(status->waiting.size()));
    for (int row = 0; row < status->waiting.size(); ++row) {
        const store::WaitingEntry &entry = status->waiting[row];
        const QStringList cells{
            entry.receiptNo,
            entry.kind,
            entry.state == u"needs_attention"_s ? tr("Needs attention") : tr("Waiting"),
            QString::number(entry.attempts),
            entry.lastStatus ? u"HTTP %1"_s.arg(entry.lastStatus)
            : entry.attempts ? tr("no answer")
                             : QString(),
            when(entry.nextAttemptAt),
            sync::problemWords(entry.lastCode, entry.lastStatus, entry.lastError)};
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells[column]);
            item->setData(Qt::UserRole, entry.seq);
            m_table->setItem(row, column, item);
        }
        m_table->item(row, int(cells.size()) - 1)->setToolTip(entry.lastError); // for support
    }
}

void SyncDashboard::retrySelected()
{
    QList<qint64> chosen;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        chosen.append(m_table->item(index.row(), 0)->data(Qt::UserRole).toLongLong());
    if (chosen.isEmpty()) { // nothing chosen: every entry
        for (int row = 0; row < m_table->rowCount(); ++row)
            chosen.append(m_table->item(row, 0)->data(Qt::UserRole).toLongLong());
    }
    store::OutboxStore outbox(m_database, m_clock);
    int due = 0;
    for (qint64 seq : std::as_const(chosen)) {
        Result<bool> woken = outbox.retryNow(seq);
        if (!woken) {
            QMessageBox::warning(this, tr("Retry now"), woken.error().message);
            break;
        }
        due += *woken ? 1 : 0;
    }
    m_retryNote->setText(
        due == 0 ? tr("Nothing was waiting to be sent again.")
                 : tr("%n will be sent on the till's next pass, within seconds when the server is "
                      "reachable; their state shows here.",
                      nullptr, due));
    refresh();
}

void SyncDashboard::exportDiagnostics()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export diagnostics"), u"counterline-diagnostics.json"_s, tr("JSON (*.json)"));
    if (path.isEmpty())
        return;
    if (Result<void> written = writeDiagnostics(m_database, m_clock, path); !written)
        QMessageBox::warning(this, tr("Export diagnostics"), written.error().message);
}

Result<void> SyncDashboard::writeDiagnostics(const store::Database &database, const Clock &clock,
                                             const QString &path)
{
    QJsonObject report{{u"generated_at"_s, clock.now().toUTC().toString(Qt::ISODateWithMs)},
                       {u"version"_s, QCoreApplication::applicationVersion()},
                       {u"schema_version"_s, database.schemaVersion()}};
    if (Result<store::TerminalIdentity> identity =
            store::TerminalSettings::load(database.connection())) {
        report.insert(u"terminal"_s, QJsonObject{{u"store"_s, identity->storeId},
                                                 {u"terminal"_s, identity->terminalId},
                                                 {u"currency"_s, identity->currency.code()}});
    }
    Result<store::SyncStatus> status = store::OutboxStore(database, clock).status(kShown);
    if (!status)
        return status.error();
    QJsonArray waiting;
    for (const store::WaitingEntry &entry : std::as_const(status->waiting))
        waiting.append(entry.toJson());
    report.insert(u"sync"_s, QJsonObject{{u"pending"_s, status->pending},
                                         {u"needs_attention"_s, status->needsAttention},
                                         {u"oldest_pending"_s, timeJson(status->oldestPending)},
                                         {u"last_success"_s, timeJson(status->lastSuccess)},
                                         {u"last_error"_s, status->lastError},
                                         {u"waiting"_s, waiting}});
    if (status->journal)
        report.insert(u"journal_audit"_s, status->journal->describe());
    Result<store::JournalVerification> verified = store::Journal::verify(database.connection());
    if (verified) {
        report.insert(u"journal"_s, QJsonObject{{u"entries"_s, verified->entries},
                                                {u"holds"_s, verified->ok()},
                                                {u"problem"_s, verified->problem}});
    }
    if (Result<store::OfflineCards::Outstanding> offline =
            store::OfflineCards::outstanding(database)) {
        report.insert(u"offline_cards"_s, QJsonObject{{u"waiting"_s, offline->count},
                                                      {u"total_minor"_s, offline->totalMinor}});
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(QJsonDocument(report).toJson(QJsonDocument::Indented)) < 0 || !file.commit()) {
        return Error{u"export.unwritable"_s,
                     tr("Cannot write %1: %2").arg(path, file.errorString())};
    }
    return success();
}

} // namespace counterline::ui
