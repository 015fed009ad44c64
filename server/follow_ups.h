#pragma once

#include "domain/result.h"
#include "protocol/list_queries.h"
#include "server/order_ingest.h"
#include "server/principals.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QSqlDatabase>

#include <optional>

namespace counterline::server {

// One thing head office must look at (BRIEF §11), raised by a till or by the server itself.
struct FollowUp
{
    // What it is about, in the shop's words; stable codes, shown translated in the back office.
    static constexpr QLatin1StringView kCaptureDeclined{"capture_declined"};
    static constexpr QLatin1StringView kRefundOwed{"refund_owed"};
    static constexpr QLatin1StringView kRefundRefused{"refund_refused"};
    static constexpr QLatin1StringView kReceiptDuplicate{"receipt_duplicate"};
    // A paid sale's line that differs from the catalog as of the sale (server/catalog_check.h).
    static constexpr QLatin1StringView kPriceDiffers{"price_differs"};
    static constexpr QLatin1StringView kTaxRateDiffers{"tax_rate_differs"};
    static constexpr QLatin1StringView kUnknownSku{"unknown_sku"};

    QString storeId;
    QString terminalId; // the principal of the till it concerns, if any
    QString orderId;
    QString kind;
    QString subject; // what it is about, once: "order:<id>:tender:2:refund"
    std::optional<qint64> amountMinor;
    QString currency;
    QString detail; // what happened, for a person
    QString raisedBy;
};

// Which follow-ups a reader asks for (protocol/list_queries.h reads GET /v1/follow-ups).
using FollowUpQuery = protocol::FollowUpListQuery;

// The one follow-up list on the server: items are raised once per subject, in the transaction of
// what raises them; head office adds notes and settles each with one. Nothing is ever deleted.
class FollowUps
{
    Q_DECLARE_TR_FUNCTIONS(FollowUps)

public:
    // Within the caller's transaction; the same subject raised again changes nothing.
    static Result<void> raise(const QSqlDatabase &db, const FollowUp &item, const QDateTime &at);

    // An amount as a detail shows it: "13.97 EUR".
    static QString amountText(qint64 minor, const QString &currencyCode);

    // The items the caller may see, newest first, each with its notes.
    static Result<QJsonObject> list(const QSqlDatabase &db, const Principal &caller,
                                    const FollowUpQuery &query);

    // Adds a note by a head-office user; with `settle`, the item is settled by it (a settled
    // item takes no further notes). Answers with the item as list() shows it, and completes the
    // request's key in the same transaction. Terminals raise items; they do not settle them.
    static Result<IngestAnswer> addNote(const QSqlDatabase &db, const Principal &caller, qint64 id,
                                        const QString &note, bool settle, const QDateTime &at,
                                        const IdempotencySlot &slot);
};

} // namespace counterline::server
