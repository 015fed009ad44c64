// The HTTP plumbing the server and the payment simulator share: which Idempotency-Key is
// usable, the keyed flow (a failed run gives its key back, a settled one never runs again), what
// each outcome is answered, and work run on a pool again while the database is busy.

#include "httpkit/idempotency.h"
#include "httpkit/incoming.h"
#include "httpkit/worker_run.h"

#include <QAtomicInt>
#include <QSemaphore>
#include <QTest>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using namespace counterline;
using httpkit::KeyOutcome;

namespace {

const httpkit::KeyRefusals kRefusals{Error{u"test.key_reused"_s, u"used for another"_s},
                                     Error{u"test.in_flight"_s, u"still running"_s}};

QByteArray headerOf(const QHttpServerResponse &response, const QByteArray &name)
{
    const QList<QByteArray> values = response.headers(name);
    return values.isEmpty() ? QByteArray() : values.first();
}

} // namespace

class HttpkitTest : public QObject
{
    Q_OBJECT

private slots:
    void usableKeysHaveOneTo255Characters()
    {
        QVERIFY(!httpkit::usableKey({}).has_value());
        QCOMPARE(httpkit::usableKey("k").value(), u"k"_s);
        QCOMPARE(httpkit::usableKey(QByteArray(255, 'a'))->size(), 255);
        QVERIFY(!httpkit::usableKey(QByteArray(256, 'a')).has_value());
        QCOMPARE(httpkit::usableKey("k\xc3\xa4").value(), u"kä"_s);
    }

    void aFailedRunGivesItsKeyBack()
    {
        int runs = 0;
        int releases = 0;
        Result<KeyOutcome> outcome = httpkit::runKeyed(
            [] { return Result<std::optional<KeyOutcome>>(std::optional<KeyOutcome>()); },
            [&]() -> Result<KeyOutcome> {
                ++runs;
                return Error{u"test.refused"_s, u"no"_s};
            },
            [&] { ++releases; });
        QVERIFY(!outcome);
        QCOMPARE(outcome.error().code, u"test.refused"_s);
        QCOMPARE(runs, 1);
        QCOMPARE(releases, 1);
    }

    void aMadeAnswerKeepsItsKey()
    {
        int releases = 0;
        Result<KeyOutcome> outcome = httpkit::runKeyed(
            [] { return Result<std::optional<KeyOutcome>>(std::optional<KeyOutcome>()); },
            [] {
                return Result<KeyOutcome>(KeyOutcome{KeyOutcome::Kind::Made, 201, "{}", {}});
            },
            [&] { ++releases; });
        QVERIFY(outcome);
        QCOMPARE(outcome->status, 201);
        QCOMPARE(releases, 0);
    }

    void anEarlierAnswerRunsNothing_data()
    {
        QTest::addColumn<int>("kind");
        QTest::newRow("replay") << int(KeyOutcome::Kind::Replay);
        QTest::newRow("mismatch") << int(KeyOutcome::Kind::Mismatch);
        QTest::newRow("in flight") << int(KeyOutcome::Kind::InFlight);
    }

    void anEarlierAnswerRunsNothing()
    {
        QFETCH(int, kind);
        int runs = 0;
        int releases = 0;
        const KeyOutcome before{KeyOutcome::Kind(kind), 201, "{\"id\":1}", {}};
        Result<KeyOutcome> outcome = httpkit::runKeyed(
            [&] { return Result<std::optional<KeyOutcome>>(std::optional(before)); },
            [&] {
                ++runs;
                return Result<KeyOutcome>(KeyOutcome{});
            },
            [&] { ++releases; });
        QVERIFY(outcome);
        QCOMPARE(int(outcome->kind), kind);
        QCOMPARE(runs, 0);
        QCOMPARE(releases, 0);
    }

    void aBeginThatFailsRunsNothing()
    {
        int runs = 0;
        Result<KeyOutcome> outcome = httpkit::runKeyed(
            [] {
                return Result<std::optional<KeyOutcome>>(Error{u"sql.busy"_s, u"busy"_s});
            },
            [&] {
                ++runs;
                return Result<KeyOutcome>(KeyOutcome{});
            },
            [] {});
        QVERIFY(!outcome);
        QCOMPARE(outcome.error().code, u"sql.busy"_s);
        QCOMPARE(runs, 0);
    }

    void aReplayIsTheStoredAnswerMarked()
    {
        const QByteArray stored = "{\"id\":\"a\",  \"total\":1397}";
        const QHttpServerResponse made =
            httpkit::answerOf(KeyOutcome{KeyOutcome::Kind::Made, 201, stored, {}}, kRefusals);
        const QHttpServerResponse replay =
            httpkit::answerOf(KeyOutcome{KeyOutcome::Kind::Replay, 201, stored, {}}, kRefusals);
        QCOMPARE(int(made.statusCode()), 201);
        QCOMPARE(made.data(), stored);
        QVERIFY(headerOf(made, "Idempotent-Replayed").isEmpty());
        QCOMPARE(int(replay.statusCode()), 201);
        QCOMPARE(replay.data(), stored);
        QCOMPARE(headerOf(replay, "Idempotent-Replayed"), QByteArray("true"));
        QCOMPARE(replay.mimeType(), QByteArray("application/json"));
    }

    void aStoredAnswerKeepsItsMediaType()
    {
        // A declined charge (402) stored as plain JSON stays plain JSON; without a named type an
        // answer at 400 and above is a problem.
        const QHttpServerResponse declined = httpkit::answerOf(
            KeyOutcome{KeyOutcome::Kind::Replay, 402, "{}", "application/json"}, kRefusals);
        QCOMPARE(declined.mimeType(), QByteArray("application/json"));
        const QHttpServerResponse refused =
            httpkit::answerOf(KeyOutcome{KeyOutcome::Kind::Replay, 422, "{}", {}}, kRefusals);
        QCOMPARE(refused.mimeType(), QByteArray("application/problem+json"));
    }

    void refusalsAreProblemsInTheServicesWords()
    {
        const QHttpServerResponse reused =
            httpkit::answerOf(KeyOutcome{KeyOutcome::Kind::Mismatch, 0, {}, {}}, kRefusals);
        QCOMPARE(int(reused.statusCode()), 422);
        QVERIFY(reused.data().contains("test.key_reused"));
        QVERIFY(headerOf(reused, "Retry-After").isEmpty());
        const QHttpServerResponse running =
            httpkit::answerOf(KeyOutcome{KeyOutcome::Kind::InFlight, 0, {}, {}}, kRefusals);
        QCOMPARE(int(running.statusCode()), 409);
        QVERIFY(running.data().contains("test.in_flight"));
        QCOMPARE(headerOf(running, "Retry-After"), QByteArray("1"));
    }

    void busyWorkRunsAgainBoundedThenFinishes()
    {
        QThreadPool pool;
        QAtomicInt attempts = 0;
        QAtomicInt finished = 0;
        // Busy twice, then answered: three attempts, one finish with the last answer.
        auto future = httpkit::runOnPool(
            &pool, 5,
            [&] {
                attempts.ref();
                return QHttpServerResponse(
                    QHttpServerResponder::StatusCode(attempts.loadAcquire() < 3 ? 503 : 200));
            },
            [&] { return attempts.loadAcquire() < 3; },
            [&](const QHttpServerResponse &response, qint64 elapsed) {
                QCOMPARE(int(response.statusCode()), 200);
                QVERIFY(elapsed > 0);
                finished.ref();
            });
        future.waitForFinished();
        QCOMPARE(int(future.takeResult().statusCode()), 200);
        QCOMPARE(attempts.loadAcquire(), 3);
        QCOMPARE(finished.loadAcquire(), 1);

        // Always busy: the first try and `retries` more, then the busy answer is the answer.
        attempts = 0;
        auto busy = httpkit::runOnPool(
            &pool, 2,
            [&] {
                attempts.ref();
                return QHttpServerResponse(QHttpServerResponder::StatusCode(503));
            },
            [] { return true; }, [](const QHttpServerResponse &, qint64) {});
        busy.waitForFinished();
        QCOMPARE(int(busy.takeResult().statusCode()), 503);
        QCOMPARE(attempts.loadAcquire(), 3);
    }

    void aPlusInAQueryIsASpace()
    {
        const QUrlQuery query(
            httpkit::formQuery(QUrl(u"http://x/v1/orders?cashier=Anna+Maria&q=1%2B1&s=a%20b"_s)));
        QCOMPARE(query.queryItemValue(u"cashier"_s, QUrl::FullyDecoded), u"Anna Maria"_s);
        QCOMPARE(query.queryItemValue(u"q"_s, QUrl::FullyDecoded), u"1+1"_s);
        QCOMPARE(query.queryItemValue(u"s"_s, QUrl::FullyDecoded), u"a b"_s);
    }

    // One thread and one place in the queue: the third piece of work is refused at once with
    // the pool's own answer, which `finish` still sees; once work is done its place is free.
    void aFullPoolRefusesAtOnce()
    {
        httpkit::WorkerPool pool(1, 1);
        QSemaphore release;
        QAtomicInt finished = 0;
        auto held = [&] {
            release.acquire();
            return QHttpServerResponse(QHttpServerResponder::StatusCode::Ok);
        };
        auto never = [] { return false; };
        auto finish = [&](const QHttpServerResponse &, qint64) { finished.ref(); };
        auto full = [] { return QHttpServerResponse(QHttpServerResponder::StatusCode(503)); };
        auto running = httpkit::runOnPool(pool, 0, held, never, finish, full);
        auto queued = httpkit::runOnPool(pool, 0, held, never, finish, full);
        auto refused = httpkit::runOnPool(pool, 0, held, never, finish, full);
        QVERIFY(refused.isFinished());
        QCOMPARE(int(refused.takeResult().statusCode()), 503);
        QCOMPARE(finished.loadAcquire(), 1);
        QCOMPARE(pool.inside(), 2);

        release.release(2);
        running.waitForFinished();
        queued.waitForFinished();
        QCOMPARE(int(running.takeResult().statusCode()), 200);
        QCOMPARE(int(queued.takeResult().statusCode()), 200);
        QTRY_COMPARE(pool.inside(), 0);
        auto again = httpkit::runOnPool(
            pool, 0, [] { return QHttpServerResponse(QHttpServerResponder::StatusCode::Ok); },
            never, finish, full);
        again.waitForFinished();
        QCOMPARE(int(again.takeResult().statusCode()), 200);
    }
};

QTEST_GUILESS_MAIN(HttpkitTest)
#include "tst_httpkit.moc"
