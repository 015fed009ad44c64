// The payment simulator's ledger migrations (issue 18): a fresh ledger, a ledger made by an
// earlier version (its schema then written inline, at user_version 1) adopted as version 1 with
// its charges, a newer ledger and a file of something else refused untouched, a failing step
// rolled back.

#include "paysim/payment_ledger.h"
#include "sqlkit/migrations.h"
#include "sqlkit/statement.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace counterline;
using namespace counterline::paysim;
using namespace Qt::StringLiterals;

namespace {

// What counterline-paysim wrote into a new ledger before its migrations were numbered.
const char *const kEarlierSchema[] = {
    "CREATE TABLE charges ("
    " id TEXT PRIMARY KEY, idem_key TEXT NOT NULL UNIQUE, fingerprint TEXT NOT NULL,"
    " amount_minor INTEGER NOT NULL CHECK (amount_minor > 0), currency TEXT NOT NULL,"
    " token TEXT NOT NULL, reference TEXT NOT NULL,"
    " status TEXT NOT NULL CHECK (status IN ('captured', 'declined')), decline_code TEXT,"
    " refunded_minor INTEGER NOT NULL DEFAULT 0 CHECK (refunded_minor <= amount_minor),"
    " created_at TEXT NOT NULL)",
    "CREATE TABLE refunds ("
    " id TEXT PRIMARY KEY, idem_key TEXT NOT NULL UNIQUE, fingerprint TEXT NOT NULL,"
    " charge_id TEXT NOT NULL REFERENCES charges (id),"
    " amount_minor INTEGER NOT NULL CHECK (amount_minor > 0), created_at TEXT NOT NULL)",
    "CREATE TRIGGER charges_keep BEFORE DELETE ON charges"
    " BEGIN SELECT RAISE(ABORT, 'the ledger keeps every charge'); END",
    "CREATE TRIGGER refunds_keep BEFORE DELETE ON refunds"
    " BEGIN SELECT RAISE(ABORT, 'the ledger keeps every refund'); END",
    "INSERT INTO charges (id, idem_key, fingerprint, amount_minor, currency, token, reference,"
    " status, created_at) VALUES ('ch_old', 'key-old', 'f', 1250, 'EUR', 'tok_visa', 'r1',"
    " 'captured', '2026-11-20T10:00:00.000Z')",
    "PRAGMA user_version = 1",
};

// Runs statements on a file of our own, then closes it.
void writeFile(const QString &path, const QStringList &statements)
{
    const QString name = u"raw-"_s + path;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        for (const QString &statement : statements)
            QVERIFY2(sqlkit::exec(db, statement), qPrintable(statement));
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

QByteArray digest(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

} // namespace

class LedgerMigrationsTest : public QObject
{
    Q_OBJECT

private slots:
    void freshLedgerIsVersionOne()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"ledger.sqlite"_s);
        auto ledger = PaymentLedger::open(path);
        QVERIFY2(ledger, ledger ? "" : qPrintable(ledger.error().message));
        QVERIFY(ledger.value()->charges().value().isEmpty());
        ledger.value().reset();
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"check"_s);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QCOMPARE(sqlkit::schemaVersion(db, sqlkit::VersionRecord::UserVersion).value(), 1);
        QCOMPARE(sqlkit::selectValue(db, u"SELECT count(*) FROM sqlite_master WHERE name IN "
                                         "('charges', 'refunds', 'charges_keep', 'refunds_keep')"_s)
                     ->toInt(),
                 4);
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(u"check"_s);
    }

    void earlierLedgerIsAdoptedWithItsCharges()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"ledger.sqlite"_s);
        QStringList statements;
        for (const char *statement : kEarlierSchema)
            statements.append(QString::fromLatin1(statement));
        writeFile(path, statements);
        auto ledger = PaymentLedger::open(path);
        QVERIFY2(ledger, ledger ? "" : qPrintable(ledger.error().message));
        const QList<Charge> charges = ledger.value()->charges().value();
        QCOMPARE(charges.size(), 1);
        QCOMPARE(charges.first().id, u"ch_old"_s);
        QCOMPARE(charges.first().amountMinor, qint64(1250));
        QVERIFY(ledger.value()->chargeByKey(u"key-old"_s).value().has_value());
    }

    void newerLedgerIsRefusedUntouched()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"ledger.sqlite"_s);
        {
            auto ledger = PaymentLedger::open(path);
            QVERIFY(ledger);
        }
        writeFile(path, {u"PRAGMA user_version = 7"_s});
        const QByteArray before = digest(path);
        auto refused = PaymentLedger::open(path);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, u"paysim.newer_schema"_s);
        QVERIFY2(refused.error().message.contains(path), qPrintable(refused.error().message));
        QVERIFY(refused.error().message.contains(u"7"_s));
        QCOMPARE(digest(path), before);
    }

    void fileOfSomethingElseIsRefusedUntouched()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"notes.sqlite"_s);
        writeFile(path, {u"CREATE TABLE notes (text TEXT)"_s});
        const QByteArray before = digest(path);
        auto refused = PaymentLedger::open(path);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, u"paysim.not_a_ledger"_s);
        QCOMPARE(digest(path), before);
    }

    // The ledger's own step plus a broken second one: the ledger stays at version 1, whole.
    void failingStepIsRolledBack()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"ledger.sqlite"_s);
        {
            auto ledger = PaymentLedger::open(path);
            QVERIFY(ledger);
        }
        Result<QList<sqlkit::Migration>> loaded = sqlkit::loadMigrations(u":/paysim/migrations"_s);
        QVERIFY(loaded);
        QList<sqlkit::Migration> steps = *loaded;
        QCOMPARE(steps.size(), 1);
        steps.append(
            {2, u"0002_broken.sql"_s,
             u"ALTER TABLE charges ADD COLUMN note TEXT; INSERT INTO nowhere VALUES (1);"_s});
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"broken"_s);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        sqlkit::MigrationTarget target;
        target.what = path;
        target.errorDomain = u"paysim"_s;
        Result<int> failed = sqlkit::migrate(db, steps, target);
        QVERIFY(!failed);
        QCOMPARE(failed.error().code, u"paysim.migration_failed"_s);
        QVERIFY(failed.error().message.contains(u"0002_broken.sql"_s));
        QCOMPARE(sqlkit::schemaVersion(db, target.record).value(), 1);
        QCOMPARE(sqlkit::selectValue(db, u"SELECT count(*) FROM pragma_table_info('charges') "
                                         "WHERE name = 'note'"_s)
                     ->toInt(),
                 0);
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(u"broken"_s);
    }
};

QTEST_GUILESS_MAIN(LedgerMigrationsTest)
#include "tst_ledger_migrations.moc"
