#pragma once

// Answering modal dialogs in GUI tests: a dialog runs its own event loop, so the answer is set up
// before the click that opens it and runs once the dialog is the active modal widget.

#include <QApplication>
#include <QDialog>
#include <QElapsedTimer>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QTest>
#include <QTimer>

#include <functional>
#include <memory>

namespace counterline::testing {

// A poll that finds no dialog of its kind gives up after this long and closes whatever modal
// widget is open instead, so a dialog nobody answers fails the test instead of hanging it.
inline constexpr int kModalPatienceMs = 60'000;

inline void giveUpWaiting(const char *waitingFor)
{
    QWidget *open = QApplication::activeModalWidget();
    qWarning("No %s opened within %d ms; open modal widget: %s", waitingFor, kModalPatienceMs,
             open ? open->metaObject()->className() : "none");
    if (auto *dialog = qobject_cast<QDialog *>(open))
        dialog->reject();
}

// Runs `answer` on the first modal dialog of type Dialog once it is open. An answer whose check
// fails (QCOMPARE returns early) leaves the dialog open: it is rejected so the test goes on to
// report the failure.
template<typename Dialog>
void whenModal(const std::function<void(Dialog *)> &answer)
{
    auto *poll = new QTimer;
    poll->setInterval(10);
    auto started = std::make_shared<QElapsedTimer>();
    started->start();
    QObject::connect(poll, &QTimer::timeout, [poll, answer, started] {
        auto *dialog = qobject_cast<Dialog *>(QApplication::activeModalWidget());
        if (!dialog) {
            if (started->elapsed() > kModalPatienceMs) {
                poll->stop();
                poll->deleteLater();
                giveUpWaiting(Dialog::staticMetaObject.className());
            }
            return;
        }
        poll->stop();
        poll->deleteLater();
        QPointer<Dialog> guarded(dialog);
        answer(dialog);
        if (QTest::currentTestFailed() && guarded && guarded->isVisible())
            guarded->reject();
    });
    poll->start();
}

// Clicks the button named `button` of the first message box that opens with such a button (one
// box may open before another: each waits for its own).
inline void whenMessageBox(const QString &button)
{
    auto *poll = new QTimer;
    poll->setInterval(10);
    auto started = std::make_shared<QElapsedTimer>();
    started->start();
    QObject::connect(poll, &QTimer::timeout, [poll, button, started] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        QPushButton *target = box ? box->findChild<QPushButton *>(button) : nullptr;
        if (!target) {
            if (started->elapsed() > kModalPatienceMs) {
                poll->stop();
                poll->deleteLater();
                giveUpWaiting("message box");
            }
            return;
        }
        poll->stop();
        poll->deleteLater();
        QTest::mouseClick(target, Qt::LeftButton);
    });
    poll->start();
}

} // namespace counterline::testing
