#include "paysim/payment_ledger.h"

#include "paysim/token_rules.h"
#include "sqlkit/migrations.h"
#include "sqlkit/statement.h"
#include "sqlkit/time_text.h"
#include "sqlkit/transaction.h"

#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace counterline::paysim {

namespace {

const QList<sqlkit::Migration> &ledgerMigrations()
{
    static const QList<sqlkit::Migration> steps = [] {
        Result<QList<sqlkit::Migration>> loaded = sqlkit::loadMigrations(u":/paysim/migrations"_s);
        if (!loaded) // compiled in: only a broken build gets here
            qFatal("%s", qPrintable(loaded.error().message));
        return *loaded;
    }();
    return steps;
}

Charge chargeFrom(const QSqlQuery &row)
{
    return Charge{row.value(0).toString(),
                  row.value(1).toString(),
                  row.value(2).toLongLong(),
                  row.value(3).toString(),
                  row.value(4).toString(),
                  row.value(5).toString(),
                  row.value(6).toString(),
                  row.value(7).toLongLong(),
                  QDateTime::fromString(row.value(8).toString(), Qt::ISODateWithMs)};
}

Refund refundFrom(const QSqlQuery &row)
{
    return Refund{row.value(0).toString(), row.value(1).toString(), row.value(2).toString(),
                  row.value(3).toLongLong(),
                  QDateTime::fromString(row.value(4).toString(), Qt::ISODateWithMs)};
}

const QString kChargeColumns = u"id, idem_key, amount_minor, currency, reference, status, "
                               "decline_code, refunded_minor, created_at"_s;

} // namespace

QJsonObject Charge::toJson() const
{
    QJsonObject json{{u"id"_s, id},
                     {u"idempotency_key"_s, idempotencyKey},
                     {u"amount"_s, amountMinor},
                     {u"currency"_s, currency},
                     {u"reference"_s, reference},
                     {u"status"_s, status},
                     {u"refunded"_s, refundedMinor},
                     {u"created_at"_s, sqlkit::timeText(createdAt)}};
    if (!declineCode.isEmpty())
        json.insert(u"decline_code"_s, declineCode);
    return json;
}

QJsonObject Refund::toJson() const
{
    return QJsonObject{{u"id"_s, id},
                       {u"idempotency_key"_s, idempotencyKey},
                       {u"charge_id"_s, chargeId},
                       {u"amount"_s, amountMinor},
                       {u"created_at"_s, sqlkit::timeText(createdAt)}};
}

PaymentLedger::PaymentLedger(QString connectionName)
    : m_connectionName(std::move(connectionName))
    , m_db(QSqlDatabase::database(m_connectionName, false))
{}

PaymentLedger::~PaymentLedger()
{
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

Result<std::unique_ptr<PaymentLedger>> PaymentLedger::open(const QString &filePath)
{
    const QString name = u"paysim-"_s + QUuid::createUuid().toString(QUuid::Id128);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(filePath);
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
    }
    std::unique_ptr<PaymentLedger> ledger(new PaymentLedger(name));
    QSqlDatabase &db = ledger->m_db;
    if (!db.open()) {
        return Error{u"paysim.cannot_open"_s,
                     tr("Cannot open the ledger %1: %2").arg(filePath, db.lastError().text())};
    }
    const QList<sqlkit::Migration> &steps = ledgerMigrations();
    sqlkit::MigrationTarget target;
    target.what = tr("The ledger %1").arg(filePath);
    target.errorDomain = u"paysim"_s;
    // Everything that could refuse the file is read before the first write.
    const auto unusable = [&filePath](const Error &why) {
        return Error{u"paysim.not_a_ledger"_s,
                     tr("%1 is not a ledger this program can use: %2").arg(filePath, why.message)};
    };
    Result<int> version = sqlkit::schemaVersion(db, target.record);
    if (!version)
        return unusable(version.error());
    if (Result<void> known = sqlkit::refuseNewer(db, steps, target); !known)
        return known.error();
    if (*version == 0) {
        // A file of something else is no ledger, even one without a version.
        Result<QVariant> objects = sqlkit::selectValue(db, u"SELECT count(*) FROM sqlite_master"_s);
        if (!objects)
            return objects.error();
        if (objects->toInt() != 0) {
            return Error{
                u"paysim.not_a_ledger"_s,
                tr("%1 holds something else than a ledger; it is left untouched.").arg(filePath)};
        }
    }
    for (const char *pragma :
         {"PRAGMA journal_mode = WAL", "PRAGMA synchronous = FULL", "PRAGMA foreign_keys = ON"}) {
        if (Result<QSqlQuery> set = sqlkit::exec(db, QString::fromLatin1(pragma)); !set)
            return unusable(set.error());
    }
    if (Result<int> migrated = sqlkit::migrate(db, steps, target); !migrated)
        return migrated.error();
    return ledger;
}

Result<std::optional<Charge>> PaymentLedger::findCharge(const QString &column, const QString &value)
{
    Result<QSqlQuery> found = sqlkit::exec(
        m_db, u"SELECT %1 FROM charges WHERE %2 = ?"_s.arg(kChargeColumns, column), {value});
    if (!found)
        return found.error();
    if (!found.value().next())
        return std::optional<Charge>();
    return std::optional<Charge>(chargeFrom(*found));
}

Result<std::optional<Charge>> PaymentLedger::chargeByKey(const QString &key)
{
    return findCharge(u"idem_key"_s, key);
}

Result<Keyed<Charge>> PaymentLedger::charge(const QString &key, const QByteArray &fingerprint,
                                            const ChargeRequest &request, const QDateTime &now)
{
    sqlkit::Transaction transaction(m_db);
    if (Result<void> begun = transaction.begin(); !begun)
        return begun.error();
    Result<QSqlQuery> earlier =
        sqlkit::exec(m_db, u"SELECT fingerprint FROM charges WHERE idem_key = ?"_s, {key});
    if (!earlier)
        return earlier.error();
    if (earlier.value().next()) {
        if (earlier->value(0).toString() != QString::fromLatin1(fingerprint)) {
            return Error{u"paysim.key_reused"_s,
                         tr("The Idempotency-Key %1 was used for a different charge.").arg(key)};
        }
        Result<std::optional<Charge>> stored = chargeByKey(key);
        if (!stored || !stored->has_value())
            return stored ? Error{u"paysim.database"_s, key} : stored.error();
        return Keyed<Charge>{**stored, true};
    }
    const QString declineCode = declineCodeFor(request.token);
    const Charge made{u"ch_"_s + QUuid::createUuid().toString(QUuid::Id128),
                      key,
                      request.amountMinor,
                      request.currency,
                      request.reference,
                      declineCode.isEmpty() ? u"captured"_s : u"declined"_s,
                      declineCode,
                      0,
                      now};
    if (Result<QSqlQuery> inserted = sqlkit::exec(
            m_db,
            u"INSERT INTO charges (id, idem_key, fingerprint, amount_minor, currency, token, "
            "reference, status, decline_code, created_at) VALUES (?, ?, ?, ?, ?, ?, "
            "COALESCE(?, ''), ?, ?, ?)"_s,
            {made.id, key, QString::fromLatin1(fingerprint), made.amountMinor, made.currency,
             request.token, made.reference, made.status,
             declineCode.isEmpty() ? QVariant() : QVariant(declineCode), sqlkit::timeText(now)});
        !inserted) {
        return inserted.error();
    }
    if (Result<void> committed = transaction.commit(); !committed)
        return committed.error();
    return Keyed<Charge>{made, false};
}

Result<Keyed<Refund>> PaymentLedger::refund(const QString &key, const QByteArray &fingerprint,
                                            const QString &chargeId, qint64 amountMinor,
                                            const QDateTime &now)
{
    sqlkit::Transaction transaction(m_db);
    if (Result<void> begun = transaction.begin(); !begun)
        return begun.error();
    Result<QSqlQuery> earlier =
        sqlkit::exec(m_db,
                     u"SELECT fingerprint, id, charge_id, amount_minor, created_at FROM refunds "
                     "WHERE idem_key = ?"_s,
                     {key});
    if (!earlier)
        return earlier.error();
    if (earlier.value().next()) {
        if (earlier->value(0).toString() != QString::fromLatin1(fingerprint)) {
            return Error{u"paysim.key_reused"_s,
                         tr("The Idempotency-Key %1 was used for a different refund.").arg(key)};
        }
        return Keyed<Refund>{
            Refund{earlier->value(1).toString(), key, earlier->value(2).toString(),
                   earlier->value(3).toLongLong(),
                   QDateTime::fromString(earlier->value(4).toString(), Qt::ISODateWithMs)},
            true};
    }
    Result<std::optional<Charge>> charge = findCharge(u"id"_s, chargeId);
    if (!charge)
        return charge.error();
    if (!charge->has_value())
        return Error{u"paysim.no_such_charge"_s, tr("There is no charge %1.").arg(chargeId)};
    if (!(*charge)->captured()) {
        return Error{u"paysim.not_captured"_s,
                     tr("Charge %1 was declined; there is nothing to refund.").arg(chargeId)};
    }
    const qint64 left = (*charge)->amountMinor - (*charge)->refundedMinor;
    if (amountMinor > left) {
        return Error{u"paysim.refund_too_large"_s,
                     tr("Charge %1 has %2 left to refund, not %3 (minor units).")
                         .arg(chargeId)
                         .arg(left)
                         .arg(amountMinor)};
    }
    const Refund made{u"re_"_s + QUuid::createUuid().toString(QUuid::Id128), key, chargeId,
                      amountMinor, now};
    if (Result<QSqlQuery> inserted =
            sqlkit::exec(m_db,
                         u"INSERT INTO refunds (id, idem_key, fingerprint, "
                         "charge_id, amount_minor, created_at) VALUES (?, ?, ?, "
                         "?, ?, ?)"_s,
                         {made.id, key, QString::fromLatin1(fingerprint), chargeId, amountMinor,
                          sqlkit::timeText(now)});
        !inserted) {
        return inserted.error();
    }
    if (Result<QSqlQuery> updated = sqlkit::exec(
            m_db, u"UPDATE charges SET refunded_minor = refunded_minor + ? WHERE id = ?"_s,
            {amountMinor, chargeId});
        !updated) {
        return updated.error();
    }
    if (Result<void> committed = transaction.commit(); !committed)
        return committed.error();
    return Keyed<Refund>{made, false};
}

Result<QList<Charge>> PaymentLedger::charges()
{
    Result<QSqlQuery> rows =
        sqlkit::exec(m_db, u"SELECT %1 FROM charges ORDER BY created_at, id"_s.arg(kChargeColumns));
    if (!rows)
        return rows.error();
    QList<Charge> all;
    while (rows.value().next())
        all.append(chargeFrom(*rows));
    return all;
}

Result<std::optional<Refund>> PaymentLedger::refundByKey(const QString &key)
{
    Result<QSqlQuery> rows = sqlkit::exec(m_db,
                                          u"SELECT id, idem_key, charge_id, amount_minor, "
                                          "created_at FROM refunds WHERE idem_key = ?"_s,
                                          {key});
    if (!rows)
        return rows.error();
    if (!rows.value().next())
        return std::optional<Refund>();
    return std::optional<Refund>(refundFrom(*rows));
}

Result<QList<Refund>> PaymentLedger::refunds()
{
    Result<QSqlQuery> rows =
        sqlkit::exec(m_db, u"SELECT id, idem_key, charge_id, amount_minor, "
                           "created_at FROM refunds ORDER BY created_at, id"_s);
    if (!rows)
        return rows.error();
    QList<Refund> all;
    while (rows.value().next())
        all.append(refundFrom(*rows));
    return all;
}

} // namespace counterline::paysim
