#pragma once

#include "domain/result.h"
#include "ui/history_source.h"

#include <QObject>

#include <memory>

class QSaveFile;

namespace counterline::ui {

// CSV export of a filtered history (RFC 4180, UTF-8, CRLF, a header row): every order the query
// finds, fetched page by page like the browser does, never all at once. Written through
// QSaveFile: the file appears whole or not at all.
//
// Asynchronous: each page is asked for from the event loop, so a window stays responsive while a
// million orders are written (a page of the terminal's history takes about a millisecond; the
// server's arrive when they arrive). finished() comes once, with how many orders were written or
// why nothing was saved.
class HistoryExport : public QObject
{
    Q_OBJECT

public:
    static constexpr int kPageSize = 500;

    HistoryExport(HistorySource &source, HistoryQuery query, QString path,
                  QObject *parent = nullptr, int pageSize = kPageSize);
    ~HistoryExport() override;

    static const QStringList &header();

    void start();
    // Stops after the page in hand; nothing is saved ("export.cancelled").
    void cancel();
    int written() const { return m_written; }

    // Runs an export to its end and waits for it (tests, scripts).
    static Result<int> toCsv(HistorySource &source, const HistoryQuery &query, const QString &path);

signals:
    void progress(int written);
    void finished(const counterline::Result<int> &written);

private:
    void fetchNext();
    void take(const Result<HistoryPage> &page);
    void finish(const Result<int> &outcome);

    HistorySource &m_source;
    HistoryQuery m_query;
    QString m_path;
    std::unique_ptr<QSaveFile> m_file;
    QString m_cursor;
    int m_pageSize = kPageSize;
    int m_written = 0;
    bool m_cancelled = false;
    bool m_done = false;
};

} // namespace counterline::ui
