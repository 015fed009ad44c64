#include "sync/journal_check.h"

#include "protocol/problem.h"
#include "sync/server_request.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>

using namespace Qt::StringLiterals;

namespace counterline::sync {

JournalCheck::JournalCheck(store::Database &database, const Clock &clock, store::SyncTarget target,
                           QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_clock(clock)
    , m_target(std::move(target))
{}

void JournalCheck::run(Done done)
{
    QNetworkReply *reply = m_network.get(serverRequest(m_target, u"/v1/terminal/journal"_s));
    connect(reply, &QNetworkReply::finished, this, [this, reply, done = std::move(done)] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->readAll();
        if (status != 200) {
            const Result<protocol::Problem> problem = protocol::Problem::fromBody(body);
            done(Error{u"sync.journal_check_failed"_s,
                       QCoreApplication::translate("counterline::sync",
                                                   "The server could not report this terminal's "
                                                   "journal (%1): %2")
                           .arg(status)
                           .arg(problem ? problem->detail : reply->errorString())});
            return;
        }
        const QJsonObject answer = QJsonDocument::fromJson(body).object();
        store::ServerJournalView view;
        view.highestSeq = answer.value(u"highest_seq"_s).toInteger();
        for (const QJsonValue &gap : answer.value(u"gaps"_s).toArray())
            view.gaps.append({gap[u"first"_s].toInteger(), gap[u"last"_s].toInteger()});
        for (const QJsonValue &seq : answer.value(u"broken_links"_s).toArray())
            view.brokenLinks.append(seq.toInteger());
        done(store::JournalAudit::reconcile(m_database, view, m_clock.now()));
    });
}

} // namespace counterline::sync
