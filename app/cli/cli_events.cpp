// counterline-cli events tail: an example consumer of the server's events (GET /v1/events). It
// keeps its own SQLite file with the ids it has processed and its cursor, both written in one
// transaction per event: killed at any moment, it starts again after the last event it finished
// and never processes one twice, whatever a relay delivers twice.

#include "cli/cli_context.h"
#include "sqlkit/migrations.h"
#include "sqlkit/statement.h"
#include "sqlkit/time_text.h"
#include "sqlkit/transaction.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrlQuery>

#include <csignal>

using namespace Qt::StringLiterals;

namespace counterline::cli {

namespace {

volatile std::sig_atomic_t g_stopTail = 0;

void onStopTail(int)
{
    g_stopTail = 1;
}

QString tr(const char *text)
{
    return QCoreApplication::translate("counterline::cli", text);
}

// The consumer's own database: what it has processed, and where it stands.
class ProcessedEvents
{
public:
    explicit ProcessedEvents(const QString &path)
        : m_name(u"events-"_s + path)
    {
        m_db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_name);
        m_db.setDatabaseName(path);
    }

    ~ProcessedEvents()
    {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_name);
    }

    Result<void> open()
    {
        if (!m_db.open())
            return failure(m_db.lastError().text());
        for (const QString &pragma : {u"PRAGMA journal_mode=WAL"_s, u"PRAGMA synchronous=FULL"_s}) {
            if (Result<QSqlQuery> set = sqlkit::exec(m_db, pragma); !set)
                return failure(set.error().message);
        }
        Result<QList<sqlkit::Migration>> steps = sqlkit::loadMigrations(u":/cli/migrations"_s);
        if (!steps)
            return steps.error();
        sqlkit::MigrationTarget target;
        target.what = tr("The consumer's state %1").arg(m_db.databaseName());
        target.errorDomain = u"events"_s;
        if (Result<int> migrated = sqlkit::migrate(m_db, *steps, target); !migrated)
            return migrated.error();
        return success();
    }

    Result<qint64> cursor()
    {
        Result<QVariant> after =
            sqlkit::selectValue(m_db, u"SELECT after FROM consumer_cursor WHERE id = 1"_s);
        if (!after)
            return failure(after.error().message);
        return after->toLongLong();
    }

    // Records the event and moves the cursor past it, together; false when it was processed
    // before (delivered again).
    Result<bool> process(const QJsonObject &event, const QDateTime &now)
    {
        sqlkit::Transaction transaction(m_db);
        if (Result<void> begun = transaction.begin(); !begun)
            return failure(begun.error().message);
        Result<QSqlQuery> inserted =
            sqlkit::exec(m_db,
                         u"INSERT OR IGNORE INTO processed_events (id, seq, type, aggregateid, "
                         "processed_at) VALUES (?, ?, ?, ?, ?)"_s,
                         {event.value(u"id"_s).toString(), event.value(u"seq"_s).toInteger(),
                          event.value(u"type"_s).toString(),
                          event.value(u"aggregateid"_s).toString(), sqlkit::timeText(now)});
        if (!inserted)
            return failure(inserted.error().message);
        // Asked at once: SQLite reports the changes of the connection's last statement.
        const bool fresh = inserted->numRowsAffected() == 1;
        if (Result<QSqlQuery> moved = sqlkit::exec(
                m_db, u"UPDATE consumer_cursor SET after = max(after, ?) WHERE id = 1"_s,
                {event.value(u"seq"_s).toInteger()});
            !moved) {
            return failure(moved.error().message);
        }
        if (Result<void> committed = transaction.commit(); !committed)
            return failure(committed.error().message);
        return fresh;
    }

private:
    Error failure(const QString &why) const
    {
        return Error{u"events.state_failed"_s,
                     tr("The consumer's state %1 failed: %2").arg(m_db.databaseName(), why)};
    }

    QString m_name;
    QSqlDatabase m_db;
};

} // namespace

int runEventsTail(Context &context)
{
    // Whose events: the enrolled terminal's store, or --server and --token of a back-office user.
    store::SyncTarget target;
    if (context.parser.isSet(u"server"_s)) {
        target.serverUrl = QUrl(context.parser.value(u"server"_s));
        target.token = context.parser.value(u"token"_s).toUtf8();
        if (!target.serverUrl.isValid() || target.token.isEmpty())
            return context.usage(tr("events tail needs --server URL and --token T together."));
    } else {
        store::Database *database = context.database();
        if (!database)
            return 1;
        Result<std::optional<store::SyncTarget>> enrolled = store::SyncSettings::load(*database);
        if (!enrolled)
            return context.fail(enrolled.error());
        if (!enrolled->has_value())
            return context.fail(tr("This terminal is not enrolled; give --server and --token."));
        target = **enrolled;
    }
    QString statePath = context.parser.value(u"state"_s);
    if (statePath.isEmpty()) {
        const QString dir = context.parser.value(u"data-dir"_s);
        if (dir.isEmpty())
            return context.usage(tr("events tail needs --state FILE (or --data-dir)."));
        statePath = QDir(dir).filePath(u"event-consumer.sqlite"_s);
    }
    int pageSize = 100;
    if (context.parser.isSet(u"limit"_s)) {
        bool numeric = false;
        pageSize = context.parser.value(u"limit"_s).toInt(&numeric);
        if (!numeric || pageSize < 1 || pageSize > 500)
            return context.usage(tr("--limit needs a number from 1 to 500."));
    }
    const bool follow = context.parser.isSet(u"follow"_s);

    ProcessedEvents processed(statePath);
    if (Result<void> opened = processed.open(); !opened)
        return context.fail(opened.error());
    std::signal(SIGTERM, onStopTail);
    std::signal(SIGINT, onStopTail);

    int fresh = 0;
    int repeated = 0;
    while (!g_stopTail) {
        Result<qint64> after = processed.cursor();
        if (!after)
            return context.fail(after.error());
        QUrlQuery query{{u"after"_s, QString::number(*after)},
                        {u"limit"_s, QString::number(pageSize)},
                        {u"wait"_s, follow ? u"25"_s : u"0"_s}};
        Result<QJsonObject> page =
            serverGet(target, u"/v1/events?"_s + query.toString(QUrl::FullyEncoded), 40'000);
        if (!page)
            return context.fail(page.error());
        const QJsonArray events = page->value(u"events"_s).toArray();
        for (const QJsonValue &value : events) {
            const QJsonObject event = value.toObject();
            Result<bool> first = processed.process(event, context.clock.now());
            if (!first)
                return context.fail(first.error());
            if (!*first) {
                ++repeated;
                continue;
            }
            ++fresh;
            context.out << (context.parser.isSet(u"json"_s)
                                ? QString::fromUtf8(
                                      QJsonDocument(event).toJson(QJsonDocument::Compact))
                                : u"%1 %2 %3"_s.arg(event.value(u"seq"_s).toInteger())
                                      .arg(event.value(u"type"_s).toString(),
                                           event.value(u"aggregateid"_s).toString()))
                        << Qt::endl;
        }
        if (events.isEmpty() && !follow)
            break;
    }
    context.err
        << tr("Processed %1 events (%2 delivered again and skipped).").arg(fresh).arg(repeated)
        << Qt::endl;
    return 0;
}

} // namespace counterline::cli
