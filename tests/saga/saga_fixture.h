#pragma once

// The saga tests' world: a real counterline-server (SQLite or PostgreSQL, per data row) with a
// store S1 that stocks 10 loaves (BROT 2.49, 7 %) and 5 bottles (WEIN 8.99, 19 %), a web shop
// enrolled as terminal W1, a till as T1, a back-office user, and a real counterline-paysim.

#include "tests/paysim/paysim_harness.h"
#include "tests/server/server_harness.h"

#include <QFile>
#include <QJsonArray>

#include <memory>

namespace counterline::testing {

// A web shop's order for `bread` loaves and one bottle, to be charged to `token`.
inline QByteArray remoteOrder(const QString &id, int sequence, const QString &token, int bread = 2,
                              const QString &terminal = QStringLiteral("W1"))
{
    using namespace Qt::StringLiterals;
    const QJsonArray lines{QJsonObject{{u"line_no"_s, 1},
                                       {u"sku"_s, u"BROT"_s},
                                       {u"name"_s, u"Brot"_s},
                                       {u"unit_price"_s, 249},
                                       {u"quantity"_s, bread},
                                       {u"tax_rate_ppm"_s, 70000},
                                       {u"total"_s, 249 * bread}},
                           QJsonObject{{u"line_no"_s, 2},
                                       {u"sku"_s, u"WEIN"_s},
                                       {u"name"_s, u"Wein"_s},
                                       {u"unit_price"_s, 899},
                                       {u"quantity"_s, 1},
                                       {u"tax_rate_ppm"_s, 190000},
                                       {u"total"_s, 899}}};
    const int total = 249 * bread + 899;
    return QJsonDocument(
               QJsonObject{
                   {u"id"_s, id},
                   {u"receipt_no"_s, u"S1-%1-%2"_s.arg(terminal).arg(sequence, 6, 10, QChar(u'0'))},
                   {u"store_id"_s, u"S1"_s},
                   {u"terminal_id"_s, terminal},
                   {u"cashier_id"_s, u"web"_s},
                   {u"currency"_s, u"EUR"_s},
                   {u"created_at"_s, u"2026-11-29T10:00:00.000Z"_s},
                   {u"status"_s, u"CREATED"_s},
                   {u"version"_s, 1},
                   {u"total"_s, total},
                   {u"lines"_s, lines},
                   {u"tenders"_s, QJsonArray{QJsonObject{{u"kind"_s, u"card"_s},
                                                         {u"amount"_s, total},
                                                         {u"needs_capture"_s, true},
                                                         {u"payment_token"_s, token}}}}})
        .toJson(QJsonDocument::Compact);
}

// A till's sale taken by card while offline: paid at the counter, the card captured later.
inline QByteArray offlineCardSale(const QString &id, int sequence, const QString &token,
                                  const QString &terminal = QStringLiteral("W1"))
{
    using namespace Qt::StringLiterals;
    QJsonObject order =
        QJsonDocument::fromJson(remoteOrder(id, sequence, token, 1, terminal)).object();
    order.insert(u"status"_s, u"PAID"_s);
    order.insert(u"version"_s, 2);
    return QJsonDocument(order).toJson(QJsonDocument::Compact);
}

inline QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

class SagaFixture
{
public:
    // Call from init(); false (with the reason in problem()) when the world did not come up.
    bool setUp(const QString &dir)
    {
        using namespace Qt::StringLiterals;
        m_server = serverForThisRow();
        if (!m_server->problem().isEmpty())
            return fail(m_server->problem());
        if (!m_server->addStore(u"S1"_s))
            return fail(u"store add failed"_s);
        m_web = m_server->enroll(u"S1"_s, u"W1"_s);
        m_till = m_server->enroll(u"S1"_s, u"T1"_s);
        m_office = m_server->addUser(u"Petra"_s);
        QFile catalog(dir + u"/catalog.csv"_s);
        if (!catalog.open(QIODevice::WriteOnly))
            return fail(u"cannot write the catalog"_s);
        catalog.write("sku,barcode,name,price,currency,tax_rate,stock\r\n"
                      "BROT,,Brot,2.49,EUR,7,10\r\n"
                      "WEIN,,Wein,8.99,EUR,19,5\r\n");
        catalog.close();
        int code = -1;
        m_server->command({u"catalog"_s, u"import"_s, catalog.fileName(), u"--store"_s, u"S1"_s},
                          &code);
        if (code != 0)
            return fail(u"catalog import failed"_s);
        m_paysim = std::make_unique<PaysimUnderTest>();
        if (!m_paysim->start())
            return fail(QString::fromUtf8(m_paysim->said));
        return startServer();
    }

    void tearDown()
    {
        m_server.reset();
        m_paysim.reset();
    }

    const QString &problem() const { return m_problem; }

    // The server with the payment service, a short lease (a dead runner's work is taken over
    // after `leaseSeconds`) and a recovery round every `recoverySeconds`.
    bool
    startServer(const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment(),
                int leaseSeconds = 1, int recoverySeconds = 1)
    {
        using namespace Qt::StringLiterals;
        return m_server->start({u"--payments"_s, m_paysim->url(QString()).toString(),
                                u"--key-lease-seconds"_s, QString::number(leaseSeconds),
                                u"--saga-recovery-seconds"_s, QString::number(recoverySeconds)},
                               environment);
    }

    // The server again, dying at the fault point `point` (server/fault_point.h).
    // Its claims hold for `leaseSeconds` after it died.
    bool startServerDyingAt(const QString &point, int recoverySeconds = 1, int leaseSeconds = 1)
    {
        m_server->stop();
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("COUNTERLINE_FAULT_POINT"), point);
        return startServer(environment, leaseSeconds, recoverySeconds);
    }

    HttpAnswer post(const QByteArray &key, const QByteArray &body)
    {
        return http(m_network, "POST", m_server->url(QStringLiteral("/v1/orders")), m_web, key,
                    body);
    }

    HttpAnswer postAs(const QByteArray &token, const QString &path, const QByteArray &key,
                      const QByteArray &body)
    {
        return http(m_network, "POST", m_server->url(path), token, key, body);
    }

    HttpAnswer get(const QString &path)
    {
        return http(m_network, "GET", m_server->url(path), m_web);
    }

    QJsonArray ledger(const QString &what)
    {
        return http(m_network, "GET", m_paysim->url(QStringLiteral("/v1/ledger")), {})
            .json()
            .value(what)
            .toArray();
    }

    // What the payment service holds of the order: captured minus refunded, in minor units.
    qint64 keptFrom(const QString &orderId)
    {
        using namespace Qt::StringLiterals;
        qint64 kept = 0;
        QStringList charges;
        for (const QJsonValue &value : ledger(u"charges"_s)) {
            const QJsonObject charge = value.toObject();
            if (charge.value(u"reference"_s).toString() != u"order:"_s + orderId ||
                charge.value(u"status"_s).toString() != u"captured"_s) {
                continue;
            }
            charges.append(charge.value(u"id"_s).toString());
            kept += charge.value(u"amount"_s).toInteger();
        }
        for (const QJsonValue &value : ledger(u"refunds"_s)) {
            const QJsonObject refund = value.toObject();
            if (charges.contains(refund.value(u"charge_id"_s).toString()))
                kept -= refund.value(u"amount"_s).toInteger();
        }
        return kept;
    }

    qint64 onHand(const QString &sku)
    {
        return m_server->count(
            QStringLiteral("SELECT on_hand FROM stock WHERE store_id = 'S1' AND sku = '%1'")
                .arg(sku));
    }

    QString orderStatus(const QString &id) { return value(QStringLiteral("status"), id); }

    // One column of the order's saga row, or of its row in `orders`.
    QString value(const QString &column, const QString &id,
                  const QString &table = QStringLiteral("orders"),
                  const QString &key = QStringLiteral("id"))
    {
        const QList<QVariantList> rows = m_server->rows(
            QStringLiteral("SELECT %1 FROM %2 WHERE %3 = '%4'").arg(column, table, key, id));
        return rows.isEmpty() ? QString() : rows[0][0].toString();
    }

    QStringList eventTypes(const QString &id)
    {
        QStringList types;
        for (const QVariantList &row :
             m_server->rows(QStringLiteral("SELECT type FROM outbox_events WHERE aggregateid = "
                                           "'%1' ORDER BY seq")
                                .arg(id)))
            types.append(row[0].toString());
        return types;
    }

    ServerUnderTest &server() { return *m_server; }
    PaysimUnderTest &paysim() { return *m_paysim; }
    QNetworkAccessManager &network() { return m_network; }
    const QByteArray &web() const { return m_web; }
    const QByteArray &till() const { return m_till; }
    const QByteArray &office() const { return m_office; }

private:
    bool fail(const QString &why)
    {
        m_problem = why;
        return false;
    }

    QNetworkAccessManager m_network;
    std::unique_ptr<ServerUnderTest> m_server;
    std::unique_ptr<PaysimUnderTest> m_paysim;
    QByteArray m_web;
    QByteArray m_till;
    QByteArray m_office;
    QString m_problem;
};

} // namespace counterline::testing
