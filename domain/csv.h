#pragma once

#include "domain/result.h"

#include <QList>
#include <QStringList>

namespace counterline {

struct CsvRow
{
    int line = 0; // 1-based line where the row starts
    QStringList fields;
};

// RFC 4180 text: comma-separated, fields optionally in double quotes (a doubled quote inside is
// one quote; quoted fields may hold commas and line breaks), CRLF or LF line ends, an optional
// UTF-8 byte-order mark. Blank lines are skipped. An unterminated quote is an error naming its
// line.
Result<QList<CsvRow>> parseCsv(QStringView text);

// One record for writing: fields that hold a comma, quote or line break, or start with a
// byte-order mark, are quoted. Ends in CRLF.
QString csvRecord(const QStringList &fields);

} // namespace counterline
