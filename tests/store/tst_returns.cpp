#include "sqlkit/statement.h"
#include "store/journal.h"
#include "store/order_details.h"
#include "store/return_source.h"
#include "store/sales_report.h"
#include "store/shift_store.h"
#include "store/user_store.h"
#include "store_fixture.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace counterline;
using namespace counterline::testing;
using namespace Qt::StringLiterals;

namespace {

const Actor kManager{u"cashier-1"_s, u"manager-1"_s};

QString idOf(const Order &order)
{
    return order.id().toString(QUuid::WithoutBraces);
}

Money euros(qint64 minor)
{
    return Money(minor, *Currency::fromCode(u"EUR"));
}

} // namespace

class ReturnsTest : public QObject
{
    Q_OBJECT

    // 3 Brot (7 %) and 2 Wein (19 %), paid in cash and handed over: a completed sale.
    Order completedSale(StoreFixture &f)
    {
        const Order sold = f.sell(f.cart({{"BROT", 3}, {"WEIN", 2}})).value().order;
        store::OrderStore orders(*f.database, f.clock, f.ids);
        if (!orders.applyEvent(sold.id(), sold.version(), OrderEvent::HandOver, kManager))
            qFatal("cannot hand the sale over");
        return sold;
    }

    Result<store::CheckoutResult> giveBack(StoreFixture &f, const Order &sale,
                                           const QList<ReturnItem> &items,
                                           std::optional<qint64> refund = std::nullopt)
    {
        Result<ReturnSource> source = store::ReturnSources::load(f.db(), idOf(sale));
        if (!source)
            return source.error();
        Result<Order> preview = store::ReturnSources::preview(*source, items, f.clock.now());
        const qint64 amount = refund ? *refund : (preview ? preview->total().minorUnits() : 1);
        store::OrderStore orders(*f.database, f.clock, f.ids);
        f.clock.advanceMs(1000);
        return orders.recordReturn(
            {idOf(sale), items, {Tender{TenderKind::Cash, euros(amount), {}, false}}, kManager});
    }

    // Everything a failed return must leave as it was.
    QList<qint64> footprint(StoreFixture &f)
    {
        return {f.count(u"SELECT count(*) FROM orders"_s),
                f.count(u"SELECT count(*) FROM order_lines"_s),
                f.count(u"SELECT count(*) FROM tenders"_s),
                f.count(u"SELECT count(*) FROM order_events"_s),
                f.count(u"SELECT count(*) FROM outbox"_s),
                f.count(u"SELECT count(*) FROM journal"_s),
                f.count(u"SELECT sum(on_hand) FROM stock"_s),
                f.count(u"SELECT next_receipt_seq FROM terminal"_s)};
    }

private slots:
    void aReturnIsANewOrderLinkedToTheSaleWrittenAtOnce()
    {
        StoreFixture f;
        const Order sale = completedSale(f);
        const qint64 breadBefore = f.count(u"SELECT on_hand FROM stock WHERE sku = 'BROT'"_s);
        const qint64 seqBefore = f.count(u"SELECT next_receipt_seq FROM terminal"_s);

        const Result<store::CheckoutResult> back = giveBack(f, sale, {{1, 2}});
        QVERIFY2(back.ok(), back.ok() ? "" : qPrintable(back.error().message));
        const Order &order = back->order;
        QCOMPARE(order.kind(), OrderKind::Return);
        QCOMPARE(order.status(), OrderStatus::Completed);
        QCOMPARE(order.receiptNumber().sequence(), seqBefore);
        // Two of three loaves: 2 × 2.49 = 4.98.
        QCOMPARE(order.total(), euros(498));
        const QString id = idOf(order);
        QCOMPARE(f.count(u"SELECT count(*) FROM orders WHERE id = '%1' AND kind = 'return' AND "
                         "original_order_id = '%2' AND status = 'COMPLETED' AND version = 3"_s.arg(
                             id, idOf(sale))),
                 1);
        QCOMPARE(
            f.count(u"SELECT original_line_no FROM order_lines WHERE order_id = '%1'"_s.arg(id)),
            1);
        QCOMPARE(f.count(u"SELECT amount_minor FROM tenders WHERE order_id = '%1'"_s.arg(id)), 498);
        QCOMPARE(f.count(u"SELECT count(*) FROM order_events WHERE order_id = '%1'"_s.arg(id)), 3);
        QCOMPARE(f.count(u"SELECT on_hand FROM stock WHERE sku = 'BROT'"_s), breadBefore + 2);
        QCOMPARE(f.count(u"SELECT next_receipt_seq FROM terminal"_s), seqBefore + 1);

        // The outbox carries it to the server as a return of the sale.
        const QString payload =
            sqlkit::selectValue(f.db(), u"SELECT payload FROM outbox WHERE order_id = ?"_s, {id})
                .value()
                .toString();
        const QJsonObject record =
            QJsonDocument::fromJson(payload.toUtf8()).object().value(u"order"_s).toObject();
        QCOMPARE(record.value(u"type"_s).toString(), u"return"_s);
        QCOMPARE(record.value(u"original_order_id"_s).toString(), idOf(sale));
        QCOMPARE(record.value(u"lines"_s).toArray().at(0).toObject().value(u"original_line_no"_s),
                 QJsonValue(1));

        // The sale did not change, and the journal still holds.
        QCOMPARE(f.count(u"SELECT version FROM orders WHERE id = '%1'"_s.arg(idOf(sale))), 3);
        const Result<store::JournalVerification> verified = store::Journal::verify(f.db());
        QVERIFY(verified.ok() && verified->ok());
        QCOMPARE(verified->entries, f.count(u"SELECT count(*) FROM journal"_s));
    }

    void theDetailShowsBothSidesOfTheLink()
    {
        StoreFixture f;
        const Order sale = completedSale(f);
        const Order back = giveBack(f, sale, {{2, 1}}).value().order;
        const store::OrderDetail saleDetail = *store::OrderDetails::load(*f.database, idOf(sale));
        QCOMPARE(saleDetail.returns.size(), 1);
        QCOMPARE(saleDetail.returns.at(0).orderId, idOf(back));
        QCOMPARE(saleDetail.returns.at(0).totalMinor, back.total().minorUnits());
        QCOMPARE(saleDetail.lines.at(1).returned, 1);
        QCOMPARE(saleDetail.lines.at(0).returned, 0);
        const store::OrderDetail returnDetail = *store::OrderDetails::load(*f.database, idOf(back));
        QVERIFY(returnDetail.summary.isReturn);
        QCOMPARE(returnDetail.originalOrderId, idOf(sale));
        QCOMPARE(returnDetail.originalReceiptNo, sale.receiptNumber().toString());
        QCOMPARE(returnDetail.lines.at(0).originalLineNo, 2);
        const store::OrderPage page = *store::OrderHistory(*f.database).page({}, std::nullopt);
        QCOMPARE(page.orders.size(), 2);
        QVERIFY(page.orders.at(0).isReturn);
        QVERIFY(!page.orders.at(1).isReturn);
    }

    void returnsOfEveryUnitGiveBackExactlyWhatWasPaid()
    {
        StoreFixture f;
        const Order sale = completedSale(f);
        qint64 paidBack = 0;
        for (const QList<ReturnItem> &items :
             {QList<ReturnItem>{{1, 1}}, QList<ReturnItem>{{1, 1}, {2, 1}},
              QList<ReturnItem>{{1, 1}, {2, 1}}}) {
            const Result<store::CheckoutResult> back = giveBack(f, sale, items);
            QVERIFY2(back.ok(), back.ok() ? "" : qPrintable(back.error().message));
            paidBack += back->order.total().minorUnits();
        }
        QCOMPARE(paidBack, sale.total().minorUnits());
        const Result<store::CheckoutResult> more = giveBack(f, sale, {{1, 1}});
        QCOMPARE(more.error().code, u"return.too_many"_s);
    }

    void moreThanWasSoldIsRefusedAndNothingIsWritten()
    {
        StoreFixture f;
        const Order sale = completedSale(f);
        QVERIFY(giveBack(f, sale, {{1, 2}}).ok());
        const QList<qint64> before = footprint(f);
        const Result<store::CheckoutResult> tooMany = giveBack(f, sale, {{1, 2}});
        QCOMPARE(tooMany.error().code, u"return.too_many"_s);
        QVERIFY2(tooMany.error().message.contains(u"BROT"_s), qPrintable(tooMany.error().message));
        // Paying back more than the return comes to is refused as well.
        QCOMPARE(giveBack(f, sale, {{1, 1}}, 500).error().code, u"tender.refund_mismatch"_s);
        QCOMPARE(giveBack(f, sale, {{7, 1}}).error().code, u"return.no_such_line"_s);
        QCOMPARE(footprint(f), before);
    }

    // A counter sale is PAID when the goods leave with the customer: returnable like a completed
    // one. A cancelled sale is not.
    void onlyAPaidOrCompletedSaleCanBeReturned()
    {
        StoreFixture f;
        const Order paid = f.sell(f.cart({{"MILCH", 2}})).value().order;
        QVERIFY(giveBack(f, paid, {{1, 1}}).ok());
        const Order voided = f.sell(f.cart({{"MILCH", 1}})).value().order;
        store::OrderStore voids(*f.database, f.clock, f.ids);
        QVERIFY(voids.applyEvent(voided.id(), 2, OrderEvent::Cancel, kManager).ok());
        QCOMPARE(giveBack(f, voided, {{1, 1}}).error().code, u"return.not_returnable"_s);
        const Order sale = completedSale(f);
        const Order back = giveBack(f, sale, {{1, 1}}).value().order;
        QCOMPARE(giveBack(f, back, {{1, 1}}).error().code, u"return.of_a_return"_s);
        QCOMPARE(store::OrderStore(*f.database, f.clock, f.ids)
                     .recordReturn({u"no-such-order"_s, {{1, 1}}, {}, kManager})
                     .error()
                     .code,
                 u"order.not_found"_s);
    }

    void aPartlyReturnedSaleCannotBeCancelledOrRefundedInFull()
    {
        StoreFixture f;
        const Order sale = completedSale(f);
        QVERIFY(giveBack(f, sale, {{2, 1}}).ok());
        store::OrderStore orders(*f.database, f.clock, f.ids);
        const Result<int> refunded = orders.applyEvent(sale.id(), 3, OrderEvent::Refund, kManager);
        QCOMPARE(refunded.error().code, u"return.partly_returned"_s);
        QCOMPARE(f.count(u"SELECT version FROM orders WHERE id = '%1'"_s.arg(idOf(sale))), 3);

        // And a sale refunded in full cannot be returned from.
        const Order other = completedSale(f);
        QVERIFY(orders.applyEvent(other.id(), 3, OrderEvent::Refund, kManager).ok());
        QCOMPARE(giveBack(f, other, {{1, 1}}).error().code, u"return.not_returnable"_s);

        // A paid sale with a return cannot be cancelled either: part of its money went back.
        const Order paid = f.sell(f.cart({{"WEIN", 1}, {"BROT", 1}})).value().order;
        QVERIFY(giveBack(f, paid, {{2, 1}}).ok());
        QCOMPARE(orders.applyEvent(paid.id(), 2, OrderEvent::Cancel, kManager).error().code,
                 u"return.partly_returned"_s);
    }

    // Head office cancelled a sale whose return here has not reached the server yet: applying
    // the cancel would give the returned items' money back twice. It is a conflict for a person;
    // the rest of the page applies and the cursor moves on.
    void aCentralCancelOfAPartlyReturnedSaleIsAConflictHere()
    {
        StoreFixture f;
        const Order sale = f.sell(f.cart({{"BROT", 2}})).value().order; // PAID, version 2
        const Order other = f.sell(f.cart({{"MILCH", 1}})).value().order;
        QVERIFY(giveBack(f, sale, {{1, 1}}).ok());
        store::OrderStore orders(*f.database, f.clock, f.ids);
        const QDateTime at = f.clock.now();
        const Result<store::CentralChangesApplied> applied =
            orders.applyCentralChanges({{idOf(sale), 3, OrderEvent::Cancel, OrderStatus::Paid,
                                         OrderStatus::Cancelled, u"Petra"_s, at},
                                        {idOf(other), 3, OrderEvent::Ship, OrderStatus::Paid,
                                         OrderStatus::Shipped, u"Petra"_s, at}},
                                       u"42"_s);
        QVERIFY2(applied.ok(), applied.ok() ? "" : qPrintable(applied.error().message));
        QCOMPARE(applied->applied, 1);
        QCOMPARE(applied->conflicts.size(), 1);
        QVERIFY2(applied->conflicts.first().contains(u"twice"_s),
                 qPrintable(applied->conflicts.first()));
        QCOMPARE(f.count(u"SELECT count(*) FROM orders WHERE id = '%1' AND status = 'PAID' AND "
                         "sync_state = 'needs_attention'"_s.arg(idOf(sale))),
                 1);
        QCOMPARE(
            f.count(u"SELECT count(*) FROM orders WHERE id = '%1' AND status = 'SHIPPED'"_s.arg(
                idOf(other))),
            1);
    }

    void theDatabaseItselfRefusesWhatTheRulesForbid()
    {
        StoreFixture f;
        const Order sale = completedSale(f);
        const Order back = giveBack(f, sale, {{1, 3}}).value().order;
        const QString saleId = idOf(sale);
        const QString backId = idOf(back);
        // A fourth loaf back, written by hand.
        const QString added = f.rawError(
            u"INSERT INTO order_lines (order_id, line_no, sku, name, unit_price_minor, quantity, "
            "tax_rate_ppm, discount_minor, net_minor, tax_minor, total_minor, original_line_no) "
            "SELECT '%1', 9, 'BROT', 'Brot', 249, 1, 70000, 0, 233, 16, 249, 1"_s.arg(backId));
        QVERIFY2(added.contains(u"lines are added only while the order is CREATED"_s) ||
                     added.contains(u"more returned than was sold"_s),
                 qPrintable(added));
        QVERIFY(f.rawError(u"UPDATE orders SET kind = 'sale' WHERE id = '%1'"_s.arg(backId))
                    .contains(u"only status, version"_s));
        QVERIFY(
            f.rawError(u"UPDATE orders SET original_order_id = NULL WHERE id = '%1'"_s.arg(backId))
                .contains(u"only status, version"_s));
        QVERIFY(f.rawError(u"INSERT INTO order_events (order_id, version, event, from_status, "
                           "to_status, actor_id, at) VALUES ('%1', 4, 'Refund', 'COMPLETED', "
                           "'REFUNDED', 'x', '2026-11-24T10:00:00.000Z')"_s.arg(saleId))
                    .contains(u"a sale with returns cannot be cancelled or refunded in full"_s));
        QVERIFY(f.rawError(u"INSERT INTO orders (id, receipt_no, receipt_seq, store_id, "
                           "terminal_id, cashier_id, currency, tax_mode, rounding, subtotal_minor, "
                           "discount_minor, net_minor, tax_minor, total_minor, status, version, "
                           "created_at, updated_at, kind, original_order_id) VALUES ('r2', "
                           "'S1-T1-99', 99, 'S1', 'T1', 'x', 'EUR', 'inclusive', 'half-up', 0, 0, "
                           "0, 0, 0, 'CREATED', 1, 't', 't', 'return', '%1')"_s.arg(backId))
                    .contains(u"a return must name a paid or completed sale"_s));
        // A return line of more than is left, on a fresh return order written by hand.
        QVERIFY(f.rawError(u"INSERT INTO orders (id, receipt_no, receipt_seq, store_id, "
                           "terminal_id, cashier_id, currency, tax_mode, rounding, subtotal_minor, "
                           "discount_minor, net_minor, tax_minor, total_minor, status, version, "
                           "created_at, updated_at, kind, original_order_id) VALUES ('r3', "
                           "'S1-T1-98', 98, 'S1', 'T1', 'x', 'EUR', 'inclusive', 'half-up', 0, 0, "
                           "0, 0, 0, 'CREATED', 1, 't', 't', 'return', '%1')"_s.arg(saleId))
                    .isEmpty());
        QVERIFY(f.rawError(u"INSERT INTO order_lines (order_id, line_no, sku, name, "
                           "unit_price_minor, quantity, tax_rate_ppm, discount_minor, net_minor, "
                           "tax_minor, total_minor, original_line_no) VALUES ('r3', 1, 'BROT', "
                           "'Brot', 249, 1, 70000, 0, 233, 16, 249, 1)"_s)
                    .contains(u"more returned than was sold"_s));
        QVERIFY(f.rawError(u"INSERT INTO order_lines (order_id, line_no, sku, name, "
                           "unit_price_minor, quantity, tax_rate_ppm, discount_minor, net_minor, "
                           "tax_minor, total_minor, original_line_no) VALUES ('r3', 1, 'MILCH', "
                           "'Milch', 119, 1, 70000, 0, 111, 8, 119, 2)"_s)
                    .contains(u"must name a line of the original sale"_s));
        QVERIFY(f.rawError(u"INSERT INTO order_lines (order_id, line_no, sku, name, "
                           "unit_price_minor, quantity, tax_rate_ppm, discount_minor, net_minor, "
                           "tax_minor, total_minor, original_line_no) VALUES ('r3', 1, 'WEIN', "
                           "'Wein', 899, 2, 190000, 0, 1511, 287, 1798, 2)"_s)
                    .isEmpty());
    }

    void reportsAndTheZReportSubtractReturns()
    {
        StoreFixture f;
        const store::User cashier = store::UserStore(*f.database, f.clock, f.ids)
                                        .add(u"cashier-1"_s, u"cashier"_s, u"4711"_s)
                                        .value();
        store::ShiftStore shifts(*f.database, f.clock);
        const store::Shift shift = shifts.open(cashier, euros(10000)).value();
        const Order sale = completedSale(f); // 3 × 2.49 + 2 × 8.99 = 25.45
        const Order back = giveBack(f, sale, {{2, 1}}).value().order; // one Wein: 8.99
        QCOMPARE(back.total(), euros(899));

        const store::PeriodReport period = *store::SalesReport::period(
            *f.database, f.clock.now().addDays(-1), f.clock.now().addDays(1));
        QCOMPARE(period.orderCount, 1);
        QCOMPARE(period.returnCount, 1);
        QCOMPARE(period.returns, euros(899));
        QCOMPARE(period.sales, euros(2545 - 899));
        QCOMPARE(period.cash, euros(2545 - 899));
        qint64 gross = 0;
        for (const TaxRateTotal &rate : period.perRate)
            gross += rate.gross.minorUnits();
        QCOMPARE(gross, 2545 - 899);
        QCOMPARE(period.perRate.last().gross, euros(899)); // 19 %: one of two bottles left

        const store::HourlySales hourly =
            *store::SalesReport::byHour(*f.database, f.clock.now().toLocalTime().date());
        qint64 byHour = 0;
        int orders = 0;
        for (std::size_t hour = 0; hour < 24; ++hour) {
            byHour += hourly.salesMinor[hour];
            orders += hourly.orders[hour];
        }
        QCOMPARE(byHour, 2545 - 899);
        QCOMPARE(orders, 1);

        const store::ZReport z = *shifts.report(shift, euros(10000 + 2545 - 899), euros(0));
        QCOMPARE(z.orderCount, 1);
        QCOMPARE(z.returnCount, 1);
        QCOMPARE(z.returns, euros(899));
        QCOMPARE(z.sales, euros(2545 - 899));
        QCOMPARE(z.cashTaken, euros(2545 - 899));
        QCOMPARE(z.cashDifference(), euros(0));
        QCOMPARE(z.grandTotal, euros(2545 - 899));
    }
};

QTEST_GUILESS_MAIN(ReturnsTest)
#include "tst_returns.moc"
