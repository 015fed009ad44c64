#include "server/order_ingest.h"

#include "domain/currency.h"
#include "domain/receipt_number.h"
#include "domain/tax.h"
#include "domain/tender.h"
#include "server/catalog_check.h"
#include "server/event_outbox.h"
#include "server/history_check.h"
#include "server/idempotency.h"
#include "server/order_json.h"
#include "server/order_saga.h"
#include "server/return_check.h"
#include "server/stock_ledger.h"
#include "server/totals_check.h"
#include "sqlkit/statement.h"
#include "sqlkit/time_text.h"
#include "sqlkit/transaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QUuid>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace counterline::server {

namespace {

// The terminal that holds the order `orderId`, or an empty text when no one does.
Result<QString> ownerOf(const QSqlDatabase &db, const QString &orderId)
{
    Result<QSqlQuery> owner =
        sqlkit::exec(db, u"SELECT terminal_id FROM orders WHERE id = ?"_s, {orderId});
    if (!owner)
        return owner.error();
    const QString terminalId = owner.value().next() ? owner.value().value(0).toString() : QString();
    owner.value().finish(); // no read left open: the next statement may begin a write
    return terminalId;
}

// After a unique conflict on insert: fine when this terminal sent this order before; otherwise
// the id is another terminal's, or the receipt number is taken by another order of this terminal
// (a genuine till numbers its receipts without gaps or repeats).
Result<void> sameOrderAgain(const QSqlDatabase &db, const Principal &terminal,
                            const protocol::WireOrder &order)
{
    Result<QString> owner = ownerOf(db, order.id);
    if (!owner)
        return owner.error();
    if (*owner == terminal.id)
        return success();
    if (!owner->isEmpty()) {
        return Error{u"order.id_taken"_s,
                     OrderIngest::tr("The order id %1 belongs to another terminal.").arg(order.id)};
    }
    // A till restored from an old copy repeats its journal numbers too: that is the clearer news.
    if (order.journal) {
        if (Result<bool> forked = JournalLinks::alreadyHeld(db, terminal.id, *order.journal);
            !forked) {
            return forked.error();
        }
    }
    Result<QSqlQuery> holder = sqlkit::exec(
        db,
        u"SELECT id FROM orders WHERE terminal_id = ? AND receipt_no = ? AND receipt_duplicate = 0"_s,
        {terminal.id, order.receiptNo});
    if (!holder)
        return holder.error();
    const QString other = holder.value().next() ? holder.value().value(0).toString() : QString();
    holder.value().finish();
    return Error{u"order.receipt_no_taken"_s,
                 OrderIngest::tr("\"receipt_no\" %1 is already the receipt of order %2 of this "
                                 "terminal")
                     .arg(order.receiptNo, other)};
}

} // namespace

namespace {

// The order is this terminal's, its receipt number its till's, its currency its store's.
Result<StoreSpec> checkSender(const QSqlDatabase &db, const Principal &terminal,
                              const protocol::WireOrder &order)
{
    if (!terminal.isTerminal()) {
        return Error{u"auth.forbidden"_s,
                     OrderIngest::tr("Only an enrolled terminal may send its orders.")};
    }
    if (order.storeId != terminal.storeId || order.terminalId != terminal.name) {
        return Error{
            u"auth.forbidden"_s,
            OrderIngest::tr(
                "This terminal is %1 of store %2; it cannot send orders of %3 of store %4.")
                .arg(terminal.name, terminal.storeId, order.terminalId, order.storeId)};
    }
    Result<ReceiptNumber> receipt = ReceiptNumber::parse(order.receiptNo);
    if (!receipt || receipt->store() != order.storeId || receipt->terminal() != order.terminalId) {
        return Error{u"request.invalid_field"_s,
                     OrderIngest::tr("\"receipt_no\" %1 does not belong to %2-%3")
                         .arg(order.receiptNo, order.storeId, order.terminalId)};
    }
    Result<StoreSpec> store = Principals::store(db, order.storeId);
    if (!store)
        return store.error();
    if (Result<Currency> currency = Currency::fromCode(order.currency); !currency) {
        return Error{u"request.invalid_field"_s,
                     OrderIngest::tr("\"currency\" %1 is not a supported ISO 4217 code")
                         .arg(order.currency)};
    }
    if (order.currency != store->currency) {
        return Error{u"order.currency_mismatch"_s,
                     OrderIngest::tr("\"currency\" is %1 but store %2 sells in %3")
                         .arg(order.currency, store->id, store->currency)};
    }
    return store;
}

// A new order's parts, after its row: lines, tenders, events, journal link, stock movements, its
// saga and its "order.placed" event, in the caller's transaction.
Result<void> writeParts(const QSqlDatabase &db, const Principal &terminal,
                        const protocol::WireOrder &order, const QDateTime &at,
                        std::chrono::seconds sagaLease)
{
    QMap<QString, qint64> sold;
    for (const protocol::WireLine &line : std::as_const(order.lines)) {
        Result<QSqlQuery> ran = sqlkit::exec(
            db,
            u"INSERT INTO order_lines (order_id, line_no, sku, name, unit_price_minor, "
            "quantity, tax_rate_ppm, discount_minor, tax_minor, total_minor, "
            "original_line_no) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
            {order.id, line.lineNo, line.sku, line.name, line.unitPrice, line.quantity,
             line.taxRatePpm, line.discount, line.tax, line.total,
             line.originalLineNo > 0 ? QVariant(line.originalLineNo) : QVariant()});
        if (!ran) {
            if (ran.error().code == u"sql.conflict"_s) {
                return Error{
                    u"request.invalid_field"_s,
                    OrderIngest::tr("\"lines\": line_no %1 appears twice").arg(line.lineNo)};
            }
            return ran.error();
        }
        sold[line.sku] += line.quantity;
    }
    int seq = 0;
    for (const protocol::WireTender &tender : std::as_const(order.tenders)) {
        Result<QSqlQuery> ran = sqlkit::exec(
            db,
            u"INSERT INTO tenders (order_id, seq, kind, amount_minor, reference, "
            "needs_capture, payment_token) VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
            {order.id, ++seq, tender.kind, tender.amount,
             tender.reference.isEmpty() ? QVariant() : QVariant(tender.reference),
             tender.needsCapture ? 1 : 0,
             tender.paymentToken.isEmpty() ? QVariant() : QVariant(tender.paymentToken)});
        if (!ran)
            return ran.error();
    }
    for (const protocol::WireEvent &event : std::as_const(order.events)) {
        Result<QSqlQuery> ran = sqlkit::exec(
            db,
            u"INSERT INTO order_events (order_id, version, event, from_status, to_status, "
            "actor_id, approved_by, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s,
            {order.id, event.version, event.event,
             event.from.isEmpty() ? QVariant() : QVariant(event.from), event.to, event.actor,
             event.approvedBy.isEmpty() ? QVariant() : QVariant(event.approvedBy), event.at});
        if (!ran)
            return ran.error();
    }
    if (order.journal) {
        if (Result<void> linked =
                JournalLinks::record(db, terminal.id, order.id, u"sale"_s, *order.journal, at);
            !linked) {
            return linked.error();
        }
    }
    // A counter sale arrives paid: its stock has left the shop. A remote order reserves its
    // stock, all or nothing. A return's units are back on the shelf. Either way one movement
    // per SKU, once.
    StockLedger::Quantities taken;
    for (auto it = sold.cbegin(); it != sold.cend(); ++it)
        taken[it.key()] = order.isReturn ? it.value() : -it.value();
    const Result<void> moved =
        order.isRemote() ? StockLedger::reserve(db, order.id, order.storeId, taken, at)
                         : StockLedger::record(db, order.id, order.storeId,
                                               order.isReturn ? u"return"_s : u"sale"_s, taken, at);
    if (!moved)
        return moved.error();
    if (Result<void> started = OrderSaga::start(
            db, order.id, order.isRemote() ? OrderSaga::Kind::Remote : OrderSaga::Kind::Counter,
            order.needsCapture(), at, sagaLease);
        !started) {
        return started.error();
    }
    QJsonObject placed{{u"order_id"_s, order.id},
                       {u"store_id"_s, order.storeId},
                       {u"terminal_id"_s, order.terminalId},
                       {u"receipt_no"_s, order.receiptNo},
                       {u"status"_s, order.status},
                       {u"version"_s, order.version},
                       {u"total"_s, order.total},
                       {u"currency"_s, order.currency},
                       {u"created_at"_s, order.createdAt}};
    if (order.isReturn) {
        placed.insert(u"type"_s, u"return"_s);
        placed.insert(u"original_order_id"_s, order.originalOrderId);
    }
    if (Result<qint64> appended = EventOutbox::append(db, EventOutbox::typeFor(OrderEvent::Place),
                                                      order.id, order.storeId, placed, at);
        !appended) {
        return appended.error();
    }
    return success();
}

// A new order is answered from what was just written (201); a known one is read back (200).
Result<QJsonObject> answerOf(const QSqlDatabase &db, const protocol::WireOrder &order, int status,
                             qint64 orderNo)
{
    if (status != 201)
        return OrderJson::order(db, order.id);
    QJsonObject answer{{u"order_no"_s, orderNo},          {u"id"_s, order.id},
                       {u"store_id"_s, order.storeId},    {u"receipt_no"_s, order.receiptNo},
                       {u"status"_s, order.status},       {u"version"_s, order.version},
                       {u"total"_s, order.total},         {u"currency"_s, order.currency},
                       {u"created_at"_s, order.createdAt}};
    if (order.isReturn) {
        answer.insert(u"type"_s, u"return"_s);
        answer.insert(u"original_order_id"_s, order.originalOrderId);
    }
    return answer;
}

} // namespace

Result<IngestAnswer> OrderIngest::ingest(const QSqlDatabase &db, const Principal &terminal,
                                         protocol::WireOrder order, const QDateTime &at,
                                         const std::optional<IdempotencySlot> &slot,
                                         std::chrono::seconds sagaLease)
{
    Result<StoreSpec> store = checkSender(db, terminal, order);
    if (!store)
        return store.error();
    // Every line recomputed with the domain's tax rules; the terminal's figures must agree. A
    // return's lines are the shares of the sold lines they give back, checked against the sale
    // once the transaction holds it (ReturnCheck).
    Result<OrderFigures> figures =
        TotalsCheck::verify(order, Currency::fromCode(order.currency).value(), store->policy);
    if (!figures)
        return figures.error();
    qint64 tax = figures->tax;

    // Its history must be one the state machine can produce, ending where the order says it is.
    if (Result<void> history = HistoryCheck::verify(order); !history)
        return history.error();

    sqlkit::Transaction transaction(db);
    if (Result<void> begun = transaction.begin(); !begun)
        return begun.error();
    int status = 201;
    qint64 orderNo = 0;
    bool known = false;
    if (order.isReturn) {
        // The sale first (held to the end), then whether this return is here already, then its
        // tax, which is the share of the sale's, not a recomputation of its lines.
        if (Result<void> locked = ReturnCheck::lockOriginal(db, order); !locked)
            return locked.error();
        Result<QString> owner = ownerOf(db, order.id);
        if (!owner)
            return owner.error();
        known = !owner->isEmpty();
        if (!known) {
            Result<qint64> checked = ReturnCheck::verify(db, order);
            if (!checked)
                return checked.error();
            tax = *checked;
        }
    }
    Result<QSqlQuery> inserted =
        known ? Result<QSqlQuery>(Error{u"sql.conflict"_s, QString()})
              : sqlkit::exec(
                    db,
                    u"INSERT INTO orders (id, terminal_id, store_id, receipt_no, cashier_id, "
                    "customer_id, currency, subtotal_minor, discount_minor, tax_minor, "
                    "total_minor, status, version, created_at, received_at, journal_seq, "
                    "journal_hash, kind, original_order_id, catalog_version) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                    "RETURNING seq"_s,
                    {order.id,
                     terminal.id,
                     order.storeId,
                     order.receiptNo,
                     order.cashierId,
                     order.customerId.isEmpty() ? QVariant() : QVariant(order.customerId),
                     order.currency,
                     figures->subtotal,
                     figures->discounts,
                     tax,
                     order.total,
                     order.status,
                     order.version,
                     order.createdAt,
                     sqlkit::timeText(at),
                     order.journal ? QVariant(order.journal->seq) : QVariant(),
                     order.journal ? QVariant(order.journal->hash) : QVariant(),
                     order.isReturn ? u"return"_s : u"sale"_s,
                     order.isReturn ? QVariant(order.originalOrderId) : QVariant(),
                     order.catalogVersion ? QVariant(*order.catalogVersion) : QVariant()});
    if (!inserted) {
        if (inserted.error().code != u"sql.conflict"_s)
            return inserted.error();
        // The order id is here already (a retry: 200), or another terminal's, or this receipt
        // number belongs to another order of this terminal.
        transaction.rollback();
        if (Result<void> same = sameOrderAgain(db, terminal, order); !same)
            return same.error();
        status = 200;
        if (Result<void> begun = transaction.begin(); !begun)
            return begun.error();
    } else {
        if (inserted.value().next())
            orderNo = inserted.value().value(0).toLongLong();
        inserted.value().finish(); // a reused statement must not stay open until COMMIT
        // A remote order below the catalog is refused before anything else is written; a paid
        // sale's deviations join the follow-up list with it.
        if (Result<void> compared = CatalogCheck::verify(db, terminal, order, at); !compared)
            return compared.error();
        if (Result<void> written = writeParts(db, terminal, order, at, sagaLease); !written)
            return written.error();
    }

    Result<QJsonObject> answer = answerOf(db, order, status, orderNo);
    if (!answer)
        return answer.error();
    const QByteArray body = QJsonDocument(*answer).toJson(QJsonDocument::Compact);
    // A remote order's answer waits for its saga; everything else is answered now. A new
    // order's saga was started above (its only open step is a charge); a known one is read back
    // (none: a counter sale with nothing to charge, done in its ingest).
    bool remote = order.isRemote();
    bool pending = order.needsCapture();
    if (status == 200) {
        Result<SagaState> saga = OrderSaga::read(db, order.id);
        if (!saga && saga.error().code != u"order.not_found"_s)
            return saga.error();
        remote = saga && saga->kind == u"remote"_s;
        pending = saga && !saga->finished();
    }
    if (slot && !remote) {
        if (Result<void> completed =
                Idempotency::complete(db, slot->principalId, slot->key, status, body);
            !completed) {
            return completed.error();
        }
    }
    if (Result<void> committed = transaction.commit(); !committed)
        return committed.error();
    return IngestAnswer{status, body, pending};
}

} // namespace counterline::server
