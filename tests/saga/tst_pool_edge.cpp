// Pools by purpose (issue 19, item 5): twelve remote orders waiting on a slow payment service
// fill the payment pool, and /healthz, a head-office read and a till's sale still answer at once;
// the remote orders are all answered once the payment service is back.

#include "tests/saga/saga_fixture.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

using namespace Qt::StringLiterals;
using namespace counterline::testing;

class PoolEdgeTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::newRow("sqlite") << u"sqlite"_s;
    }

    void init()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_world.setUp(m_dir.path()), qPrintable(m_world.problem()));
        // Enough stock for every order below.
        QFile catalog(m_dir.filePath(u"stock.csv"_s));
        QVERIFY(catalog.open(QIODevice::WriteOnly));
        catalog.write("sku,barcode,name,price,currency,tax_rate,stock\r\n"
                      "BROT,,Brot,2.49,EUR,7,1000\r\n"
                      "WEIN,,Wein,8.99,EUR,19,1000\r\n");
        catalog.close();
        int code = -1;
        m_world.server().command(
            {u"catalog"_s, u"import"_s, catalog.fileName(), u"--store"_s, u"S1"_s}, &code);
        QCOMPARE(code, 0);
    }

    void cleanup() { m_world.tearDown(); }

    void aSlowPaymentServiceStarvesNothingElse()
    {
        // Every capture takes 4 s.
        const HttpAnswer armed = http(m_network, "POST", m_world.paysim().url(u"/v1/faults"_s), {},
                                      {}, R"({"mode":"slow","times":12,"delay_ms":4000})");
        QCOMPARE(armed.status, 200);

        // Each on a manager of its own: one manager opens at most six connections to a host.
        std::vector<std::unique_ptr<QNetworkAccessManager>> shoppers;
        std::vector<std::unique_ptr<QNetworkReply>> remote;
        for (int i = 0; i < 12; ++i) {
            shoppers.push_back(std::make_unique<QNetworkAccessManager>());
            QNetworkRequest request(m_world.server().url(u"/v1/orders"_s));
            request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
            request.setRawHeader("Authorization", "Bearer " + m_world.web());
            request.setRawHeader("Idempotency-Key", "remote-" + QByteArray::number(i));
            request.setTransferTimeout(60'000);
            remote.emplace_back(
                shoppers.back()->post(request, remoteOrder(newId(), i + 1, u"tok_visa"_s)));
        }
        QTest::qWait(1'000); // they are all waiting on the payment service now

        QElapsedTimer took;
        took.start();
        QCOMPARE(http(m_network, "GET", m_world.server().url(u"/healthz"_s), {}).status, 200);
        const qint64 health = took.restart();
        QCOMPARE(
            http(m_network, "GET", m_world.server().url(u"/v1/orders?store=S1"_s), m_world.office())
                .status,
            200);
        const qint64 read = took.restart();
        const HttpAnswer sale =
            m_world.postAs(m_world.till(), u"/v1/orders"_s, "till-sale", tillSale(newId()));
        const qint64 write = took.elapsed();
        QVERIFY2(sale.status == 201, sale.body.constData());
        qInfo("beside 12 orders waiting on payments: /healthz %lld ms, read %lld ms, sale %lld ms",
              health, read, write);
        QVERIFY2(health < 1'000, QByteArray::number(health).constData());
        QVERIFY2(read < 1'000, QByteArray::number(read).constData());
        QVERIFY2(write < 2'000, QByteArray::number(write).constData());

        // Each still reaches the payment service and is answered.
        for (const auto &reply : remote) {
            QVERIFY(QTest::qWaitFor([&] { return reply->isFinished(); }, 40'000));
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            QVERIFY2(status == 201, reply->readAll().constData());
        }
    }

private:
    // A till's cash sale of one loaf, as a till writes it: every tender says whether it needs
    // capture, so the pool is chosen by the value, not by the key being there.
    static QByteArray tillSale(const QString &id)
    {
        QJsonObject order =
            QJsonDocument::fromJson(remoteOrder(id, 1, u"tok_visa"_s, 1, u"T1"_s)).object();
        order.insert(u"status"_s, u"PAID"_s);
        order.insert(u"version"_s, 2);
        QJsonArray tenders{QJsonObject{{u"kind"_s, u"cash"_s},
                                       {u"amount"_s, order.value(u"total"_s).toInteger()},
                                       {u"needs_capture"_s, false}}};
        order.insert(u"tenders"_s, tenders);
        return QJsonDocument(order).toJson(QJsonDocument::Compact);
    }

    QTemporaryDir m_dir;
    SagaFixture m_world;
    QNetworkAccessManager m_network;
};

QTEST_GUILESS_MAIN(PoolEdgeTest)
#include "tst_pool_edge.moc"
