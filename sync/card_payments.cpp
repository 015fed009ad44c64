#include "sync/card_payments.h"

#include "protocol/payment_wire.h"
#include "protocol/problem.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace counterline::sync {

namespace {

// What a charge, as the service reports it, means at the till.
CardOutcome outcomeOf(const QJsonObject &json)
{
    const protocol::ChargeAnswer charge = protocol::chargeAnswerFrom(json);
    if (charge.captured)
        return {CardOutcome::Kind::Approved, charge.id, {}, CardPayments::tr("Card approved.")};
    return {CardOutcome::Kind::Declined, charge.id, charge.declineCode,
            protocol::declineReason(charge.declineCode)};
}

// Refused or no such host: the request never left this machine.
bool neverSent(const QNetworkReply *reply)
{
    return reply->error() == QNetworkReply::ConnectionRefusedError ||
           reply->error() == QNetworkReply::HostNotFoundError;
}

} // namespace

QNetworkReply *CardPayments::post(const QString &path, const QString &idempotencyKey,
                                  const QByteArray &body)
{
    QUrl url = m_service;
    url.setPath(path);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    request.setRawHeader("Idempotency-Key", idempotencyKey.toUtf8());
    request.setTransferTimeout(int(m_timeout.count()));
    return m_network.post(request, body);
}

CardPayments::CardPayments(QUrl service, std::chrono::milliseconds timeout, QObject *parent)
    : QObject(parent)
    , m_service(std::move(service))
    , m_timeout(timeout)
{}

Result<QUrl> CardPayments::serviceUrl(const QString &text)
{
    const QUrl url(text);
    const bool https = url.scheme() == u"https"_s;
    if (!url.isValid() || url.host().isEmpty() || (!https && url.scheme() != u"http"_s)) {
        return Error{u"payments.bad_url"_s,
                     tr("The payment service is a URL such as http://127.0.0.1:8090, not "
                        "\"%1\".")
                         .arg(text)};
    }
    if (!https && !QHostAddress(url.host()).isLoopback() && url.host() != u"localhost"_s) {
        return Error{
            u"payments.needs_tls"_s,
            tr("The payment service at %1 is not on this machine: it needs https.").arg(text)};
    }
    return url;
}

void CardPayments::charge(const CardCharge &charge, Done done)
{
    QNetworkReply *reply = post(u"/v1/charges"_s, charge.idempotencyKey,
                                protocol::chargeRequestBody(charge.amount.minorUnits(),
                                                            charge.amount.currency().code(),
                                                            charge.token, charge.reference));
    connect(reply, &QNetworkReply::finished, this, [this, reply, charge, done] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray answer = reply->isOpen() ? reply->readAll() : QByteArray();
        if (neverSent(reply)) {
            done({CardOutcome::Kind::Unreachable,
                  {},
                  {},
                  CardPayments::tr("The payment service cannot be reached (%1); nothing was "
                                   "charged.")
                      .arg(reply->errorString())});
            return;
        }
        if (status == 201 || status == 200 || status == 402) {
            done(outcomeOf(QJsonDocument::fromJson(answer).object()));
            return;
        }
        if (status >= 400 && status < 500) {
            const Result<protocol::Problem> problem = protocol::Problem::fromBody(answer);
            done({CardOutcome::Kind::NotCharged,
                  {},
                  {},
                  CardPayments::tr("The payment service refused the payment: %1")
                      .arg(problem ? problem->detail : reply->errorString())});
            return;
        }
        // No answer, or the service failed while answering: it may have charged. Ask.
        askAboutKey(charge, status == 0 ? reply->errorString() : u"HTTP %1"_s.arg(status), done);
    });
}

void CardPayments::refund(const CardRefund &refund, Done done)
{
    QNetworkReply *reply =
        post(u"/v1/refunds"_s, refund.idempotencyKey,
             protocol::refundRequestBody(refund.chargeId, refund.amount.minorUnits()));
    connect(reply, &QNetworkReply::finished, this, [reply, done] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray answer = reply->isOpen() ? reply->readAll() : QByteArray();
        if (neverSent(reply)) {
            done({CardOutcome::Kind::Unreachable,
                  {},
                  {},
                  CardPayments::tr("The payment service cannot be reached (%1); nothing was "
                                   "refunded.")
                      .arg(reply->errorString())});
            return;
        }
        if (status == 201 || status == 200) {
            done({CardOutcome::Kind::Approved,
                  QJsonDocument::fromJson(answer).object().value(u"id"_s).toString(),
                  {},
                  CardPayments::tr("Refunded to the card.")});
            return;
        }
        if (status >= 400 && status < 500) {
            const Result<protocol::Problem> problem = protocol::Problem::fromBody(answer);
            done({CardOutcome::Kind::Declined,
                  {},
                  problem ? problem->code : QString(),
                  CardPayments::tr("The payment service refused the refund: %1")
                      .arg(problem ? problem->detail : reply->errorString())});
            return;
        }
        done({CardOutcome::Kind::Unknown,
              {},
              {},
              CardPayments::tr("The payment service did not answer (%1). Whether the card was "
                               "refunded is not known yet; trying again asks about this refund, "
                               "it does not refund twice.")
                  .arg(status == 0 ? reply->errorString() : u"HTTP %1"_s.arg(status))});
    });
}

void CardPayments::askAboutKey(const CardCharge &charge, const QString &why, Done done)
{
    QUrl url = m_service;
    url.setPath(u"/v1/charges"_s);
    url.setQuery(QUrlQuery{{u"idempotency_key"_s, charge.idempotencyKey}});
    QNetworkRequest request(url);
    request.setTransferTimeout(int(m_timeout.count()));
    QNetworkReply *reply = m_network.get(request);
    connect(reply, &QNetworkReply::finished, this, [reply, why, done] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 200) {
            done(outcomeOf(QJsonDocument::fromJson(reply->readAll()).object()));
        } else if (status == 404) {
            done({CardOutcome::Kind::NotCharged,
                  {},
                  {},
                  CardPayments::tr(
                      "The payment did not go through (%1); nothing was charged. Try again.")
                      .arg(why)});
        } else {
            done({CardOutcome::Kind::Unknown,
                  {},
                  {},
                  CardPayments::tr(
                      "The payment service did not answer (%1). Whether the card was charged "
                      "is not known yet; trying again asks about this payment, it does not "
                      "charge twice.")
                      .arg(why)});
        }
    });
}

} // namespace counterline::sync
