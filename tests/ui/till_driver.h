#pragma once

// The cashier's gestures on a real CheckoutWindow, shared by the GUI tests of the till: a window
// on a fresh terminal database (tests/store/store_fixture.h) with Anna (cashier, PIN 1234) and
// Mia (manager, PIN 9999), logging in with an opening float, function keys, typing and Enter.

#include "store/user_store.h"
#include "tests/store/store_fixture.h"
#include "tests/ui/modal.h"
#include "ui/amount_prompt.h"
#include "ui/checkout_window.h"
#include "ui/payment_dialog.h"

#include <QLabel>
#include <QLineEdit>

#include <memory>

namespace counterline::testing {

inline void type(QWidget *field, const QString &text)
{
    QTest::keyClicks(field, text);
    QTest::keyClick(field, Qt::Key_Return);
}

inline void addTillUsers(StoreFixture &terminal)
{
    store::UserStore users(*terminal.database, terminal.clock, terminal.ids);
    QVERIFY(
        users.add(QStringLiteral("Anna"), QStringLiteral("cashier"), QStringLiteral("1234")).ok());
    QVERIFY(
        users.add(QStringLiteral("Mia"), QStringLiteral("manager"), QStringLiteral("9999")).ok());
}

inline std::unique_ptr<ui::CheckoutWindow>
openTill(StoreFixture &terminal, const QString &printer = {}, const QUrl &paymentService = {})
{
    auto window = std::make_unique<ui::CheckoutWindow>(
        *terminal.database, terminal.clock, terminal.ids,
        ui::CheckoutOptions{terminal.dir.filePath(QStringLiteral("receipts")),
                            ui::ReceiptPaper::Thermal80mm, 10, printer, paymentService});
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        qWarning("the till window was not exposed");
    return window;
}

inline QLineEdit *scanField(ui::CheckoutWindow &window)
{
    return window.findChild<QLineEdit *>(QStringLiteral("scanField"));
}

inline QString label(ui::CheckoutWindow &window, const QString &name)
{
    return window.findChild<QLabel *>(name)->text();
}

// Logs in; a user without an open shift counts the opening float first.
inline void logIn(ui::CheckoutWindow &window, const QString &pin, bool opensShift = true)
{
    if (opensShift) {
        whenModal<ui::AmountPrompt>([](ui::AmountPrompt *prompt) {
            type(prompt->findChild<QLineEdit *>(QStringLiteral("amountField")),
                 QStringLiteral("100"));
        });
    }
    type(window.findChild<QLineEdit *>(QStringLiteral("pinField")), pin);
    QTRY_VERIFY(scanField(window)->isVisible());
}

// A function key at the till. The offscreen platform does not give the window its activation
// back when a dialog closes (a window manager does), so the test does.
inline void press(ui::CheckoutWindow &window, Qt::Key key)
{
    QApplication::setActiveWindow(&window);
    QTest::keyClick(scanField(window), key);
}

// F12 and the exact amount in cash.
inline void payExactCash(ui::CheckoutWindow &window)
{
    whenModal<ui::PaymentDialog>([](ui::PaymentDialog *dialog) {
        QTest::mouseClick(dialog->findChild<QWidget *>(QStringLiteral("exactCash")),
                          Qt::LeftButton);
    });
    press(window, Qt::Key_F12);
}

} // namespace counterline::testing
