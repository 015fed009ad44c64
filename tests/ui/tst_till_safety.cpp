// The till keeps money and PINs safe as a cashier meets them (issue 17), driven offscreen through
// the real window: five wrong PINs lock the log-in and the approval dialog alike, the back office
// asks again instead of closing, and voiding a card sale gives the money back to the card through
// a real counterline-paysim — or says it is owed when the service is away.

#include "sqlkit/statement.h"
#include "store/order_details.h"
#include "store/sql.h"
#include "tests/paysim/paysim_harness.h"
#include "tests/server/http_client.h"
#include "tests/ui/till_driver.h"
#include "ui/cart_model.h"
#include "ui/manager_approval.h"

#include <QComboBox>
#include <QJsonArray>

using namespace counterline;
using namespace counterline::testing;
using namespace Qt::StringLiterals;

class TillSafetyTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void init()
    {
        m_terminal = std::make_unique<StoreFixture>();
        addTillUsers(*m_terminal);
    }
    void cleanup()
    {
        m_window.reset();
        m_terminal.reset();
    }

    // Five wrong PINs: the PIN field says until when and takes nothing; once the time is up it
    // takes the right PIN. The lockout is in the journal.
    void fiveWrongPinsLockTheLogIn()
    {
        m_window = openTill(*m_terminal);
        auto *pin = m_window->findChild<QLineEdit *>(u"pinField"_s);
        for (int i = 0; i < store::UserStore::kWrongPinsToLock; ++i)
            type(pin, u"0000"_s);
        QVERIFY2(label(*m_window, u"loginMessage"_s).contains(u"opens again in 0:30"_s),
                 qPrintable(label(*m_window, u"loginMessage"_s)));
        QVERIFY(!pin->isEnabled());
        QCOMPARE(lockouts(), 1);
        m_terminal->clock.advanceMs(30'000);
        QTRY_VERIFY_WITH_TIMEOUT(pin->isEnabled(), 5'000);
        logIn(*m_window, u"1234"_s);
    }

    // Wrong PINs at an approval count too: the dialog asks again, then says PIN entry is locked;
    // the lockout names the cashier who asked.
    void approvalsAskAgainAndLock()
    {
        m_window = openTill(*m_terminal);
        logIn(*m_window, u"1234"_s);
        type(scanField(*m_window), u"4000000000037"_s);
        QString said;
        whenModal<ui::ManagerApproval>([&said](ui::ManagerApproval *dialog) {
            auto *pin = dialog->findChild<QLineEdit *>(u"managerPin"_s);
            auto *message = dialog->findChild<QLabel *>(u"approvalMessage"_s);
            for (int i = 0; i < store::UserStore::kWrongPinsToLock; ++i) {
                type(pin, u"0000"_s);
                QVERIFY(dialog->isVisible()); // asks again
            }
            type(pin, u"9999"_s); // the right PIN, but PIN entry is locked
            said = message->text();
            dialog->reject();
        });
        whenModal<ui::AmountPrompt>([](ui::AmountPrompt *prompt) {
            type(prompt->findChild<QLineEdit *>(u"amountField"_s), u"5.00"_s);
        });
        press(*m_window, Qt::Key_F3);
        QTRY_VERIFY(!said.isEmpty());
        QVERIFY2(said.contains(u"opens again in 0:30"_s), qPrintable(said));
        QCOMPARE(lockouts(), 1);
        QVERIFY(sqlkit::selectValue(m_terminal->db(),
                                    u"SELECT record FROM journal WHERE kind = 'entry'"_s)
                    ->toString()
                    .contains(u"\"user\":\"Anna\""_s));
        // Still the old price: nothing was approved.
        QCOMPARE(m_window->cartModel().cart().lines().first().unitPrice.minorUnits(), 899);
    }

    // Opening the back office at the till: a wrong PIN or a cashier's asks again; a manager's
    // opens it.
    void theBackOfficeAsksAgain()
    {
        store::UserStore users(*m_terminal->database, m_terminal->clock, m_terminal->ids);
        std::optional<store::User> opened;
        whenModal<ui::ManagerApproval>([](ui::ManagerApproval *dialog) {
            auto *pin = dialog->findChild<QLineEdit *>(u"managerPin"_s);
            auto *message = dialog->findChild<QLabel *>(u"approvalMessage"_s);
            type(pin, u"0000"_s);
            QVERIFY(dialog->isVisible());
            QVERIFY(message->text().contains(u"not known"_s));
            type(pin, u"1234"_s);
            QVERIFY(dialog->isVisible());
            QVERIFY(message->text().contains(u"manager"_s));
            type(pin, u"9999"_s);
        });
        opened = ui::ManagerApproval::ask(users, {u"Opening the back office"_s, {}}, nullptr, {},
                                          store::PinPlace::BackOffice);
        QVERIFY(opened.has_value());
        QCOMPARE(opened->name, u"Mia"_s);
    }

    // F7 on a sale charged to a card through the payment service: the manager sees the sale, the
    // card is refunded once, and the cashier is told so; with the service away it is owed.
    void voidingACardSaleGivesTheMoneyBackToTheCard_data()
    {
        QTest::addColumn<bool>("serviceUp");
        QTest::newRow("payment service up") << true;
        QTest::newRow("payment service away") << false;
    }
    void voidingACardSaleGivesTheMoneyBackToTheCard()
    {
        QFETCH(bool, serviceUp);
        PaysimUnderTest paysim;
        QVERIFY2(paysim.start(), paysim.said.constData());
        m_window = openTill(*m_terminal, {}, paysim.url({}));
        logIn(*m_window, u"1234"_s);
        type(scanField(*m_window), u"4000000000037"_s); // 8.99
        whenModal<ui::PaymentDialog>([](ui::PaymentDialog *dialog) {
            auto *token = dialog->findChild<QComboBox *>(u"cardToken"_s);
            token->setCurrentIndex(token->findData(u"tok_visa"_s));
            QTest::mouseClick(dialog->findChild<QWidget *>(u"chargeCard"_s), Qt::LeftButton);
        });
        press(*m_window, Qt::Key_F12);
        QTRY_COMPARE(m_terminal->count(u"SELECT count(*) FROM orders"_s), 1);
        if (!serviceUp)
            paysim.stop();

        whenModal<ui::ManagerApproval>([](ui::ManagerApproval *dialog) {
            type(dialog->findChild<QLineEdit *>(u"managerPin"_s), u"9999"_s);
        });
        press(*m_window, Qt::Key_F7);
        QTRY_COMPARE(
            sqlkit::selectValue(m_terminal->db(), u"SELECT status FROM orders"_s)->toString(),
            u"CANCELLED"_s);
        const QString said = label(*m_window, u"saleMessage"_s);
        const QString outcome =
            sqlkit::selectValue(m_terminal->db(), u"SELECT outcome FROM refunds"_s)->toString();
        const QString orderId =
            sqlkit::selectValue(m_terminal->db(), u"SELECT id FROM orders"_s)->toString();
        const store::OrderDetail detail =
            *store::OrderDetails::load(*m_terminal->database, orderId);
        QCOMPARE(detail.moneyBack.size(), 1);
        QCOMPARE(detail.moneyBack[0].outcome, outcome);
        QCOMPARE(detail.moneyBack[0].amountMinor, 899);
        if (serviceUp) {
            QCOMPARE(outcome, u"card_refunded"_s);
            QVERIFY2(said.contains(u"went back to the card"_s), qPrintable(said));
            QNetworkAccessManager network;
            QCOMPARE(http(network, "GET", paysim.url(u"/v1/ledger"_s), {})
                         .json()[u"refunds"_s]
                         .toArray()
                         .size(),
                     1);
        } else {
            QCOMPARE(outcome, u"owed"_s);
            QVERIFY2(said.contains(u"head office"_s), qPrintable(said));
        }
        QCOMPARE(sqlkit::selectValue(m_terminal->db(),
                                     u"SELECT actor_id || '/' || approved_by FROM order_events "
                                     "WHERE event = 'Cancel'"_s)
                     ->toString(),
                 u"Anna/Mia"_s);
    }

private:
    int lockouts()
    {
        return sqlkit::selectValue(m_terminal->db(),
                                   u"SELECT count(*) FROM journal WHERE kind = 'entry'"_s)
            ->toInt();
    }

    std::unique_ptr<StoreFixture> m_terminal;
    std::unique_ptr<ui::CheckoutWindow> m_window;
};

QTEST_MAIN(TillSafetyTest)
#include "tst_till_safety.moc"
