#include "server/payment_gateway.h"

#include "protocol/payment_wire.h"
#include "protocol/problem.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace counterline::server {

namespace {

struct Answer
{
    int status = 0; // 0: no HTTP answer
    QByteArray body;
    QString error;
};

// One request, waited for on this thread.
Answer exchange(const QUrl &url, const QByteArray &method, const QByteArray &key,
                const QByteArray &body, std::chrono::milliseconds timeout)
{
    QNetworkAccessManager network;
    QNetworkRequest request(url);
    request.setTransferTimeout(int(timeout.count()));
    if (!key.isEmpty())
        request.setRawHeader("Idempotency-Key", key);
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    QNetworkReply *reply = method == "GET" ? network.get(request) : network.post(request, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    Answer answer{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                  reply->readAll(), reply->errorString()};
    delete reply;
    return answer;
}

PaymentOutcome outcomeOf(const QByteArray &body)
{
    const protocol::ChargeAnswer charge =
        protocol::chargeAnswerFrom(QJsonDocument::fromJson(body).object());
    if (charge.captured)
        return {PaymentOutcome::Kind::Captured, charge.id, {}};
    return {PaymentOutcome::Kind::Declined, charge.id, charge.declineCode};
}

QString problemText(const Answer &answer)
{
    const Result<protocol::Problem> problem = protocol::Problem::fromBody(answer.body);
    return problem ? u"%1 (%2)"_s.arg(problem->detail, problem->code)
                   : u"HTTP %1"_s.arg(answer.status);
}

} // namespace

PaymentGateway::PaymentGateway(QUrl service, std::chrono::milliseconds timeout)
    : m_service(std::move(service))
    , m_timeout(timeout)
{}

PaymentOutcome PaymentGateway::charge(const QString &key, qint64 amountMinor,
                                      const QString &currency, const QString &token,
                                      const QString &reference) const
{
    QUrl url = m_service;
    url.setPath(u"/v1/charges"_s);
    const Answer answer =
        exchange(url, "POST", key.toUtf8(),
                 protocol::chargeRequestBody(amountMinor, currency, token, reference), m_timeout);
    if (answer.status == 201 || answer.status == 200 || answer.status == 402)
        return outcomeOf(answer.body);
    if (answer.status >= 400 && answer.status < 500 && answer.status != 408 &&
        answer.status != 409 && answer.status != 429) {
        return {PaymentOutcome::Kind::NotCharged, {}, problemText(answer)};
    }
    // No answer, or the service failed while answering: it may have charged. Ask.
    return statusOf(key, answer.status == 0 ? answer.error : problemText(answer));
}

PaymentOutcome PaymentGateway::statusOf(const QString &key, const QString &why) const
{
    QUrl url = m_service;
    url.setPath(u"/v1/charges"_s);
    url.setQuery(QUrlQuery{{u"idempotency_key"_s, key}});
    const Answer answer = exchange(url, "GET", {}, {}, m_timeout);
    if (answer.status == 200)
        return outcomeOf(answer.body);
    const QString unanswered = answer.status == 0 ? answer.error : problemText(answer);
    if (answer.status == 404)
        return {PaymentOutcome::Kind::NotCharged, {}, why};
    if (why.isEmpty()) {
        return {PaymentOutcome::Kind::Unknown,
                {},
                tr("no answer to the question about the charge (%1)").arg(unanswered)};
    }
    return {PaymentOutcome::Kind::Unknown,
            {},
            tr("no answer to the charge (%1), and none to the question about it (%2)")
                .arg(why, unanswered)};
}

PaymentOutcome PaymentGateway::refund(const QString &key, const QString &chargeId,
                                      qint64 amountMinor) const
{
    QUrl url = m_service;
    url.setPath(u"/v1/refunds"_s);
    const Answer answer = exchange(url, "POST", key.toUtf8(),
                                   protocol::refundRequestBody(chargeId, amountMinor), m_timeout);
    if (answer.status == 201 || answer.status == 200) {
        return {PaymentOutcome::Kind::Captured,
                QJsonDocument::fromJson(answer.body).object().value(u"id"_s).toString(),
                {}};
    }
    if (answer.status >= 400 && answer.status < 500 && answer.status != 408 &&
        answer.status != 409 && answer.status != 429) {
        return {PaymentOutcome::Kind::NotCharged, {}, problemText(answer)};
    }
    // No answer, or the service failed while answering: it may have refunded. Ask.
    const QString why = answer.status == 0 ? answer.error : problemText(answer);
    const PaymentOutcome asked = refundStatus(key);
    if (asked.kind == PaymentOutcome::Kind::NotCharged)
        return {PaymentOutcome::Kind::Unknown, {}, tr("no refund was made (%1)").arg(why)};
    if (asked.kind == PaymentOutcome::Kind::Unknown) {
        return {PaymentOutcome::Kind::Unknown,
                {},
                tr("no answer to the refund (%1), and none to the question about it (%2)")
                    .arg(why, asked.why)};
    }
    return asked;
}

PaymentOutcome PaymentGateway::chargeStatus(const QString &key) const
{
    return statusOf(key, {});
}

PaymentOutcome PaymentGateway::refundStatus(const QString &key) const
{
    QUrl url = m_service;
    url.setPath(u"/v1/refunds"_s);
    url.setQuery(QUrlQuery{{u"idempotency_key"_s, key}});
    const Answer answer = exchange(url, "GET", {}, {}, m_timeout);
    if (answer.status == 200) {
        return {PaymentOutcome::Kind::Captured,
                QJsonDocument::fromJson(answer.body).object().value(u"id"_s).toString(),
                {}};
    }
    if (answer.status == 404)
        return {PaymentOutcome::Kind::NotCharged, {}, tr("nothing was refunded with this key")};
    return {
        PaymentOutcome::Kind::Unknown, {}, answer.status == 0 ? answer.error : problemText(answer)};
}

} // namespace counterline::server
