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

// Clicks the button named `button` of the first message box that opens.
inline void whenMessageBox(const QString &button)
{
    whenModal<QMessageBox>([button](QMessageBox *box) {
        QTest::mouseClick(box->findChild<QPushButton *>(button), Qt::LeftButton);
    });
}

} // namespace counterline::testing
