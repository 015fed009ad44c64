#include "server/order_ingest.h"

#include "domain/currency.h"
#include "domain/receipt_number.h"
#include "domain/tax.h"
#include "domain/tender.h"
#include "server/event_outbox.h"
#include "server/history_check.h"
#include "server/idempotency.h"
#include "server/order_saga.h"
#include "server/return_check.h"
#include "server/server_sql.h"
#include "server/stock_ledger.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QUuid>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace counterline::server {

namespace {

constexpr qint64 kLargestJsonInteger = qint64(1) << 53;

// Reads fields of one JSON object, remembering the first problem with the field's full path.
class Fields
{
public:
    Fields(QJsonObject object, QString path)
        : m_object(std::move(object))
        , m_path(std::move(path))
    {}

    QString text(const QString &name, bool required = true)
    {
        const QJsonValue value = m_object.value(name);
        if (value.isUndefined() || value.isNull()) {
            if (required)
                fail(name, OrderIngest::tr("is missing"));
            return {};
        }
        if (!value.isString()) {
            fail(name, OrderIngest::tr("must be a string"));
            return {};
        }
        if (required && value.toString().isEmpty())
            fail(name, OrderIngest::tr("must not be empty"));
        return value.toString();
    }

    qint64 integer(const QString &name, qint64 minimum, qint64 maximum = kLargestJsonInteger,
                   bool required = true, qint64 fallback = 0)
    {
        const QJsonValue value = m_object.value(name);
        if (value.isUndefined() || value.isNull()) {
            if (required)
                fail(name, OrderIngest::tr("is missing"));
            return fallback;
        }
        const qint64 low = value.toInteger(0);
        const qint64 high = value.toInteger(1);
        if (!value.isDouble() || low != high) {
            fail(name, OrderIngest::tr("must be a whole number"));
            return fallback;
        }
        if (low < minimum || low > maximum) {
            fail(name, OrderIngest::tr("must lie between %1 and %2").arg(minimum).arg(maximum));
            return fallback;
        }
        return low;
    }

    bool boolean(const QString &name)
    {
        const QJsonValue value = m_object.value(name);
        if (value.isUndefined() || value.isNull())
            return false;
        if (!value.isBool())
            fail(name, OrderIngest::tr("must be true or false"));
        return value.toBool();
    }

    QJsonArray array(const QString &name, bool required = true)
    {
        const QJsonValue value = m_object.value(name);
        if (value.isUndefined() || value.isNull()) {
            if (required)
                fail(name, OrderIngest::tr("is missing"));
            return {};
        }
        if (!value.isArray())
            fail(name, OrderIngest::tr("must be an array"));
        return value.toArray();
    }

    QString pathOf(const QString &name) const
    {
        return m_path.isEmpty() ? name : m_path + u'.' + name;
    }

    void fail(const QString &name, const QString &problem)
    {
        if (!m_error)
            m_error = Error{u"request.invalid_field"_s, u"\"%1\" %2"_s.arg(pathOf(name), problem)};
    }

    const std::optional<Error> &error() const { return m_error; }
    void adopt(const std::optional<Error> &error)
    {
        if (!m_error && error)
            m_error = error;
    }

private:
    QJsonObject m_object;
    QString m_path;
    std::optional<Error> m_error;
};

Error totalsMismatch(const QString &what)
{
    return Error{u"order.totals_mismatch"_s, what};
}

// The terminal that holds the order `orderId`, or an empty text when no one does.
Result<QString> ownerOf(const QSqlDatabase &db, const QString &orderId)
{
    Result<QSqlQuery> owner =
        execSql(db, u"SELECT terminal_id FROM orders WHERE id = ?"_s, {orderId});
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
                            const WireOrder &order)
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
    Result<QSqlQuery> holder = execSql(
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

// What became of each tender's money when the whole order was undone, with the state of the
// server's own refund where it owes one.
Result<QJsonArray> moneyBackJson(const QSqlDatabase &db, const QString &orderId)
{
    Result<QSqlQuery> found =
        execSql(db,
                u"SELECT r.seq, r.amount_minor, r.outcome, r.refund_id, (SELECT p.state FROM "
                "payment_refunds p WHERE p.order_id = r.order_id ORDER BY p.n DESC LIMIT 1), "
                "(SELECT s.step FROM sagas s WHERE s.order_id = r.order_id) "
                "FROM refunds r WHERE r.order_id = ? ORDER BY r.seq"_s,
                {orderId});
    if (!found)
        return found.error();
    QJsonArray back;
    while (found.value().next()) {
        const QSqlQuery &row = found.value();
        QJsonObject refund{
            {u"tender"_s, row.value(0).toInt()},
            {u"amount"_s, row.value(1).toLongLong()},
            {u"outcome"_s, row.value(2).isNull() ? u"recorded"_s : row.value(2).toString()}};
        if (!row.value(3).isNull())
            refund.insert(u"refund_id"_s, row.value(3).toString());
        // The server's own refund, or why there is none: never charged, or not settled yet.
        if (row.value(2).toString() == u"by_server"_s) {
            refund.insert(u"state"_s,
                          !row.value(4).isNull()
                              ? row.value(4).toString()
                              : (row.value(5).toString() == u"cancelled"_s ? u"never_charged"_s
                                                                           : u"pending"_s));
        }
        back.append(refund);
    }
    return back;
}

} // namespace

Result<WireOrder> OrderIngest::parse(const QByteArray &body)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return Error{u"request.malformed_json"_s, tr("The body is not valid JSON at byte %1: %2")
                                                      .arg(parseError.offset)
                                                      .arg(parseError.errorString())};
    }
    if (!document.isObject())
        return Error{u"request.malformed_json"_s, tr("The body must be a JSON object.")};

    Fields fields(document.object(), QString());
    WireOrder order;
    order.canonical = document.toJson(QJsonDocument::Compact);
    const QString type = fields.text(u"type"_s, false);
    if (!type.isEmpty() && type != u"sale"_s && type != u"return"_s)
        fields.fail(u"type"_s, tr("must be sale or return"));
    order.isReturn = type == u"return"_s;
    order.id = fields.text(u"id"_s);
    if (!order.id.isEmpty() && QUuid::fromString(order.id).isNull())
        fields.fail(u"id"_s, tr("must be a UUID"));
    order.originalOrderId = fields.text(u"original_order_id"_s, order.isReturn);
    if (!order.originalOrderId.isEmpty() && !order.isReturn)
        fields.fail(u"original_order_id"_s, tr("is for returns only"));
    else if (!order.originalOrderId.isEmpty() && QUuid::fromString(order.originalOrderId).isNull())
        fields.fail(u"original_order_id"_s, tr("must be a UUID"));
    order.receiptNo = fields.text(u"receipt_no"_s);
    order.storeId = fields.text(u"store_id"_s);
    order.terminalId = fields.text(u"terminal_id"_s);
    order.cashierId = fields.text(u"cashier_id"_s);
    order.customerId = fields.text(u"customer_id"_s, false);
    order.currency = fields.text(u"currency"_s);
    order.createdAt = fields.text(u"created_at"_s);
    if (!order.createdAt.isEmpty() &&
        !QDateTime::fromString(order.createdAt, Qt::ISODateWithMs).isValid())
        fields.fail(u"created_at"_s, tr("must be an RFC 3339 time"));
    order.status = fields.text(u"status"_s);
    if (!order.status.isEmpty() && !orderStatusFromName(order.status))
        fields.fail(u"status"_s, tr("is not an order status"));
    order.version = int(fields.integer(u"version"_s, 1, 1000, false, 1));
    order.total = fields.integer(u"total"_s, 0);

    const QJsonArray lines = fields.array(u"lines"_s);
    if (!fields.error() && lines.isEmpty())
        fields.fail(u"lines"_s, tr("must hold at least one line"));
    for (qsizetype i = 0; i < lines.size() && !fields.error(); ++i) {
        const QString path = u"lines[%1]"_s.arg(i);
        if (!lines[i].isObject()) {
            fields.fail(path, tr("must be an object"));
            break;
        }
        Fields line(lines[i].toObject(), path);
        WireLine wire;
        wire.lineNo = int(line.integer(u"line_no"_s, 1, 100000));
        wire.sku = line.text(u"sku"_s);
        wire.name = line.text(u"name"_s);
        wire.unitPrice = line.integer(u"unit_price"_s, 0);
        wire.quantity = line.integer(u"quantity"_s, 1, 1'000'000);
        wire.taxRatePpm = line.integer(u"tax_rate_ppm"_s, 0, 1'000'000);
        wire.discount = line.integer(u"discount"_s, 0, kLargestJsonInteger, false);
        wire.total = line.integer(u"total"_s, 0);
        wire.originalLineNo =
            int(line.integer(u"original_line_no"_s, 1, 100000, order.isReturn, 0));
        if (!order.isReturn && wire.originalLineNo != 0)
            line.fail(u"original_line_no"_s, tr("is for returns only"));
        fields.adopt(line.error());
        order.lines.append(wire);
    }

    const QJsonArray tenders = fields.array(u"tenders"_s);
    for (qsizetype i = 0; i < tenders.size() && !fields.error(); ++i) {
        const QString path = u"tenders[%1]"_s.arg(i);
        if (!tenders[i].isObject()) {
            fields.fail(path, tr("must be an object"));
            break;
        }
        Fields tender(tenders[i].toObject(), path);
        WireTender wire;
        wire.kind = tender.text(u"kind"_s);
        if (!wire.kind.isEmpty() && !tenderKindFromName(wire.kind))
            tender.fail(u"kind"_s, tr("must be cash or card"));
        wire.amount = tender.integer(u"amount"_s, 1);
        wire.reference = tender.text(u"reference"_s, false);
        wire.needsCapture = tender.boolean(u"needs_capture"_s);
        wire.paymentToken = tender.text(u"payment_token"_s, wire.needsCapture);
        if (wire.needsCapture && !wire.kind.isEmpty() && wire.kind != u"card"_s)
            tender.fail(u"needs_capture"_s, tr("is for card tenders only"));
        fields.adopt(tender.error());
        order.tenders.append(wire);
    }

    if (!fields.error()) {
        const auto captured = std::count_if(order.tenders.cbegin(), order.tenders.cend(),
                                            [](const WireTender &t) { return t.needsCapture; });
        if (captured > 1)
            fields.fail(u"tenders"_s,
                        tr("may hold one tender that needs capture, not %1").arg(captured));
    }

    const QJsonArray events = fields.array(u"events"_s, false);
    for (qsizetype i = 0; i < events.size() && !fields.error(); ++i) {
        const QString path = u"events[%1]"_s.arg(i);
        Fields event(events[i].toObject(), path);
        WireEvent wire;
        wire.event = event.text(u"event"_s);
        if (!wire.event.isEmpty() && !orderEventFromName(wire.event))
            event.fail(u"event"_s, tr("is not an order event"));
        wire.from = event.text(u"from"_s, false);
        wire.to = event.text(u"to"_s);
        wire.version = int(event.integer(u"version"_s, 1, 1000));
        wire.actor = event.text(u"actor"_s);
        wire.approvedBy = event.text(u"approved_by"_s, false);
        wire.at = event.text(u"at"_s);
        fields.adopt(event.error());
        order.events.append(wire);
    }

    if (!fields.error()) {
        Result<std::optional<JournalLink>> journal = JournalLinks::parse(document.object());
        if (!journal)
            return journal.error();
        order.journal = *journal;
    }
    if (fields.error())
        return *fields.error();
    return order;
}

bool WireOrder::isRemote() const
{
    return status == u"CREATED"_s && needsCapture();
}

bool WireOrder::needsCapture() const
{
    return std::any_of(tenders.cbegin(), tenders.cend(),
                       [](const WireTender &tender) { return tender.needsCapture; });
}

Result<IngestAnswer> OrderIngest::ingest(const QSqlDatabase &db, const Principal &terminal,
                                         WireOrder order, const QDateTime &at,
                                         const std::optional<IdempotencySlot> &slot,
                                         std::chrono::seconds sagaLease)
{
    if (!terminal.isTerminal()) {
        return Error{u"auth.forbidden"_s, tr("Only an enrolled terminal may send its orders.")};
    }
    if (order.storeId != terminal.storeId || order.terminalId != terminal.name) {
        return Error{u"auth.forbidden"_s,
                     tr("This terminal is %1 of store %2; it cannot send orders of %3 of store %4.")
                         .arg(terminal.name, terminal.storeId, order.terminalId, order.storeId)};
    }
    Result<ReceiptNumber> receipt = ReceiptNumber::parse(order.receiptNo);
    if (!receipt || receipt->store() != order.storeId || receipt->terminal() != order.terminalId) {
        return Error{u"request.invalid_field"_s,
                     tr("\"receipt_no\" %1 does not belong to %2-%3")
                         .arg(order.receiptNo, order.storeId, order.terminalId)};
    }
    Result<StoreSpec> store = Principals::store(db, order.storeId);
    if (!store)
        return store.error();
    Result<Currency> currency = Currency::fromCode(order.currency);
    if (!currency) {
        return Error{u"request.invalid_field"_s,
                     tr("\"currency\" %1 is not a supported ISO 4217 code").arg(order.currency)};
    }
    if (order.currency != store->currency) {
        return Error{u"order.currency_mismatch"_s,
                     tr("\"currency\" is %1 but store %2 sells in %3")
                         .arg(order.currency, store->id, store->currency)};
    }

    // Recompute every line with the domain's tax rules; the terminal's figures must agree. A
    // return's lines are the shares of the sold lines they give back, checked against the sale
    // once the transaction holds it (ReturnCheck).
    qint64 sum = 0;
    qint64 subtotal = 0;
    qint64 discounts = 0;
    qint64 tax = 0;
    for (qsizetype i = 0; i < order.lines.size(); ++i) {
        WireLine &line = order.lines[i];
        qint64 listTotal = 0;
        if (__builtin_mul_overflow(line.unitPrice, line.quantity, &listTotal) ||
            line.discount > listTotal) {
            return totalsMismatch(
                tr("\"lines[%1]\": the discount exceeds unit_price × quantity").arg(i));
        }
        Result<TaxRate> rate = TaxRate::fromPartsPerMillion(line.taxRatePpm);
        if (!rate)
            return rate.error();
        Result<TaxedAmount> taxed =
            applyTax(Money(listTotal - line.discount, *currency), *rate, store->policy);
        if (!taxed)
            return taxed.error();
        if (!order.isReturn && taxed->gross.minorUnits() != line.total) {
            return totalsMismatch(tr("\"lines[%1].total\" is %2 but the line comes to %3")
                                      .arg(i)
                                      .arg(line.total)
                                      .arg(taxed->gross.minorUnits()));
        }
        line.tax = taxed->tax.minorUnits();
        sum += line.total;
        subtotal += listTotal;
        discounts += line.discount;
        tax += line.tax;
    }
    if (sum != order.total) {
        return totalsMismatch(
            tr("\"total\" is %1 but the lines add up to %2").arg(order.total).arg(sum));
    }
    qint64 tendered = 0;
    for (const WireTender &tender : order.tenders)
        tendered += tender.amount;
    if (order.status != u"CREATED"_s && tendered < order.total) {
        return totalsMismatch(
            tr("the tenders (%1) do not cover \"total\" (%2)").arg(tendered).arg(order.total));
    }
    if (order.isReturn &&
        (order.needsCapture() || tendered != order.total || order.status != u"COMPLETED"_s)) {
        return totalsMismatch(tr("a return arrives COMPLETED with what was paid back (%1) equal "
                                 "to \"total\" (%2) and nothing to capture")
                                  .arg(tendered)
                                  .arg(order.total));
    }
    if (order.isRemote() && (tendered != order.total || order.version != 1)) {
        return totalsMismatch(tr("a remote order is placed at version 1 with tenders (%1) equal "
                                 "to \"total\" (%2)")
                                  .arg(tendered)
                                  .arg(order.total));
    }

    // Its history must be one the state machine can produce, ending where the order says it is.
    if (Result<void> history = HistoryCheck::verify(order); !history)
        return history.error();

    Transaction transaction(db);
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
        known
            ? Result<QSqlQuery>(Error{u"server.conflict"_s, QString()})
            : execSql(
                  db,
                  u"INSERT INTO orders (id, terminal_id, store_id, receipt_no, cashier_id, "
                  "customer_id, currency, subtotal_minor, discount_minor, tax_minor, "
                  "total_minor, status, version, created_at, received_at, journal_seq, "
                  "journal_hash, kind, original_order_id) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING seq"_s,
                  {order.id, terminal.id, order.storeId, order.receiptNo, order.cashierId,
                   order.customerId.isEmpty() ? QVariant() : QVariant(order.customerId),
                   order.currency, subtotal, discounts, tax, order.total, order.status,
                   order.version, order.createdAt, timeText(at),
                   order.journal ? QVariant(order.journal->seq) : QVariant(),
                   order.journal ? QVariant(order.journal->hash) : QVariant(),
                   order.isReturn ? u"return"_s : u"sale"_s,
                   order.isReturn ? QVariant(order.originalOrderId) : QVariant()});
    if (!inserted) {
        if (inserted.error().code != u"server.conflict"_s)
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
        QMap<QString, qint64> sold;
        for (const WireLine &line : std::as_const(order.lines)) {
            Result<QSqlQuery> ran =
                execSql(db,
                        u"INSERT INTO order_lines (order_id, line_no, sku, name, unit_price_minor, "
                        "quantity, tax_rate_ppm, discount_minor, tax_minor, total_minor, "
                        "original_line_no) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
                        {order.id, line.lineNo, line.sku, line.name, line.unitPrice, line.quantity,
                         line.taxRatePpm, line.discount, line.tax, line.total,
                         line.originalLineNo > 0 ? QVariant(line.originalLineNo) : QVariant()});
            if (!ran) {
                if (ran.error().code == u"server.conflict"_s) {
                    return Error{u"request.invalid_field"_s,
                                 tr("\"lines\": line_no %1 appears twice").arg(line.lineNo)};
                }
                return ran.error();
            }
            sold[line.sku] += line.quantity;
        }
        int seq = 0;
        for (const WireTender &tender : std::as_const(order.tenders)) {
            Result<QSqlQuery> ran = execSql(
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
        for (const WireEvent &event : std::as_const(order.events)) {
            Result<QSqlQuery> ran = execSql(
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
            order.isRemote()
                ? StockLedger::reserve(db, order.id, order.storeId, taken, at)
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
        if (Result<qint64> appended = EventOutbox::append(
                db, EventOutbox::typeFor(OrderEvent::Place), order.id, order.storeId, placed, at);
            !appended) {
            return appended.error();
        }
    }

    // A new order is answered from what was just written; a known one is read back.
    QJsonObject answer;
    if (status == 201) {
        answer = QJsonObject{{u"order_no"_s, orderNo},          {u"id"_s, order.id},
                             {u"store_id"_s, order.storeId},    {u"receipt_no"_s, order.receiptNo},
                             {u"status"_s, order.status},       {u"version"_s, order.version},
                             {u"total"_s, order.total},         {u"currency"_s, order.currency},
                             {u"created_at"_s, order.createdAt}};
        if (order.isReturn) {
            answer.insert(u"type"_s, u"return"_s);
            answer.insert(u"original_order_id"_s, order.originalOrderId);
        }
    } else {
        Result<QJsonObject> stored = orderJson(db, order.id);
        if (!stored)
            return stored.error();
        answer = *stored;
    }
    const QByteArray body = QJsonDocument(answer).toJson(QJsonDocument::Compact);
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

Result<QJsonObject> OrderIngest::orderJson(const QSqlDatabase &db, const QString &orderId)
{
    Result<QSqlQuery> found =
        execSql(db,
                u"SELECT seq, id, store_id, receipt_no, status, version, total_minor, currency, "
                "created_at, kind, original_order_id FROM orders WHERE id = ?"_s,
                {orderId});
    if (!found)
        return found.error();
    QSqlQuery &row = found.value();
    if (!row.next())
        return Error{u"order.not_found"_s, tr("There is no order %1.").arg(orderId)};
    return summaryJson(row);
}

QJsonObject OrderIngest::summaryJson(const QSqlQuery &row)
{
    QJsonObject order{
        {u"order_no"_s, row.value(0).toLongLong()}, {u"id"_s, row.value(1).toString()},
        {u"store_id"_s, row.value(2).toString()},   {u"receipt_no"_s, row.value(3).toString()},
        {u"status"_s, row.value(4).toString()},     {u"version"_s, row.value(5).toInt()},
        {u"total"_s, row.value(6).toLongLong()},    {u"currency"_s, row.value(7).toString()},
        {u"created_at"_s, row.value(8).toString()}};
    if (row.value(9).toString() == u"return"_s) {
        order.insert(u"type"_s, u"return"_s);
        order.insert(u"original_order_id"_s, row.value(10).toString());
    }
    return order;
}

Result<QJsonObject> OrderIngest::orderDetailJson(const QSqlDatabase &db, const QString &orderId)
{
    Result<QJsonObject> found = orderJson(db, orderId);
    if (!found)
        return found;
    QJsonObject detail = *found;
    QJsonObject *order = &detail;
    Result<QSqlQuery> head =
        execSql(db,
                u"SELECT p.name, o.cashier_id, o.customer_id, o.tax_minor FROM orders o "
                "JOIN principals p ON p.id = o.terminal_id WHERE o.id = ?"_s,
                {orderId});
    if (!head)
        return head.error();
    if (head.value().next()) {
        order->insert(u"terminal_id"_s, head.value().value(0).toString());
        order->insert(u"cashier_id"_s, head.value().value(1).toString());
        if (!head.value().value(2).isNull())
            order->insert(u"customer_id"_s, head.value().value(2).toString());
        order->insert(u"tax"_s, head.value().value(3).toLongLong());
    }
    head.value().finish();
    Result<QSqlQuery> lines = execSql(
        db,
        u"SELECT line_no, sku, name, unit_price_minor, quantity, tax_rate_ppm, discount_minor, "
        "tax_minor, total_minor, original_line_no FROM order_lines WHERE order_id = ? "
        "ORDER BY line_no"_s,
        {orderId});
    if (!lines)
        return lines.error();
    QJsonArray lineList;
    while (lines.value().next()) {
        const QSqlQuery &l = lines.value();
        QJsonObject line{
            {u"line_no"_s, l.value(0).toInt()},       {u"sku"_s, l.value(1).toString()},
            {u"name"_s, l.value(2).toString()},       {u"unit_price"_s, l.value(3).toLongLong()},
            {u"quantity"_s, l.value(4).toLongLong()}, {u"tax_rate_ppm"_s, l.value(5).toLongLong()},
            {u"discount"_s, l.value(6).toLongLong()}, {u"tax"_s, l.value(7).toLongLong()},
            {u"total"_s, l.value(8).toLongLong()}};
        if (!l.value(9).isNull())
            line.insert(u"original_line_no"_s, l.value(9).toInt());
        lineList.append(line);
    }
    lines.value().finish();
    Result<QSqlQuery> tenders = execSql(
        db,
        u"SELECT kind, amount_minor, reference, needs_capture FROM tenders WHERE order_id = ? "
        "ORDER BY seq"_s,
        {orderId});
    if (!tenders)
        return tenders.error();
    QJsonArray tenderList;
    while (tenders.value().next()) {
        const QSqlQuery &t = tenders.value();
        tenderList.append(QJsonObject{{u"kind"_s, t.value(0).toString()},
                                      {u"amount"_s, t.value(1).toLongLong()},
                                      {u"reference"_s, t.value(2).toString()},
                                      {u"needs_capture"_s, t.value(3).toInt() == 1}});
    }
    tenders.value().finish();
    Result<QSqlQuery> events =
        execSql(db,
                u"SELECT version, event, from_status, to_status, actor_id, approved_by, at "
                "FROM order_events WHERE order_id = ? ORDER BY version"_s,
                {orderId});
    if (!events)
        return events.error();
    QJsonArray eventList;
    while (events.value().next()) {
        const QSqlQuery &e = events.value();
        QJsonObject event{{u"version"_s, e.value(0).toInt()},
                          {u"event"_s, e.value(1).toString()},
                          {u"to"_s, e.value(3).toString()},
                          {u"actor"_s, e.value(4).toString()},
                          {u"at"_s, e.value(6).toString()}};
        if (!e.value(2).isNull())
            event.insert(u"from"_s, e.value(2).toString());
        if (!e.value(5).isNull())
            event.insert(u"approved_by"_s, e.value(5).toString());
        eventList.append(event);
    }
    events.value().finish();
    Result<QJsonArray> back = moneyBackJson(db, orderId);
    if (!back)
        return back.error();
    order->insert(u"lines"_s, lineList);
    order->insert(u"tenders"_s, tenderList);
    order->insert(u"events"_s, eventList);
    if (!back->isEmpty())
        order->insert(u"refunds"_s, *back);
    return detail;
}

} // namespace counterline::server
