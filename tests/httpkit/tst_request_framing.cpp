// RequestFraming follows a connection's bytes however they are split: whole, or one byte at a
// time, it counts the same requests, refuses the same framing and never loses its place.

#include "httpkit/request_framing.h"

#include <QTest>

#include <optional>

using namespace counterline::httpkit;

namespace {

const QByteArray kPipelined =
    "POST /v1/orders HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello"
    "POST /v1/orders HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
    "\r\n5;note=x\r\nhello\r\n10\r\n0123456789abcdef\r\n0\r\nX-Trailer: "
    "t\r\n\r\n"
    "\r\nGET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";

std::optional<FramingRefusal> feedBytewise(RequestFraming &framing, const QByteArray &bytes)
{
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        if (auto refusal = framing.feed(QByteArrayView(bytes).sliced(i, 1)))
            return refusal;
    }
    return std::nullopt;
}

} // namespace

class RequestFramingTest : public QObject
{
    Q_OBJECT

private slots:
    void pipelinedRequestsAreCountedWholeOrBytewise()
    {
        RequestFraming whole;
        QVERIFY(!whole.feed(kPipelined));
        QCOMPARE(whole.requestsComplete(), 3);
        QVERIFY(!whole.inRequest());

        RequestFraming bytewise;
        QVERIFY(!feedBytewise(bytewise, kPipelined));
        QCOMPARE(bytewise.requestsComplete(), 3);
        QVERIFY(!bytewise.inRequest());
    }

    void aPartialRequestIsInRequest()
    {
        RequestFraming framing;
        QVERIFY(!framing.feed("POST /v1/orders HTTP/1.1\r\nContent-Length: 5\r\n\r\nhel"));
        QVERIFY(framing.inRequest());
        QCOMPARE(framing.requestsComplete(), 0);
        QVERIFY(!framing.feed("lo"));
        QVERIFY(!framing.inRequest());
        QCOMPARE(framing.requestsComplete(), 1);
    }

    void whoAsksToClose_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<bool>("close");
        QTest::newRow("1.1") << QByteArray("GET / HTTP/1.1\r\n\r\n") << false;
        QTest::newRow("1.1 close")
            << QByteArray("GET / HTTP/1.1\r\nConnection: Close\r\n\r\n") << true;
        QTest::newRow("1.1 list") << QByteArray("GET / HTTP/1.1\r\nConnection: te, close\r\n\r\n")
                                  << true;
        QTest::newRow("1.0") << QByteArray("GET / HTTP/1.0\r\n\r\n") << true;
        QTest::newRow("1.0 keep-alive")
            << QByteArray("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n") << false;
    }

    void whoAsksToClose()
    {
        QFETCH(QByteArray, request);
        QFETCH(bool, close);
        RequestFraming framing;
        QVERIFY(!framing.feed(request));
        QCOMPARE(framing.requestsComplete(), 1);
        QCOMPARE(framing.closeAfterAnswer(), close);
    }

    // Chunks are counted as they stream: the refusal comes at the chunk that crosses the limit,
    // before its data, however the bytes are split.
    void chunkedBodiesAreCountedAsTheyStream()
    {
        FramingLimits limits;
        limits.bodyBytes = 100;
        const QByteArray request = "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                                   "32\r\n" +
                                   QByteArray(50, 'a') + "\r\n32\r\n" + QByteArray(50, 'b') +
                                   "\r\n1\r\n";
        RequestFraming whole(limits);
        const auto refused = whole.feed(request);
        QVERIFY(refused);
        QCOMPARE(refused->status, 413);
        RequestFraming bytewise(limits);
        const auto refusedBytewise = feedBytewise(bytewise, request);
        QVERIFY(refusedBytewise);
        QCOMPARE(refusedBytewise->status, 413);
        QVERIFY(bytewise.feed("more")); // once refused, stays refused
    }

    // A request line that never ends is refused once it passes the limit, not when it ends.
    void anEndlessLineIsRefusedAtTheLimit()
    {
        RequestFraming framing;
        QVERIFY(!framing.feed(QByteArray("GET /" + QByteArray(8'000, 'a'))));
        const auto refused = framing.feed(QByteArray(1'000, 'a'));
        QVERIFY(refused);
        QCOMPARE(refused->status, 414);
        QCOMPARE(refused->error.code, QStringLiteral("request.uri_too_long"));
    }

    // A line over its limit is refused for its length (414) whether it arrives whole, with its
    // CRLF, in one read or in many, even when it is also malformed: found by
    // fuzz/request_framing_fuzzer, which saw 400 for one read and 414 for many.
    void aLongLineIsRefusedForItsLengthHoweverItArrives()
    {
        const QByteArray line =
            QByteArray("GET /") + QByteArray(9'000, 'a') + "\r" + "b HTTP/1.1\r\n";
        RequestFraming whole;
        const auto refused = whole.feed(line);
        QVERIFY(refused);
        QCOMPARE(refused->status, 414);
        RequestFraming bytewise;
        const auto alsoRefused = feedBytewise(bytewise, line);
        QVERIFY(alsoRefused);
        QCOMPARE(alsoRefused->status, 414);

        RequestFraming headers;
        const QByteArray head =
            QByteArray("GET / HTTP/1.1\r\nX-Big: ") + QByteArray(40'000, 'b') + "\r\n\r\n";
        const auto tooLarge = headers.feed(head);
        QVERIFY(tooLarge);
        QCOMPARE(tooLarge->status, 431);
    }

    void aChunkLongerThanItsSizeIsRefused()
    {
        RequestFraming framing;
        const auto refused = framing.feed(
            "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n0\r\n\r\n");
        QVERIFY(refused);
        QCOMPARE(refused->status, 400);
    }
};

QTEST_GUILESS_MAIN(RequestFramingTest)
#include "tst_request_framing.moc"
