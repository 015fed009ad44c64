// The cashier's window, driven offscreen through its real widgets: log in by PIN, scan by typing
// barcodes and Enter, pay cash with change, park and resume, survive a restart.

#include "protocol/order_request.h"
#include "sqlkit/statement.h"
#include "store/cart_store.h"
#include "store/offline_cards.h"
#include "store/user_store.h"
#include "sync/card_payments.h"
#include "tests/paysim/paysim_harness.h"
#include "tests/server/http_client.h"
#include "tests/store/store_fixture.h"
#include "tests/ui/modal.h"
#include "tests/ui/till_driver.h"
#include "ui/cart_model.h"
#include "ui/checkout_window.h"
#include "ui/close_shift_dialog.h"
#include "ui/discount_dialog.h"
#include "ui/manager_approval.h"
#include "ui/parked_carts_dialog.h"
#include "ui/payment_dialog.h"
#include "ui/product_search_model.h"
#include "ui/qr_code.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QInputDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QScopeGuard>
#include <QTableView>
#include <QTableWidget>
#include <QTcpServer>
#include <QTimer>
#include <QTranslator>

using namespace counterline;
using namespace counterline::testing;
using namespace Qt::StringLiterals;

namespace {

// The payment dialog runs its own event loop; `answer` runs inside it.
void whenPaymentOpens(const std::function<void(ui::PaymentDialog *)> &answer)
{
    whenModal<ui::PaymentDialog>(answer);
}

} // namespace

class CheckoutWindowTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany)); }

    void init()
    {
        m_terminal = std::make_unique<StoreFixture>();
        addTillUsers(*m_terminal);
        openWindow();
    }
    void cleanup()
    {
        m_window.reset();
        m_printer.clear();
        m_paymentService.clear();
        m_terminal.reset();
    }

    void aWrongPinKeepsTheTillLocked()
    {
        auto *pin = m_window->findChild<QLineEdit *>(u"pinField"_s);
        type(pin, u"0000"_s);
        QVERIFY(pin->isVisible());
        QVERIFY(!m_window->findChild<QLineEdit *>(u"scanField"_s)->isVisible());
        QVERIFY(m_window->findChild<QLabel *>(u"loginMessage"_s)->text().contains(u"PIN"_s));
    }

    void threeScansAndCashWithChange()
    {
        logIn(u"1234"_s);
        QLineEdit *scan = scanField();
        for (const QString &barcode : {u"4000000000013"_s, u"4000000000020"_s, u"4000000000037"_s})
            type(scan, barcode);
        QCOMPARE(m_window->cartModel().rowCount(), 3);
        QCOMPARE(label(u"totalLabel"_s), u"12,67 EUR"_s);
        QVERIFY(label(u"taxLabel"_s).contains(u"Steuer"_s) ||
                label(u"taxLabel"_s).contains(u"Tax 19 %"_s));

        whenPaymentOpens([](ui::PaymentDialog *dialog) {
            QCOMPARE(dialog->findChild<QLabel *>(u"dueLabel"_s)->text(), u"To pay: 12,67 EUR"_s);
            type(dialog->findChild<QLineEdit *>(u"cashGiven"_s), u"20"_s);
        });
        press(Qt::Key_F12);
        // The change, in the largest type on the window, in place of the cart.
        QTRY_COMPARE(label(u"changeDue"_s), u"Change 7,33 EUR"_s);
        QVERIFY(m_window->findChild<QWidget *>(u"saleComplete"_s)->isVisible());
        QVERIFY(label(u"saleCompleteDetails"_s).contains(u"Cash 20,00 EUR"_s));

        // Committed before printed: the order, its tender and change, its outbox row.
        QCOMPARE(m_terminal->count(u"SELECT count(*) FROM orders WHERE status = 'PAID'"_s), 1);
        QCOMPARE(m_terminal->count(u"SELECT change_minor FROM orders"_s), 733);
        QCOMPARE(m_terminal->count(u"SELECT amount_minor FROM tenders WHERE kind = 'cash'"_s),
                 2000);
        QCOMPARE(m_terminal->count(u"SELECT count(*) FROM outbox WHERE kind = 'create'"_s), 1);
        QCOMPARE(m_terminal->count(u"SELECT count(*) FROM orders WHERE cashier_id = 'Anna'"_s), 1);
        QFile pdf(m_window->lastReceiptFile());
        QVERIFY2(pdf.open(QIODevice::ReadOnly), qPrintable(m_window->lastReceiptFile()));
        QVERIFY(pdf.read(5) == "%PDF-");
        QVERIFY(pdf.size() > 2000);
        QVERIFY(pdf.fileName().endsWith(u"S1-T1-000001.pdf"_s));
        // A fresh cart for the next customer.
        QCOMPARE(m_window->cartModel().rowCount(), 0);
        QCOMPARE(label(u"totalLabel"_s), u"0,00 EUR"_s);
    }

    void splitCardAndCash()
    {
        logIn(u"1234"_s);
        type(scanField(), u"WEIN"_s); // a SKU works too
        whenPaymentOpens([](ui::PaymentDialog *dialog) {
            type(dialog->findChild<QLineEdit *>(u"cashGiven"_s), u"5"_s);
            type(dialog->findChild<QLineEdit *>(u"cardReference"_s), u"APPROVAL-77"_s);
        });
        press(Qt::Key_F12);
        QTRY_COMPARE(label(u"changeDue"_s), u"Paid"_s);
        QVERIFY(label(u"saleCompleteDetails"_s).contains(u"Card 3,99 EUR"_s));
        QCOMPARE(m_terminal->count(u"SELECT count(*) FROM tenders"_s), 2);
        QCOMPARE(m_terminal->count(u"SELECT amount_minor FROM tenders WHERE kind = 'card' "
                                   "AND reference = 'APPROVAL-77'"_s),
                 399);
    }

    void unknownBarcodeIsSaidAndNothingAdded()
    {
        logIn(u"1234"_s);
        type(scanField(), u"4999999999999"_s);
        QCOMPARE(m_window->cartModel().rowCount(), 0);
        QVERIFY(label(u"saleMessage"_s).contains(u"4999999999999"_s));
        QVERIFY(scanField()->hasFocus() || !QApplication::focusWidget());
    }

    // Results as you type: a name's beginning shows the matches; ↓ picks one, Enter adds it.
    void searchAsYouType()
    {
        logIn(u"1234"_s);
        auto *results = m_window->findChild<QListView *>(u"searchResults"_s);
        QTest::keyClicks(scanField(), u"4000"_s);
        QTRY_COMPARE(m_window->searchResults().rowCount(), 3);
        QVERIFY(results->isVisible());
        QTest::keyClick(scanField(), Qt::Key_Down);
        QTest::keyClick(scanField(), Qt::Key_Down);
        const QString second = m_window->searchResults().products()[1].sku;
        QTest::keyClick(scanField(), Qt::Key_Return);
        QCOMPARE(m_window->cartModel().rowCount(), 1);
        QCOMPARE(m_window->cartModel().cart().lines().first().sku, second);
        QVERIFY(!results->isVisible());
        QVERIFY(scanField()->text().isEmpty());

        // One match: Enter takes it. Typed lower case and cut short, as cashiers do.
        const QString other = second == u"WEIN"_s ? u"milc"_s : u"wei"_s;
        QTest::keyClicks(scanField(), other);
        QTRY_COMPARE(m_window->searchResults().rowCount(), 1);
        QTest::keyClick(scanField(), Qt::Key_Return);
        QCOMPARE(m_window->cartModel().rowCount(), 2);
        QVERIFY(m_window->cartModel().cart().lines().last().sku.startsWith(other.toUpper()));

        // Several matches and no pick: Enter adds nothing and says so; Esc hides the list; the
        // next scan replaces what was typed.
        QAbstractItemModelTester tester(&m_window->searchResults(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTest::keyClicks(scanField(), u"4000"_s);
        QTRY_COMPARE(m_window->searchResults().rowCount(), 3);
        QTest::keyClick(scanField(), Qt::Key_Return);
        QCOMPARE(m_window->cartModel().rowCount(), 2);
        QVERIFY(label(u"saleMessage"_s).contains(u"4000"_s));
        QTest::keyClick(scanField(), Qt::Key_Escape);
        QVERIFY(!results->isVisible());
        type(scanField(), u"4000000000013"_s);
        QCOMPARE(m_window->cartModel().rowCount(), second == u"BROT"_s ? 2 : 3);
        QVERIFY(scanField()->text().isEmpty());
    }

    void rescanBumpsTheLineAndVoidRemovesIt()
    {
        logIn(u"1234"_s);
        type(scanField(), u"4000000000013"_s);
        type(scanField(), u"4000000000013"_s);
        QCOMPARE(m_window->cartModel().rowCount(), 1);
        QCOMPARE(m_window->cartModel().cart().lines().first().quantity, 2);
        press(Qt::Key_F4);
        QCOMPARE(m_window->cartModel().rowCount(), 0);
    }

    // F8 parks, F9 opens the parked carts newest first; the one chosen comes back and the cart
    // that was open is parked in its place. The status bar counts them.
    void parkAndResume()
    {
        logIn(u"1234"_s);
        type(scanField(), u"4000000000013"_s); // BROT
        press(Qt::Key_F8);
        QCOMPARE(m_window->cartModel().rowCount(), 0);
        m_terminal->clock.advanceMs(60'000);
        type(scanField(), u"4000000000020"_s);
        type(scanField(), u"4000000000020"_s);
        press(Qt::Key_F8);
        QCOMPARE(label(u"parkedCount"_s), u"Parked carts: 2 (F9)"_s);
        store::CartStore carts(*m_terminal->database, m_terminal->clock);
        QCOMPARE(carts.parked()->size(), 2);

        type(scanField(), u"4000000000037"_s); // the next customer
        QStringList shown;
        bool noted = false;
        whenModal<ui::ParkedCartsDialog>([&](ui::ParkedCartsDialog *picker) {
            auto *table = picker->findChild<QTableWidget *>(u"parkedCarts"_s);
            for (int row = 0; row < table->rowCount(); ++row)
                shown.append(table->item(row, 1)->text() + u' ' + table->item(row, 2)->text());
            noted = picker->findChild<QLabel *>(u"parkedCartsNote"_s) != nullptr;
            QCOMPARE(table->currentRow(), 0);
            QTest::keyClick(table, Qt::Key_Down); // the older one: BROT
            QTest::keyClick(table, Qt::Key_Return);
        });
        press(Qt::Key_F9);
        QCOMPARE(shown.size(), 2);
        QVERIFY2(shown[0].endsWith(u" 1"_s) && shown[1].endsWith(u" 1"_s),
                 qPrintable(shown.join(u'|')));
        QVERIFY(shown[0] > shown[1]); // 09:01 before 09:00: newest first
        QVERIFY(noted);
        QCOMPARE(m_window->cartModel().rowCount(), 1);
        QCOMPARE(m_window->cartModel().cart().lines().first().sku, u"BROT"_s);
        QVERIFY(label(u"saleMessage"_s).contains(u"Anna"_s));
        QVERIFY(label(u"saleMessage"_s).contains(u"The cart that was open is parked."_s));
        QCOMPARE(carts.parked()->size(), 2); // the next customer's cart waits now
        QCOMPARE(label(u"parkedCount"_s), u"Parked carts: 2 (F9)"_s);

        whenModal<ui::ParkedCartsDialog>([](ui::ParkedCartsDialog *picker) { picker->reject(); });
        press(Qt::Key_F9); // Escape keeps the cart on screen
        QCOMPARE(m_window->cartModel().cart().lines().first().sku, u"BROT"_s);
    }

    void anOpenCartSurvivesARestart()
    {
        logIn(u"1234"_s);
        type(scanField(), u"4000000000013"_s);
        type(scanField(), u"4000000000020"_s);
        m_window.reset(); // the app goes away without a goodbye
        openWindow();
        logIn(u"1234"_s, false); // the shift is still open
        QCOMPARE(m_window->cartModel().rowCount(), 2);
        QCOMPARE(label(u"totalLabel"_s), u"3,68 EUR"_s);
    }

    // A cashier changes a price: a manager's PIN is needed (a cashier's is refused), and the
    // sale's events name both. Voiding the paid sale needs the manager again.
    void managerOverrideIsRecordedOnTheOrder()
    {
        logIn(u"1234"_s);
        type(scanField(), u"4000000000037"_s);
        whenModal<ui::AmountPrompt>([](ui::AmountPrompt *prompt) {
            auto *field = prompt->findChild<QLineEdit *>(u"amountField"_s);
            QCOMPARE(field->text(), u"8,99"_s); // the price now, to be typed over
            type(field, u"7,50"_s);
        });
        whenModal<ui::ManagerApproval>([](ui::ManagerApproval *dialog) {
            auto *pin = dialog->findChild<QLineEdit *>(u"managerPin"_s);
            type(pin, u"1234"_s); // a cashier cannot approve
            QVERIFY(
                dialog->findChild<QLabel *>(u"approvalMessage"_s)->text().contains(u"manager"_s));
            type(pin, u"9999"_s);
        });
        press(Qt::Key_F3);
        QTRY_COMPARE(label(u"totalLabel"_s), u"7,50 EUR"_s);

        payExactCash();
        QTRY_VERIFY2(m_terminal->count(u"SELECT count(*) FROM orders"_s) == 1,
                     qPrintable(label(u"saleMessage"_s)));
        QCOMPARE(sqlkit::selectValue(m_terminal->db(),
                                     u"SELECT actor_id || '/' || approved_by FROM order_events "
                                     "WHERE event = 'PaymentCaptured'"_s)
                     ->toString(),
                 u"Anna/Mia"_s);
        QCOMPARE(m_terminal->count(u"SELECT unit_price_minor FROM order_lines"_s), 750);

        whenModal<ui::ManagerApproval>([](ui::ManagerApproval *dialog) {
            type(dialog->findChild<QLineEdit *>(u"managerPin"_s), u"9999"_s);
        });
        press(Qt::Key_F7);
        QTRY_VERIFY(label(u"saleMessage"_s).contains(u"void"_s));
        QCOMPARE(sqlkit::selectValue(m_terminal->db(), u"SELECT status FROM orders"_s)->toString(),
                 u"CANCELLED"_s);
        QCOMPARE(sqlkit::selectValue(m_terminal->db(),
                                     u"SELECT actor_id || '/' || approved_by FROM order_events "
                                     "WHERE event = 'Cancel'"_s)
                     ->toString(),
                 u"Anna/Mia"_s);
        QCOMPARE(m_terminal->count(u"SELECT count(*) FROM outbox WHERE kind = 'cancel'"_s), 1);
    }

    // A customer brings a sale back: F6 and the receipt number; a manager approves; the sale is
    // cancelled with both names on the event. An unknown receipt number is said and changes
    // nothing.
    void returnBySaleNumberNeedsAManager()
    {
        logIn(u"1234"_s);
        type(scanField(), u"4000000000013"_s);
        payExactCash();
        QTRY_COMPARE(m_terminal->count(u"SELECT count(*) FROM orders"_s), 1);
        const QString receipt =
            sqlkit::selectValue(m_terminal->db(), u"SELECT receipt_no FROM orders"_s)->toString();

        whenModal<QInputDialog>([](QInputDialog *dialog) {
            dialog->setTextValue(u"S1-T1-999999"_s);
            dialog->accept();
        });
        press(Qt::Key_F6);
        QTRY_VERIFY(label(u"saleMessage"_s).contains(u"S1-T1-999999"_s));

        whenModal<QInputDialog>([receipt](QInputDialog *dialog) {
            dialog->setTextValue(receipt);
            dialog->accept();
        });
        whenModal<ui::ManagerApproval>([](ui::ManagerApproval *dialog) {
            type(dialog->findChild<QLineEdit *>(u"managerPin"_s), u"9999"_s);
        });
        press(Qt::Key_F6);
        QTRY_VERIFY2(
            sqlkit::selectValue(m_terminal->db(), u"SELECT status FROM orders"_s)->toString() ==
                u"CANCELLED"_s,
            qPrintable(label(u"saleMessage"_s)));
        QVERIFY(label(u"saleMessage"_s).contains(u"2,49"_s));
        QCOMPARE(sqlkit::selectValue(m_terminal->db(),
                                     u"SELECT actor_id || '/' || approved_by FROM order_events "
                                     "WHERE event = 'Cancel'"_s)
                     ->toString(),
                 u"Anna/Mia"_s);

        // Twice is refused: the sale has nothing left to give back.
        whenModal<QInputDialog>([receipt](QInputDialog *dialog) {
            dialog->setTextValue(receipt);
            dialog->accept();
        });
        press(Qt::Key_F6);
        QTRY_VERIFY(
            label(u"saleMessage"_s).contains(u"is cancelled; there is nothing to give back"_s));
        QCOMPARE(m_terminal->count(u"SELECT count(*) FROM order_events WHERE event = 'Cancel'"_s),
                 1);
    }

    // Receipts go through QPrinter: the PDF is always written; a printer that does not exist is
    // named in the message, and the sale stands.
    void aMissingPrinterCostsNeitherTheSaleNorItsPdf()
    {
        m_printer = u"no-such-printer"_s;
        openWindow();
        logIn(u"1234"_s);
        type(scanField(), u"4000000000020"_s);
        payExactCash();
        QTRY_COMPARE(m_terminal->count(u"SELECT count(*) FROM orders"_s), 1);
        QVERIFY2(label(u"saleMessage"_s).contains(u"no-such-printer"_s),
                 qPrintable(label(u"saleMessage"_s)));
        QFile pdf(m_window->lastReceiptFile());
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        QVERIFY(pdf.readAll().startsWith("%PDF-"));
        QCOMPARE(m_terminal->count(u"SELECT count(*) FROM outbox"_s), 1);
        QCOMPARE(m_window->cartModel().rowCount(), 0);
    }

    // The receipt cannot be written (its directory is a file here): the sale was committed
    // before printing and stands; the message says what could not be written.
    void anUnwritableReceiptCostsNotTheSale()
    {
        QFile blocker(m_terminal->dir.filePath(u"receipts"_s));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        logIn(u"1234"_s);
        type(scanField(), u"4000000000013"_s);
        payExactCash();
        QTRY_COMPARE(m_terminal->count(u"SELECT count(*) FROM orders"_s), 1);
        QCOMPARE(m_terminal->count(u"SELECT count(*) FROM outbox"_s), 1);
        QVERIFY2(label(u"saleMessage"_s).contains(u"could not be written"_s),
                 qPrintable(label(u"saleMessage"_s)));
        QVERIFY(m_window->lastReceiptFile().isEmpty());
        QCOMPARE(m_window->cartModel().rowCount(), 0);
    }

    // The integrated card through a real counterline-paysim: a declined card is said and nothing
    // is sold; the next card is charged once, and its charge is the tender's reference.
    void integratedCardIsChargedOnce()
    {
        PaysimUnderTest paysim;
        QVERIFY2(paysim.start(), paysim.said.constData());
        m_paymentService = paysim.url({});
        openWindow();
        logIn(u"1234"_s);
        type(scanField(), u"4000000000037"_s); // 8,99
        QString declined;
        whenPaymentOpens([&declined](ui::PaymentDialog *dialog) {
            auto *token = dialog->findChild<QComboBox *>(u"cardToken"_s);
            token->setCurrentIndex(token->findData(u"tok_insufficient"_s));
            QTest::mouseClick(dialog->findChild<QWidget *>(u"chargeCard"_s), Qt::LeftButton);
            auto *message = dialog->findChild<QLabel *>(u"paymentMessage"_s);
            QTRY_VERIFY2(message->text().contains(u"not enough funds"_s),
                         qPrintable(message->text() + u" | "_s + token->currentData().toString()));
            declined = message->text();
            token->setCurrentIndex(token->findData(u"tok_visa"_s));
            QTest::mouseClick(dialog->findChild<QWidget *>(u"chargeCard"_s), Qt::LeftButton);
        });
        press(Qt::Key_F12);
        QTRY_COMPARE(m_terminal->count(u"SELECT count(*) FROM orders"_s), 1);
        QVERIFY(declined.contains(u"declined the card"_s));
        const QString reference =
            sqlkit::selectValue(m_terminal->db(), u"SELECT reference FROM tenders"_s)->toString();
        QVERIFY2(reference.startsWith(u"ch_"_s), qPrintable(reference));
        QNetworkAccessManager network;
        const QJsonArray charges =
            http(network, "GET", paysim.url(u"/v1/ledger"_s), {}).json()[u"charges"_s].toArray();
        QCOMPARE(charges.size(), 2); // the decline and the approval
        QCOMPARE(charges[1].toObject()[u"id"_s].toString(), reference);
        QCOMPARE(charges[1].toObject()[u"amount"_s].toInteger(), 899);
    }

    // The payment service cannot be reached: the card is taken offline within the till's limits
    // (its token travels with the order for the server to charge), and refused beyond them.
    void aCardIsTakenOfflineWithinTheLimits()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        m_paymentService = QUrl(u"http://127.0.0.1:%1"_s.arg(probe.serverPort()));
        probe.close(); // nobody listens there now
        QVERIFY(store::OfflineCards::setLimits(*m_terminal->database,
                                               store::OfflineCardLimits{1000, 1500, 24})
                    .ok());
        openWindow();
        logIn(u"1234"_s);

        auto takeOffline = [](ui::PaymentDialog *dialog, QString *said) {
            QTest::mouseClick(dialog->findChild<QWidget *>(u"chargeCard"_s), Qt::LeftButton);
            auto *offline = dialog->findChild<QPushButton *>(u"offlineCard"_s);
            QTRY_VERIFY(offline->isVisible());
            *said = dialog->findChild<QLabel *>(u"paymentMessage"_s)->text();
            QTest::mouseClick(offline, Qt::LeftButton);
        };
        type(scanField(), u"4000000000037"_s); // 8,99
        QString said;
        whenPaymentOpens([&](ui::PaymentDialog *dialog) { takeOffline(dialog, &said); });
        press(Qt::Key_F12);
        QTRY_COMPARE(m_terminal->count(u"SELECT count(*) FROM orders"_s), 1);
        QVERIFY2(said.contains(u"cannot be reached"_s), qPrintable(said));
        QCOMPARE(m_terminal->count(u"SELECT count(*) FROM tenders WHERE needs_capture = 1 AND "
                                   "reference = 'tok_visa' AND amount_minor = 899"_s),
                 1);
        const QByteArray payload =
            sqlkit::selectValue(m_terminal->db(), u"SELECT payload FROM outbox"_s)
                ->toString()
                .toUtf8();
        const Result<QByteArray> body = protocol::orderRequestBody(payload);
        QVERIFY(body.ok());
        const QJsonObject tender =
            QJsonDocument::fromJson(*body).object()[u"tenders"_s].toArray()[0].toObject();
        QCOMPARE(tender[u"needs_capture"_s].toBool(), true);
        QCOMPARE(tender[u"payment_token"_s].toString(), u"tok_visa"_s);

        // A second one would pass the total of 15,00 waiting to be forwarded: refused, and the
        // customer pays cash instead.
        type(scanField(), u"4000000000037"_s);
        QString refused;
        whenPaymentOpens([&](ui::PaymentDialog *dialog) {
            takeOffline(dialog, &said);
            auto *message = dialog->findChild<QLabel *>(u"paymentMessage"_s);
            QTRY_VERIFY(message->text().contains(u"limit"_s));
            refused = message->text();
            QTest::mouseClick(dialog->findChild<QWidget *>(u"exactCash"_s), Qt::LeftButton);
        });
        press(Qt::Key_F12);
        QTRY_COMPARE(m_terminal->count(u"SELECT count(*) FROM orders"_s), 2);
        QVERIFY2(refused.contains(u"15.00 EUR"_s), qPrintable(refused));
        QCOMPARE(m_terminal->count(u"SELECT count(*) FROM tenders WHERE needs_capture = 1"_s), 1);
    }

    // The till dies after the card was approved but before the order was saved: the cart comes
    // back, and paying it again by card is the same payment to the service — no second charge.
    void payingAgainAfterACrashChargesOnce()
    {
        PaysimUnderTest paysim;
        QVERIFY2(paysim.start(), paysim.said.constData());
        sync::CardPayments cards(paysim.url({}));
        const Money total(1999, *Currency::fromCode(u"EUR"));
        const QString cart = u"cart:"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
        QStringList references;
        for (int life = 0; life < 2; ++life) { // before and after the crash
            ui::PaymentDialog payment(total);
            payment.offerIntegratedCard(cards, cart);
            payment.show();
            QTest::mouseClick(payment.findChild<QWidget *>(u"chargeCard"_s), Qt::LeftButton);
            QTRY_COMPARE(payment.tenders().size(), 1);
            references << payment.tenders().first().reference;
        }
        QCOMPARE(references[1], references[0]);
        QNetworkAccessManager network;
        QCOMPARE(http(network, "GET", paysim.url(u"/v1/ledger"_s), {})
                     .json()[u"charges"_s]
                     .toArray()
                     .size(),
                 1);
    }

    // Every button's label fits, and the cart, totals and scan field are on screen, at the two
    // screen sizes tills have.
    // Every button's label fits, in English and in the shipped translations (German is the
    // longest), at 1024×768 and 1920×1080.
    void fitsSmallAndLargeScreens_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("payLabel");
        QTest::newRow("1024x768") << QSize(1024, 768) << QString() << u"F12 Pay"_s;
        QTest::newRow("1920x1080") << QSize(1920, 1080) << QString() << u"F12 Pay"_s;
        QTest::newRow("1024x768 de") << QSize(1024, 768) << u"de"_s << u"F12 Bezahlen"_s;
        QTest::newRow("1024x768 fr") << QSize(1024, 768) << u"fr"_s << u"F12 Payer"_s;
        QTest::newRow("1024x768 es") << QSize(1024, 768) << u"es"_s << u"F12 Cobrar"_s;
    }
    void fitsSmallAndLargeScreens()
    {
        QFETCH(QSize, size);
        QFETCH(QString, language);
        QFETCH(QString, payLabel);
        QTranslator translator;
        if (!language.isEmpty()) {
            QVERIFY(translator.load(u"counterline_"_s + language,
                                    QStringLiteral(COUNTERLINE_TRANSLATIONS_DIR)));
            QCoreApplication::installTranslator(&translator);
            openWindow(); // its texts are set when it is made
        }
        const auto uninstall =
            qScopeGuard([&] { QCoreApplication::removeTranslator(&translator); });
        logIn(u"1234"_s);
        bool payShown = false;
        for (QPushButton *button : m_window->findChildren<QPushButton *>())
            payShown |= button->text() == payLabel;
        QVERIFY2(payShown, qPrintable(payLabel));
        for (const char *barcode : {"4000000000013", "4000000000020", "4000000000037"})
            type(scanField(), QString::fromLatin1(barcode));
        m_window->resize(size);
        QTRY_COMPARE(m_window->size(), size);
        QVERIFY(m_window->minimumSizeHint().width() <= 1024);
        QVERIFY(m_window->minimumSizeHint().height() <= 768);
        const QRect window = m_window->rect();
        const auto buttons = m_window->findChildren<QPushButton *>();
        QVERIFY(buttons.size() >= 11);
        for (QPushButton *button : buttons) {
            if (!button->isVisibleTo(m_window.get()) || button->objectName().isEmpty())
                continue;
            QVERIFY2(button->width() >= button->sizeHint().width(), qPrintable(button->text()));
            QVERIFY2(button->height() >= 56, qPrintable(button->text()));
            const QRect placed(button->mapTo(m_window.get(), QPoint(0, 0)), button->size());
            QVERIFY2(window.contains(placed), qPrintable(button->text()));
        }
        for (const char *name : {"cartView", "scanField", "totalLabel"}) {
            auto *widget = m_window->findChild<QWidget *>(QString::fromLatin1(name));
            QVERIFY2(widget->isVisible() && widget->width() >= widget->minimumSizeHint().width(),
                     name);
        }
        // The three cart rows are on screen without scrolling.
        auto *cart = m_window->findChild<QTableView *>(u"cartView"_s);
        QVERIFY(cart->rowViewportPosition(2) + cart->rowHeight(2) <= cart->viewport()->height());
    }

    void smallDiscountsNeedNoManager()
    {
        logIn(u"1234"_s);
        type(scanField(), u"4000000000037"_s);
        whenModal<ui::DiscountDialog>([](ui::DiscountDialog *dialog) {
            type(dialog->findChild<QLineEdit *>(u"discountField"_s), u"10"_s);
        });
        press(Qt::Key_F5);
        QTRY_COMPARE(label(u"totalLabel"_s), u"8,09 EUR"_s);
        QVERIFY(!QApplication::activeModalWidget());
    }

    // Closing a shift while a sale still waits to sync is refused unless a manager approves;
    // the Z report adds up the shift and names the manager.
    void shiftCloseWaitsForSyncOrAManager()
    {
        logIn(u"1234"_s);
        type(scanField(), u"4000000000037"_s);
        whenPaymentOpens([](ui::PaymentDialog *dialog) {
            type(dialog->findChild<QLineEdit *>(u"cashGiven"_s), u"10"_s);
        });
        press(Qt::Key_F12);
        QTRY_COMPARE(m_terminal->count(u"SELECT count(*) FROM orders"_s), 1);

        // First try: the manager is not asked for (cancelled), the shift stays open.
        whenModal<ui::CloseShiftDialog>([](ui::CloseShiftDialog *dialog) {
            type(dialog->findChild<QLineEdit *>(u"countedCash"_s), u"108,99"_s);
            type(dialog->findChild<QLineEdit *>(u"countedCard"_s), u"0"_s);
            whenModal<ui::ManagerApproval>(
                [](ui::ManagerApproval *approval) { approval->reject(); });
        });
        press(Qt::Key_F11);
        QTRY_VERIFY(label(u"saleMessage"_s).contains(u"not reached the server"_s));
        QCOMPARE(m_terminal->count(u"SELECT count(*) FROM shifts WHERE closed_at IS NULL"_s), 1);

        // Second try: Mia approves; the drawer is 0.01 short.
        whenModal<ui::CloseShiftDialog>([](ui::CloseShiftDialog *dialog) {
            type(dialog->findChild<QLineEdit *>(u"countedCash"_s), u"108,98"_s);
            type(dialog->findChild<QLineEdit *>(u"countedCard"_s), u"0"_s);
            whenModal<ui::ManagerApproval>([](ui::ManagerApproval *approval) {
                type(approval->findChild<QLineEdit *>(u"managerPin"_s), u"9999"_s);
            });
        });
        press(Qt::Key_F11);
        QTRY_VERIFY(m_window->findChild<QLineEdit *>(u"pinField"_s)->isVisible());
        QVERIFY(m_window->findChild<QLabel *>(u"loginMessage"_s)->text().contains(u"-0,01"_s));
        QCOMPARE(sqlkit::selectValue(m_terminal->db(),
                                     u"SELECT close_override_by || '/' || closed_by FROM shifts"_s)
                     ->toString(),
                 u"Mia/Anna"_s);
        const QJsonObject z =
            QJsonDocument::fromJson(
                sqlkit::selectValue(m_terminal->db(), u"SELECT z_report FROM shifts"_s)
                    ->toString()
                    .toUtf8())
                .object();
        QCOMPARE(z.value(u"orders"_s).toInt(), 1);
        QCOMPARE(z.value(u"sales"_s).toInt(), 899);
        QCOMPARE(z.value(u"cash_expected"_s).toInt(), 10899);
        QCOMPARE(z.value(u"cash_counted"_s).toInt(), 10898);
        QCOMPARE(z.value(u"grand_total"_s).toInt(), 899);
        QCOMPARE(z.value(u"per_rate"_s).toArray().size(), 1);
        QFile pdf(m_window->lastZReportFile());
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        QVERIFY(pdf.read(5) == "%PDF-");

        // The Z report is on the screen too, under the PIN field, until the next log-in.
        auto *report = m_window->findChild<QLabel *>(u"shiftReport"_s);
        QVERIFY(report->isVisible());
        for (const QString &shown : {u"Cash difference"_s, u"-0,01 EUR"_s, u"108,98 EUR"_s,
                                     u"Total sales"_s, u"8,99 EUR"_s, u"Mia"_s}) {
            QVERIFY2(report->text().contains(shown), qPrintable(shown));
        }
        logIn(u"1234"_s);
        QVERIFY(!report->isVisible());
    }

    void cartModelPassesTheModelTester()
    {
        ui::CartModel model(m_terminal->cart({}));
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        Cart cart = model.cart(); // the till edits its cart; the model shows each state
        QVERIFY(cart.addProduct(m_terminal->product(u"BROT"_s)).ok());
        model.replaceCart(cart);
        QVERIFY(cart.addProduct(m_terminal->product(u"WEIN"_s), 2).ok());
        model.replaceCart(cart);
        const int brot = cart.lines().first().lineNo;
        QVERIFY(cart.setQuantity(brot, 3).ok());
        QVERIFY(!cart.setQuantity(brot, 0).ok()); // refused by the cart, nothing changes
        model.replaceCart(cart);
        QCOMPARE(model.cart().lines().first().quantity, 3);
        QCOMPARE(model.data(model.index(0, ui::CartModel::Quantity)).toString(), u"3"_s);
        QVERIFY(cart.voidLine(cart.lines().last().lineNo).ok());
        model.replaceCart(cart);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.data(model.index(0, ui::CartModel::Total)).toString(), u"7,47 EUR"_s);
    }

    void receiptQrCodeCarriesTheVerificationString()
    {
        logIn(u"1234"_s);
        type(scanField(), u"4000000000013"_s);
        payExactCash();
        QTRY_VERIFY(!m_window->lastReceiptFile().isEmpty());
        const QString hash =
            sqlkit::selectValue(m_terminal->db(), u"SELECT hash FROM journal"_s)->toString();
        const QByteArray verification =
            "CL1;S1-T1-000001;2026-11-24T09:00:00Z;249;EUR;1;" + hash.toLatin1();
        const QImage qr = ui::qrCode(verification);
        QVERIFY(!qr.isNull());
        QVERIFY(qr.width() >= 21 + 8);
    }

private:
    void openWindow()
    {
        m_window.reset();
        m_window = openTill(*m_terminal, m_printer, m_paymentService);
    }
    void logIn(const QString &pin, bool opensShift = true)
    {
        testing::logIn(*m_window, pin, opensShift);
    }

    QString m_printer;     // none: receipts are PDF only
    QUrl m_paymentService; // none: cards on a standalone reader only

    void payExactCash() { testing::payExactCash(*m_window); }
    QLineEdit *scanField() { return testing::scanField(*m_window); }
    void press(Qt::Key key) { testing::press(*m_window, key); }
    QString label(const QString &name) { return testing::label(*m_window, name); }

    std::unique_ptr<StoreFixture> m_terminal;
    std::unique_ptr<ui::CheckoutWindow> m_window;
};

QTEST_MAIN(CheckoutWindowTest)
#include "tst_checkout_window.moc"
