#include "domain/currency.h"
#include "sync/protocol/money_json.h"
#include "sync/protocol/problem.h"

#include <QJsonDocument>
#include <QTest>

using namespace counterline;
using namespace counterline::protocol;
using namespace Qt::StringLiterals;

class ProtocolTest : public QObject
{
    Q_OBJECT

private slots:
    void problemRoundTrips()
    {
        const Problem problem = Problem::fromError(
            Error{u"order.illegal_transition"_s, u"cannot Ship a CREATED order"_s}, 422);
        QCOMPARE(problem.title, u"Unprocessable Content"_s);
        const Result<Problem> back = Problem::fromBody(problem.toBody());
        QVERIFY(back.ok());
        QCOMPARE(*back, problem);
        QCOMPARE(back->toError().code, u"order.illegal_transition"_s);
    }

    void malformedProblemsAreErrors_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("html") << QByteArray("<html>Bad Gateway</html>");
        QTest::newRow("array") << QByteArray("[1,2]");
        QTest::newRow("no code") << QByteArray(R"({"status":500})");
        QTest::newRow("status text") << QByteArray(R"({"status":"500","code":"x"})");
        QTest::newRow("empty") << QByteArray();
    }
    void malformedProblemsAreErrors()
    {
        QFETCH(QByteArray, body);
        const Result<Problem> parsed = Problem::fromBody(body);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code, u"protocol.problem_malformed"_s);
    }

    void amounts_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<qint64>("minor");
        QTest::newRow("cents") << QByteArray(R"({"a":1499})") << true << qint64(1499);
        QTest::newRow("negative") << QByteArray(R"({"a":-5})") << true << qint64(-5);
        QTest::newRow("largest exact")
            << QByteArray(R"({"a":9007199254740992})") << true << qint64(9007199254740992);
        QTest::newRow("fraction") << QByteArray(R"({"a":14.99})") << false << qint64(0);
        QTest::newRow("string") << QByteArray(R"({"a":"1499"})") << false << qint64(0);
        QTest::newRow("beyond 2^53") << QByteArray(R"({"a":1e20})") << false << qint64(0);
        QTest::newRow("missing") << QByteArray(R"({})") << false << qint64(0);
    }
    void amounts()
    {
        QFETCH(QByteArray, json);
        QFETCH(bool, valid);
        QFETCH(qint64, minor);
        const Currency euro = *Currency::fromCode(u"EUR");
        const QJsonValue value = QJsonDocument::fromJson(json).object().value(u"a"_s);
        const Result<Money> amount = amountFromJson(value, euro, u"unit_price");
        QCOMPARE(amount.ok(), valid);
        if (valid) {
            QCOMPARE(amount->minorUnits(), minor);
            QCOMPARE(amountToJson(*amount).toInteger(), minor);
        } else {
            QCOMPARE(amount.error().code, u"protocol.amount_not_integer"_s);
            QVERIFY(amount.error().message.contains(u"unit_price"_s));
        }
    }
};

QTEST_GUILESS_MAIN(ProtocolTest)
#include "tst_protocol.moc"
