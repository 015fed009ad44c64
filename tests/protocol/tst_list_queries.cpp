// The list endpoints' query strings: defaults, ranges, and refusals that name the parameter.

#include "protocol/list_queries.h"

#include <QTest>

using namespace counterline;
using namespace counterline::protocol;
using namespace Qt::StringLiterals;

class ListQueriesTest : public QObject
{
    Q_OBJECT

private slots:
    void ordersReadEveryFilter()
    {
        const Result<OrderListQuery> read = ListQueries::orders(
            u"store=S1&status=PAID&cashier=Anna%20Maria&min_total=100&max_total=5000"
            "&from=2026-11-01T00:00:00Z&q=%20S1-T1-000042%20&limit=20"_s);
        QVERIFY2(read.ok(), qPrintable(read.ok() ? QString() : read.error().message));
        QCOMPARE(read->store, u"S1"_s);
        QCOMPARE(read->cashier, u"Anna Maria"_s);
        QCOMPARE(read->minTotal, 100);
        QCOMPARE(read->maxTotal, 5000);
        QCOMPARE(read->q, u"S1-T1-000042"_s);
        QCOMPARE(read->limit, 20);
        QCOMPARE(ListQueries::orders(QString())->limit, 50);
    }

    void defaults()
    {
        QCOMPARE(ListQueries::events(QString())->limit, 100);
        QCOMPARE(ListQueries::events(QString())->waitSeconds, 0);
        QCOMPARE(ListQueries::followUps(QString())->state, u"open"_s);
        QCOMPARE(ListQueries::changeFeed(QString(), 1000, 5000)->limit, 1000);
        QCOMPARE(ListQueries::changeFeed(QString(), 500, 5000)->since, 0);
        QCOMPARE(ListQueries::journalEntries(u"kind=pin_lockout"_s)->kind, u"pin_lockout"_s);
    }

    void refusalsNameTheParameter_data()
    {
        QTest::addColumn<int>("list");
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("named");
        QTest::newRow("no status") << 0 << u"status=SHIPPED_TWICE"_s << u"\"status\""_s;
        QTest::newRow("not a time") << 0 << u"from=yesterday"_s << u"\"from\""_s;
        QTest::newRow("negative total") << 0 << u"min_total=-1"_s << u"\"min_total\""_s;
        QTest::newRow("order page too long") << 0 << u"limit=501"_s << u"\"limit\""_s;
        QTest::newRow("order page empty") << 0 << u"limit=0"_s << u"\"limit\""_s;
        QTest::newRow("long poll too long") << 1 << u"wait=31"_s << u"\"wait\""_s;
        QTest::newRow("cursor before the start") << 1 << u"after=-1"_s << u"\"after\""_s;
        QTest::newRow("no such state") << 2 << u"state=closed"_s << u"\"state\""_s;
        QTest::newRow("not a cursor") << 3 << u"since=abc"_s << u"\"since\""_s;
        QTest::newRow("feed page too long") << 3 << u"limit=5001"_s << u"\"limit\""_s;
        QTest::newRow("journal page too long") << 4 << u"limit=100000000000"_s << u"\"limit\""_s;
    }

    void refusalsNameTheParameter()
    {
        QFETCH(int, list);
        QFETCH(QString, query);
        QFETCH(QString, named);
        std::optional<Error> error;
        auto keep = [&](const auto &read) {
            if (!read)
                error = read.error();
        };
        switch (list) {
        case 0:
            keep(ListQueries::orders(query));
            break;
        case 1:
            keep(ListQueries::events(query));
            break;
        case 2:
            keep(ListQueries::followUps(query));
            break;
        case 3:
            keep(ListQueries::changeFeed(query, 500, 5000));
            break;
        default:
            keep(ListQueries::journalEntries(query));
            break;
        }
        QVERIFY(error);
        QCOMPARE(error->code, u"request.invalid_field"_s);
        QVERIFY2(error->message.startsWith(named), qPrintable(error->message));
    }
};

QTEST_GUILESS_MAIN(ListQueriesTest)
#include "tst_list_queries.moc"
