#include "protocol/list_queries.h"
#include "server/journal_entries.h"
#include "server/journal_links.h"
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

// The calling terminal's journal as the server holds it: gaps are entries that never arrived.
void showTerminalJournal(const RouteContext *c)
{
    addRoute(c, u"/v1/terminal/journal"_s, QHttpServerRequest::Method::Get,
             httpkit::answered([c](const QHttpServerRequest &request) {
                 return c->runner.run(
                     c->pools.reads, httpkit::incomingOf(request, "GET"),
                     [](const QSqlDatabase &db, const Principal &caller, const Incoming &) {
                         if (!caller.isTerminal()) {
                             return problem(translatedError(
                                 "auth.forbidden",
                                 QT_TRANSLATE_NOOP("counterline::server",
                                                   "Only a terminal's token has a journal.")));
                         }
                         Result<JournalContinuity> continuity = JournalLinks::check(db, caller.id);
                         if (!continuity)
                             return problem(continuity.error());
                         return json(
                             200,
                             QJsonDocument(continuity->toJson()).toJson(QJsonDocument::Compact));
                     });
             }));
}

// A generic entry of the calling till's journal (a PIN lockout, …): checked and kept.
void receiveJournalEntry(const RouteContext *c)
{
    addRoute(c, u"/v1/journal"_s, QHttpServerRequest::Method::Post,
             httpkit::answered([c](const QHttpServerRequest &request) {
                 Incoming incoming = httpkit::incomingOf(request, "POST");
                 if (incoming.body.size() > kMaxBodyBytes)
                     return tooLarge();
                 return c->runner.run(
                     c->pools.writes, std::move(incoming),
                     [c](const QSqlDatabase &db, const Principal &caller, const Incoming &in) {
                         return c->runner.idempotent(
                             db, caller, in, requestFingerprint(in.method, in.path, in.body),
                             [&](const IdempotencySlot &slot, const QDateTime &now) {
                                 return JournalEntries::receive(db, caller, in.body, now, slot);
                             });
                     });
             }));
}

// Generic journal entries as received, newest first (?kind=pin_lockout&limit=).
void listJournalEntries(const RouteContext *c)
{
    addRoute(c, u"/v1/journal/entries"_s, QHttpServerRequest::Method::Get,
             httpkit::answered([c](const QHttpServerRequest &request) {
                 return c->runner.run(
                     c->pools.reads, httpkit::incomingOf(request, "GET"),
                     [](const QSqlDatabase &db, const Principal &caller, const Incoming &in) {
                         const Result<protocol::JournalEntryQuery> query =
                             protocol::ListQueries::journalEntries(in.query);
                         if (!query)
                             return problem(query.error());
                         Result<QJsonObject> entries =
                             JournalEntries::list(db, caller, query->kind, query->limit);
                         if (!entries)
                             return problem(entries.error());
                         return json(200, QJsonDocument(*entries).toJson(QJsonDocument::Compact));
                     });
             }));
}

// Every terminal (of the stores the caller may see) whose journal is not continuous.
void listJournalGaps(const RouteContext *c)
{
    addRoute(c, u"/v1/journal/gaps"_s, QHttpServerRequest::Method::Get,
             httpkit::answered([c](const QHttpServerRequest &request) {
                 return c->runner.run(
                     c->pools.reads, httpkit::incomingOf(request, "GET"),
                     [](const QSqlDatabase &db, const Principal &caller, const Incoming &) {
                         Result<QJsonObject> report = JournalLinks::report(db, caller);
                         if (!report)
                             return problem(report.error());
                         return json(200, QJsonDocument(*report).toJson(QJsonDocument::Compact));
                     });
             }));
}

} // namespace

void addJournalRoutes(const RouteContext *c)
{
    showTerminalJournal(c);
    receiveJournalEntry(c);
    listJournalEntries(c);
    listJournalGaps(c);
}

} // namespace counterline::server
