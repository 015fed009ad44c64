#include "sqlkit/statement.h"
#include "store/journal.h"
#include "store/journal_audit.h"
#include "store_fixture.h"

#include <QElapsedTimer>

using namespace counterline;
using namespace counterline::store;
using namespace counterline::testing;
using namespace Qt::StringLiterals;

namespace {

// The triggers stop edits through SQL; to prove verify() would still catch a tampered file we
// drop them first, as an attacker with the file and a sqlite3 shell could.
void dropJournalGuards(StoreFixture &f)
{
    for (const QString &trigger :
         {u"journal_immutable_update"_s, u"journal_immutable_delete"_s, u"journal_append_only"_s})
        QVERIFY(f.rawError(u"DROP TRIGGER "_s + trigger).isEmpty());
}

} // namespace

class JournalTest : public QObject
{
    Q_OBJECT

private slots:
    void knownVector()
    {
        // SHA-256 of 32 zero bytes followed by "abc", as computed by `printf` + `sha256sum`.
        QCOMPARE(Journal::chainHash(Journal::genesisHash(), "abc"),
                 QByteArray("365aa7d8f7f9402c4b9434502b4cc89ddb09fe50d7cd95b493b834c62d5a5370"));
    }

    void intactChainVerifies()
    {
        StoreFixture f;
        for (int i = 0; i < 10; ++i)
            QVERIFY(f.sell(f.cart({{"MILCH", 1 + i}})).ok());
        const Result<JournalVerification> verified = Journal::verify(f.db());
        QVERIFY(verified.ok());
        QVERIFY(verified->ok());
        QCOMPARE(verified->entries, 10);
    }

    void editedRecordIsNamed()
    {
        StoreFixture f;
        for (int i = 0; i < 5; ++i)
            QVERIFY(f.sell(f.cart({{"BROT", 1}})).ok());
        dropJournalGuards(f);
        QVERIFY(f.rawError(u"UPDATE journal SET record = replace(record, '\"quantity\":1', "
                           "'\"quantity\":9') WHERE seq = 3"_s)
                    .isEmpty());
        const Result<JournalVerification> verified = Journal::verify(f.db());
        QCOMPARE(verified->firstBadSeq, std::optional<qint64>(3));
        QVERIFY(verified->problem.contains(u"changed"_s));
    }

    void deletedEntryIsNamed()
    {
        StoreFixture f;
        for (int i = 0; i < 5; ++i)
            QVERIFY(f.sell(f.cart({{"BROT", 1}})).ok());
        dropJournalGuards(f);
        QVERIFY(f.rawError(u"DELETE FROM journal WHERE seq = 2"_s).isEmpty());
        const Result<JournalVerification> verified = Journal::verify(f.db());
        QCOMPARE(verified->firstBadSeq, std::optional<qint64>(3));
        QVERIFY(verified->problem.contains(u"missing"_s));
    }

    void rewrittenChainTailIsNamed()
    {
        // Replacing entry 4 with a self-consistent forgery still breaks entry 5's link.
        StoreFixture f;
        for (int i = 0; i < 5; ++i)
            QVERIFY(f.sell(f.cart({{"BROT", 1}})).ok());
        dropJournalGuards(f);
        const QByteArray prev =
            sqlkit::selectValue(f.db(), u"SELECT prev_hash FROM journal WHERE seq = 4"_s)
                ->toString()
                .toLatin1();
        const QByteArray forged = Journal::chainHash(prev, "{\"forged\":true}");
        QVERIFY(f.rawError(u"UPDATE journal SET record = '{\"forged\":true}', hash = '%1' "
                           "WHERE seq = 4"_s.arg(QString::fromLatin1(forged)))
                    .isEmpty());
        const Result<JournalVerification> verified = Journal::verify(f.db());
        QCOMPARE(verified->firstBadSeq, std::optional<qint64>(5));
    }

    // The till's check against the server's copy costs steps per gap, not per missing number:
    // a server that holds one number far ahead (issue 20) once made it walk a billion numbers.
    // Numbers the till never wrote are not missing; entries still waiting are not lost.
    void theAuditWalksGapsNotNumbers()
    {
        StoreFixture f;
        for (int i = 0; i < 6; ++i) {
            QVERIFY(
                store::Journal::append(f.db(), QString(), u"entry"_s, "{}", f.clock.now()).ok());
        }
        QVERIFY(f.rawError(u"INSERT INTO outbox (kind, idempotency_key, payload, created_at) "
                           "VALUES ('journal', 'w', '{\"journal\":{\"seq\":3}}', "
                           "'2026-11-24T09:00:00.000Z')"_s)
                    .isEmpty());
        store::ServerJournalView server;
        server.highestSeq = 1'000'000'000'000;
        server.gaps = {{2, 4}, {6, 999'999'999'999}};
        QElapsedTimer took;
        took.start();
        const Result<store::JournalAuditResult> audit =
            store::JournalAudit::reconcile(*f.database, server, f.clock.now());
        QVERIFY2(audit.ok(), qPrintable(audit.ok() ? QString() : audit.error().message));
        QVERIFY(took.elapsed() < 5'000);
        QCOMPARE(store::JournalAudit::rangesText(audit->missing), u"2,4,6"_s);
    }
};

QTEST_GUILESS_MAIN(JournalTest)
#include "tst_journal.moc"
