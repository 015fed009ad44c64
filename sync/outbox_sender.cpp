#include "sync/outbox_sender.h"

#include "protocol/order_request.h"
#include "protocol/problem.h"
#include "sync/server_request.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>

using namespace Qt::StringLiterals;

namespace counterline::sync {

OutboxSender::OutboxSender(store::Database &database, const Clock &clock, store::SyncTarget target,
                           QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_clock(clock)
    , m_target(std::move(target))
    , m_outbox(database, clock)
{}

void OutboxSender::runOnce()
{
    m_pass = SyncPass{};
    m_attempted.clear();
    m_queue.clear();
    m_cursor = 0;
    // Always from the event loop, so that finished() never fires inside runOnce().
    QMetaObject::invokeMethod(this, &OutboxSender::fill, Qt::QueuedConnection);
}

bool OutboxSender::refill(qint64 afterSeq)
{
    Result<QList<store::OutboxEntry>> due = m_outbox.due(kPrefetch, afterSeq);
    if (!due)
        return false;
    bool added = false;
    for (const store::OutboxEntry &entry : std::as_const(*due)) {
        m_cursor = std::max(m_cursor, entry.seq);
        if (!m_attempted.contains(entry.seq)) {
            m_queue.append(entry);
            added = true;
        }
    }
    return added;
}

std::optional<store::OutboxEntry> OutboxSender::takeNext()
{
    if (m_queue.isEmpty())
        refill(m_cursor);
    for (qsizetype i = 0; i < m_queue.size(); ++i) {
        if (!m_ordersInFlight.contains(m_queue[i].orderId))
            return m_queue.takeAt(i);
    }
    return std::nullopt;
}

void OutboxSender::fill()
{
    for (;;) {
        while (!m_pass.paused && m_inFlight < kInFlight) {
            const std::optional<store::OutboxEntry> next = takeNext();
            if (!next)
                break;
            m_attempted.insert(next->seq);
            send(*next);
        }
        if (m_inFlight > 0)
            return; // the answers call back here
        // Nothing in flight: record what is settled, then look once more from the start, for
        // entries that became due during the pass (an order's event once its create was sent).
        flush();
        if (m_pass.paused || !refill(0)) {
            emit finished(m_pass);
            return;
        }
    }
}

void OutboxSender::flush()
{
    (void)m_outbox.settle(m_settled);
    m_settled.clear();
}

void OutboxSender::record(const store::Settlement &settlement)
{
    m_settled.append(settlement);
    if (m_settled.size() >= kSettleBatch)
        flush();
}

void OutboxSender::send(const store::OutboxEntry &entry)
{
    QNetworkRequest outgoing;
    QByteArray body;
    if (entry.kind == u"create"_s) {
        Result<QByteArray> wire = protocol::orderRequestBody(entry.payload);
        if (!wire) {
            record(
                store::Settlement::setAside(entry.seq, 0, wire.error().message, wire.error().code));
            ++m_pass.setAside;
            return;
        }
        outgoing = serverRequest(m_target, u"/v1/orders"_s, entry.idempotencyKey);
        body = *wire;
    } else if (entry.kind == u"journal"_s) {
        // A generic journal entry: its frozen payload is the body, byte for byte.
        outgoing = serverRequest(m_target, u"/v1/journal"_s, entry.idempotencyKey);
        body = entry.payload;
    } else if (entry.kind == u"cancel"_s) {
        outgoing = serverRequest(m_target, u"/v1/orders/%1/cancel"_s.arg(entry.orderId),
                                 entry.idempotencyKey);
        body = protocol::cancelRequestBody(entry.payload);
    } else {
        outgoing = serverRequest(m_target, u"/v1/orders/%1/events"_s.arg(entry.orderId), QString());
        body = protocol::eventRequestBody(entry.payload);
    }
    ++m_inFlight;
    m_ordersInFlight.insert(entry.orderId);
    QNetworkReply *reply = m_network.post(outgoing, body);
    connect(reply, &QNetworkReply::finished, this, [this, entry, reply] {
        settle(entry, reply);
        reply->deleteLater();
        m_ordersInFlight.remove(entry.orderId);
        --m_inFlight;
        fill();
    });
}

void OutboxSender::settle(const store::OutboxEntry &entry, QNetworkReply *reply)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray answer = reply->readAll();
    if (status >= 200 && status < 300) {
        const QJsonObject order = QJsonDocument::fromJson(answer).object();
        record(store::Settlement::sent(entry.seq, status,
                                       QString::number(order.value(u"order_no"_s).toInteger()),
                                       order.value(u"version"_s).toInt()));
        ++m_pass.sent;
        return;
    }
    const Result<protocol::Problem> problem = protocol::Problem::fromBody(answer);
    const QString code = problem ? problem->code : QString();
    const QString detail = problem ? problem->detail : reply->errorString();
    if (status == 401 || status == 403) {
        m_pass.paused = true;
        m_pass.pauseReason =
            QCoreApplication::translate("counterline::sync",
                                        "The server refused this terminal (%1): enrol it again.")
                .arg(detail);
        record(store::Settlement::retry(entry.seq, status, detail, m_clock.now(), code));
        return;
    }
    const bool retry = status == 0 || status >= 500 || status == 429 ||
                       (status == 409 && code == u"idempotency.in_flight"_s);
    if (retry) {
        const auto retryAfter = parseRetryAfter(reply->rawHeader("Retry-After"), m_clock.now());
        const bool keyStillRunning = status == 409;
        const auto delay = keyStillRunning ? m_retry.whileKeyRuns(retryAfter)
                                           : m_retry.delay(entry.attempts + 1, retryAfter);
        record(store::Settlement::retry(entry.seq, status, detail,
                                        m_clock.now().addMSecs(delay.count()), code));
        ++m_pass.retrying;
        m_pass.lastNetworkError = status == 0;
        return;
    }
    // A version conflict: someone changed the order centrally before this terminal's change
    // arrived (a retry of a change the server already holds is answered as done, by its journal
    // link). The server's order comes with the answer; the change is set aside with what the order
    // is now, for a person to decide again; nothing is overwritten.
    if (status == 409 && code == u"order.version_conflict"_s) {
        const QJsonObject now =
            QJsonDocument::fromJson(answer).object().value(u"order"_s).toObject();
        record(store::Settlement::setAside(
            entry.seq, status,
            code + u": "_s +
                QCoreApplication::translate("counterline::sync",
                                            "the order was changed on the server first; it is now "
                                            "%1 at version %2. Look at it and decide again.")
                    .arg(now.value(u"status"_s).toString())
                    .arg(now.value(u"version"_s).toInt()),
            code));
        ++m_pass.setAside;
        return;
    }
    // 400, 422, or anything else a person must look at.
    record(store::Settlement::setAside(entry.seq, status,
                                       code.isEmpty() ? detail : code + u": "_s + detail, code));
    ++m_pass.setAside;
}

} // namespace counterline::sync
