// The terminal's integrated card payments against the real counterline-paysim: approvals,
// declines, and unknown outcomes settled by asking about the same key — one charge, never two.

#include "sync/card_payments.h"
#include "tests/paysim/paysim_harness.h"
#include "tests/server/http_client.h"

#include <QJsonArray>
#include <QTest>

using namespace counterline;
using namespace counterline::testing;
using namespace Qt::StringLiterals;

namespace {

Money euros(qint64 cents)
{
    return Money(cents, *Currency::fromCode(u"EUR"));
}

} // namespace

class CardPaymentsTest : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_paysim = std::make_unique<PaysimUnderTest>();
        QVERIFY2(m_paysim->start(), m_paysim->said.constData());
    }
    void cleanup() { m_paysim.reset(); }

    // A refund against a charge: answered with its id; the same key again is the same refund
    // (nothing given back twice); more than is left of the charge is refused, saying so.
    void refundsGoBackToTheChargeOnce()
    {
        sync::CardPayments cards(m_paysim->url({}));
        const sync::CardOutcome charged =
            pay(cards, {u"cart:9:card:1"_s, euros(1000), u"tok_visa"_s, u"cart:9"_s});
        QCOMPARE(charged.kind, sync::CardOutcome::Kind::Approved);
        const sync::CardOutcome first =
            refund(cards, {u"return:9:1"_s, charged.chargeId, euros(600)});
        QCOMPARE(first.kind, sync::CardOutcome::Kind::Approved);
        QVERIFY(!first.chargeId.isEmpty());
        const sync::CardOutcome again =
            refund(cards, {u"return:9:1"_s, charged.chargeId, euros(600)});
        QCOMPARE(again.kind, sync::CardOutcome::Kind::Approved);
        QCOMPARE(again.chargeId, first.chargeId);
        const sync::CardOutcome tooMuch =
            refund(cards, {u"return:9:2"_s, charged.chargeId, euros(500)});
        QCOMPARE(tooMuch.kind, sync::CardOutcome::Kind::Declined);
        QCOMPARE(tooMuch.declineCode, u"paysim.refund_too_large"_s);
        const QJsonArray refunds = http(m_network, "GET", m_paysim->url(u"/v1/ledger"_s), {})
                                       .json()[u"refunds"_s]
                                       .toArray();
        QCOMPARE(refunds.size(), 1);
        QCOMPARE(refunds[0][u"amount"_s].toInteger(), 600);

        m_paysim.reset(); // the service is gone: nothing was sent, nothing refunded
        const sync::CardOutcome gone =
            refund(cards, {u"return:9:2"_s, charged.chargeId, euros(400)});
        QCOMPARE(gone.kind, sync::CardOutcome::Kind::Unreachable);
    }

    void approvedAndDeclined()
    {
        sync::CardPayments cards(m_paysim->url({}));
        const sync::CardOutcome approved =
            pay(cards, {u"cart:1:card:1"_s, euros(1999), u"tok_visa"_s, u"cart:1"_s});
        QCOMPARE(approved.kind, sync::CardOutcome::Kind::Approved);
        QVERIFY(approved.chargeId.startsWith(u"ch_"_s));

        const sync::CardOutcome declined =
            pay(cards, {u"cart:2:card:1"_s, euros(500), u"tok_insufficient"_s, u"cart:2"_s});
        QCOMPARE(declined.kind, sync::CardOutcome::Kind::Declined);
        QCOMPARE(declined.declineCode, u"insufficient_funds"_s);
        QCOMPARE(declined.message,
                 u"The bank declined the card: not enough funds. Ask for another card or cash."_s);
        QVERIFY(!declined.message.contains(u"insufficient_funds"_s)); // a sentence, not a code
    }

    // The service captures, then its answer comes too late for the terminal: the terminal asks
    // about the key and learns the card was charged. Paying again with the same key is a replay.
    void aLateAnswerIsSettledByAskingNotByChargingAgain()
    {
        arm(R"({"mode":"slow","times":1,"delay_ms":1500})");
        sync::CardPayments cards(m_paysim->url({}), std::chrono::milliseconds(400));
        const sync::CardCharge charge{u"cart:3:card:1"_s, euros(4200), u"tok_visa"_s, u"cart:3"_s};
        const sync::CardOutcome settled = pay(cards, charge);
        QCOMPARE(settled.kind, sync::CardOutcome::Kind::Approved);
        QCOMPARE(pay(cards, charge).chargeId, settled.chargeId);
        QCOMPARE(charges(), 1);
    }

    // The service never took the payment: nothing was charged, and trying again charges once.
    void aTimeOutBeforeTheChargeChargesNothing()
    {
        arm(R"({"mode":"timeout","times":1,"delay_ms":1500})");
        sync::CardPayments cards(m_paysim->url({}), std::chrono::milliseconds(400));
        const sync::CardCharge charge{u"cart:4:card:1"_s, euros(300), u"tok_visa"_s, u"cart:4"_s};
        const sync::CardOutcome first = pay(cards, charge);
        QCOMPARE(first.kind, sync::CardOutcome::Kind::NotCharged);
        QVERIFY(first.message.contains(u"nothing was charged"_s));
        QCOMPARE(charges(), 0);
        QCOMPARE(pay(cards, charge).kind, sync::CardOutcome::Kind::Approved);
        QCOMPARE(charges(), 1);
    }

    // The answer is lost after the capture (the connection drops): one charge, approved.
    void aDroppedAnswerIsOneCharge()
    {
        arm(R"({"mode":"drop_after_capture","times":1})");
        sync::CardPayments cards(m_paysim->url({}));
        const sync::CardOutcome outcome =
            pay(cards, {u"cart:5:card:1"_s, euros(800), u"tok_visa"_s, u"cart:5"_s});
        QCOMPARE(outcome.kind, sync::CardOutcome::Kind::Approved);
        QCOMPARE(charges(), 1);
    }

    // The service is away altogether (the connection is refused): nothing was sent, so nothing
    // was charged; the till may take the card offline.
    void noServiceAtAllIsUnreachable()
    {
        const QUrl away = m_paysim->url({});
        m_paysim->stop();
        sync::CardPayments cards(away, std::chrono::milliseconds(400));
        const sync::CardOutcome outcome =
            pay(cards, {u"cart:6:card:1"_s, euros(100), u"tok_visa"_s, u"cart:6"_s});
        QCOMPARE(outcome.kind, sync::CardOutcome::Kind::Unreachable);
        QVERIFY2(outcome.message.contains(u"cannot be reached"_s), qPrintable(outcome.message));
    }

    void aBadTokenIsRefusedWithoutACharge()
    {
        sync::CardPayments cards(m_paysim->url({}));
        const sync::CardOutcome outcome =
            pay(cards, {u"cart:7:card:1"_s, euros(100), u"4242424242424242"_s, u"cart:7"_s});
        QCOMPARE(outcome.kind, sync::CardOutcome::Kind::NotCharged);
        QVERIFY(outcome.message.contains(u"token"_s));
        QCOMPARE(charges(), 0);
    }

    void theServiceNeedsTlsBeyondThisMachine_data()
    {
        QTest::addColumn<QString>("given");
        QTest::addColumn<QString>("code");
        QTest::newRow("loopback") << u"http://127.0.0.1:8090"_s << QString();
        QTest::newRow("localhost") << u"http://localhost:8090"_s << QString();
        QTest::newRow("remote https") << u"https://pay.example.org"_s << QString();
        QTest::newRow("remote http") << u"http://10.0.0.5:8090"_s << u"payments.needs_tls"_s;
        QTest::newRow("no scheme") << u"127.0.0.1:8090"_s << u"payments.bad_url"_s;
        QTest::newRow("ftp") << u"ftp://127.0.0.1"_s << u"payments.bad_url"_s;
    }
    void theServiceNeedsTlsBeyondThisMachine()
    {
        QFETCH(QString, given);
        QFETCH(QString, code);
        const Result<QUrl> url = sync::CardPayments::serviceUrl(given);
        QCOMPARE(url.ok() ? QString() : url.error().code, code);
        if (!url)
            QVERIFY(url.error().message.contains(given));
    }

private:
    sync::CardOutcome pay(sync::CardPayments &cards, const sync::CardCharge &charge)
    {
        std::optional<sync::CardOutcome> outcome;
        cards.charge(charge, [&](const sync::CardOutcome &o) { outcome = o; });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 10'000); }();
        return outcome.value_or(sync::CardOutcome{});
    }
    sync::CardOutcome refund(sync::CardPayments &cards, const sync::CardRefund &refund)
    {
        std::optional<sync::CardOutcome> outcome;
        cards.refund(refund, [&](const sync::CardOutcome &o) { outcome = o; });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 10'000); }();
        return outcome.value_or(sync::CardOutcome{});
    }
    void arm(const QByteArray &fault)
    {
        QCOMPARE(http(m_network, "POST", m_paysim->url(u"/v1/faults"_s), {}, {}, fault).status,
                 200);
    }
    int charges()
    {
        return int(http(m_network, "GET", m_paysim->url(u"/v1/ledger"_s), {})
                       .json()[u"charges"_s]
                       .toArray()
                       .size());
    }

    QNetworkAccessManager m_network;
    std::unique_ptr<PaysimUnderTest> m_paysim;
};

QTEST_GUILESS_MAIN(CardPaymentsTest)
#include "tst_card_payments.moc"
