#include "paysim/payment_simulator.h"

#include "domain/currency.h"
#include "httpkit/idempotency.h"
#include "httpkit/incoming.h"
#include "httpkit/responses.h"
#include "paysim/token_rules.h"
#include "protocol/http_headers.h"
#include "protocol/problem.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace counterline::paysim {

namespace {

int statusFor(const Error &error)
{
    if (error.code == u"paysim.no_such_charge"_s || error.code == u"paysim.unknown_key"_s)
        return 404;
    if (error.code == u"paysim.key_reused"_s || error.code == u"paysim.refund_too_large"_s ||
        error.code == u"paysim.not_captured"_s) {
        return 422;
    }
    if (error.code.startsWith(u"paysim.bad_"_s) || error.code == u"paysim.key_missing"_s)
        return 400;
    return 500;
}

// A charge or a refund made now or before (`replay`), through the one idempotent answer
// (httpkit::answerOf). A declined charge is answered 402 with the charge itself, not a problem:
// plain JSON at every status. A reused key is refused by the ledger in its own words.
void answer(QHttpServerResponder &responder, int status, const QJsonObject &body,
            bool replay = false)
{
    using Kind = httpkit::KeyOutcome::Kind;
    const httpkit::KeyOutcome outcome{replay ? Kind::Replay : Kind::Made, status,
                                      QJsonDocument(body).toJson(QJsonDocument::Compact),
                                      "application/json"};
    httpkit::answerOf(outcome, {}).write(std::move(responder));
}

void answer(QHttpServerResponder &responder, const Error &error)
{
    httpkit::problemResponse(error, statusFor(error)).write(std::move(responder));
}

Error badRequest(const QString &detail)
{
    return Error{u"paysim.bad_request"_s, detail};
}

Result<QString> idempotencyKey(const QHttpServerRequest &request)
{
    const std::optional<QString> key = httpkit::usableKey(httpkit::idempotencyKeyOf(request));
    if (!key) {
        return Error{u"paysim.key_missing"_s,
                     QCoreApplication::translate(
                         "counterline::paysim::PaymentSimulator",
                         "This request needs an Idempotency-Key header (1 to 255 characters).")};
    }
    return *key;
}

QByteArray fingerprintOf(const QByteArray &body)
{
    return QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex();
}

Result<QJsonObject> jsonObject(const QByteArray &body)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        return badRequest(
            QCoreApplication::translate("counterline::paysim::PaymentSimulator",
                                        "The body is not a JSON object (%1 at byte %2).")
                .arg(parseError.errorString())
                .arg(parseError.offset));
    }
    return document.object();
}

// A positive whole number of minor units, below a trillion.
Result<qint64> amountIn(const QJsonObject &json)
{
    const QJsonValue amount = json.value(u"amount"_s);
    const double number = amount.toDouble(-1);
    if (!amount.isDouble() || number != double(qint64(number)) || number <= 0 || number >= 1e12) {
        return badRequest(QCoreApplication::translate(
            "counterline::paysim::PaymentSimulator",
            "\"amount\" must be a positive whole number of minor units (e.g. 1999 for "
            "19.99)."));
    }
    return amount.toInteger();
}

Result<ChargeRequest> chargeRequest(const QByteArray &body)
{
    Result<QJsonObject> json = jsonObject(body);
    if (!json)
        return json.error();
    Result<qint64> amount = amountIn(*json);
    if (!amount)
        return amount.error();
    const QString currency = json->value(u"currency"_s).toString();
    if (!Currency::fromCode(currency)) {
        return badRequest(QCoreApplication::translate(
                              "counterline::paysim::PaymentSimulator",
                              "\"currency\" must be an ISO 4217 code such as EUR, not \"%1\".")
                              .arg(currency));
    }
    const QString token = json->value(u"token"_s).toString();
    if (!isToken(token)) {
        return badRequest(
            QCoreApplication::translate("counterline::paysim::PaymentSimulator",
                                        "\"token\" must be a card token starting with tok_ (e.g. "
                                        "tok_visa), not \"%1\".")
                .arg(token));
    }
    const QString reference = json->value(u"reference"_s).toString();
    if (reference.size() > 200)
        return badRequest(
            QCoreApplication::translate("counterline::paysim::PaymentSimulator",
                                        "\"reference\" is longer than 200 characters."));
    return ChargeRequest{*amount, currency, token, reference};
}

// GET …?idempotency_key=K: what was made with the key (200), or 404 "paysim.unknown_key" with
// `unknown` (a translatable text with %1 for the key): how a lost answer is settled by asking.
template<typename Lookup>
void answerByKey(QHttpServerResponder &responder, const QHttpServerRequest &request, Lookup lookup,
                 const char *unknown)
{
    const QString key = QUrlQuery(request.url()).queryItemValue(u"idempotency_key"_s);
    if (key.isEmpty()) {
        answer(responder,
               badRequest(QCoreApplication::translate("counterline::paysim::PaymentSimulator",
                                                      "Ask with ?idempotency_key=KEY.")));
        return;
    }
    const auto found = lookup(key);
    if (!found) {
        answer(responder, found.error());
    } else if (!found->has_value()) {
        answer(responder,
               Error{u"paysim.unknown_key"_s,
                     QCoreApplication::translate("counterline::paysim::PaymentSimulator", unknown)
                         .arg(key)});
    } else {
        answer(responder, 200, (*found)->toJson());
    }
}

} // namespace

Result<Fault> faultFromName(const QString &name)
{
    if (name == u"none"_s)
        return Fault::None;
    if (name == u"timeout"_s)
        return Fault::Timeout;
    if (name == u"drop_after_capture"_s)
        return Fault::DropAfterCapture;
    if (name == u"slow"_s)
        return Fault::Slow;
    if (name == u"drop_after_refund"_s)
        return Fault::DropAfterRefund;
    if (name == u"refund_timeout"_s)
        return Fault::RefundTimeout;
    return Error{u"paysim.bad_fault"_s, QCoreApplication::translate(
                                            "counterline::paysim::PaymentSimulator",
                                            "The fault is none, timeout, drop_after_capture, slow, "
                                            "drop_after_refund or refund_timeout, not \"%1\".")
                                            .arg(name)};
}

PaymentSimulator::PaymentSimulator(PaymentLedger &ledger, const Clock &clock)
    : m_ledger(ledger)
    , m_clock(clock)
{
    addRoutes();
}

Result<quint16> PaymentSimulator::listen(const QHostAddress &address, quint16 port)
{
    const quint16 bound = m_http.listen(address, port);
    if (bound == 0) {
        return Error{u"paysim.listen_failed"_s,
                     QCoreApplication::translate("counterline::paysim::PaymentSimulator",
                                                 "Cannot listen on %1:%2 (in use, or not allowed).")
                         .arg(address.toString())
                         .arg(port)};
    }
    return bound;
}

void PaymentSimulator::arm(Fault fault, int times, std::chrono::milliseconds delay)
{
    m_fault = fault;
    m_faultTimes = fault == Fault::None ? 0 : std::max(times, 1);
    m_faultDelay = delay;
}

Fault PaymentSimulator::takeFault(bool forRefund)
{
    const bool refundFault = m_fault == Fault::DropAfterRefund || m_fault == Fault::RefundTimeout;
    if (m_faultTimes <= 0 || refundFault != forRefund)
        return Fault::None;
    --m_faultTimes;
    return m_fault;
}

// POST /v1/charges: charges a card once per Idempotency-Key, with the armed fault if any.
void PaymentSimulator::takeCharge(const QHttpServerRequest &request,
                                  QHttpServerResponder &&responder)
{
    Result<QString> key = idempotencyKey(request);
    Result<ChargeRequest> charge =
        key ? chargeRequest(request.body()) : Result<ChargeRequest>(key.error());
    if (!charge) {
        answer(responder, charge.error());
        return;
    }
    const Fault fault = takeFault(false);
    // A socket that goes away while an answer waits must not be written to.
    auto held = std::make_shared<QHttpServerResponder>(std::move(responder));
    const QPointer<QTcpSocket> socket = held->socket();
    if (fault == Fault::Timeout) {
        QTimer::singleShot(m_faultDelay, [held, socket] {
            if (socket)
                socket->abort();
        });
        return;
    }
    Result<Keyed<Charge>> made =
        m_ledger.charge(*key, fingerprintOf(request.body()), *charge, m_clock.now());
    if (!made) {
        answer(*held, made.error());
        return;
    }
    const int status = made->value.captured() ? 201 : 402;
    if (fault == Fault::DropAfterCapture) {
        if (socket)
            socket->abort();
        return;
    }
    const QJsonObject body = made->value.toJson();
    const bool replay = made->replay;
    if (fault == Fault::Slow) {
        QTimer::singleShot(m_faultDelay, [held, socket, status, body, replay] {
            if (socket)
                answer(*held, status, body, replay);
        });
        return;
    }
    answer(*held, status, body, replay);
}

// POST /v1/refunds: refunds (part of) a charge once per Idempotency-Key.
void PaymentSimulator::takeRefund(const QHttpServerRequest &request,
                                  QHttpServerResponder &&responder)
{
    Result<QString> key = idempotencyKey(request);
    Result<QJsonObject> json = key ? jsonObject(request.body()) : Result<QJsonObject>(key.error());
    Result<qint64> amount = json ? amountIn(*json) : Result<qint64>(json.error());
    if (!amount) {
        answer(responder, amount.error());
        return;
    }
    const QString chargeId = json->value(u"charge_id"_s).toString();
    if (chargeId.isEmpty()) {
        answer(responder, badRequest(QCoreApplication::translate(
                              "counterline::paysim::PaymentSimulator",
                              "\"charge_id\" names the charge to refund.")));
        return;
    }
    const Fault fault = takeFault(true);
    auto held = std::make_shared<QHttpServerResponder>(std::move(responder));
    const QPointer<QTcpSocket> socket = held->socket();
    if (fault == Fault::RefundTimeout) {
        QTimer::singleShot(m_faultDelay, [held, socket] {
            if (socket)
                socket->abort();
        });
        return;
    }
    Result<Keyed<Refund>> made =
        m_ledger.refund(*key, fingerprintOf(request.body()), chargeId, *amount, m_clock.now());
    if (!made) {
        answer(*held, made.error());
    } else if (fault == Fault::DropAfterRefund) {
        if (socket)
            socket->abort();
    } else {
        answer(*held, 201, made->value.toJson(), made->replay);
    }
}

void PaymentSimulator::addRoutes()
{
    m_http.route(u"/healthz"_s, QHttpServerRequest::Method::Get,
                 [](const QHttpServerRequest &, QHttpServerResponder &&responder) {
                     answer(responder, 200, QJsonObject{{u"status"_s, u"ok"_s}});
                 });

    m_http.route(u"/v1/charges"_s, QHttpServerRequest::Method::Post,
                 [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                     takeCharge(request, std::move(responder));
                 });

    m_http.route(u"/v1/charges"_s, QHttpServerRequest::Method::Get,
                 [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                     answerByKey(
                         responder, request,
                         [this](const QString &key) { return m_ledger.chargeByKey(key); },
                         QT_TRANSLATE_NOOP("counterline::paysim::PaymentSimulator",
                                           "Nothing was ever charged with the key %1."));
                 });

    m_http.route(u"/v1/refunds"_s, QHttpServerRequest::Method::Post,
                 [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                     takeRefund(request, std::move(responder));
                 });

    m_http.route(u"/v1/refunds"_s, QHttpServerRequest::Method::Get,
                 [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                     answerByKey(
                         responder, request,
                         [this](const QString &key) { return m_ledger.refundByKey(key); },
                         QT_TRANSLATE_NOOP("counterline::paysim::PaymentSimulator",
                                           "Nothing was ever refunded with the key %1."));
                 });

    m_http.route(u"/v1/ledger"_s, QHttpServerRequest::Method::Get,
                 [this](const QHttpServerRequest &, QHttpServerResponder &&responder) {
                     Result<QList<Charge>> charges = m_ledger.charges();
                     Result<QList<Refund>> refunds = m_ledger.refunds();
                     if (!charges || !refunds) {
                         answer(responder, charges ? refunds.error() : charges.error());
                         return;
                     }
                     QJsonArray chargeList;
                     for (const Charge &charge : *charges)
                         chargeList.append(charge.toJson());
                     QJsonArray refundList;
                     for (const Refund &refund : *refunds)
                         refundList.append(refund.toJson());
                     answer(responder, 200,
                            QJsonObject{{u"charges"_s, chargeList}, {u"refunds"_s, refundList}});
                 });

    m_http.route(u"/v1/faults"_s, QHttpServerRequest::Method::Post,
                 [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                     Result<QJsonObject> json = jsonObject(request.body());
                     Result<Fault> fault = json ? faultFromName(json->value(u"mode"_s).toString())
                                                : Result<Fault>(json.error());
                     if (!fault) {
                         answer(responder, fault.error());
                         return;
                     }
                     const int times = json->value(u"times"_s).toInt(1);
                     const int delayMs = json->value(u"delay_ms"_s).toInt(30'000);
                     if (times < 1 || delayMs < 0) {
                         answer(responder, badRequest(QCoreApplication::translate(
                                               "counterline::paysim::PaymentSimulator",
                                               "\"times\" must be at least 1 and \"delay_ms\" "
                                               "not negative.")));
                         return;
                     }
                     arm(*fault, times, std::chrono::milliseconds(delayMs));
                     answer(responder, 200,
                            QJsonObject{{u"mode"_s, json->value(u"mode"_s)},
                                        {u"times"_s, times},
                                        {u"delay_ms"_s, delayMs}});
                 });
}

} // namespace counterline::paysim
