#include "httpkit/deferred.h"

#include <QFutureWatcher>
#include <QPointer>
#include <QTcpSocket>

#include <memory>

namespace counterline::httpkit {

void answerWhenReady(const QFuture<QHttpServerResponse> &future, QHttpServerResponder &&responder)
{
    const QPointer<QTcpSocket> socket = responder.socket();
    auto held = std::make_shared<QHttpServerResponder>(std::move(responder));
    auto *watcher = new QFutureWatcher<QHttpServerResponse>;
    QObject::connect(watcher, &QFutureWatcherBase::finished, watcher, [watcher, held, socket] {
        if (socket) {
            QHttpServerResponse response = watcher->future().takeResult();
            response.write(std::move(*held));
        }
        watcher->deleteLater();
    });
    watcher->setFuture(future);
}

} // namespace counterline::httpkit
