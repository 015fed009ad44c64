#pragma once

#include <QFuture>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QString>

#include <type_traits>

namespace counterline::httpkit {

// Answers `responder` with the future's response once it is ready, on the HTTP thread, and only
// while the client's socket still exists. Qt 6.4's QHttpServer answers a route's QFuture through a
// raw socket pointer and crashes when the client went away before the answer was ready (seen in
// the chaos test: a SIGSEGV in QAbstractSocket::state() under QHttpServer::sendResponse);
// QHttpServer deletes a socket once it disconnects, on this same thread, so the check cannot race.
void answerWhenReady(const QFuture<QHttpServerResponse> &future, QHttpServerResponder &&responder);

// A route handler that returns a QFuture, as one that answers through its responder.
template<typename Handler>
auto answered(Handler handler)
{
    return [handler](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
        if constexpr (std::is_invocable_v<Handler, const QHttpServerRequest &>)
            answerWhenReady(handler(request), std::move(responder));
        else
            answerWhenReady(handler(), std::move(responder));
    };
}

// The same for routes with an <arg> in their path.
template<typename Handler>
auto answeredWithArg(Handler handler)
{
    return [handler](const QString &arg, const QHttpServerRequest &request,
                     QHttpServerResponder &&responder) {
        answerWhenReady(handler(arg, request), std::move(responder));
    };
}

} // namespace counterline::httpkit
