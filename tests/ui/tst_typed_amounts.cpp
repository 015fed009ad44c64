// Amounts typed at the till (issue 17), through the real window offscreen: cash handed over with
// either separator in C, de_DE and en_US, far too much cash asked about, a typed quantity, a
// discount as an amount, and every manager approval showing what it approves.

#include "tests/store/store_fixture.h"
#include "tests/ui/modal.h"
#include "tests/ui/till_driver.h"
#include "ui/amount_prompt.h"
#include "ui/cart_model.h"
#include "ui/checkout_window.h"
#include "ui/close_shift_dialog.h"
#include "ui/discount_dialog.h"
#include "ui/manager_approval.h"
#include "ui/payment_dialog.h"

#include <QApplication>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>

using namespace counterline;
using namespace counterline::testing;
using namespace Qt::StringLiterals;

namespace {

// Everything the manager is shown before the PIN: the title, and each fact with its label.
QString shown(ui::ManagerApproval *approval)
{
    QStringList parts;
    for (QLabel *label : approval->findChildren<QLabel *>())
        parts << label->text();
    return parts.join(u" | "_s);
}

} // namespace

class TypedAmountsTest : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QLocale::setDefault(QLocale(u"de_DE"_s));
        m_terminal = std::make_unique<StoreFixture>();
        addTillUsers(*m_terminal);
    }
    void cleanup()
    {
        m_window.reset();
        m_terminal.reset();
        QLocale::setDefault(QLocale::c());
    }

    // The tester's sale: 20,50 or 20.50 handed over for 12,67 is 20.50 in every locale, not 2050.
    void cashWithEitherSeparator_data()
    {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("change");
        for (const auto &[locale, change] : {std::pair{u"C"_s, u"7.83 EUR"_s},
                                             {u"de_DE"_s, u"7,83 EUR"_s},
                                             {u"en_US"_s, u"7.83 EUR"_s}}) {
            for (const QString &typed : {u"20,50"_s, u"20.50"_s}) {
                QTest::addRow("%s: %s", qPrintable(locale), qPrintable(typed))
                    << locale << typed << change;
            }
        }
    }
    void cashWithEitherSeparator()
    {
        QFETCH(QString, locale);
        QFETCH(QString, typed);
        QFETCH(QString, change);
        QLocale::setDefault(QLocale(locale));
        openAndLogIn(u"1234"_s);
        for (const QString &barcode : {u"4000000000013"_s, u"4000000000020"_s, u"4000000000037"_s})
            type(scanField(*m_window), barcode);
        whenModal<ui::PaymentDialog>([typed](ui::PaymentDialog *dialog) {
            type(dialog->findChild<QLineEdit *>(u"cashGiven"_s), typed);
        });
        press(*m_window, Qt::Key_F12);
        QTRY_COMPARE(m_terminal->count(u"SELECT count(*) FROM orders"_s), 1);
        QCOMPARE(m_terminal->count(u"SELECT amount_minor FROM tenders WHERE kind = 'cash'"_s),
                 2050);
        QCOMPARE(m_terminal->count(u"SELECT change_minor FROM orders"_s), 783);
        QVERIFY2(label(*m_window, u"changeDue"_s).contains(change),
                 qPrintable(label(*m_window, u"changeDue"_s)));
    }

    // 899 typed for 8,99 due: the cashier sees the amount and the change and goes back; nothing
    // was added, and the corrected amount pays.
    void tenTimesTheDueIsAskedAboutAndNoAddsNothing()
    {
        openAndLogIn(u"1234"_s);
        type(scanField(*m_window), u"4000000000037"_s); // 8,99
        QString asked;
        int tendersAfterNo = -1;
        whenModal<ui::PaymentDialog>([&](ui::PaymentDialog *dialog) {
            whenModal<QMessageBox>([&](QMessageBox *box) {
                asked = box->text() + u' ' + box->informativeText();
                QCOMPARE(box->defaultButton()->objectName(), u"backFromLargeCash"_s);
                QTest::keyClick(box, Qt::Key_Return); // Enter again is "No"
            });
            auto *cash = dialog->findChild<QLineEdit *>(u"cashGiven"_s);
            type(cash, u"899"_s);
            QTRY_VERIFY(!asked.isEmpty());
            tendersAfterNo = int(dialog->tenders().size());
            QCOMPARE(dialog->findChild<QListWidget *>(u"tenderList"_s)->count(), 0);
            QCOMPARE(cash->text(), u"899"_s); // kept, selected, to be typed over
            QCOMPARE(cash->selectedText(), u"899"_s);
            type(cash, u"10"_s);
        });
        press(*m_window, Qt::Key_F12);
        QTRY_COMPARE(m_terminal->count(u"SELECT count(*) FROM orders"_s), 1);
        QCOMPARE(tendersAfterNo, 0);
        QVERIFY2(asked.contains(u"899,00 EUR"_s) && asked.contains(u"8,99 EUR"_s) &&
                     asked.contains(u"890,01 EUR"_s),
                 qPrintable(asked));
        QCOMPARE(m_terminal->count(u"SELECT count(*) FROM tenders"_s), 1);
        QCOMPARE(m_terminal->count(u"SELECT amount_minor FROM tenders"_s), 1000);
        QCOMPARE(m_terminal->count(u"SELECT change_minor FROM orders"_s), 101);
    }

    // The customer did give a large note for a small sale: "Yes" takes it. Ten times exactly is
    // not asked about.
    void tenTimesTheDueIsTakenWhenConfirmed()
    {
        openAndLogIn(u"1234"_s);
        type(scanField(*m_window), u"4000000000013"_s); // 2,49
        whenModal<ui::PaymentDialog>([](ui::PaymentDialog *dialog) {
            whenMessageBox(u"takeLargeCash"_s);
            type(dialog->findChild<QLineEdit *>(u"cashGiven"_s), u"50"_s);
        });
        press(*m_window, Qt::Key_F12);
        QTRY_COMPARE(m_terminal->count(u"SELECT count(*) FROM orders"_s), 1);
        QCOMPARE(m_terminal->count(u"SELECT change_minor FROM orders"_s), 4751);

        type(scanField(*m_window), u"4000000000013"_s);
        whenModal<ui::PaymentDialog>([](ui::PaymentDialog *dialog) {
            type(dialog->findChild<QLineEdit *>(u"cashGiven"_s), u"24,90"_s);
        });
        press(*m_window, Qt::Key_F12);
        QTRY_COMPARE(m_terminal->count(u"SELECT count(*) FROM orders"_s), 2);
        QVERIFY(!QApplication::activeModalWidget());
    }

    // A cash amount that cannot be read one way only stays in the field with the reason.
    void unreadableCashIsSaidInThePaymentDialog()
    {
        openAndLogIn(u"1234"_s);
        type(scanField(*m_window), u"4000000000013"_s);
        QString said;
        whenModal<ui::PaymentDialog>([&said](ui::PaymentDialog *dialog) {
            type(dialog->findChild<QLineEdit *>(u"cashGiven"_s), u"20,505"_s);
            said = dialog->findChild<QLabel *>(u"paymentMessage"_s)->text();
            QVERIFY(dialog->tenders().isEmpty());
            dialog->reject();
        });
        press(*m_window, Qt::Key_F12);
        QTRY_VERIFY(!said.isEmpty());
        QVERIFY2(said.contains(u"20,505"_s) && said.contains(u"EUR"_s), qPrintable(said));
        QCOMPARE(m_terminal->count(u"SELECT count(*) FROM orders"_s), 0);
    }

    // F3 in en_US: "5,00" is 5.00, and the manager sees the item and both prices.
    void priceOverrideApprovalShowsTheItemAndBothPrices()
    {
        QLocale::setDefault(QLocale(u"en_US"_s));
        openAndLogIn(u"1234"_s);
        type(scanField(*m_window), u"4000000000037"_s);
        QString approval;
        whenModal<ui::AmountPrompt>([](ui::AmountPrompt *prompt) {
            type(prompt->findChild<QLineEdit *>(u"amountField"_s), u"5,00"_s);
        });
        whenModal<ui::ManagerApproval>([&approval](ui::ManagerApproval *dialog) {
            approval = shown(dialog);
            type(dialog->findChild<QLineEdit *>(u"managerPin"_s), u"9999"_s);
        });
        press(*m_window, Qt::Key_F3);
        QTRY_COMPARE(m_window->cartModel().cart().lines().first().unitPrice.minorUnits(), 500);
        QVERIFY2(approval.contains(u"Wein (WEIN)"_s), qPrintable(approval));
        QVERIFY2(approval.contains(u"8.99 EUR → 5.00 EUR"_s), qPrintable(approval));
    }

    // A typed price that cannot be read keeps the prompt open with the reason; nothing changes.
    void unreadablePriceKeepsThePromptOpen()
    {
        openAndLogIn(u"1234"_s);
        type(scanField(*m_window), u"4000000000037"_s);
        QString said;
        whenModal<ui::AmountPrompt>([&said](ui::AmountPrompt *prompt) {
            type(prompt->findChild<QLineEdit *>(u"amountField"_s), u"5,001"_s);
            QVERIFY(prompt->isVisible());
            said = prompt->findChild<QLabel *>(u"amountMessage"_s)->text();
            prompt->reject();
        });
        press(*m_window, Qt::Key_F3);
        QTRY_VERIFY(!said.isEmpty());
        QVERIFY2(said.contains(u"5,001"_s), qPrintable(said));
        QCOMPARE(m_window->cartModel().cart().lines().first().unitPrice.minorUnits(), 899);
    }

    // F5 with an amount: 2,00 off 8,99 is more than 10 % of the line, so Mia approves it, seeing
    // the item, the discount and the line total before and after.
    void discountAsAnAmountWithApproval()
    {
        openAndLogIn(u"1234"_s);
        type(scanField(*m_window), u"4000000000037"_s);
        QString preview;
        QString approval;
        whenModal<ui::DiscountDialog>([&preview](ui::DiscountDialog *dialog) {
            QTest::mouseClick(dialog->findChild<QPushButton *>(u"discountAmount"_s),
                              Qt::LeftButton);
            auto *field = dialog->findChild<QLineEdit *>(u"discountField"_s);
            QTest::keyClicks(field, u"2"_s);
            preview = dialog->findChild<QLabel *>(u"discountPreview"_s)->text();
            QTest::keyClick(field, Qt::Key_Return);
        });
        whenModal<ui::ManagerApproval>([&approval](ui::ManagerApproval *dialog) {
            approval = shown(dialog);
            type(dialog->findChild<QLineEdit *>(u"managerPin"_s), u"9999"_s);
        });
        press(*m_window, Qt::Key_F5);
        QTRY_COMPARE(label(*m_window, u"totalLabel"_s), u"6,99 EUR"_s);
        QVERIFY2(preview.contains(u"8,99 EUR → 6,99 EUR"_s), qPrintable(preview));
        QVERIFY2(approval.contains(u"Wein (WEIN)"_s) && approval.contains(u"2,00 EUR"_s) &&
                     approval.contains(u"8,99 EUR → 6,99 EUR"_s),
                 qPrintable(approval));
        QCOMPARE(m_window->cartModel().cart().lines().first().discount, *Discount::amount(200));
    }

    // A small amount needs no manager; "%" typed at the end makes it a percentage whatever was
    // chosen; more than the line costs is refused in the dialog.
    void discountTypedAsTheCashierMeansIt()
    {
        openAndLogIn(u"1234"_s);
        type(scanField(*m_window), u"4000000000037"_s);
        whenModal<ui::DiscountDialog>([](ui::DiscountDialog *dialog) {
            auto *field = dialog->findChild<QLineEdit *>(u"discountField"_s);
            type(field, u"9,00 EUR"_s); // more than 8,99
            QVERIFY(dialog->isVisible());
            QVERIFY(
                dialog->findChild<QLabel *>(u"discountPreview"_s)->text().contains(u"larger"_s));
            field->setText(u"0,50 €"_s); // QTest types ASCII only
            QTest::keyClick(field, Qt::Key_Return);
        });
        press(*m_window, Qt::Key_F5);
        QTRY_COMPARE(label(*m_window, u"totalLabel"_s), u"8,49 EUR"_s);
        QVERIFY(!QApplication::activeModalWidget());

        whenModal<ui::DiscountDialog>([](ui::DiscountDialog *dialog) {
            auto *field = dialog->findChild<QLineEdit *>(u"discountField"_s);
            QCOMPARE(field->text(), u"0,50"_s); // the discount there now
            QVERIFY(dialog->findChild<QPushButton *>(u"discountAmount"_s)->isChecked());
            type(field, u"5 %"_s);
        });
        press(*m_window, Qt::Key_F5);
        QTRY_COMPARE(m_window->cartModel().cart().lines().first().discount,
                     *Discount::percent(u"5"));
        QCOMPARE(label(*m_window, u"totalLabel"_s), u"8,54 EUR"_s);
    }

    // F2 reads the quantity typed: a half or zero is said in the prompt, 3 is taken.
    void quantityIsTypedAndRead()
    {
        openAndLogIn(u"1234"_s);
        type(scanField(*m_window), u"4000000000013"_s);
        QStringList said;
        whenModal<ui::AmountPrompt>([&said](ui::AmountPrompt *prompt) {
            auto *field = prompt->findChild<QLineEdit *>(u"amountField"_s);
            auto *message = prompt->findChild<QLabel *>(u"amountMessage"_s);
            for (const QString &typed : {u"2,5"_s, u"0"_s, u"10000"_s}) {
                field->clear();
                type(field, typed);
                said << message->text();
            }
            field->clear();
            type(field, u"3"_s);
        });
        press(*m_window, Qt::Key_F2);
        QTRY_COMPARE(m_window->cartModel().cart().lines().first().quantity, 3);
        QVERIFY2(said[0].contains(u"whole number"_s), qPrintable(said[0]));
        QVERIFY2(said[1].contains(u"1 to 9.999"_s), qPrintable(said[1]));
        QVERIFY2(said[2].contains(u"10000"_s), qPrintable(said[2]));
    }

    // F7 and F6: the manager sees the receipt number and the total of the sale.
    void voidAndReturnApprovalsNameTheSale()
    {
        openAndLogIn(u"1234"_s);
        type(scanField(*m_window), u"4000000000013"_s);
        payExactCash(*m_window);
        QTRY_COMPARE(m_terminal->count(u"SELECT count(*) FROM orders"_s), 1);
        QString voiding;
        whenModal<ui::ManagerApproval>([&voiding](ui::ManagerApproval *dialog) {
            voiding = shown(dialog);
            dialog->reject();
        });
        press(*m_window, Qt::Key_F7);
        QTRY_VERIFY(!voiding.isEmpty());
        QVERIFY2(voiding.contains(u"S1-T1-000001"_s) && voiding.contains(u"2,49 EUR"_s),
                 qPrintable(voiding));

        QString returning;
        whenModal<QInputDialog>([](QInputDialog *dialog) {
            dialog->setTextValue(u"S1-T1-000001"_s);
            dialog->accept();
        });
        whenModal<ui::ManagerApproval>([&returning](ui::ManagerApproval *dialog) {
            returning = shown(dialog);
            type(dialog->findChild<QLineEdit *>(u"managerPin"_s), u"9999"_s);
        });
        press(*m_window, Qt::Key_F6);
        QTRY_VERIFY(label(*m_window, u"saleMessage"_s).contains(u"returned"_s));
        QVERIFY2(returning.contains(u"S1-T1-000001"_s) && returning.contains(u"2,49 EUR"_s) &&
                     returning.contains(u"Anna"_s),
                 qPrintable(returning));
    }

    // F11 before sync: the manager sees how many orders have not reached the server. The counts
    // are read like every amount (108.98 in de_DE is 108,98).
    void closingBeforeSyncShowsHowManyOrdersWait()
    {
        openAndLogIn(u"1234"_s);
        for (int sale = 0; sale < 2; ++sale) {
            type(scanField(*m_window), u"4000000000013"_s);
            payExactCash(*m_window);
            QTRY_COMPARE(m_terminal->count(u"SELECT count(*) FROM orders"_s), sale + 1);
        }
        QString approval;
        QStringList facts;
        whenModal<ui::CloseShiftDialog>([&](ui::CloseShiftDialog *dialog) {
            type(dialog->findChild<QLineEdit *>(u"countedCash"_s), u"104.98"_s);
            whenModal<ui::ManagerApproval>([&](ui::ManagerApproval *manager) {
                approval = shown(manager);
                for (QLabel *fact : manager->findChildren<QLabel *>(u"approvalDetail"_s))
                    facts << fact->text();
                type(manager->findChild<QLineEdit *>(u"managerPin"_s), u"9999"_s);
            });
            type(dialog->findChild<QLineEdit *>(u"countedCard"_s), u""_s);
        });
        press(*m_window, Qt::Key_F11);
        QTRY_VERIFY(m_window->findChild<QLineEdit *>(u"pinField"_s)->isVisible());
        QVERIFY2(approval.contains(u"Orders not yet on the server"_s) &&
                     approval.contains(u"| 2"_s),
                 qPrintable(approval));
        QCOMPARE(m_terminal->count(u"SELECT counted_cash_minor FROM shifts"_s), 10498);
    }

private:
    void openAndLogIn(const QString &pin)
    {
        m_window = openTill(*m_terminal);
        logIn(*m_window, pin);
    }

    std::unique_ptr<StoreFixture> m_terminal;
    std::unique_ptr<ui::CheckoutWindow> m_window;
};

QTEST_MAIN(TypedAmountsTest)
#include "tst_typed_amounts.moc"
