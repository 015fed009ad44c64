#include "domain/order_state_machine.h"
#include "test_support.h"

#include <QRandomGenerator>
#include <QSet>
#include <QTest>

#include <map>

using namespace counterline;
using namespace Qt::StringLiterals;

namespace {

// BRIEF §3 written out a second time, by hand, as the test's oracle: (status, event) -> target.
// Anything not listed here is illegal. kOrderTransitions must agree with it exactly.
const std::map<std::pair<QString, QString>, QString> kBrief = {
    {{u"CREATED"_s, u"PaymentCaptured"_s}, u"PAID"_s},
    {{u"CREATED"_s, u"PaymentFailed"_s}, u"CANCELLED"_s},
    {{u"CREATED"_s, u"Cancel"_s}, u"CANCELLED"_s},
    {{u"PAID"_s, u"HandOver"_s}, u"COMPLETED"_s},
    {{u"PAID"_s, u"Ship"_s}, u"SHIPPED"_s},
    {{u"PAID"_s, u"Cancel"_s}, u"CANCELLED"_s},
    {{u"SHIPPED"_s, u"Deliver"_s}, u"COMPLETED"_s},
    {{u"COMPLETED"_s, u"Refund"_s}, u"REFUNDED"_s},
};

} // namespace

class OrderStateMachineTest : public QObject
{
    Q_OBJECT

private slots:
    void everyStateEventPair_data()
    {
        QTest::addColumn<OrderStatus>("from");
        QTest::addColumn<OrderEvent>("event");
        QTest::addColumn<QString>("expected"); // empty when illegal
        for (OrderStatus from : kAllOrderStatuses) {
            for (OrderEvent event : kAllOrderEvents) {
                const QString fromName = orderStatusName(from);
                const QString eventName = orderEventName(event);
                const auto legal = kBrief.find({fromName, eventName});
                QTest::addRow("%s + %s", qPrintable(fromName), qPrintable(eventName))
                    << from << event << (legal == kBrief.end() ? QString() : legal->second);
            }
        }
    }
    void everyStateEventPair()
    {
        QFETCH(OrderStatus, from);
        QFETCH(OrderEvent, event);
        QFETCH(QString, expected);
        const Result<OrderStatus> next = nextOrderStatus(from, event);
        if (expected.isEmpty()) {
            QVERIFY(!next.ok());
            QCOMPARE(next.error().code, u"order.illegal_transition"_s);
            QVERIFY2(next.error().message.contains(orderStatusName(from)), "names the status");
            QVERIFY2(next.error().message.contains(orderEventName(event)), "names the event");
        } else {
            QVERIFY(next.ok());
            QCOMPARE(orderStatusName(*next), expected);
        }
    }

    void tableHasNoDuplicates()
    {
        QSet<QString> seen;
        for (const OrderTransition &t : kOrderTransitions) {
            const QString key = orderStatusName(t.from) + u'/' + orderEventName(t.event);
            QVERIFY2(!seen.contains(key), qPrintable(key));
            seen.insert(key);
        }
        QCOMPARE(qsizetype(kOrderTransitions.size()), qsizetype(kBrief.size()));
    }

    void finalStatuses()
    {
        QVERIFY(isFinalOrderStatus(OrderStatus::Cancelled));
        QVERIFY(isFinalOrderStatus(OrderStatus::Refunded));
        QVERIFY(!isFinalOrderStatus(OrderStatus::Created));
        QVERIFY(!isFinalOrderStatus(OrderStatus::Paid));
        QVERIFY(!isFinalOrderStatus(OrderStatus::Shipped));
        QVERIFY(!isFinalOrderStatus(OrderStatus::Completed));
    }

    // The event that undoes a whole sale is always a legal one from its status, and it ends
    // the order; statuses with nothing to give back have none.
    void undoingASaleIsLegalAndFinal()
    {
        QCOMPARE(undoingEvent(OrderStatus::Paid), OrderEvent::Cancel);
        QCOMPARE(undoingEvent(OrderStatus::Completed), OrderEvent::Refund);
        for (OrderStatus status : kAllOrderStatuses) {
            const std::optional<OrderEvent> event = undoingEvent(status);
            if (!event)
                continue;
            const Result<OrderStatus> after = nextOrderStatus(status, *event);
            QVERIFY2(after.ok(), qPrintable(orderStatusName(status)));
            QVERIFY(isFinalOrderStatus(*after));
        }
        QVERIFY(!undoingEvent(OrderStatus::Created));
        QVERIFY(!undoingEvent(OrderStatus::Cancelled));
        QVERIFY(!undoingEvent(OrderStatus::Refunded));
        for (OrderStatus status : kAllOrderStatuses)
            QVERIFY(!orderStatusWords(status).isEmpty());
        QCOMPARE(orderStatusWords(OrderStatus::Cancelled), u"Cancelled"_s);
    }

    void namesRoundTrip()
    {
        for (OrderStatus status : kAllOrderStatuses)
            QCOMPARE(*orderStatusFromName(orderStatusName(status)), status);
        for (OrderEvent event : kAllOrderEvents)
            QCOMPARE(*orderEventFromName(orderEventName(event)), event);
        QCOMPARE(orderStatusFromName(u"paid").error().code, u"order.unknown_status"_s);
        QCOMPARE(orderEventFromName(u"Teleport").error().code, u"order.unknown_event"_s);
    }

    // 100,000 random event sequences from CREATED. An illegal event must leave the status as it
    // was; a legal one must follow the oracle; no sequence may ever reach a (status) that the
    // oracle cannot reach, or leave a final status.
    void randomSequencesStayInsideTheTable()
    {
        const quint32 seed = testing::testSeed();
        qInfo("COUNTERLINE_TEST_SEED=%u", seed);
        QRandomGenerator random(seed);

        QSet<QString> reachable{u"CREATED"_s};
        for (const auto &[key, target] : kBrief)
            reachable.insert(target);

        qint64 legalSteps = 0;
        QSet<QString> visited;
        for (int sequence = 0; sequence < 100'000; ++sequence) {
            OrderStatus status = kInitialOrderStatus;
            const int length = int(random.bounded(1, 10));
            for (int step = 0; step < length; ++step) {
                const OrderEvent event =
                    kAllOrderEvents[random.bounded(quint32(kAllOrderEvents.size()))];
                const Result<OrderStatus> next = nextOrderStatus(status, event);
                const auto oracle = kBrief.find({orderStatusName(status), orderEventName(event)});
                if (oracle == kBrief.end()) {
                    QVERIFY(!next.ok());
                    continue; // the order stays where it was
                }
                QVERIFY(next.ok());
                QCOMPARE(orderStatusName(*next), oracle->second);
                QVERIFY(!isFinalOrderStatus(status));
                status = *next;
                ++legalSteps;
                QVERIFY(reachable.contains(orderStatusName(status)));
                visited.insert(orderStatusName(status));
            }
        }
        // The walk really explored the machine rather than bouncing off the first state.
        QVERIFY(legalSteps > 50'000);
        QCOMPARE(visited.size(), qsizetype(5)); // every status but CREATED is entered
    }
};

QTEST_GUILESS_MAIN(OrderStateMachineTest)
#include "tst_order_state_machine.moc"
