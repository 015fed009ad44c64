#include "domain/csv.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace counterline {

Result<QList<CsvRow>> parseCsv(QStringView text)
{
    if (text.startsWith(QChar(0xfeff)))
        text = text.mid(1);
    QList<CsvRow> rows;
    CsvRow row;
    QString field;
    bool quoted = false;
    bool fieldStarted = false;
    int line = 1;
    int quoteLine = 0;
    row.line = 1;

    auto endField = [&] {
        row.fields.append(field);
        field.clear();
        fieldStarted = false;
    };
    auto endRow = [&] {
        const bool blank = row.fields.size() == 1 && row.fields.first().isEmpty();
        if (!blank)
            rows.append(row);
        row = CsvRow{line + 1, {}};
    };

    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == u'"') {
                if (i + 1 < text.size() && text[i + 1] == u'"') {
                    field += u'"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == u'\n')
                    ++line;
                field += c;
            }
            continue;
        }
        if (c == u'"' && !fieldStarted && field.isEmpty()) {
            quoted = true;
            fieldStarted = true;
            quoteLine = line;
        } else if (c == u',') {
            endField();
        } else if (c == u'\r' && i + 1 < text.size() && text[i + 1] == u'\n') {
            continue; // the \n ends the row
        } else if (c == u'\n') {
            endField();
            endRow();
            ++line;
        } else {
            field += c;
            fieldStarted = true;
        }
    }
    if (quoted) {
        return Error{u"csv.unterminated_quote"_s,
                     QCoreApplication::translate("counterline::Csv",
                                                 "line %1: a quoted field is never closed")
                         .arg(quoteLine)};
    }
    if (fieldStarted || !field.isEmpty() || !row.fields.isEmpty()) {
        endField();
        endRow();
    }
    return rows;
}

QString csvRecord(const QStringList &fields)
{
    QString record;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            record += u',';
        const QString &field = fields[i];
        // A field that starts with a byte-order mark is quoted too: a reader would take an
        // unquoted one at the start of a file for the file's own mark.
        if (field.contains(u',') || field.contains(u'"') || field.contains(u'\n') ||
            field.contains(u'\r') || field.startsWith(QChar(0xfeff))) {
            QString escaped = field;
            escaped.replace(u"\""_s, u"\"\""_s);
            record += u'"' + escaped + u'"';
        } else {
            record += field;
        }
    }
    return record + u"\r\n"_s;
}

} // namespace counterline
