#include "domain/clock.h"
#include "domain/id_source.h"
#include "domain/receipt_number.h"

#include <QSet>
#include <QTest>
#include <QThread>

using namespace counterline;
using namespace Qt::StringLiterals;

class IdentityTest : public QObject
{
    Q_OBJECT

private slots:
    void uuid7CarriesVersionVariantAndTime()
    {
        const QDateTime start(QDate(2026, 11, 24), QTime(9, 30), Qt::UTC);
        ManualClock clock(start);
        Uuid7Source ids(clock, 42);
        const QUuid id = ids.next();
        QCOMPARE(uchar(id.toRfc4122().at(6)) >> 4, 7); // QUuid::version() of Qt 6.4 stops at 5
        QCOMPARE(int(id.variant()), int(QUuid::DCE));
        QCOMPARE(uuid7Milliseconds(id), start.toMSecsSinceEpoch());
        QCOMPARE(uuid7Milliseconds(QUuid::createUuid()), -1); // version 4
    }

    void uuid7IsStrictlyIncreasing()
    {
        ManualClock clock(QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC));
        Uuid7Source ids(clock, 7);
        QUuid previous = ids.next();
        QSet<QUuid> seen{previous};
        // 20,000 ids in one millisecond exhaust the 12-bit counter several times over; then the
        // clock steps back a second. Order and uniqueness must survive both.
        for (int i = 0; i < 40'000; ++i) {
            if (i == 20'000)
                clock.advanceMs(-1000);
            else if (i % 5000 == 0)
                clock.advanceMs(1);
            const QUuid id = ids.next();
            QVERIFY2(previous.toRfc4122() < id.toRfc4122(), qPrintable(u"at %1"_s.arg(i)));
            QVERIFY(!seen.contains(id));
            seen.insert(id);
            previous = id;
        }
    }

    void uuid7IsThreadSafe()
    {
        SystemClock clock;
        Uuid7Source ids(clock);
        QList<QUuid> made[4];
        QList<QThread *> threads;
        for (auto &list : made) {
            threads.append(QThread::create([&ids, &list] {
                for (int i = 0; i < 5000; ++i)
                    list.append(ids.next());
            }));
        }
        for (QThread *thread : threads)
            thread->start();
        for (QThread *thread : threads) {
            thread->wait();
            delete thread;
        }
        QSet<QUuid> all;
        for (const auto &list : made) {
            for (const QUuid &id : list)
                all.insert(id);
        }
        QCOMPARE(all.size(), qsizetype(20'000));
    }

    void receiptNumbers_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("error"); // empty when valid
        QTest::addColumn<QString>("canonical");
        QTest::newRow("padded") << u"S1-T2-000042"_s << QString() << u"S1-T2-000042"_s;
        QTest::newRow("unpadded") << u"S1-T2-42"_s << QString() << u"S1-T2-000042"_s;
        QTest::newRow("wide") << u"BERLIN01-KASSE3-1234567"_s << QString()
                              << u"BERLIN01-KASSE3-1234567"_s;
        QTest::newRow("two parts") << u"S1-42"_s << u"receipt_number.malformed"_s << QString();
        QTest::newRow("four parts")
            << u"S1-T1-X-42"_s << u"receipt_number.malformed"_s << QString();
        QTest::newRow("not a number")
            << u"S1-T1-4x2"_s << u"receipt_number.malformed"_s << QString();
        QTest::newRow("signed") << u"S1-T1-+42"_s << u"receipt_number.malformed"_s << QString();
        QTest::newRow("zero") << u"S1-T1-0"_s << u"receipt_number.bad_sequence"_s << QString();
        QTest::newRow("empty store") << u"-T1-1"_s << u"receipt_number.bad_code"_s << QString();
        QTest::newRow("umlaut") << u"KÖLN-T1-1"_s << u"receipt_number.bad_code"_s << QString();
        QTest::newRow("too long code")
            << u"S12345678901234567-T1-1"_s << u"receipt_number.bad_code"_s << QString();
    }
    void receiptNumbers()
    {
        QFETCH(QString, text);
        QFETCH(QString, error);
        QFETCH(QString, canonical);
        const Result<ReceiptNumber> parsed = ReceiptNumber::parse(text);
        if (error.isEmpty()) {
            QVERIFY(parsed.ok());
            QCOMPARE(parsed->toString(), canonical);
            QCOMPARE(*ReceiptNumber::parse(parsed->toString()), *parsed);
        } else {
            QVERIFY(!parsed.ok());
            QCOMPARE(parsed.error().code, error);
        }
    }

    void manualClockMovesOnlyWhenTold()
    {
        const QDateTime start(QDate(2026, 11, 24), QTime(9, 0), Qt::UTC);
        ManualClock clock(start);
        QCOMPARE(clock.now(), start);
        clock.advanceMs(1500);
        QCOMPARE(clock.now(), start.addMSecs(1500));
        QCOMPARE(SystemClock().now().timeSpec(), Qt::UTC);
    }
};

QTEST_GUILESS_MAIN(IdentityTest)
#include "tst_identity.moc"
