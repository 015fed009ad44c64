#include "store/order_store.h"

#include "sqlkit/statement.h"
#include "sqlkit/time_text.h"
#include "sqlkit/transaction.h"
#include "store/order_record.h"
#include "store/outbox_store.h"
#include "store/return_source.h"
#include "store/sale_undo.h"
#include "store/sql.h"
#include "store/sync_cursors.h"
#include "store/terminal_identity.h"

#include <QCoreApplication>
#include <QMap>

using namespace Qt::StringLiterals;

namespace counterline::store {

namespace {

QString idText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

Result<void> insertOrderRow(const QSqlDatabase &db, const Order &order, qint64 sequence)
{
    Result<qint64> ran = execute(
        db,
        u"INSERT INTO orders (id, receipt_no, receipt_seq, store_id, terminal_id, cashier_id, "
        "customer_id, currency, tax_mode, rounding, subtotal_minor, discount_minor, net_minor, "
        "tax_minor, total_minor, change_minor, status, version, created_at, updated_at, kind, "
        "original_order_id) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'CREATED', 1, ?, ?, ?, ?)"_s,
        {idText(order.id()),
         order.receiptNumber().toString(),
         sequence,
         order.storeId(),
         order.terminalId(),
         order.cashierId(),
         order.customerId().isEmpty() ? QVariant() : QVariant(order.customerId()),
         order.currency().code(),
         order.policy().taxMode == TaxMode::PricesIncludeTax ? u"inclusive"_s : u"exclusive"_s,
         roundingRuleName(order.policy().rounding),
         order.subtotal().minorUnits(),
         order.discount().minorUnits(),
         order.net().minorUnits(),
         order.tax().minorUnits(),
         order.total().minorUnits(),
         order.change().minorUnits(),
         sqlkit::timeText(order.createdAt()),
         sqlkit::timeText(order.createdAt()),
         orderKindName(order.kind()),
         order.originalOrderId().isNull() ? QVariant()
                                          : QVariant(idText(order.originalOrderId()))});
    return ran ? success() : Result<void>(ran.error());
}

Result<void> insertLinesAndTenders(const QSqlDatabase &db, const Order &order)
{
    const QString id = idText(order.id());
    for (const OrderLine &line : order.lines()) {
        Result<qint64> ran = execute(
            db,
            u"INSERT INTO order_lines (order_id, line_no, sku, name, unit_price_minor, quantity, "
            "tax_rate_ppm, discount_minor, net_minor, tax_minor, total_minor, original_line_no) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
            {id, line.lineNo, line.sku, line.name, line.unitPrice.minorUnits(), line.quantity,
             line.taxRate.partsPerMillion(), line.discount.minorUnits(), line.net.minorUnits(),
             line.tax.minorUnits(), line.total.minorUnits(),
             line.originalLineNo > 0 ? QVariant(line.originalLineNo) : QVariant()});
        if (!ran)
            return ran.error();
    }
    int seq = 0;
    for (const Tender &tender : order.tenders()) {
        Result<qint64> ran = execute(
            db,
            u"INSERT INTO tenders (order_id, seq, kind, amount_minor, reference, needs_capture) "
            "VALUES (?, ?, ?, ?, ?, ?)"_s,
            {id, ++seq, tenderKindName(tender.kind), tender.amount.minorUnits(),
             tender.reference.isEmpty() ? QVariant() : QVariant(tender.reference),
             tender.needsCapture ? 1 : 0});
        if (!ran)
            return ran.error();
    }
    return success();
}

Result<void> insertEvent(const QSqlDatabase &db, const QString &orderId,
                         const OrderEventRecord &event)
{
    Result<qint64> ran = execute(
        db,
        u"INSERT INTO order_events (order_id, version, event, from_status, to_status, actor_id, "
        "approved_by, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s,
        {orderId, event.version, orderEventName(event.event),
         event.from ? QVariant(orderStatusName(*event.from)) : QVariant(),
         orderStatusName(event.to), event.actor.userId,
         event.actor.approvedBy.isEmpty() ? QVariant() : QVariant(event.actor.approvedBy),
         sqlkit::timeText(event.at)});
    return ran ? success() : Result<void>(ran.error());
}

// Moves the order row to the event's status with optimistic locking: 0 rows means someone else
// changed the order since `expectedVersion` was read.
Result<void> moveOrder(const QSqlDatabase &db, const QString &orderId, int expectedVersion,
                       const OrderEventRecord &event)
{
    Result<qint64> ran = execute(
        db,
        u"UPDATE orders SET status = ?, version = ?, updated_at = ? WHERE id = ? AND version = ?"_s,
        {orderStatusName(event.to), event.version, sqlkit::timeText(event.at), orderId,
         expectedVersion});
    if (!ran)
        return ran.error();
    if (ran.value() != 1) {
        return Error{u"store.version_conflict"_s,
                     QCoreApplication::translate("counterline::store::OrderStore",
                                                 "Order %1 was changed by someone else (it is no "
                                                 "longer at version %2). Reload it and decide "
                                                 "again.")
                         .arg(orderId)
                         .arg(expectedVersion)};
    }
    return success();
}

// The receipt number the next order of this terminal takes (gapless; writeNewOrder advances it).
Result<ReceiptNumber> nextReceipt(const QSqlDatabase &db, const TerminalIdentity &terminal)
{
    Result<QVariant> sequence = selectReusedValue(db, u"SELECT next_receipt_seq FROM terminal"_s);
    if (!sequence)
        return sequence.error();
    return ReceiptNumber::make(terminal.storeId, terminal.terminalId, sequence->toLongLong());
}

// Sold quantities leave stock, returned ones come back; a product without a stock row starts
// one below zero (selling what the system thought was not there is allowed at a counter, and
// visible).
Result<void> moveStock(const QSqlDatabase &db, const Order &order)
{
    const qint64 direction = order.kind() == OrderKind::Return ? 1 : -1;
    QMap<QString, qint64> moved;
    for (const OrderLine &line : order.lines())
        moved[line.sku] += direction * line.quantity;
    for (auto it = moved.cbegin(); it != moved.cend(); ++it) {
        Result<qint64> ran =
            execute(db,
                    u"INSERT INTO stock (sku, on_hand) SELECT sku, ? FROM products WHERE sku = ? "
                    "ON CONFLICT (sku) DO UPDATE SET on_hand = stock.on_hand + excluded.on_hand"_s,
                    {it.value(), it.key()});
        if (!ran)
            return ran.error();
    }
    return success();
}

} // namespace

OrderStore::OrderStore(const Database &database, const Clock &clock, IdSource &ids)
    : m_db(database.connection())
    , m_clock(clock)
    , m_ids(ids)
{}

Result<CheckoutResult> OrderStore::checkout(const Cart &cart, const CheckoutRequest &request)
{
    sqlkit::Transaction transaction(m_db);
    if (Result<void> begun = transaction.begin(); !begun)
        return begun.error();

    Result<TerminalIdentity> terminal = TerminalSettings::load(m_db);
    if (!terminal)
        return terminal.error();
    if (cart.currency() != terminal->currency || cart.policy() != terminal->policy) {
        return Error{u"checkout.cart_mismatch"_s,
                     tr("The cart is in %1 but this terminal sells in %2.")
                         .arg(cart.currency().code(), terminal->currency.code())};
    }
    Result<ReceiptNumber> receipt = nextReceipt(m_db, *terminal);
    if (!receipt)
        return receipt.error();

    const QDateTime now = m_clock.now();
    const OrderHeader header{m_ids.next(), *receipt, request.cashierId, request.customerId, now};
    Result<Order> placed = Order::place(cart, header, request.actor);
    if (!placed)
        return placed.error();
    Result<Order> paid = placed->pay(request.tenders, request.actor, now);
    if (!paid)
        return paid.error();

    Result<CheckoutResult> written = writeNewOrder(*paid, receipt->sequence(), now);
    if (!written)
        return written.error();
    Result<qint64> closed = execute(
        m_db, u"UPDATE carts SET status = 'closed', order_id = ?, updated_at = ? WHERE id = ?"_s,
        {idText(paid->id()), sqlkit::timeText(now), idText(cart.id())});
    if (!closed)
        return closed.error();
    if (Result<void> committed = transaction.commit(); !committed)
        return committed.error();
    return written;
}

Result<CheckoutResult> OrderStore::recordReturn(const ReturnRequest &request)
{
    sqlkit::Transaction transaction(m_db);
    if (Result<void> begun = transaction.begin(); !begun)
        return begun.error();
    Result<TerminalIdentity> terminal = TerminalSettings::load(m_db);
    if (!terminal)
        return terminal.error();
    Result<ReturnSource> sale = ReturnSources::load(m_db, request.originalOrderId);
    if (!sale)
        return sale.error();
    Result<ReceiptNumber> receipt = nextReceipt(m_db, *terminal);
    if (!receipt)
        return receipt.error();

    // Placed, paid back and the goods taken back, at once: the customer is at the counter.
    const QDateTime now = m_clock.now();
    const OrderHeader header{m_ids.next(), *receipt, request.actor.userId, {}, now};
    Result<Order> placed = Order::placeReturn(*sale, request.items, header, request.actor);
    if (!placed)
        return placed.error();
    Result<Order> paidBack = placed->pay(request.refunds, request.actor, now);
    if (!paidBack)
        return paidBack.error();
    Result<Order> taken = paidBack->apply(OrderEvent::HandOver, request.actor, now);
    if (!taken)
        return taken.error();

    Result<CheckoutResult> written = writeNewOrder(*taken, receipt->sequence(), now);
    if (!written)
        return written.error();
    if (Result<void> committed = transaction.commit(); !committed)
        return committed.error();
    return written;
}

Result<CheckoutResult> OrderStore::writeNewOrder(const Order &order, qint64 receiptSequence,
                                                 const QDateTime &now)
{
    const QString orderId = idText(order.id());
    if (Result<void> ok = insertOrderRow(m_db, order, receiptSequence); !ok)
        return ok.error();
    if (Result<void> ok = insertLinesAndTenders(m_db, order); !ok)
        return ok.error();
    int version = 0;
    for (const OrderEventRecord &event : order.events()) {
        if (Result<void> ok = insertEvent(m_db, orderId, event); !ok)
            return ok.error();
        if (event.from) {
            if (Result<void> ok = moveOrder(m_db, orderId, version, event); !ok)
                return ok.error();
        }
        version = event.version;
    }

    // The journal's "sale" entries are the new orders of the till; the record's type says
    // whether it sold or took back.
    const QByteArray record = saleRecord(order);
    Result<JournalEntry> journal = Journal::append(m_db, orderId, u"sale"_s, record, now);
    if (!journal)
        return journal.error();
    const QUuid key = m_ids.next();
    // The catalog the sale was priced from, for the server's comparison (issue 20).
    Result<QString> catalog = SyncCursors::load(m_db, SyncCursors::kCatalog);
    if (!catalog)
        return catalog.error();
    bool pulled = false;
    const qint64 catalogVersion = catalog->toLongLong(&pulled);
    const QByteArray payload = newOrderPayload(
        record, *journal,
        pulled && catalogVersion > 0 ? std::optional(catalogVersion) : std::nullopt);
    if (Result<void> ok = OutboxStore::enqueue(m_db, orderId, u"create"_s, key, payload, now); !ok)
        return ok.error();
    if (Result<void> ok = moveStock(m_db, order); !ok)
        return ok.error();
    Result<qint64> advanced =
        execute(m_db, u"UPDATE terminal SET next_receipt_seq = next_receipt_seq + 1"_s);
    if (!advanced)
        return advanced.error();
    return CheckoutResult{order, *journal, key};
}

Result<int> OrderStore::applyEvent(const QUuid &orderId, int expectedVersion, OrderEvent event,
                                   const Actor &actor, const QList<TenderRefund> &refunds)
{
    const QString id = idText(orderId);
    sqlkit::Transaction transaction(m_db);
    if (Result<void> begun = transaction.begin(); !begun)
        return begun.error();
    Result<QSqlQuery> found =
        sqlkit::exec(m_db,
                     u"SELECT o.status, o.version, o.kind, (SELECT count(*) FROM orders r "
                     "WHERE r.original_order_id = o.id) FROM orders o WHERE o.id = ?"_s,
                     {id});
    if (!found)
        return found.error();
    if (!found.value().next())
        return Error{u"store.no_such_order"_s, tr("There is no order %1.").arg(id)};
    Result<OrderStatus> status = orderStatusFromName(found.value().value(0).toString());
    if (!status)
        return status.error();
    const int version = found.value().value(1).toInt();
    const bool isReturn = found.value().value(2).toString() == u"return"_s;
    const bool hasReturns = found.value().value(3).toLongLong() > 0;
    found.value().finish();
    if (version != expectedVersion) {
        return Error{u"store.version_conflict"_s,
                     tr("Order %1 was changed by someone else (it is at version %2, not %3). "
                        "Reload it and decide again.")
                         .arg(id)
                         .arg(version)
                         .arg(expectedVersion)};
    }
    Result<OrderStatus> next = nextOrderStatus(*status, event);
    if (!next)
        return next.error();
    // A return paid back already; a sale with returns paid back part of its money already.
    if (isReturn && event == OrderEvent::Refund) {
        return Error{
            u"return.not_refundable"_s,
            tr("Order %1 is a return: it paid back already and cannot be refunded.").arg(id)};
    }
    if (hasReturns && (event == OrderEvent::Refund || event == OrderEvent::Cancel)) {
        return Error{u"return.partly_returned"_s,
                     tr("Order %1 has returns already; it cannot be cancelled or refunded in "
                        "full. Return the remaining items instead.")
                         .arg(id)};
    }

    const QDateTime now = m_clock.now();
    const bool undone = event == OrderEvent::Cancel || event == OrderEvent::Refund;
    if (!refunds.isEmpty() && !undone) {
        return Error{u"store.refund_without_reversal"_s,
                     tr("Money goes back only with a Cancel or a Refund of the whole sale.")};
    }
    const OrderEventRecord record{*status, *next, event, version + 1, actor, now};
    if (Result<void> ok = insertEvent(m_db, id, record); !ok)
        return ok.error();
    if (Result<void> ok = moveOrder(m_db, id, expectedVersion, record); !ok)
        return ok.error();
    if (undone) {
        if (Result<void> ok = SaleUndo::recordRefunds(m_db, id, refunds, now); !ok)
            return ok.error();
        if (Result<void> ok = SaleUndo::restock(m_db, id); !ok)
            return ok.error();
    }
    Result<JournalEntry> journal =
        Journal::append(m_db, id, u"event"_s, eventRecord(id, record, refunds), now);
    if (!journal)
        return journal.error();
    const QString kind = event == OrderEvent::Cancel ? u"cancel"_s : u"event"_s;
    if (Result<void> ok =
            OutboxStore::enqueue(m_db, id, kind, m_ids.next(),
                                 eventPayload(id, record, expectedVersion, *journal, refunds), now);
        !ok)
        return ok.error();
    if (Result<void> committed = transaction.commit(); !committed)
        return committed.error();
    return record.version;
}

Result<CentralChangesApplied> OrderStore::applyCentralChanges(const QList<CentralChange> &changes,
                                                              const QString &cursor)
{
    sqlkit::Transaction transaction(m_db);
    if (Result<void> begun = transaction.begin(); !begun)
        return begun.error();
    CentralChangesApplied outcome;
    for (const CentralChange &change : changes) {
        Result<QSqlQuery> found = sqlkit::exec(
            m_db,
            u"SELECT o.status, o.version, (SELECT e.event FROM order_events e "
            "WHERE e.order_id = o.id AND e.version = ?), (SELECT count(*) FROM orders r "
            "WHERE r.original_order_id = o.id) FROM orders o WHERE o.id = ?"_s,
            {change.version, change.orderId});
        if (!found)
            return found.error();
        if (!found.value().next()) {
            ++outcome.notHere;
            continue;
        }
        const QString status = found.value().value(0).toString();
        const int version = found.value().value(1).toInt();
        const QString eventHere = found.value().value(2).toString();
        // Money went back here for part of the sale: a central cancel or full refund would give it
        // back twice. The server refuses that for the returns it holds; one still on its way meets
        // the change here.
        const bool returnedHere =
            found.value().value(3).toLongLong() > 0 &&
            (change.event == OrderEvent::Cancel || change.event == OrderEvent::Refund);
        found.value().finish();
        if (version >= change.version && eventHere == orderEventName(change.event)) {
            ++outcome.alreadyHeld;
            continue;
        }
        if (version == change.version - 1 && status == orderStatusName(change.from) &&
            !returnedHere) {
            const OrderEventRecord record{change.from,
                                          change.to,
                                          change.event,
                                          change.version,
                                          Actor{u"server:"_s + change.actor, {}},
                                          change.at};
            if (Result<void> ok = insertEvent(m_db, change.orderId, record); !ok)
                return ok.error();
            if (Result<void> ok = moveOrder(m_db, change.orderId, version, record); !ok)
                return ok.error();
            Result<qint64> noted =
                execute(m_db, u"UPDATE orders SET server_version = ? WHERE id = ?"_s,
                        {change.version, change.orderId});
            if (!noted)
                return noted.error();
            ++outcome.applied;
            continue;
        }
        outcome.conflicts.append(
            returnedHere
                ? tr("Order %1 has items returned here, but the server moved it from %2 to %3 at "
                     "version %4 (by %5): the money of the returned items would go back twice.")
                      .arg(change.orderId, orderStatusName(change.from), orderStatusName(change.to))
                      .arg(change.version)
                      .arg(change.actor)
                : tr("Order %1 is %2 at version %3 here, but the server moved it from %4 to %5 "
                     "at version %6 (by %7).")
                      .arg(change.orderId, status)
                      .arg(version)
                      .arg(orderStatusName(change.from), orderStatusName(change.to))
                      .arg(change.version)
                      .arg(change.actor));
        Result<qint64> flagged =
            execute(m_db, u"UPDATE orders SET sync_state = 'needs_attention' WHERE id = ?"_s,
                    {change.orderId});
        if (!flagged)
            return flagged.error();
    }
    if (Result<void> saved =
            SyncCursors::save(m_db, SyncCursors::kOrderChanges, cursor, m_clock.now());
        !saved) {
        return saved.error();
    }
    if (Result<void> committed = transaction.commit(); !committed)
        return committed.error();
    return outcome;
}

} // namespace counterline::store
