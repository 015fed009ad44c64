#include "store/journal.h"

#include "sqlkit/statement.h"
#include "sqlkit/time_text.h"
#include "store/sql.h"

#include <memory>
#include <openssl/evp.h>

using namespace Qt::StringLiterals;

namespace counterline::store {

const QByteArray &Journal::genesisHash()
{
    static const QByteArray zeros(64, '0');
    return zeros;
}

QByteArray Journal::chainHash(const QByteArray &prevHashHex, const QByteArray &record)
{
    const QByteArray previous = QByteArray::fromHex(prevHashHex);
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(),
                                                                    &EVP_MD_CTX_free);
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    const bool ok =
        context && EVP_DigestInit_ex(context.get(), EVP_sha256(), nullptr) == 1 &&
        EVP_DigestUpdate(context.get(), previous.constData(), size_t(previous.size())) == 1 &&
        EVP_DigestUpdate(context.get(), record.constData(), size_t(record.size())) == 1 &&
        EVP_DigestFinal_ex(context.get(), digest, &length) == 1;
    if (!ok)
        qFatal("OpenSSL could not compute SHA-256");
    return QByteArray(reinterpret_cast<const char *>(digest), qsizetype(length)).toHex();
}

Result<JournalEntry> Journal::append(const QSqlDatabase &db, const QString &orderId,
                                     const QString &kind, const QByteArray &record,
                                     const QDateTime &at)
{
    // Every order appends: prepared once.
    Result<QSqlQuery> last =
        runReusedRead(db, u"SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1"_s);
    if (!last)
        return last.error();
    JournalEntry entry;
    entry.seq = 1;
    entry.prevHash = genesisHash();
    if (last.value().next()) {
        entry.seq = last.value().value(0).toLongLong() + 1;
        entry.prevHash = last.value().value(1).toString().toLatin1();
    }
    last.value().finish();
    entry.orderId = orderId;
    entry.kind = kind;
    entry.record = record;
    entry.hash = chainHash(entry.prevHash, record);
    entry.at = sqlkit::timeText(at);
    Result<qint64> inserted =
        execute(db,
                u"INSERT INTO journal (seq, order_id, kind, record, prev_hash, hash, at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
                {entry.seq, orderId.isEmpty() ? QVariant() : QVariant(orderId), kind,
                 QString::fromUtf8(record), QString::fromLatin1(entry.prevHash),
                 QString::fromLatin1(entry.hash), entry.at});
    if (!inserted)
        return inserted.error();
    return entry;
}

Result<JournalEntry> Journal::lastEntryFor(const QSqlDatabase &db, const QString &orderId)
{
    Result<QSqlQuery> query =
        sqlkit::exec(db,
                     u"SELECT seq, kind, record, prev_hash, hash, at FROM journal "
                     "WHERE order_id = ? ORDER BY seq DESC LIMIT 1"_s,
                     {orderId});
    if (!query)
        return query.error();
    if (!query.value().next()) {
        return Error{u"journal.no_entry"_s,
                     tr("The journal has no entry for order %1.").arg(orderId)};
    }
    const QSqlQuery &row = query.value();
    return JournalEntry{row.value(0).toLongLong(),
                        orderId,
                        row.value(1).toString(),
                        row.value(2).toString().toUtf8(),
                        row.value(3).toString().toLatin1(),
                        row.value(4).toString().toLatin1(),
                        row.value(5).toString()};
}

Result<JournalVerification> Journal::verify(const QSqlDatabase &db)
{
    Result<QSqlQuery> query =
        sqlkit::exec(db, u"SELECT seq, record, prev_hash, hash FROM journal ORDER BY seq"_s);
    if (!query)
        return query.error();
    JournalVerification result;
    QByteArray previous = genesisHash();
    qint64 expectedSeq = 1;
    QSqlQuery &rows = query.value();
    while (rows.next()) {
        const qint64 seq = rows.value(0).toLongLong();
        const QByteArray record = rows.value(1).toString().toUtf8();
        const QByteArray prevHash = rows.value(2).toString().toLatin1();
        const QByteArray hash = rows.value(3).toString().toLatin1();
        ++result.entries;
        auto fail = [&](const QString &problem) {
            result.firstBadSeq = seq;
            result.problem = problem;
            return result;
        };
        if (seq != expectedSeq)
            return fail(
                tr("entry %1 follows entry %2: entries are missing").arg(seq).arg(expectedSeq - 1));
        if (prevHash != previous)
            return fail(
                tr("entry %1 does not point at the hash of entry %2").arg(seq).arg(seq - 1));
        if (chainHash(prevHash, record) != hash)
            return fail(tr("entry %1 was changed after it was written: its hash does not match its "
                           "record")
                            .arg(seq));
        previous = hash;
        ++expectedSeq;
    }
    return result;
}

} // namespace counterline::store
