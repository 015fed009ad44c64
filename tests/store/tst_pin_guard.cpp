// Wrong PINs at a till (issue 17): five in a row lock PIN entry for an escalating time, a right
// PIN starts again from nothing, and each lockout is a generic entry of the one journal, chained
// with the sales and waiting in the outbox to be synced.

#include "sqlkit/statement.h"
#include "store/journal.h"
#include "store/journal_entries.h"
#include "store/user_store.h"
#include "store_fixture.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace counterline;
using namespace counterline::store;
using namespace counterline::testing;
using namespace Qt::StringLiterals;

class PinGuardTest : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_fixture = std::make_unique<StoreFixture>();
        m_users =
            std::make_unique<UserStore>(*m_fixture->database, m_fixture->clock, m_fixture->ids);
        QVERIFY(m_users->add(u"Anna"_s, u"cashier"_s, u"1234"_s).ok());
        QVERIFY(m_users->add(u"Mia"_s, u"manager"_s, u"9999"_s).ok());
    }
    void cleanup()
    {
        m_users.reset();
        m_fixture.reset();
    }

    void fiveWrongPinsLockPinEntry()
    {
        for (int tries = UserStore::kWrongPinsToLock - 1; tries >= 1; --tries) {
            Result<User> wrong = m_users->signIn(u"0000"_s, PinPlace::Login);
            QVERIFY(!wrong.ok());
            QCOMPARE(wrong.error().code, u"user.unknown_pin"_s);
            QVERIFY2(wrong.error().message.contains(QString::number(tries)),
                     qPrintable(wrong.error().message));
        }
        Result<User> fifth = m_users->signIn(u"0001"_s, PinPlace::Login);
        QCOMPARE(fifth.error().code, u"user.pins_locked"_s);
        QCOMPARE(*m_users->lockedUntil(), m_fixture->clock.now().addSecs(30));

        // Locked: even the right PIN is not tried, and that does not count.
        QCOMPARE(m_users->signIn(u"1234"_s, PinPlace::Login).error().code, u"user.pins_locked"_s);
        m_fixture->clock.advanceMs(29'000);
        QCOMPARE(m_users->signIn(u"9999"_s, PinPlace::Approval).error().code,
                 u"user.pins_locked"_s);
        m_fixture->clock.advanceMs(1'000);
        QVERIFY(!m_users->lockedUntil()->has_value());
        Result<User> anna = m_users->signIn(u"1234"_s, PinPlace::Login);
        QVERIFY(anna.ok());
        QCOMPARE(anna->name, u"Anna"_s);
    }

    // Each lockout without a right PIN between lasts twice as long, up to 15 minutes; a right PIN
    // starts again from 30 seconds.
    void lockoutsEscalate()
    {
        const QList<int> expected{30, 60, 120, 240, 480, 900, 900};
        for (int seconds : expected) {
            lockOnce(PinPlace::Login);
            QCOMPARE(*m_users->lockedUntil(), m_fixture->clock.now().addSecs(seconds));
            m_fixture->clock.advanceMs(qint64(seconds) * 1000);
        }
        QVERIFY(m_users->signIn(u"9999"_s, PinPlace::BackOffice).ok());
        lockOnce(PinPlace::Login);
        QCOMPARE(*m_users->lockedUntil(), m_fixture->clock.now().addSecs(30));
    }

    // A right PIN between wrong ones starts the count again.
    void aRightPinStartsTheCountAgain()
    {
        for (int i = 0; i < UserStore::kWrongPinsToLock - 1; ++i)
            QVERIFY(!m_users->signIn(u"0000"_s, PinPlace::Login).ok());
        QVERIFY(m_users->signIn(u"1234"_s, PinPlace::Login).ok());
        for (int i = 0; i < UserStore::kWrongPinsToLock - 1; ++i)
            QCOMPARE(m_users->signIn(u"0000"_s, PinPlace::Login).error().code,
                     u"user.unknown_pin"_s);
        QVERIFY(!m_users->lockedUntil()->has_value());
    }

    // Where a manager is asked for, a cashier's own PIN is a wrong PIN: it neither opens the
    // approval nor starts the count again, so the manager's PIN cannot be guessed for ever.
    void aCashiersPinWhereAManagerIsAskedCountsAsWrong()
    {
        for (int i = 0; i < UserStore::kWrongPinsToLock - 1; ++i) {
            QVERIFY(!m_users->signIn(u"0000"_s, PinPlace::Approval).ok());
            Result<User> cashier = m_users->signIn(u"1234"_s, PinPlace::BackOffice);
            if (i < UserStore::kWrongPinsToLock / 2 - 1)
                QCOMPARE(cashier.error().code, u"user.not_a_manager"_s);
        }
        QVERIFY(m_users->lockedUntil()->has_value());
        // At the log-in the same PIN is Anna's, once PIN entry opens again.
        m_fixture->clock.advanceMs(30'000);
        QCOMPARE(m_users->signIn(u"1234"_s, PinPlace::Login)->name, u"Anna"_s);
    }

    // The lockout is in the journal, chained after the sales, and in the outbox for the server.
    void eachLockoutIsAJournalEntry()
    {
        QVERIFY(m_fixture->sell(m_fixture->cart({{"BROT", 1}})).ok());
        lockOnce(PinPlace::Approval, u"Anna"_s);
        QCOMPARE(sqlkit::selectValue(m_fixture->db(),
                                     u"SELECT count(*) FROM journal WHERE kind = 'entry' "
                                     "AND order_id IS NULL"_s)
                     ->toInt(),
                 1);
        const QJsonObject record =
            QJsonDocument::fromJson(
                sqlkit::selectValue(m_fixture->db(), u"SELECT record FROM journal WHERE seq = 2"_s)
                    ->toString()
                    .toUtf8())
                .object();
        QCOMPARE(record.value(u"kind"_s).toString(), u"pin_lockout"_s);
        const QJsonObject payload = record.value(u"payload"_s).toObject();
        QCOMPARE(payload.value(u"where"_s).toString(), u"approval"_s);
        QCOMPARE(payload.value(u"user"_s).toString(), u"Anna"_s);
        QCOMPARE(payload.value(u"failures"_s).toInt(), UserStore::kWrongPinsToLock);
        QCOMPARE(payload.value(u"seconds"_s).toInt(), 30);
        // The journal still verifies, and the entry waits in the outbox with the record's bytes.
        Result<JournalVerification> verified = Journal::verify(m_fixture->db());
        QVERIFY(verified.ok() && verified->ok());
        QCOMPARE(verified->entries, 2);
        const QJsonObject queued =
            QJsonDocument::fromJson(
                sqlkit::selectValue(m_fixture->db(),
                                    u"SELECT payload FROM outbox WHERE kind = 'journal' "
                                    "AND order_id IS NULL"_s)
                    ->toString()
                    .toUtf8())
                .object();
        QCOMPARE(queued.value(u"kind"_s).toString(), u"pin_lockout"_s);
        QCOMPARE(queued.value(u"journal"_s).toObject().value(u"seq"_s).toInt(), 2);
        QCOMPARE(queued.value(u"record"_s).toString(),
                 sqlkit::selectValue(m_fixture->db(), u"SELECT record FROM journal WHERE seq = 2"_s)
                     ->toString());
    }

    void aGenericEntryNeedsAKindOfLetters()
    {
        Result<JournalEntry> bad = JournalEntries::record(
            m_fixture->db(), m_fixture->ids, u"Drawer Open!"_s, "{}", m_fixture->clock.now());
        QCOMPARE(bad.error().code, u"journal.bad_kind"_s);
        QCOMPARE(sqlkit::selectValue(m_fixture->db(), u"SELECT count(*) FROM journal"_s)->toInt(),
                 0);
    }

private:
    void lockOnce(PinPlace where, const QString &asking = {})
    {
        for (int i = 0; i < UserStore::kWrongPinsToLock; ++i)
            (void)m_users->signIn(u"0000"_s, where, asking);
        QVERIFY(m_users->lockedUntil()->has_value());
    }

    std::unique_ptr<StoreFixture> m_fixture;
    std::unique_ptr<UserStore> m_users;
};

QTEST_GUILESS_MAIN(PinGuardTest)
#include "tst_pin_guard.moc"
