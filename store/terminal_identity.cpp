#include "store/terminal_identity.h"

#include "domain/receipt_number.h"
#include "sqlkit/statement.h"
#include "sqlkit/time_text.h"
#include "store/sql.h"

using namespace Qt::StringLiterals;

namespace counterline::store {

Result<void> TerminalSettings::initialise(const QSqlDatabase &db, const TerminalIdentity &identity,
                                          const QDateTime &at)
{
    if (!ReceiptNumber::isValidCode(identity.storeId) ||
        !ReceiptNumber::isValidCode(identity.terminalId)) {
        return Error{u"terminal.bad_code"_s,
                     tr("Store and terminal codes must be 1 to 16 letters or digits, not \"%1\" "
                        "and \"%2\".")
                         .arg(identity.storeId, identity.terminalId)};
    }
    Result<QVariant> existing = sqlkit::selectValue(db, u"SELECT count(*) FROM terminal"_s);
    if (!existing)
        return existing.error();
    if (existing.value().toInt() > 0) {
        return Error{u"terminal.already_initialised"_s,
                     tr("This terminal database is already set up; it was not changed.")};
    }
    Result<qint64> inserted = execute(
        db,
        u"INSERT INTO terminal (id, store_id, terminal_id, currency, tax_mode, rounding, "
        "created_at) VALUES (1, ?, ?, ?, ?, ?, ?)"_s,
        {identity.storeId, identity.terminalId, identity.currency.code(),
         identity.policy.taxMode == TaxMode::PricesIncludeTax ? u"inclusive"_s : u"exclusive"_s,
         roundingRuleName(identity.policy.rounding), sqlkit::timeText(at)});
    if (!inserted)
        return inserted.error();
    return success();
}

Result<TerminalIdentity> TerminalSettings::load(const QSqlDatabase &db)
{
    // Every checkout reads it: prepared once.
    Result<QSqlQuery> query = runReusedRead(
        db, u"SELECT store_id, terminal_id, currency, tax_mode, rounding FROM terminal"_s);
    if (!query)
        return query.error();
    QSqlQuery &row = query.value();
    if (!row.next()) {
        row.finish();
        return Error{u"terminal.not_initialised"_s,
                     tr("This terminal is not set up yet; run counterline-cli init first.")};
    }
    const QString currencyCode = row.value(2).toString();
    TerminalIdentity identity{row.value(0).toString(), row.value(1).toString(), {}, {}};
    identity.policy.taxMode = row.value(3).toString() == u"inclusive"_s ? TaxMode::PricesIncludeTax
                                                                        : TaxMode::PricesExcludeTax;
    identity.policy.rounding =
        row.value(4).toString() == u"half-even"_s ? RoundingRule::HalfEven : RoundingRule::HalfUp;
    row.finish();
    Result<Currency> currency = Currency::fromCode(currencyCode);
    if (!currency)
        return currency.error();
    identity.currency = *currency;
    return identity;
}

} // namespace counterline::store
