#pragma once

#include "domain/clock.h"
#include "domain/result.h"
#include "store/database.h"

#include <QWidget>

class QLabel;
class QTableWidget;

namespace counterline::ui {

// The back office's view of sync: what waits in the outbox, what needs a person (with the
// server's reason), "Retry now", and an export of diagnostics for support.
class SyncDashboard : public QWidget
{
    Q_OBJECT

public:
    SyncDashboard(const store::Database &database, const Clock &clock, QWidget *parent = nullptr);

    void refresh();

    // A JSON file for support: the terminal, its schema, sync status, every waiting entry with its
    // history, the journal's verification and last audit, offline card payments waiting.
    static Result<void> writeDiagnostics(const store::Database &database, const Clock &clock,
                                         const QString &path);

private:
    void retrySelected();
    void exportDiagnostics();

    const store::Database &m_database;
    const Clock &m_clock;
    QLabel *m_summary = nullptr;
    QLabel *m_retryNote = nullptr; // what "Retry now" did
    QTableWidget *m_table = nullptr;
};

} // namespace counterline::ui
