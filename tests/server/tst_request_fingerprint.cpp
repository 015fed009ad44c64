#include "server/request_fingerprint.h"

#include <QTest>

using namespace counterline::server;

class RequestFingerprintTest : public QObject
{
    Q_OBJECT

private slots:
    void layoutAndKeyOrderDoNotMatter()
    {
        const QByteArray a = R"({"id":"o1","lines":[{"sku":"A","quantity":2}],"total":998})";
        const QByteArray b = "{ \"total\": 998,\n \"lines\": [ {\"quantity\":2, \"sku\":\"A\"} ],"
                             " \"id\": \"o1\" }";
        QCOMPARE(requestFingerprint("POST", "/v1/orders", a),
                 requestFingerprint("POST", "/v1/orders", b));
    }

    void meaningDoes()
    {
        const QByteArray base = R"({"id":"o1","total":998})";
        const QByteArray print = requestFingerprint("POST", "/v1/orders", base);
        QCOMPARE(print.size(), 64); // hex SHA-256
        QVERIFY(print != requestFingerprint("POST", "/v1/orders", R"({"id":"o1","total":999})"));
        QVERIFY(print != requestFingerprint("POST", "/v1/orders/o1/cancel", base));
        QVERIFY(print != requestFingerprint("PUT", "/v1/orders", base));
        // Array order is meaning (line order), so it changes the fingerprint.
        QVERIFY(requestFingerprint("POST", "/", "[1,2]") !=
                requestFingerprint("POST", "/", "[2,1]"));
    }

    void nonJsonIsTakenByteForByte()
    {
        QCOMPARE(canonicalJson("not json {"), QByteArray("not json {"));
        QVERIFY(requestFingerprint("POST", "/", "a b") != requestFingerprint("POST", "/", "a  b"));
    }
};

QTEST_GUILESS_MAIN(RequestFingerprintTest)
#include "tst_request_fingerprint.moc"
