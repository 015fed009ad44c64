// store::execute runs writes on SQLite directly, bypassing QtSql's binding layer. These tests
// hold it to QtSql's behaviour (what gets stored for each kind of value), to its promises about
// errors and counts, and to closing: a reused statement must never keep the file open.

#include "sqlkit/statement.h"
#include "sqlkit/transaction.h"
#include "store/database.h"
#include "store/sql.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace counterline;
using namespace counterline::store;
using namespace Qt::StringLiterals;

namespace {

const QList<Migration> kNoMigrations{};

// What SQLite holds in each column of the row with `id`, with its storage class.
QStringList storedRow(const QSqlDatabase &db, int id)
{
    QSqlQuery query(db);
    query.prepare(u"SELECT typeof(a), quote(a), typeof(b), quote(b) FROM sample WHERE id = ?"_s);
    query.addBindValue(id);
    if (!query.exec() || !query.next())
        return {u"no row"_s};
    QStringList row;
    for (int column = 0; column < 4; ++column)
        row.append(query.value(column).toString());
    return row;
}

// Files under `directory` that this process holds open.
QStringList openFilesUnder(const QString &directory)
{
    QStringList open;
    const QDir descriptors(u"/proc/self/fd"_s);
    for (const QString &entry : descriptors.entryList(QDir::Files | QDir::System)) {
        const QString target = QFileInfo(descriptors.filePath(entry)).symLinkTarget();
        if (target.startsWith(directory))
            open.append(target);
    }
    return open;
}

} // namespace

class SqlTest : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        auto opened = Database::open(m_dir->filePath(u"sql.sqlite"_s), kNoMigrations);
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().message));
        m_database = std::move(opened).value();
        QVERIFY(execute(db(), u"CREATE TABLE sample (id INTEGER PRIMARY KEY, a, b)"_s).ok());
    }

    void cleanup()
    {
        m_database.reset();
        m_dir.reset();
    }

    void valuesAreStoredAsQtSqlStoresThem_data()
    {
        QTest::addColumn<QVariant>("a");
        QTest::addColumn<QVariant>("b");
        QTest::newRow("integers") << QVariant(42) << QVariant(qint64(-9'000'000'000'000));
        QTest::newRow("unsigned and bool") << QVariant(7u) << QVariant(true);
        QTest::newRow("text") << QVariant(u"Crème brûlée 🍷 \"quoted\""_s) << QVariant(u""_s);
        QTest::newRow("nulls") << QVariant() << QVariant(QString());
        QTest::newRow("typed null") << QVariant(QMetaType::fromType<qint64>()) << QVariant(0);
        QTest::newRow("bytes") << QVariant(QByteArray("\x00\x01zz", 4)) << QVariant(QByteArray());
        QTest::newRow("double") << QVariant(2.5) << QVariant(u"12"_s);
        QTest::newRow("time") << QVariant(
                                     QDateTime(QDate(2026, 11, 29), QTime(23, 1, 2, 345), Qt::UTC))
                              << QVariant(QDate(2026, 11, 29));
    }

    void valuesAreStoredAsQtSqlStoresThem()
    {
        QFETCH(QVariant, a);
        QFETCH(QVariant, b);
        const QString insert = u"INSERT INTO sample (id, a, b) VALUES (?, ?, ?)"_s;
        // Twice through execute: once preparing, once reusing the prepared statement.
        QVERIFY(execute(db(), insert, {1, a, b}).ok());
        QVERIFY(execute(db(), insert, {2, a, b}).ok());
        QVERIFY(sqlkit::exec(db(), u"INSERT INTO sample (id, a, b) VALUES (?, ?, ?) -- QtSql"_s,
                             {3, a, b})
                    .ok());
        QCOMPARE(storedRow(db(), 1), storedRow(db(), 3));
        QCOMPARE(storedRow(db(), 2), storedRow(db(), 3));
    }

    void returnsTheRowsItChanged()
    {
        for (int id = 1; id <= 3; ++id)
            QCOMPARE(execute(db(), u"INSERT INTO sample (id, a) VALUES (?, 'x')"_s, {id}).value(),
                     1);
        QCOMPARE(execute(db(), u"UPDATE sample SET b = ? WHERE a = ?"_s, {1, u"x"_s}).value(), 3);
        QCOMPARE(execute(db(), u"UPDATE sample SET b = ? WHERE a = ?"_s, {1, u"y"_s}).value(), 0);
        QCOMPARE(execute(db(), u"DELETE FROM sample WHERE id < ?"_s, {3}).value(), 2);
    }

    void refusalsCarrySQLitesWordsAndLeaveTheStatementUsable()
    {
        QVERIFY(execute(db(), u"CREATE TRIGGER no_minus BEFORE INSERT ON sample WHEN NEW.a < 0 "
                              "BEGIN SELECT RAISE(ABORT, 'sample: a must not be negative'); END"_s)
                    .ok());
        const QString insert = u"INSERT INTO sample (id, a) VALUES (?, ?)"_s;
        QVERIFY(execute(db(), insert, {1, 5}).ok());

        const Result<qint64> duplicate = execute(db(), insert, {1, 6});
        QVERIFY(!duplicate);
        QCOMPARE(duplicate.error().code, u"sql.conflict"_s);
        QVERIFY2(duplicate.error().message.contains(u"UNIQUE constraint failed: sample.id"_s),
                 qPrintable(duplicate.error().message));
        QVERIFY(duplicate.error().message.contains(u"INSERT INTO sample"_s));

        const Result<qint64> negative = execute(db(), insert, {2, -1});
        QVERIFY(!negative);
        QCOMPARE(negative.error().code, u"sql.failed"_s);
        QVERIFY(negative.error().message.contains(u"sample: a must not be negative"_s));

        // The same prepared statement goes on working, with nothing left bound from before.
        QCOMPARE(execute(db(), insert, {2, 7}).value(), 1);
        QCOMPARE(storedRow(db(), 2), (QStringList{u"integer"_s, u"7"_s, u"null"_s, u"NULL"_s}));

        const Result<qint64> broken = execute(db(), u"INSERT INTO nowhere VALUES (1)"_s);
        QVERIFY(!broken);
        QVERIFY(broken.error().message.contains(u"no such table: nowhere"_s));
    }

    void aFullDiskIsNamedAsSuch()
    {
        QVERIFY(execute(db(), u"INSERT INTO sample (id, a) VALUES (1, 'first')"_s).ok());
        QSqlQuery pragma(db());
        QVERIFY(pragma.exec(u"PRAGMA page_count"_s) && pragma.next());
        const int pages = pragma.value(0).toInt();
        QVERIFY(pragma.exec(u"PRAGMA max_page_count = %1"_s.arg(pages)));
        const QString insert = u"INSERT INTO sample (id, a) VALUES (?, ?)"_s;
        Result<qint64> last = qint64(0);
        for (int id = 2; id < 200 && last; ++id)
            last = execute(db(), insert, {id, QString(u'x').repeated(4000)});
        QVERIFY(!last);
        QCOMPARE(last.error().code, u"sql.disk_full"_s);
        QVERIFY(pragma.exec(u"PRAGMA max_page_count = 1000000"_s));
        QCOMPARE(execute(db(), insert, {1000, u"after"_s}).value(), 1);
    }

    void aLockedDatabaseIsAnErrorAndNothingIsHalfWritten()
    {
        QSqlQuery(db()).exec(u"PRAGMA busy_timeout = 100"_s);
        const QString name = u"other-writer"_s;
        {
            QSqlDatabase other = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
            other.setDatabaseName(m_database->filePath());
            QVERIFY(other.open());
            QSqlQuery holding(other);
            QVERIFY(holding.exec(u"BEGIN IMMEDIATE"_s));
            QVERIFY(holding.exec(u"INSERT INTO sample (id, a) VALUES (1, 'theirs')"_s));

            sqlkit::Transaction mine(db());
            const Result<void> begun = mine.begin();
            QVERIFY(!begun);
            QVERIFY2(begun.error().message.contains(u"locked"_s),
                     qPrintable(begun.error().message));
            const Result<qint64> write =
                execute(db(), u"INSERT INTO sample (id, a) VALUES (2, 'mine')"_s);
            QVERIFY(!write);

            QVERIFY(holding.exec(u"COMMIT"_s));
        }
        QSqlDatabase::removeDatabase(name);
        // Once the other writer is done, the same statements go through.
        sqlkit::Transaction mine(db());
        QVERIFY(mine.begin().ok());
        QCOMPARE(execute(db(), u"INSERT INTO sample (id, a) VALUES (2, 'mine')"_s).value(), 1);
        QVERIFY(mine.commit().ok());
        QCOMPARE(sqlkit::selectValue(db(), u"SELECT group_concat(a, ',') FROM sample ORDER BY id"_s)
                     ->toString(),
                 u"theirs,mine"_s);
    }

    void aTransactionsWritesGoTogether()
    {
        {
            sqlkit::Transaction transaction(db());
            QVERIFY(transaction.begin().ok());
            QVERIFY(execute(db(), u"INSERT INTO sample (id, a) VALUES (1, 'kept')"_s).ok());
            QVERIFY(transaction.commit().ok());
        }
        {
            sqlkit::Transaction transaction(db());
            QVERIFY(transaction.begin().ok());
            QVERIFY(execute(db(), u"INSERT INTO sample (id, a) VALUES (2, 'undone')"_s).ok());
            // Left without commit: rolled back.
        }
        QCOMPARE(sqlkit::selectValue(db(), u"SELECT group_concat(a) FROM sample"_s)->toString(),
                 u"kept"_s);
    }

    void connectionsNotOpenedByDatabaseWorkToo()
    {
        const QString name = u"plain-connection"_s;
        {
            QSqlDatabase plain = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
            plain.setDatabaseName(m_dir->filePath(u"plain.sqlite"_s));
            QVERIFY(plain.open());
            QVERIFY(execute(plain, u"CREATE TABLE t (x)"_s).ok());
            for (int i = 0; i < 3; ++i)
                QCOMPARE(execute(plain, u"INSERT INTO t VALUES (?)"_s, {i}).value(), 1);
            QCOMPARE(sqlkit::selectValue(plain, u"SELECT sum(x) FROM t"_s)->toInt(), 3);
            plain.close();
            const Result<qint64> closed = execute(plain, u"INSERT INTO t VALUES (9)"_s);
            QVERIFY(!closed);
            QVERIFY(closed.error().message.contains(u"not an open SQLite database"_s));
        }
        QSqlDatabase::removeDatabase(name);
        QVERIFY(!execute(QSqlDatabase(), u"SELECT 1"_s));
    }

    void closingReleasesTheFileWithItsStatements()
    {
        const QString insert = u"INSERT INTO sample (id, a) VALUES (?, ?)"_s;
        QVERIFY(execute(db(), insert, {1, 1}).ok());
        QVERIFY(!execute(db(), insert, {1, 1})); // a statement left after a failure, too
        QVERIFY(!openFilesUnder(m_dir->path()).isEmpty());
        m_database.reset();
        QCOMPARE(openFilesUnder(m_dir->path()), QStringList());
    }

private:
    QSqlDatabase db() const { return m_database->connection(); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_database;
};

QTEST_GUILESS_MAIN(SqlTest)
#include "tst_sql.moc"
