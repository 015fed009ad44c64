#include "cli/cli_context.h"
#include "store/outbox_store.h"
#include "store/sync_settings.h"
#include "store/terminal_identity.h"
#include "sync/enrolment.h"
#include "sync/journal_check.h"
#include "sync/outbox_sender.h"
#include "sync/puller.h"
#include "sync/sync_loop.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

#include <csignal>

using namespace Qt::StringLiterals;

namespace counterline::cli {

namespace {

// How many undelivered entries `sync status` lists, oldest first.
constexpr int kWaitingShown = 50;

QJsonArray waitingJson(const QList<store::WaitingEntry> &waiting)
{
    QJsonArray entries;
    for (const store::WaitingEntry &entry : waiting)
        entries.append(entry.toJson());
    return entries;
}

QJsonValue journalJson(const std::optional<store::JournalAuditResult> &audit)
{
    if (!audit)
        return QJsonValue(QJsonValue::Null);
    QJsonArray broken;
    for (qint64 seq : audit->broken)
        broken.append(seq);
    return QJsonObject{{u"checked_at"_s, audit->checkedAt.toString(Qt::ISODateWithMs)},
                       {u"continuous"_s, audit->continuous()},
                       {u"local_highest"_s, audit->localHighest},
                       {u"server_highest"_s, audit->serverHighest},
                       {u"missing"_s, store::JournalAudit::rangesText(audit->missing)},
                       {u"broken_links"_s, broken}};
}

volatile std::sig_atomic_t g_stop = 0;

void onStopSignal(int)
{
    g_stop = 1;
}

// sync (no --once): keeps syncing until SIGTERM or SIGINT, one line per pass that did something.
int runSyncLoop(Context &context, store::Database &database, const store::SyncTarget &target)
{
    int intervalMs = 5000;
    if (context.parser.isSet(u"interval-ms"_s)) {
        bool numeric = false;
        intervalMs = context.parser.value(u"interval-ms"_s).toInt(&numeric);
        if (!numeric || intervalMs < 50)
            return context.usage(QCoreApplication::translate(
                "counterline::cli", "--interval-ms needs a number of milliseconds, at least 50."));
    }
    sync::SyncLoop loop(database, context.clock, target, std::chrono::milliseconds(intervalMs));
    QObject::connect(&loop, &sync::SyncLoop::passFinished, &loop, [&](const sync::SyncPass &pass) {
        if (pass.sent + pass.retrying + pass.setAside > 0 || pass.paused) {
            context.out << QCoreApplication::translate("counterline::cli",
                                                       "Sent %1, retrying later %2, set aside %3.")
                               .arg(pass.sent)
                               .arg(pass.retrying)
                               .arg(pass.setAside)
                        << Qt::endl;
        }
        if (pass.paused)
            context.err << pass.pauseReason << Qt::endl;
    });
    QObject::connect(&loop, &sync::SyncLoop::pulled, &loop,
                     [&](const sync::PullResult &result, const QString &error) {
                         if (!error.isEmpty()) {
                             context.err << error << Qt::endl;
                             return;
                         }
                         if (result.products + result.stockLevels + result.orderChanges > 0) {
                             context.out << QCoreApplication::translate(
                                                "counterline::cli",
                                                "Pulled %1 product changes, %2 stock levels, %3 "
                                                "order changes.")
                                                .arg(result.products)
                                                .arg(result.stockLevels)
                                                .arg(result.orderChanges)
                                         << Qt::endl;
                         }
                         for (const QString &conflict : result.conflicts)
                             context.err << QCoreApplication::translate("counterline::cli",
                                                                        "Needs attention: %1")
                                                .arg(conflict)
                                         << Qt::endl;
                     });
    QObject::connect(
        &loop, &sync::SyncLoop::journalChecked, &loop, [&](const store::JournalAuditResult &audit) {
            if (!audit.continuous())
                context.err << QCoreApplication::translate("counterline::cli", "Journal: %1")
                                   .arg(audit.describe())
                            << Qt::endl;
        });
    QObject::connect(&loop, &sync::SyncLoop::onlineChanged, &loop, [&](bool online) {
        context.out << (online ? QCoreApplication::translate("counterline::cli",
                                                             "The server answers again.")
                               : QCoreApplication::translate(
                                     "counterline::cli", "The server is out of reach; probing."))
                    << Qt::endl;
    });
    std::signal(SIGTERM, onStopSignal);
    std::signal(SIGINT, onStopSignal);
    QTimer stopWatch;
    QEventLoop events;
    QObject::connect(&stopWatch, &QTimer::timeout, &events, [&] {
        if (g_stop)
            events.quit();
    });
    stopWatch.start(100);
    loop.start();
    events.exec();
    return 0;
}

} // namespace

// enroll --server URL --token T: takes this terminal's identity and the catalog from the server.
int runEnroll(Context &context)
{
    if (!context.parser.isSet(u"server"_s) || !context.parser.isSet(u"token"_s))
        return context.usage(QCoreApplication::translate(
            "counterline::cli", "enroll needs --server URL and --token TOKEN."));
    store::Database *database = context.database();
    if (!database)
        return 1;
    sync::Enrolment enrolment(*database, context.clock,
                              store::SyncTarget{QUrl(context.parser.value(u"server"_s)),
                                                context.parser.value(u"token"_s).toLatin1()});
    std::optional<Result<sync::EnrolOutcome>> enrolled;
    QEventLoop loop;
    enrolment.start([&](const Result<sync::EnrolOutcome> &result) {
        enrolled = result;
        loop.quit();
    });
    loop.exec();
    if (!*enrolled)
        return context.fail(enrolled->error());
    const sync::EnrolOutcome &outcome = enrolled->value();
    context.out << QCoreApplication::translate(
                       "counterline::cli",
                       "Enrolled as terminal %1-%2 of %3; %4 products received.")
                       .arg(outcome.identity.storeId, outcome.identity.terminalId,
                            outcome.storeName)
                       .arg(outcome.products)
                << Qt::endl;
    return 0;
}

// sync --once: one pass; exits 0 only when nothing is left to send.
int runSync(Context &context)
{
    store::Database *database = context.database();
    if (!database)
        return 1;
    Result<std::optional<store::SyncTarget>> target = store::SyncSettings::load(*database);
    if (!target)
        return context.fail(target.error());
    if (!target->has_value())
        return context.fail(QCoreApplication::translate(
            "counterline::cli", "This terminal is not enrolled; run counterline-cli enroll."));
    if (!context.parser.isSet(u"once"_s))
        return runSyncLoop(context, *database, **target);
    sync::OutboxSender sender(*database, context.clock, **target);
    sync::SyncPass pass;
    QEventLoop loop;
    QObject::connect(&sender, &sync::OutboxSender::finished, &loop,
                     [&](const sync::SyncPass &done) {
                         pass = done;
                         loop.quit();
                     });
    sender.runOnce();
    loop.exec();
    const Result<store::SyncStatus> status = store::OutboxStore(*database, context.clock).status();
    context.out << QCoreApplication::translate(
                       "counterline::cli", "Sent %1, retrying later %2, set aside %3; %4 waiting.")
                       .arg(pass.sent)
                       .arg(pass.retrying)
                       .arg(pass.setAside)
                       .arg(status ? status->pending : -1)
                << Qt::endl;
    if (pass.paused)
        return context.fail(pass.pauseReason);
    // What changed on the server: catalog, prices, stock, and central changes to these orders.
    sync::Puller puller(*database, context.clock, **target);
    std::optional<Result<sync::PullResult>> pulled;
    puller.run([&](const Result<sync::PullResult> &result) {
        pulled = result;
        loop.quit();
    });
    loop.exec();
    if (!*pulled)
        return context.fail(pulled->error());
    context.out << QCoreApplication::translate(
                       "counterline::cli",
                       "Pulled %1 product changes, %2 stock levels, %3 order changes.")
                       .arg((*pulled)->products)
                       .arg((*pulled)->stockLevels)
                       .arg((*pulled)->orderChanges)
                << Qt::endl;
    for (const QString &conflict : std::as_const((*pulled)->conflicts))
        context.err
            << QCoreApplication::translate("counterline::cli", "Needs attention: %1").arg(conflict)
            << Qt::endl;
    if (!status || status->pending > 0)
        return 1;
    // Drained: does the server hold every journal entry this terminal made?
    sync::JournalCheck check(*database, context.clock, **target);
    std::optional<Result<store::JournalAuditResult>> audit;
    check.run([&](const Result<store::JournalAuditResult> &result) {
        audit = result;
        loop.quit();
    });
    loop.exec();
    if (!*audit)
        return context.fail(audit->error());
    if (!(*audit)->continuous())
        return context.fail(QCoreApplication::translate("counterline::cli", "Journal: %1")
                                .arg((*audit)->describe()));
    context.out
        << QCoreApplication::translate("counterline::cli", "Journal: %1").arg((*audit)->describe())
        << Qt::endl;
    return 0;
}

// sync status [--json]
int runSyncStatus(Context &context)
{
    store::Database *database = context.database();
    if (!database)
        return 1;
    const Result<store::SyncStatus> status =
        store::OutboxStore(*database, context.clock).status(kWaitingShown);
    if (!status)
        return context.fail(status.error());
    const QDateTime now = context.clock.now();
    const QString journal =
        status->journal ? status->journal->describe()
                        : QCoreApplication::translate("counterline::cli", "not checked yet");
    const qint64 oldestAge = status->oldestPending ? status->oldestPending->secsTo(now) : 0;
    if (context.parser.isSet(u"json"_s)) {
        const QJsonObject json{
            {u"pending"_s, status->pending},
            {u"needs_attention"_s, status->needsAttention},
            {u"oldest_pending_age_seconds"_s, oldestAge},
            {u"last_success"_s, status->lastSuccess
                                    ? QJsonValue(status->lastSuccess->toString(Qt::ISODateWithMs))
                                    : QJsonValue(QJsonValue::Null)},
            {u"last_error"_s, status->lastError.isEmpty() ? QJsonValue(QJsonValue::Null)
                                                          : QJsonValue(status->lastError)},
            {u"waiting"_s, waitingJson(status->waiting)},
            {u"journal"_s, journalJson(status->journal)}};
        context.out << QJsonDocument(json).toJson(QJsonDocument::Indented);
        return 0;
    }
    context.out << QCoreApplication::translate(
                       "counterline::cli",
                       "pending: %1 (oldest %2 s)\nneeds attention: %3\nlast success: %4\n"
                       "last error: %5\njournal: %6")
                       .arg(status->pending)
                       .arg(oldestAge)
                       .arg(status->needsAttention)
                       .arg(status->lastSuccess
                                ? status->lastSuccess->toString(Qt::ISODate)
                                : QCoreApplication::translate("counterline::cli", "never"))
                       .arg(status->lastError.isEmpty()
                                ? QCoreApplication::translate("counterline::cli", "none")
                                : status->lastError,
                            journal)
                << Qt::endl;
    for (const store::WaitingEntry &entry : std::as_const(status->waiting)) {
        context.out << QCoreApplication::translate("counterline::cli",
                                                   "  %1 %2 (%3): %4 attempts, last answer %5%6")
                           .arg(entry.receiptNo, entry.kind, entry.state)
                           .arg(entry.attempts)
                           .arg(entry.lastStatus)
                           .arg(entry.lastError.isEmpty() ? QString() : u" — "_s + entry.lastError)
                    << Qt::endl;
    }
    return 0;
}

} // namespace counterline::cli
