#include "store/journal_entries.h"

#include "sqlkit/time_text.h"
#include "store/canonical_json.h"
#include "store/order_record.h"
#include "store/outbox_store.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace counterline::store {

Result<JournalEntry> JournalEntries::record(const QSqlDatabase &db, IdSource &ids,
                                            const QString &kind, const QByteArray &payload,
                                            const QDateTime &at)
{
    static const QRegularExpression name(u"^[a-z][a-z_]{0,39}$"_s);
    if (!name.match(kind).hasMatch()) {
        return Error{u"journal.bad_kind"_s,
                     tr("\"%1\" is not a journal entry kind (lower-case letters and underscores)")
                         .arg(kind)};
    }
    CanonicalJson json;
    json.beginObject()
        .key("at"_L1)
        .value(sqlkit::timeText(at))
        .key("kind"_L1)
        .value(kind)
        .key("payload"_L1)
        .raw(payload)
        .endObject();
    Result<JournalEntry> entry = Journal::append(db, QString(), u"entry"_s, json.take(), at);
    if (!entry)
        return entry;
    if (Result<void> queued = OutboxStore::enqueue(db, QString(), u"journal"_s, ids.next(),
                                                   outboxPayload(*entry, kind), at);
        !queued) {
        return queued.error();
    }
    return entry;
}

QByteArray JournalEntries::outboxPayload(const JournalEntry &entry, const QString &kind)
{
    CanonicalJson json;
    json.beginObject().key("journal"_L1);
    writeJournalLink(json, entry);
    json.key("kind"_L1)
        .value(kind)
        .key("record"_L1)
        .value(QString::fromUtf8(entry.record))
        .endObject();
    return json.take();
}

} // namespace counterline::store
