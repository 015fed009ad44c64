#pragma once

// Reads a terminal's database (DATA_DIR/terminal.sqlite) on a connection of the test's own, the
// way a support engineer would look at it: rows, or a number.

#include <QDir>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QUuid>
#include <QVariantList>

namespace counterline::testing {

// Every row of `sql`; for a statement without rows, one row holding the rows affected.
inline QList<QVariantList> terminalRows(const QString &dataDir, const QString &sql)
{
    const QString name = QUuid::createUuid().toString();
    QList<QVariantList> rows;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(QDir(dataDir).filePath(QStringLiteral("terminal.sqlite")));
        if (db.open()) {
            QSqlQuery query(db);
            query.setForwardOnly(true);
            if (!query.exec(sql)) {
                qWarning("%s", qPrintable(query.lastError().text()));
            } else if (!query.isSelect()) {
                rows.append(QVariantList{query.numRowsAffected()});
            } else {
                while (query.next()) {
                    QVariantList row;
                    for (int i = 0; i < query.record().count(); ++i)
                        row.append(query.value(i));
                    rows.append(row);
                }
            }
        }
    }
    QSqlDatabase::removeDatabase(name);
    return rows;
}

// The first column of the first row, -1 when there is none.
inline qint64 terminalCount(const QString &dataDir, const QString &sql)
{
    const QList<QVariantList> rows = terminalRows(dataDir, sql);
    return rows.isEmpty() || rows.first().isEmpty() ? -1 : rows.first().first().toLongLong();
}

} // namespace counterline::testing
