#include "server/follow_ups.h"
#include "server/request_fingerprint.h"
#include "server/routes/routes.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace counterline::server {

namespace {

using StatusCode = QHttpServerResponder::StatusCode;

// The follow-up list (BRIEF §11): what needs a person at head office.
void listFollowUps(const RouteContext *c)
{
    addRoute(c, u"/v1/follow-ups"_s, QHttpServerRequest::Method::Get,
             httpkit::answered([c](const QHttpServerRequest &request) {
                 return c->runner.run(
                     c->pools.reads, httpkit::incomingOf(request, "GET"),
                     [](const QSqlDatabase &db, const Principal &caller, const Incoming &in) {
                         Result<FollowUpQuery> query = protocol::ListQueries::followUps(in.query);
                         if (!query)
                             return problem(query.error());
                         Result<QJsonObject> list = FollowUps::list(db, caller, *query);
                         if (!list)
                             return problem(list.error());
                         return json(200, QJsonDocument(*list).toJson(QJsonDocument::Compact));
                     });
             }));
}

// A note on a follow-up, settling it when "settle" is true: head office only.
void noteFollowUp(const RouteContext *c)
{
    addRoute(c, u"/v1/follow-ups/<arg>/notes"_s, QHttpServerRequest::Method::Post,
             httpkit::answeredWithArg([c](const QString &arg, const QHttpServerRequest &request) {
                 Incoming incoming = httpkit::incomingOf(request, "POST");
                 if (incoming.body.size() > kMaxBodyBytes)
                     return tooLarge();
                 return c->runner.run(
                     c->pools.writes, std::move(incoming),
                     [c, arg](const QSqlDatabase &db, const Principal &caller, const Incoming &in) {
                         bool numeric = false;
                         const qint64 id = arg.toLongLong(&numeric);
                         const QJsonDocument document = QJsonDocument::fromJson(in.body);
                         const QJsonObject body = document.object();
                         if (!numeric || id < 1) {
                             return problem(
                                 translatedError("follow_up.not_found",
                                                 QT_TRANSLATE_NOOP("counterline::server",
                                                                   "There is no such follow-up.")));
                         }
                         if (!document.isObject() || !body.value(u"note"_s).isString() ||
                             !(body.value(u"settle"_s).isBool() ||
                               body.value(u"settle"_s).isUndefined())) {
                             return problem(translatedError(
                                 "request.invalid_field",
                                 QT_TRANSLATE_NOOP(
                                     "counterline::server",
                                     "\"note\" must be a text and \"settle\" true or false")));
                         }
                         return c->runner.idempotent(
                             db, caller, in, requestFingerprint(in.method, in.path, in.body),
                             [&](const IdempotencySlot &slot, const QDateTime &now) {
                                 return FollowUps::addNote(
                                     db, caller, id, body.value(u"note"_s).toString(),
                                     body.value(u"settle"_s).toBool(false), now, slot);
                             });
                     });
             }));
}

} // namespace

void addFollowUpRoutes(const RouteContext *c)
{
    listFollowUps(c);
    noteFollowUp(c);
}

} // namespace counterline::server
