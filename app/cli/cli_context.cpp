#include "cli/cli_context.h"

#include "sync/server_request.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>

using namespace Qt::StringLiterals;

namespace counterline::cli {

Context::Context(const QCommandLineParser &commandLine, QStringList commandWords)
    : parser(commandLine)
    , words(std::move(commandWords))
    , out(stdout)
    , err(stderr)
    , ids(clock)
{}

store::Database *Context::database()
{
    if (m_database)
        return m_database.get();
    const QString directory = parser.isSet(u"data-dir"_s) ? parser.value(u"data-dir"_s)
                                                          : store::Database::defaultDataDirectory();
    Result<std::unique_ptr<store::Database>> opened =
        store::Database::open(store::Database::fileIn(directory));
    if (!opened) {
        fail(opened.error());
        return nullptr;
    }
    m_database = std::move(opened).value();
    return m_database.get();
}

int Context::fail(const QString &message)
{
    err << "counterline-cli: " << message << Qt::endl;
    return 1;
}

int Context::fail(const Error &error)
{
    return fail(u"%1 [%2]"_s.arg(error.message, error.code));
}

int Context::usage(const QString &message)
{
    err << "counterline-cli: " << message << Qt::endl
        << QCoreApplication::translate("counterline::cli", "See counterline-cli --help.")
        << Qt::endl;
    return 2;
}

// A GET to the server, waited for: the command line has nothing else to do meanwhile.
Result<QJsonObject> serverGet(const store::SyncTarget &target, const QString &pathAndQuery,
                              int timeoutMs)
{
    QNetworkAccessManager network;
    QNetworkRequest request = sync::serverRequest(target, pathAndQuery);
    request.setTransferTimeout(timeoutMs);
    QNetworkReply *reply = network.get(request);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status != 200) {
        return Error{
            u"sync.server_refused"_s,
            QCoreApplication::translate("counterline::cli", "The server at %1 answered %2: %3")
                .arg(target.serverUrl.toString())
                .arg(status)
                .arg(status == 0 ? reply->errorString() : QString::fromUtf8(reply->readAll()))};
    }
    return QJsonDocument::fromJson(reply->readAll()).object();
}

} // namespace counterline::cli
