// The back office for head office (`counterline --back-office --server URL`): the history and
// orders of a real counterline-server, on SQLite and PostgreSQL. Two back-office users change
// the same order at once: one succeeds, the other sees what changed, reloads and decides again.

#include "domain/csv.h"
#include "sync/server_orders.h"
#include "tests/paysim/paysim_harness.h"
#include "tests/server/server_harness.h"
#include "tests/server/wire_orders.h"
#include "tests/ui/modal.h"
#include "ui/follow_ups_view.h"
#include "ui/history_export.h"
#include "ui/history_model.h"
#include "ui/order_backend.h"
#include "ui/order_detail_view.h"
#include "ui/server_history_source.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QTimer>

#include <memory>

using namespace counterline;
using namespace counterline::testing;
using namespace Qt::StringLiterals;

class BackOfficeServerTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase_data() { onBothDatabases(); }

    void init()
    {
        m_server = serverForThisRow();
        QVERIFY2(m_server->problem().isEmpty(), qPrintable(m_server->problem()));
        QVERIFY(m_server->addStore(u"S1"_s));
        QVERIFY(m_server->importCatalog(kWireOrdersCatalog, u"S1"_s));
        const QByteArray terminal = m_server->enroll(u"S1"_s, u"T1"_s);
        m_terminal = terminal;
        for (const QString &name : {u"Petra"_s, u"Jonas"_s})
            m_tokens.append(m_server->addUser(name));
        QVERIFY(m_server->start());
        QNetworkAccessManager network;
        for (int i = 1; i <= 3; ++i) {
            const QJsonObject order =
                orderJson(QUuid::createUuid().toString(QUuid::WithoutBraces), i);
            m_ids.append(order.value(u"id"_s).toString());
            QCOMPARE(http(network, "POST", m_server->url(u"/v1/orders"_s), terminal,
                          "k" + QByteArray::number(i), QJsonDocument(order).toJson())
                         .status,
                     201);
        }
    }

    void cleanup()
    {
        m_server.reset();
        m_tokens.clear();
        m_ids.clear();
    }

    void theChainsHistoryPagesAndFilters()
    {
        sync::ServerOrders orders({m_server->url(QString()), m_tokens[0]});
        ui::ServerHistorySource source(orders);
        ui::HistoryModel model(source, nullptr, 2, 2);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setQuery({});
        QTRY_COMPARE(model.rowCount(), 2);
        model.fetchMore();
        QTRY_COMPARE(model.rowCount(), 3);
        QTRY_VERIFY(!model.canFetchMore());
        QCOMPARE(model.data(model.index(0, ui::HistoryModel::OriginColumn)).toString(), u"S1-T1"_s);

        ui::HistoryQuery query;
        query.cashier = u"anna"_s;
        query.minTotalMinor = 1397;
        model.setQuery(query);
        QTRY_COMPARE(model.rowCount(), 2);
        model.fetchMore();
        QTRY_COMPARE(model.rowCount(), 3);
        query.minTotalMinor = 1398;
        model.setQuery(query);
        QTRY_VERIFY(!model.canFetchMore());
        QCOMPARE(model.rowCount(), 0);
        query = {};
        query.receiptNumber = u"S1-T1-000002"_s;
        model.setQuery(query);
        QTRY_COMPARE(model.rowCount(), 1);
        QCOMPARE(model.data(model.index(0, 0), ui::HistoryModel::OrderIdRole).toString(), m_ids[1]);

        // The export pages through the server too.
        QTemporaryDir dir;
        const Result<int> written =
            ui::HistoryExport::toCsv(source, {}, dir.filePath(u"chain.csv"_s));
        QVERIFY(written.ok());
        QCOMPARE(*written, 3);
    }

    void twoUsersChangeOneOrderAtOnce()
    {
        sync::ServerOrders petraOrders({m_server->url(QString()), m_tokens[0]});
        sync::ServerOrders jonasOrders({m_server->url(QString()), m_tokens[1]});
        ui::ServerOrderBackend petraBackend(petraOrders);
        ui::ServerOrderBackend jonasBackend(jonasOrders);
        ui::OrderDetailView petra(petraBackend, u"Petra"_s);
        ui::OrderDetailView jonas(jonasBackend, u"Jonas"_s);
        petra.showOrder(m_ids[0]);
        jonas.showOrder(m_ids[0]);
        QTRY_VERIFY(petra.shown().has_value() && jonas.shown().has_value());
        QCOMPARE(jonas.shown()->lines.size(), 2);
        QCOMPARE(jonas.shown()->summary.status, OrderStatus::Paid);

        QTest::mouseClick(petra.findChild<QPushButton *>(u"actionShip"_s), Qt::LeftButton);
        QTRY_COMPARE(petra.shown()->summary.status, OrderStatus::Shipped);

        whenMessageBox(u"conflictReload"_s);
        whenMessageBox(u"confirmUndo"_s); // "Cancel the sale?"
        QTest::mouseClick(jonas.findChild<QPushButton *>(u"actionCancel"_s), Qt::LeftButton);
        QTRY_COMPARE(jonas.shown()->summary.status, OrderStatus::Shipped);
        QCOMPARE(jonas.shown()->summary.version, 3);
        QTRY_VERIFY(jonas.findChild<QPushButton *>(u"actionDeliver"_s));
        QTest::mouseClick(jonas.findChild<QPushButton *>(u"actionDeliver"_s), Qt::LeftButton);
        QTRY_COMPARE(jonas.shown()->summary.status, OrderStatus::Completed);

        const QList<QVariantList> events = m_server->rows(
            u"SELECT version, event, actor_id FROM order_events WHERE order_id = '%1' "
            "ORDER BY version"_s.arg(m_ids[0]));
        // The till sent this order without its events: the server keeps the history its status
        // implies (Place, PaymentCaptured), then the back office's, each by the user who made it.
        QCOMPARE(events.size(), 4);
        QCOMPARE(events[2][1].toString(), u"Ship"_s);
        QCOMPARE(events[3][1].toString(), u"Deliver"_s);
        QCOMPARE(events[2][2].toString(), u"Petra"_s);
        QCOMPARE(events[3][2].toString(), u"Jonas"_s);
        QCOMPARE(jonas.shown()->events.size(), 4);
        QCOMPARE(m_server->count(u"SELECT count(*) FROM order_events WHERE order_id = '%1' "
                                 "AND event = 'Cancel'"_s.arg(m_ids[0])),
                 0); // the stale cancel changed nothing
    }

    // A card taken offline and declined when the server charged it shows on the follow-up list.
    void declinedOfflineCardsAreFollowedUp()
    {
        PaysimUnderTest paysim;
        QVERIFY2(paysim.start(), paysim.said.constData());
        m_server->stop();
        QVERIFY(m_server->start({u"--payments"_s, paysim.url(QString()).toString(),
                                 u"--saga-recovery-seconds"_s, u"1"_s}));
        QJsonObject sale = orderJson(QUuid::createUuid().toString(QUuid::WithoutBraces), 4);
        sale.insert(u"tenders"_s,
                    QJsonArray{QJsonObject{{u"kind"_s, u"card"_s},
                                           {u"amount"_s, 1397},
                                           {u"needs_capture"_s, true},
                                           {u"payment_token"_s, u"tok_expired_7"_s}}});
        QNetworkAccessManager network;
        const QByteArray terminal = m_server->enroll(u"S1"_s, u"T2"_s);
        sale.insert(u"terminal_id"_s, u"T2"_s);
        sale.insert(u"receipt_no"_s, u"S1-T2-000001"_s);
        sale.remove(u"journal"_s);
        QCOMPARE(http(network, "POST", m_server->url(u"/v1/orders"_s), terminal, "offline-1",
                      QJsonDocument(sale).toJson())
                     .status,
                 201);
        sync::ServerOrders orders({m_server->url(QString()), m_tokens[0]});
        ui::FollowUpsView view(orders);
        QTRY_COMPARE_WITH_TIMEOUT((view.refresh(), view.rowCount()), 1, 20'000);
        auto *table = view.findChild<QTableWidget *>(u"followUpTable"_s);
        QCOMPARE(table->item(0, 1)->text(), ui::FollowUpsView::kindName(u"capture_declined"_s));
        QCOMPARE(table->item(0, 2)->text(), u"S1-T2-000001"_s);
        QVERIFY(view.findChild<QLabel *>(u"followUpDetail"_s)->text().contains(u"expired_card"_s));

        // A note, then settled with one: it leaves the open list and shows among the settled.
        auto *note = view.findChild<QLineEdit *>(u"followUpNote"_s);
        auto *settle = view.findChild<QPushButton *>(u"settleFollowUp"_s);
        QTest::mouseClick(settle, Qt::LeftButton);
        QVERIFY(!view.findChild<QLabel *>(u"followUpMessage"_s)->text().isEmpty()); // no note
        QTest::keyClicks(note, u"called the customer, will pay in the shop"_s);
        QTest::mouseClick(view.findChild<QPushButton *>(u"addFollowUpNote"_s), Qt::LeftButton);
        QTRY_COMPARE(view.findChild<QListWidget *>(u"followUpNotes"_s)->count(), 1);
        QTest::keyClicks(note, u"paid 13.97 in cash at the till"_s);
        QTest::mouseClick(settle, Qt::LeftButton);
        QTRY_COMPARE(view.rowCount(), 0);
        auto *state = view.findChild<QComboBox *>(u"followUpState"_s);
        state->setCurrentIndex(state->findData(u"settled"_s));
        QTRY_COMPARE(view.rowCount(), 1);
        auto *notes = view.findChild<QListWidget *>(u"followUpNotes"_s);
        QCOMPARE(notes->count(), 2);
        QVERIFY(notes->item(1)->text().contains(u"paid 13.97 in cash"_s));
        QVERIFY(notes->item(1)->text().contains(u"Petra"_s));
        QVERIFY(!settle->isEnabled()); // a settled item takes no more notes
        QCOMPARE(m_server->count(u"SELECT count(*) FROM follow_ups WHERE settled_by = 'Petra'"_s),
                 1);
    }

    // Head office cancels a till's cash sale: the cash must go back to the customer somehow, so
    // it lands on the follow-up list as money owed — what the sale cost, not the 20.00 handed
    // over — naming the receipt and why.
    void aCancelAwayFromTheTillLeavesMoneyOwed()
    {
        QNetworkAccessManager network;
        QJsonObject sale = orderJson(QUuid::createUuid().toString(QUuid::WithoutBraces), 4);
        sale.insert(u"tenders"_s,
                    QJsonArray{QJsonObject{{u"kind"_s, u"cash"_s}, {u"amount"_s, 2000}}});
        const QString id = sale.value(u"id"_s).toString();
        QCOMPARE(http(network, "POST", m_server->url(u"/v1/orders"_s), m_terminal, "k4",
                      QJsonDocument(sale).toJson())
                     .status,
                 201);
        QCOMPARE(http(network, "POST", m_server->url(u"/v1/orders/%1/cancel"_s.arg(id)),
                      m_tokens[1], "hq-cancel-1",
                      R"({"reason":"customer called","restock":true,"refund_tenders":true})")
                     .status,
                 200);
        sync::ServerOrders orders({m_server->url(QString()), m_tokens[0]});
        ui::FollowUpsView view(orders);
        QTRY_COMPARE(view.rowCount(), 1);
        auto *table = view.findChild<QTableWidget *>(u"followUpTable"_s);
        QCOMPARE(table->item(0, 1)->text(), ui::FollowUpsView::kindName(u"refund_owed"_s));
        QCOMPARE(table->item(0, 2)->text(), u"S1-T1-000004"_s);
        const QString detail = table->item(0, 6)->text();
        QVERIFY2(detail.contains(u"13.97 EUR"_s) && detail.contains(u"Head office"_s),
                 qPrintable(detail));
        QCOMPARE(m_server->count(u"SELECT amount_minor FROM refunds WHERE order_id = '%1' "
                                 "AND outcome = 'owed'"_s.arg(id)),
                 1397);
    }

private:
    std::unique_ptr<ServerUnderTest> m_server;
    QList<QByteArray> m_tokens;
    QByteArray m_terminal;
    QStringList m_ids;
};

QTEST_MAIN(BackOfficeServerTest)
#include "tst_back_office_server.moc"
