// The cashier's window, driven offscreen through its real widgets: log in by PIN, scan by typing
// barcodes and Enter, pay cash with change, park and resume, survive a restart.

#include "store/cart_store.h"
#include "store/user_store.h"
#include "tests/store/store_fixture.h"
#include "ui/cart_model.h"
#include "ui/checkout_window.h"
#include "ui/payment_dialog.h"
#include "ui/qr_code.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QTimer>

using namespace counterline;
using namespace counterline::testing;
using namespace Qt::StringLiterals;

namespace {

// Runs `answer` on the payment dialog as soon as it is open (it runs its own event loop).
void whenPaymentOpens(const std::function<void(ui::PaymentDialog *)> &answer)
{
    auto *poll = new QTimer;
    poll->setInterval(10);
    QObject::connect(poll, &QTimer::timeout, [poll, answer] {
        if (auto *dialog = qobject_cast<ui::PaymentDialog *>(QApplication::activeModalWidget())) {
            poll->stop();
            poll->deleteLater();
            answer(dialog);
        }
    });
    poll->start();
}

void type(QWidget *field, const QString &text)
{
    QTest::keyClicks(field, text);
    QTest::keyClick(field, Qt::Key_Return);
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
        store::UserStore users(*m_terminal->database, m_terminal->clock);
        QVERIFY(users.add(u"Anna"_s, u"cashier"_s, u"1234"_s).ok());
        QVERIFY(users.add(u"Mia"_s, u"manager"_s, u"9999"_s).ok());
        openWindow();
    }
    void cleanup()
    {
        m_window.reset();
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
        QTest::keyClick(scan, Qt::Key_F12);
        QTRY_VERIFY(label(u"saleMessage"_s).contains(u"7,33 EUR"_s));

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
        QTest::keyClick(scanField(), Qt::Key_F12);
        QTRY_VERIFY(label(u"saleMessage"_s).contains(u"Paid"_s));
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

    void rescanBumpsTheLineAndVoidRemovesIt()
    {
        logIn(u"1234"_s);
        type(scanField(), u"4000000000013"_s);
        type(scanField(), u"4000000000013"_s);
        QCOMPARE(m_window->cartModel().rowCount(), 1);
        QCOMPARE(m_window->cartModel().cart().lines().first().quantity, 2);
        QTest::keyClick(scanField(), Qt::Key_F4);
        QCOMPARE(m_window->cartModel().rowCount(), 0);
    }

    void parkAndResume()
    {
        logIn(u"1234"_s);
        type(scanField(), u"4000000000013"_s);
        QTest::keyClick(scanField(), Qt::Key_F8);
        QCOMPARE(m_window->cartModel().rowCount(), 0);
        store::CartStore carts(*m_terminal->database, m_terminal->clock);
        QCOMPARE(carts.parked()->size(), 1);
        QCOMPARE(carts.parked()->first().parkedBy, u"Anna"_s);

        type(scanField(), u"4000000000037"_s); // the next customer
        QTest::keyClick(scanField(), Qt::Key_F9);
        QCOMPARE(m_window->cartModel().rowCount(), 1);
        QCOMPARE(m_window->cartModel().cart().lines().first().sku, u"BROT"_s);
        QVERIFY(label(u"saleMessage"_s).contains(u"Anna"_s));
        QCOMPARE(carts.parked()->size(), 1); // the other cart waits now
    }

    void anOpenCartSurvivesARestart()
    {
        logIn(u"1234"_s);
        type(scanField(), u"4000000000013"_s);
        type(scanField(), u"4000000000020"_s);
        m_window.reset(); // the app goes away without a goodbye
        openWindow();
        logIn(u"1234"_s);
        QCOMPARE(m_window->cartModel().rowCount(), 2);
        QCOMPARE(label(u"totalLabel"_s), u"3,68 EUR"_s);
    }

    void cartModelPassesTheModelTester()
    {
        ui::CartModel model(m_terminal->cart({}));
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(model.addProduct(m_terminal->product(u"BROT"_s)).ok());
        QVERIFY(model.addProduct(m_terminal->product(u"WEIN"_s), 2).ok());
        QVERIFY(model.setQuantity(0, 3).ok());
        QVERIFY(!model.setQuantity(0, 0).ok()); // refused by the cart, nothing changes
        QCOMPARE(model.cart().lines().first().quantity, 3);
        QVERIFY(model.voidLine(1).ok());
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.data(model.index(0, ui::CartModel::Total)).toString(), u"7,47 EUR"_s);
    }

    void receiptQrCodeCarriesTheVerificationString()
    {
        logIn(u"1234"_s);
        type(scanField(), u"4000000000013"_s);
        whenPaymentOpens([](ui::PaymentDialog *dialog) {
            QTest::mouseClick(dialog->findChild<QWidget *>(u"exactCash"_s), Qt::LeftButton);
        });
        QTest::keyClick(scanField(), Qt::Key_F12);
        QTRY_VERIFY(!m_window->lastReceiptFile().isEmpty());
        const QString hash =
            store::selectValue(m_terminal->db(), u"SELECT hash FROM journal"_s)->toString();
        const QByteArray verification =
            "CL1;S1-T1-000001;2026-11-24T09:00:00Z;249;EUR;1;" + hash.toLatin1();
        const QImage qr = ui::qrCode(verification);
        QVERIFY(!qr.isNull());
        QVERIFY(qr.width() >= 21 + 8);
    }

private:
    void openWindow()
    {
        m_window = std::make_unique<ui::CheckoutWindow>(
            *m_terminal->database, m_terminal->clock, m_terminal->ids,
            ui::CheckoutOptions{m_terminal->dir.filePath(u"receipts"_s),
                                ui::ReceiptPaper::Thermal80mm});
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void logIn(const QString &pin)
    {
        type(m_window->findChild<QLineEdit *>(u"pinField"_s), pin);
        QTRY_VERIFY(scanField()->isVisible());
    }

    QLineEdit *scanField() { return m_window->findChild<QLineEdit *>(u"scanField"_s); }
    QString label(const QString &name) { return m_window->findChild<QLabel *>(name)->text(); }

    std::unique_ptr<StoreFixture> m_terminal;
    std::unique_ptr<ui::CheckoutWindow> m_window;
};

QTEST_MAIN(CheckoutWindowTest)
#include "tst_checkout_window.moc"
