#pragma once

// Answering modal dialogs in GUI tests: a dialog runs its own event loop, so the answer is set up
// before the click that opens it and runs once the dialog is the active modal widget.

#include <QApplication>
#include <QMessageBox>
#include <QPushButton>
#include <QTest>
#include <QTimer>

#include <functional>

namespace counterline::testing {

// Runs `answer` on the first modal dialog of type Dialog once it is open.
template<typename Dialog>
void whenModal(const std::function<void(Dialog *)> &answer)
{
    auto *poll = new QTimer;
    poll->setInterval(10);
    QObject::connect(poll, &QTimer::timeout, [poll, answer] {
        if (auto *dialog = qobject_cast<Dialog *>(QApplication::activeModalWidget())) {
            poll->stop();
            poll->deleteLater();
            answer(dialog);
        }
    });
    poll->start();
}

// Clicks the button named `button` of the first message box that opens with such a button (one
// box may open before another: each waits for its own).
inline void whenMessageBox(const QString &button)
{
    auto *poll = new QTimer;
    poll->setInterval(10);
    QObject::connect(poll, &QTimer::timeout, [poll, button] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        QPushButton *target = box ? box->findChild<QPushButton *>(button) : nullptr;
        if (!target)
            return;
        poll->stop();
        poll->deleteLater();
        QTest::mouseClick(target, Qt::LeftButton);
    });
    poll->start();
}

} // namespace counterline::testing
