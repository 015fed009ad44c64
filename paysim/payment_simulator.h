#pragma once

#include "domain/clock.h"
#include "domain/result.h"
#include "paysim/payment_ledger.h"

#include <QHostAddress>
#include <QHttpServer>

#include <chrono>

namespace counterline::paysim {

// What the simulator can be told to do wrong, for the next `times` charges (POST /v1/faults, or
// --fault at start):
//   Timeout           nothing is charged; the connection stays silent for the delay, then drops
//   DropAfterCapture  the charge is captured, then the connection drops before the answer
//   Slow              the charge is made and answered after the delay
enum class Fault
{
    None,
    Timeout,
    DropAfterCapture,
    Slow,
    DropAfterRefund, // a refund is made, then the connection drops before the answer
    RefundTimeout    // nothing is refunded; the connection stays silent, then drops
};

Result<Fault> faultFromName(const QString &name);

// counterline-paysim's HTTP API, for demos, training and tests (docs/paysim.md):
//   POST /v1/charges   {amount, currency, token, reference} with Idempotency-Key → 201 captured,
//                      402 declined; the same key and body again → the same answer, nothing new
//   GET  /v1/charges?idempotency_key=K → what happened to K (404: nothing was ever charged)
//   POST /v1/refunds   {charge_id, amount} with Idempotency-Key → 201
//   GET  /v1/ledger    every charge and refund
//   POST /v1/faults    {mode, times, delay_ms}
//   GET  /healthz
// Single-threaded: the ledger is small local SQLite work.
class PaymentSimulator
{
public:
    PaymentSimulator(PaymentLedger &ledger, const Clock &clock);

    Result<quint16> listen(const QHostAddress &address, quint16 port);
    void arm(Fault fault, int times, std::chrono::milliseconds delay);

private:
    void addRoutes();
    void takeCharge(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    void takeRefund(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    // The fault for this charge, counting it down.
    // The armed fault, if it is for this kind of request (charge or refund), counted down.
    Fault takeFault(bool forRefund);

    PaymentLedger &m_ledger;
    const Clock &m_clock;
    QHttpServer m_http;
    Fault m_fault = Fault::None;
    int m_faultTimes = 0;
    std::chrono::milliseconds m_faultDelay{0};
};

} // namespace counterline::paysim
