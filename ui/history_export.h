#pragma once

#include "domain/result.h"
#include "ui/history_source.h"

#include <QCoreApplication>

namespace counterline::ui {

// CSV export of a filtered history (RFC 4180, UTF-8, CRLF, a header row): every order the query
// finds, fetched page by page like the browser does, never all at once. Written through
// QSaveFile: the file appears whole or not at all. Returns how many orders were written.
class HistoryExport
{
    Q_DECLARE_TR_FUNCTIONS(HistoryExport)

public:
    static const QStringList &header();
    static Result<int> toCsv(HistorySource &source, const HistoryQuery &query, const QString &path);
};

} // namespace counterline::ui
