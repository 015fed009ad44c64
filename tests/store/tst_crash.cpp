// Promise 1 on the terminal: a checkout is all or nothing, whenever the process dies. A child
// process sells in a loop and is SIGKILLed at random moments; after every kill the database must
// be intact and hold every order the child reported as committed, complete.

#include "sqlkit/statement.h"
#include "store/catalog.h"
#include "store/database.h"
#include "store/journal.h"
#include "store/sql.h"
#include "store/terminal_identity.h"

#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace counterline;
using namespace counterline::store;
using namespace Qt::StringLiterals;

namespace {

qint64 scalar(const QSqlDatabase &db, const QString &sql)
{
    return sqlkit::selectValue(db, sql).value().toLongLong();
}

} // namespace

class CrashTest : public QObject
{
    Q_OBJECT

private slots:
    void killedCheckoutsLeaveNoTrace()
    {
        const int runs = qEnvironmentVariableIntValue("COUNTERLINE_CRASH_RUNS") > 0
                             ? qEnvironmentVariableIntValue("COUNTERLINE_CRASH_RUNS")
                             : 200;
        const quint32 seed = QRandomGenerator::global()->generate();
        qInfo("runs=%d seed=%u", runs, seed);
        QRandomGenerator random(seed);

        QTemporaryDir dir;
        {
            auto database = Database::open(Database::fileIn(dir.path())).value().release();
            std::unique_ptr<Database> owner(database);
            QVERIFY(TerminalSettings::initialise(
                        database->connection(),
                        {u"S1"_s, u"T1"_s, *Currency::fromCode(u"EUR"), PricingPolicy{}},
                        QDateTime::currentDateTimeUtc())
                        .ok());
            QFile catalog(QStringLiteral(COUNTERLINE_SOURCE_DIR "/resources/demo/catalog.csv"));
            QVERIFY(catalog.open(QIODevice::ReadOnly));
            QVERIFY(Catalog(*database)
                        .importCsv(QString::fromUtf8(catalog.readAll()),
                                   QDateTime::currentDateTimeUtc())
                        .ok());
        }

        QStringList reported;
        qint64 finalOrders = 0;
        qint64 finalReturns = 0;
        for (int run = 0; run < runs; ++run) {
            QProcess child;
            child.setProgram(QStringLiteral(CRASH_CHILD_PATH));
            child.setArguments({dir.path()});
            child.start();
            QVERIFY(child.waitForStarted());
            // Killed at a random moment of its selling, not of its start-up (which an ASan build
            // on a loaded machine can stretch past the whole window).
            QVERIFY(child.waitForReadyRead(30'000));
            QTest::qWait(int(random.bounded(5, 150)));
            QCOMPARE(child.state(), QProcess::Running); // it must still be selling
            child.kill();                               // SIGKILL
            QVERIFY(child.waitForFinished());
            const QList<QByteArray> lines = child.readAllStandardOutput().split('\n');
            QStringList reportedNow;
            for (const QByteArray &line : lines) {
                if (line.startsWith("committed "))
                    reportedNow.append(QString::fromLatin1(line.split(' ').value(1)));
            }
            reported.append(reportedNow);

            auto reopened = Database::open(Database::fileIn(dir.path()));
            QVERIFY2(reopened.ok(),
                     qPrintable(reopened.ok() ? QString() : reopened.error().message));
            const QSqlDatabase db = reopened.value()->connection();
            QCOMPARE(sqlkit::selectValue(db, u"PRAGMA integrity_check"_s)->toString(), u"ok"_s);
            QCOMPARE(scalar(db, u"SELECT count(*) FROM pragma_foreign_key_check"_s), 0);
            // Every order is complete: lines, tenders, its first events (a sale PAID after two, a
            // return COMPLETED after three), its outbox row with a key, its journal entry, its
            // closed receipt number.
            QCOMPARE(scalar(db,
                            u"SELECT count(*) FROM orders o WHERE "
                            "(o.kind = 'sale' AND (status <> 'PAID' OR (SELECT count(*) FROM "
                            "  order_events e WHERE e.order_id = o.id) <> 2)) "
                            "OR (o.kind = 'return' AND (status <> 'COMPLETED' OR (SELECT count(*) "
                            "  FROM order_events e WHERE e.order_id = o.id) <> 3)) "
                            "OR NOT EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = o.id) "
                            "OR NOT EXISTS (SELECT 1 FROM tenders t WHERE t.order_id = o.id) "
                            "OR NOT EXISTS (SELECT 1 FROM outbox x WHERE x.order_id = o.id "
                            "               AND x.kind = 'create') "
                            "OR NOT EXISTS (SELECT 1 FROM journal j WHERE j.order_id = o.id "
                            "               AND j.kind = 'sale')"_s),
                     0);
            // No sale gave back more than it sold, and each return paid back what it came to.
            QCOMPARE(scalar(db, u"SELECT count(*) FROM order_lines s WHERE s.quantity < "
                                "(SELECT COALESCE(SUM(r.quantity), 0) FROM order_lines r JOIN "
                                "orders o ON o.id = r.order_id WHERE o.original_order_id = "
                                "s.order_id AND r.original_line_no = s.line_no)"_s),
                     0);
            QCOMPARE(scalar(db, u"SELECT count(*) FROM orders o WHERE o.kind = 'return' AND "
                                "o.total_minor <> (SELECT SUM(t.amount_minor) FROM tenders t "
                                "WHERE t.order_id = o.id)"_s),
                     0);
            // Nothing half-written points at an order that is not there.
            QCOMPARE(scalar(db, u"SELECT count(*) FROM order_lines l WHERE NOT EXISTS "
                                "(SELECT 1 FROM orders o WHERE o.id = l.order_id)"_s),
                     0);
            const qint64 orders = scalar(db, u"SELECT count(*) FROM orders"_s);
            QCOMPARE(scalar(db, u"SELECT count(*) FROM journal"_s), orders);
            QCOMPARE(scalar(db, u"SELECT count(*) FROM outbox"_s), orders);
            QCOMPARE(scalar(db, u"SELECT COALESCE(MAX(receipt_seq), 0) FROM orders"_s), orders);
            QCOMPARE(scalar(db, u"SELECT next_receipt_seq FROM terminal"_s), orders + 1);
            // Every order the child said was committed is there; at most one per kill was
            // committed without being reported (killed between COMMIT and printing).
            QVERIFY(orders >= reported.size());
            QVERIFY(orders - reported.size() <= run + 1);
            for (const QString &id : std::as_const(reportedNow)) {
                QVERIFY2(scalar(db, u"SELECT count(*) FROM orders WHERE id = '%1'"_s.arg(id)) == 1,
                         qPrintable(id));
            }
            const Result<JournalVerification> journal = Journal::verify(db);
            QVERIFY(journal.ok() && journal->ok());
            finalOrders = orders;
            finalReturns = scalar(db, u"SELECT count(*) FROM orders WHERE kind = 'return'"_s);
        }
        qInfo("%d kills, %lld orders committed (%lld returns), %lld of them reported before the "
              "kill",
              runs, finalOrders, finalReturns, qint64(reported.size()));
        QVERIFY2(finalReturns > 0, "the child took items back while it was being killed");
        QVERIFY2(reported.size() > runs, "the child sold while it was being killed");
    }
};

QTEST_GUILESS_MAIN(CrashTest)
#include "tst_crash.moc"
