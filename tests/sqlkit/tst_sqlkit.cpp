// sqlkit's statement runner, transaction guard and migration runner, on real SQLite files.
// (The PostgreSQL side runs under tst_server_migrations and every server test.)

#include "sqlkit/migrations.h"
#include "sqlkit/statement.h"
#include "sqlkit/transaction.h"

#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace counterline;
using namespace counterline::sqlkit;
using namespace Qt::StringLiterals;

namespace {

QSqlDatabase openFile(const QString &path, const QString &name, const QString &options = {})
{
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
    db.setDatabaseName(path);
    db.setConnectOptions(options);
    db.open();
    return db;
}

void writeText(const QString &path, const QString &text)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text.toUtf8());
}

} // namespace

class SqlkitTest : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(u"t%1.sqlite"_s.arg(++m_round));
        m_db = openFile(m_path, u"main"_s);
        QVERIFY(m_db.isOpen());
        QVERIFY(exec(m_db, u"PRAGMA journal_mode = WAL"_s));
        QVERIFY(exec(m_db, u"CREATE TABLE sample (id INTEGER PRIMARY KEY, a INTEGER NOT NULL)"_s));
    }

    void cleanup()
    {
        m_db.close();
        m_db = QSqlDatabase();
        forgetStatements(u"main"_s);
        QSqlDatabase::removeDatabase(u"main"_s);
    }

    void refusalsAreClassified()
    {
        const QString insert = u"INSERT INTO sample (id, a) VALUES (?, ?)"_s;
        QVERIFY(exec(m_db, insert, {1, 5}));
        Result<QSqlQuery> duplicate = exec(m_db, insert, {1, 6});
        QVERIFY(!duplicate);
        QCOMPARE(duplicate.error().code, u"sql.conflict"_s);
        QVERIFY(duplicate.error().message.contains(u"INSERT INTO sample"_s));
        Result<QSqlQuery> nullValue = exec(m_db, insert, {2, QVariant()});
        QVERIFY(!nullValue);
        QCOMPARE(nullValue.error().code, u"sql.failed"_s);
        QVERIFY2(nullValue.error().message.contains(u"NOT NULL"_s),
                 qPrintable(nullValue.error().message));
        Result<QVariant> none = selectValue(m_db, u"SELECT a FROM sample WHERE id = ?"_s, {9});
        QVERIFY(!none);
        QCOMPARE(none.error().code, u"sql.no_row"_s);
        QCOMPARE(selectValue(m_db, u"SELECT a FROM sample WHERE id = ?"_s, {1})->toInt(), 5);
    }

    // A writer that cannot get the database is told sql.busy, not a failure.
    void aHeldDatabaseIsBusy()
    {
        QSqlDatabase other = openFile(m_path, u"other"_s, u"QSQLITE_BUSY_TIMEOUT=50"_s);
        {
            Transaction holding(m_db);
            QVERIFY(holding.begin());
            QVERIFY(exec(m_db, u"INSERT INTO sample (id, a) VALUES (1, 1)"_s));
            Transaction waiting(other);
            Result<void> begun = waiting.begin();
            QVERIFY(!begun);
            QCOMPARE(begun.error().code, u"sql.busy"_s);
        }
        other.close();
        other = QSqlDatabase();
        QSqlDatabase::removeDatabase(u"other"_s);
    }

    void transactionRollsBackUnlessCommitted()
    {
        {
            Transaction transaction(m_db);
            QVERIFY(transaction.begin());
            QVERIFY(exec(m_db, u"INSERT INTO sample (id, a) VALUES (1, 1)"_s));
        }
        QCOMPARE(selectValue(m_db, u"SELECT count(*) FROM sample"_s)->toInt(), 0);
        Transaction transaction(m_db);
        QVERIFY(transaction.begin());
        QVERIFY(exec(m_db, u"INSERT INTO sample (id, a) VALUES (?, ?)"_s, {1, 1}));
        QVERIFY(transaction.commit());
        QCOMPARE(selectValue(m_db, u"SELECT count(*) FROM sample"_s)->toInt(), 1);
    }

    // Kept statements are reused across calls and dropped with forgetStatements.
    void keptStatementsRunAgain()
    {
        keepStatements(u"main"_s);
        for (int i = 1; i <= 50; ++i)
            QVERIFY(exec(m_db, u"INSERT INTO sample (id, a) VALUES (?, ?)"_s, {i, i * 2}));
        QCOMPARE(selectValue(m_db, u"SELECT sum(a) FROM sample"_s)->toInt(), 2550);
        forgetStatements(u"main"_s);
        QVERIFY(exec(m_db, u"INSERT INTO sample (id, a) VALUES (?, ?)"_s, {51, 0}));
    }

    // A dialect's own file follows the shared part of its step; the other dialect's is skipped.
    void loadsNumberedStepsOfItsDialect()
    {
        const QString dir = m_dir.filePath(u"steps%1"_s.arg(m_round));
        QVERIFY(QDir().mkpath(dir));
        writeText(dir + u"/0001_base.sql"_s, u"CREATE TABLE a (x INTEGER);"_s);
        writeText(dir + u"/0002_rules.sql"_s, u"CREATE TABLE b (y INTEGER);"_s);
        writeText(dir + u"/0002_rules.sqlite.sql"_s, u"-- sqlite only\nSELECT 1;"_s);
        writeText(dir + u"/0002_rules.postgres.sql"_s, u"-- postgres only\nSELECT 2;"_s);
        Result<QList<Migration>> sqlite = loadMigrations(dir, u"sqlite"_s);
        QVERIFY(sqlite);
        QCOMPARE(sqlite->size(), 2);
        QCOMPARE(sqlite->at(1).version, 2);
        QCOMPARE(sqlite->at(1).name, u"0002_rules.sql"_s);
        QVERIFY(sqlite->at(1).script.contains(u"sqlite only"_s));
        QVERIFY(!sqlite->at(1).script.contains(u"postgres only"_s));
        QVERIFY(sqlite->at(1).script.indexOf(u"CREATE TABLE b"_s) <
                sqlite->at(1).script.indexOf(u"sqlite only"_s));
        writeText(dir + u"/notes.sql"_s, u"SELECT 1;"_s);
        Result<QList<Migration>> unnamed = loadMigrations(dir, u"sqlite"_s);
        QVERIFY(!unnamed);
        QCOMPARE(unnamed.error().code, u"sql.migration_unnamed"_s);
    }

    void versionsKeptInATable()
    {
        const QList<Migration> steps{{1, u"0001_a.sql"_s, u"CREATE TABLE a (x INTEGER);"_s},
                                     {2, u"0002_b.sql"_s, u"CREATE TABLE b (y {{type}});"_s}};
        MigrationTarget target;
        target.what = m_path;
        target.record = VersionRecord::Table;
        target.errorDomain = u"test"_s;
        target.prepare = [](const QString &script) {
            return QString(script).replace(u"{{type}}"_s, u"INTEGER"_s);
        };
        QList<int> after;
        target.afterStep = [&after](int version) { after.append(version); };
        QCOMPARE(migrate(m_db, steps.mid(0, 1), target).value(), 1);
        QCOMPARE(migrate(m_db, steps, target).value(), 2);
        QCOMPARE(migrate(m_db, steps, target).value(), 2);
        QCOMPARE(after, (QList<int>{1, 2}));
        QCOMPARE(schemaVersion(m_db, VersionRecord::Table).value(), 2);
        QCOMPARE(schemaVersion(m_db, VersionRecord::UserVersion).value(), 0);
        QCOMPARE(selectValue(m_db, u"SELECT count(*) FROM schema_migrations"_s)->toInt(), 2);
        Result<int> older = migrate(m_db, steps.mid(0, 1), target);
        QVERIFY(!older);
        QCOMPARE(older.error().code, u"test.newer_schema"_s);
    }

    void aGapIsRefused()
    {
        const QList<Migration> steps{{1, u"0001_a.sql"_s, u"CREATE TABLE a (x INTEGER);"_s},
                                     {3, u"0003_c.sql"_s, u"CREATE TABLE c (z INTEGER);"_s}};
        MigrationTarget target;
        target.what = m_path;
        target.errorDomain = u"test"_s;
        target.applicationId = 0x1234;
        Result<int> gap = migrate(m_db, steps, target);
        QVERIFY(!gap);
        QCOMPARE(gap.error().code, u"test.migration_gap"_s);
        QCOMPARE(schemaVersion(m_db, VersionRecord::UserVersion).value(), 1);
        QCOMPARE(selectValue(m_db, u"PRAGMA application_id"_s)->toInt(), 0x1234);
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
    QSqlDatabase m_db;
    int m_round = 0;
};

QTEST_GUILESS_MAIN(SqlkitTest)
#include "tst_sqlkit.moc"
