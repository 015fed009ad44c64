#include "sync/retry_policy.h"

#include <QTest>

using namespace counterline::sync;
using namespace std::chrono_literals;
using namespace Qt::StringLiterals;

class RetryPolicyTest : public QObject
{
    Q_OBJECT

private slots:
    void ceilingDoublesUpToTheCap()
    {
        const RetryPolicy policy;
        QCOMPARE(policy.ceiling(0), 0ms);
        QCOMPARE(policy.ceiling(1), 500ms);
        QCOMPARE(policy.ceiling(2), 1000ms);
        QCOMPARE(policy.ceiling(3), 2000ms);
        QCOMPARE(policy.ceiling(10), 256000ms);
        QCOMPARE(policy.ceiling(11), std::chrono::milliseconds(5min));
        QCOMPARE(policy.ceiling(1000), std::chrono::milliseconds(5min)); // no overflow
    }

    // Full jitter: delays spread over the whole window, not clustered at its top.
    void delaysSpreadOverTheWindow()
    {
        RetryPolicy policy(RetryPolicy::Settings{}, 1234);
        qint64 below = 0, above = 0;
        for (int i = 0; i < 10'000; ++i) {
            const auto delay = policy.delay(4); // window 4 s
            QVERIFY(delay >= 0ms && delay <= 4000ms);
            (delay < 2000ms ? below : above)++;
        }
        QVERIFY2(below > 4000 && above > 4000, "uniform over [0, 4 s]");
    }

    // A key still running is asked about again soon, whatever the attempts so far.
    void aRunningKeyDoesNotGrowTheBackoff()
    {
        RetryPolicy policy(RetryPolicy::Settings{}, 7);
        for (int i = 0; i < 1000; ++i) {
            QCOMPARE(policy.whileKeyRuns(1s), std::chrono::milliseconds(1s));
            QVERIFY(policy.whileKeyRuns(std::nullopt) <= 500ms);
        }
    }

    void retryAfterWinsWhenLonger()
    {
        RetryPolicy policy(RetryPolicy::Settings{}, 99);
        QCOMPARE(policy.delay(1, 30s), std::chrono::milliseconds(30s));
        QVERIFY(policy.delay(20, 1ms) >= 1ms);
    }

    void parseRetryAfter_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<qint64>("expectedMs"); // -1 when not understood
        QTest::newRow("seconds") << QByteArray("120") << qint64(120'000);
        QTest::newRow("padded") << QByteArray(" 3 ") << qint64(3000);
        QTest::newRow("zero") << QByteArray("0") << qint64(0);
        QTest::newRow("capped at a day") << QByteArray("9999999") << qint64(86'400'000);
        QTest::newRow("date ahead")
            << QByteArray("Tue, 24 Nov 2026 12:00:30 GMT") << qint64(30'000);
        QTest::newRow("date past") << QByteArray("Tue, 24 Nov 2026 11:00:00 GMT") << qint64(0);
        QTest::newRow("negative") << QByteArray("-5") << qint64(-1);
        QTest::newRow("garbage") << QByteArray("soon") << qint64(-1);
        QTest::newRow("empty") << QByteArray() << qint64(-1);
    }
    void parseRetryAfter()
    {
        QFETCH(QByteArray, header);
        QFETCH(qint64, expectedMs);
        const QDateTime now(QDate(2026, 11, 24), QTime(12, 0), Qt::UTC);
        const auto parsed = counterline::sync::parseRetryAfter(header, now);
        if (expectedMs < 0) {
            QVERIFY(!parsed.has_value());
        } else {
            QVERIFY(parsed.has_value());
            QCOMPARE(parsed->count(), expectedMs);
        }
    }
};

QTEST_GUILESS_MAIN(RetryPolicyTest)
#include "tst_retry_policy.moc"
