#pragma once

#include "domain/result.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>

#include <memory>

namespace counterline::store {

// One open terminal database: a SQLite file in WAL mode with synchronous=FULL, foreign keys on,
// a busy timeout and Counterline's application_id. Owns its QSqlDatabase connection; the
// connection lives on the thread that opened it.
class Database
{
    Q_DECLARE_TR_FUNCTIONS(Database)

public:
    // The value of PRAGMA application_id in every Counterline terminal database ("CLPS").
    static constexpr qint32 kApplicationId = 0x434c5053;

    // Opens (creating if needed) the file at `filePath`. A file that belongs to another program
    // is refused and left untouched.
    static Result<std::unique_ptr<Database>> open(const QString &filePath);

    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    QSqlDatabase connection() const;
    const QString &filePath() const { return m_filePath; }

private:
    Database(QString connectionName, QString filePath);

    QString m_connectionName;
    QString m_filePath;
};

} // namespace counterline::store
