#include "store/database.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace counterline;
using namespace counterline::store;
using namespace Qt::StringLiterals;

namespace {

QVariant pragmaValue(const QSqlDatabase &db, const QString &name)
{
    QSqlQuery query(db);
    if (!query.exec(u"PRAGMA "_s + name) || !query.next())
        return {};
    return query.value(0);
}

QByteArray fileDigest(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

} // namespace

class DatabaseTest : public QObject
{
    Q_OBJECT

private slots:
    void freshFileGetsTheDurableSettings()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"nested/terminal.sqlite"_s);
        const Result<std::unique_ptr<Database>> opened = Database::open(path);
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().message));
        const QSqlDatabase db = opened.value()->connection();
        QCOMPARE(pragmaValue(db, u"journal_mode"_s).toString(), u"wal"_s);
        QCOMPARE(pragmaValue(db, u"synchronous"_s).toInt(), 2); // FULL
        QCOMPARE(pragmaValue(db, u"foreign_keys"_s).toInt(), 1);
        QCOMPARE(pragmaValue(db, u"busy_timeout"_s).toInt(), 5000);
        QCOMPARE(pragmaValue(db, u"application_id"_s).toLongLong(),
                 qint64(Database::kApplicationId));
    }

    // The database holds the till's token (issue 20): only its user may read it, and a data
    // directory made for it is the user's alone; a file left readable by an older version is
    // closed on the next start.
    void onlyTheTillsUserMayReadIt()
    {
        const QFileDevice::Permissions owner = QFile::ReadOwner | QFile::WriteOwner;
        QTemporaryDir dir;
        const QString path = dir.filePath(u"nested/terminal.sqlite"_s);
        {
            auto opened = Database::open(path);
            QVERIFY(opened.ok());
            QSqlQuery query(opened.value()->connection());
            QVERIFY(query.exec(u"CREATE TABLE note(text TEXT)"_s));
            for (const QString &file : QStringList{path, path + u"-wal"_s, path + u"-shm"_s}) {
                const QFileDevice::Permissions others =
                    QFileInfo(file).permissions() & ~(owner | QFile::ReadUser | QFile::WriteUser);
                QVERIFY2(others == QFileDevice::Permissions(), qPrintable(file));
            }
            QCOMPARE(QFileInfo(dir.filePath(u"nested"_s)).permissions() &
                         (QFile::ReadGroup | QFile::ReadOther | QFile::ExeOther),
                     QFileDevice::Permissions());
        }
        QVERIFY(QFile::setPermissions(path, owner | QFile::ReadGroup | QFile::ReadOther));
        QVERIFY(Database::open(path).ok());
        QCOMPARE(QFileInfo(path).permissions() & (QFile::ReadGroup | QFile::ReadOther),
                 QFileDevice::Permissions());
    }

    void reopeningKeepsTheFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"terminal.sqlite"_s);
        {
            auto db = Database::open(path);
            QVERIFY(db.ok());
            QSqlQuery query(db.value()->connection());
            QVERIFY(query.exec(u"CREATE TABLE note(text TEXT)"_s));
            QVERIFY(query.exec(u"INSERT INTO note VALUES ('kept')"_s));
        }
        auto again = Database::open(path);
        QVERIFY(again.ok());
        QSqlQuery query(again.value()->connection());
        QVERIFY(query.exec(u"SELECT text FROM note"_s) && query.next());
        QCOMPARE(query.value(0).toString(), u"kept"_s);
    }

    void anotherProgramsDatabaseIsLeftUntouched()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"other.sqlite"_s);
        {
            QSqlDatabase other = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"other"_s);
            other.setDatabaseName(path);
            QVERIFY(other.open());
            QSqlQuery query(other);
            QVERIFY(query.exec(u"PRAGMA application_id = 1234"_s));
            QVERIFY(query.exec(u"CREATE TABLE theirs(x)"_s));
            other.close();
        }
        QSqlDatabase::removeDatabase(u"other"_s);
        const QByteArray before = fileDigest(path);

        const Result<std::unique_ptr<Database>> opened = Database::open(path);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, u"store.foreign_database"_s);
        QVERIFY(opened.error().message.contains(path));
        QCOMPARE(fileDigest(path), before);
        QVERIFY(!QFile::exists(path + u"-wal"_s));
    }

    // Another program's SQLite file that never set an application_id: it has tables of its own,
    // so it is not a blank database either.
    void unmarkedForeignDatabaseIsLeftUntouched()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"browser-history.sqlite"_s);
        {
            QSqlDatabase other = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"unmarked"_s);
            other.setDatabaseName(path);
            QVERIFY(other.open());
            QSqlQuery query(other);
            QVERIFY(query.exec(u"CREATE TABLE visits(url TEXT)"_s));
            other.close();
        }
        QSqlDatabase::removeDatabase(u"unmarked"_s);
        const QByteArray before = fileDigest(path);
        const Result<std::unique_ptr<Database>> opened = Database::open(path);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, u"store.foreign_database"_s);
        QCOMPARE(fileDigest(path), before);
    }

    void emptyFileIsRefusedAndLeftUntouched()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"terminal.sqlite"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        const Result<std::unique_ptr<Database>> opened = Database::open(path);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, u"store.not_a_database"_s);
        QVERIFY(opened.error().message.contains(path));
        QCOMPARE(QFileInfo(path).size(), 0);
    }

    void garbageIsRefusedAndLeftUntouched_data()
    {
        QTest::addColumn<QByteArray>("content");
        QByteArray random(8192, Qt::Uninitialized);
        QRandomGenerator generator(20261124);
        for (char &byte : random)
            byte = char(generator.bounded(256));
        QTest::newRow("random bytes") << random;
        QTest::newRow("a text file") << QByteArray("sku,barcode,name\nA,1,Apfel\n");
        // The SQLite magic followed by noise: a corrupt database.
        QTest::newRow("corrupt SQLite") << (QByteArray("SQLite format 3\0", 16) + random);
    }
    void garbageIsRefusedAndLeftUntouched()
    {
        QFETCH(QByteArray, content);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"garbage.sqlite"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
        file.close();
        const QByteArray before = fileDigest(path);

        const Result<std::unique_ptr<Database>> opened = Database::open(path);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, u"store.not_a_database"_s);
        QVERIFY(opened.error().message.contains(path));
        QCOMPARE(fileDigest(path), before);
    }

    void unusableDirectoryIsAnError()
    {
        QTemporaryDir dir;
        const QString blocker = dir.filePath(u"blocker"_s);
        QFile file(blocker);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        // A regular file where the data directory should be.
        const Result<std::unique_ptr<Database>> opened =
            Database::open(blocker + u"/terminal.sqlite"_s);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, u"store.directory_unusable"_s);
    }
};

QTEST_GUILESS_MAIN(DatabaseTest)
#include "tst_database.moc"
