#include "server/nats_relay.h"

#include "server/event_outbox.h"
#include "server/fault_point.h"
#include "sqlkit/statement.h"
#include "sqlkit/time_text.h"
#include "sqlkit/transaction.h"

#include <QJsonDocument>

#include <nats/nats.h>

using namespace Qt::StringLiterals;

namespace counterline::server {

namespace {

Error natsError(const QString &what, natsStatus status)
{
    return Error{u"nats.failed"_s, NatsRelay::tr("NATS: %1 failed: %2")
                                       .arg(what, QString::fromUtf8(natsStatus_GetText(status)))};
}

Result<qint64> cursor(const QSqlDatabase &db)
{
    Result<QSqlQuery> found =
        sqlkit::exec(db, u"SELECT after_seq FROM relay_cursors WHERE name = 'nats'"_s);
    if (!found)
        return found.error();
    return found.value().next() ? found.value().value(0).toLongLong() : 0;
}

Result<void> moveCursor(const QSqlDatabase &db, qint64 seq)
{
    Result<QSqlQuery> moved =
        sqlkit::exec(db,
                     u"INSERT INTO relay_cursors (name, after_seq) VALUES ('nats', ?) "
                     "ON CONFLICT (name) DO UPDATE SET after_seq = excluded.after_seq"_s,
                     {seq});
    return moved ? success() : Result<void>(moved.error());
}

} // namespace

NatsRelay::NatsRelay(QString url)
    : m_url(std::move(url))
{}

NatsRelay::~NatsRelay()
{
    disconnect();
}

void NatsRelay::disconnect()
{
    if (m_js)
        jsCtx_Destroy(m_js);
    if (m_connection)
        natsConnection_Destroy(m_connection);
    m_js = nullptr;
    m_connection = nullptr;
}

Result<void> NatsRelay::connect()
{
    if (m_connection && !natsConnection_IsClosed(m_connection))
        return success();
    disconnect();
    natsOptions *options = nullptr;
    natsStatus status = natsOptions_Create(&options);
    if (status == NATS_OK)
        status = natsOptions_SetURL(options, m_url.toUtf8().constData());
    if (status == NATS_OK)
        status = natsOptions_SetTimeout(options, 5000);
    if (status == NATS_OK)
        status = natsConnection_Connect(&m_connection, options);
    natsOptions_Destroy(options);
    if (status != NATS_OK) {
        disconnect();
        return natsError(tr("connecting to %1").arg(m_url), status);
    }
    if (status = natsConnection_JetStream(&m_js, m_connection, nullptr); status != NATS_OK) {
        disconnect();
        return natsError(tr("opening JetStream"), status);
    }
    // The stream, if it is not there yet.
    jsStreamInfo *info = nullptr;
    jsErrCode code = jsErrCode(0);
    status = js_GetStreamInfo(&info, m_js, kStream, nullptr, &code);
    if (status == NATS_NOT_FOUND) {
        jsStreamConfig config;
        jsStreamConfig_Init(&config);
        config.Name = kStream;
        const char *subjects[] = {"counterline.events.>"};
        config.Subjects = subjects;
        config.SubjectsLen = 1;
        config.Storage = js_FileStorage;
        config.Duplicates = qint64(10) * 60 * 1000 * 1000 * 1000; // nanoseconds
        status = js_AddStream(&info, m_js, &config, nullptr, &code);
    }
    jsStreamInfo_Destroy(info);
    if (status != NATS_OK) {
        disconnect();
        return natsError(tr("creating stream %1").arg(QString::fromLatin1(kStream)), status);
    }
    return success();
}

Result<int> NatsRelay::publishDue(const QSqlDatabase &db, int limit)
{
    Result<qint64> after = cursor(db);
    if (!after)
        return after.error();
    Result<QList<OutboxEvent>> events = EventOutbox::after(db, *after, limit);
    if (!events)
        return events.error();
    if (events->isEmpty())
        return 0;
    if (Result<void> connected = connect(); !connected)
        return connected.error();
    int published = 0;
    for (const OutboxEvent &event : std::as_const(*events)) {
        const QByteArray subject =
            "counterline.events." + event.storeId.toUtf8() + '.' + event.type.toUtf8();
        const QByteArray body = QJsonDocument(event.toJson()).toJson(QJsonDocument::Compact);
        const QByteArray id = event.id.toUtf8();
        jsPubOptions options;
        jsPubOptions_Init(&options);
        options.MsgId = id.constData();
        jsPubAck *ack = nullptr;
        jsErrCode code = jsErrCode(0);
        const natsStatus status = js_Publish(&ack, m_js, subject.constData(), body.constData(),
                                             int(body.size()), &options, &code);
        jsPubAck_Destroy(ack);
        if (status != NATS_OK) {
            disconnect(); // connect afresh next time
            return natsError(tr("publishing event %1").arg(event.seq), status);
        }
        faultPoint("after_nats_publish");
        if (Result<void> moved = moveCursor(db, event.seq); !moved)
            return moved.error();
        ++published;
    }
    return published;
}

} // namespace counterline::server
