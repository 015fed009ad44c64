#pragma once

#include "domain/result.h"
#include "store/migrations.h"

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

    // Opens the file at `filePath`, creating it when there is none, and brings its schema up to
    // date. Anything that is not a Counterline terminal database (random bytes, an empty file,
    // another program's SQLite file, a schema newer than this program) is refused with an error
    // that names the file, and the file is left untouched.
    static Result<std::unique_ptr<Database>>
    open(const QString &filePath, const QList<Migration> &migrations = terminalMigrations());

    // The file name inside a data directory: DIR/terminal.sqlite.
    static QString fileIn(const QString &dataDirectory);
    // Where the terminal keeps its data without --data-dir (QStandardPaths::AppDataLocation).
    static QString defaultDataDirectory();

    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    QSqlDatabase connection() const;
    const QString &filePath() const { return m_filePath; }
    int schemaVersion() const { return m_schemaVersion; }

private:
    Database(QString connectionName, QString filePath);

    QString m_connectionName;
    QString m_filePath;
    int m_schemaVersion = 0;
};

} // namespace counterline::store
