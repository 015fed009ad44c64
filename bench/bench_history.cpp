// History pages over a 1,000,000-order / 300,000-product terminal database, for every filter, on
// the first page and on a deep keyset page, next to the same SQL run by the sqlite3 shell.
//
//   cmake --preset release && cmake --build --preset release --target bench_history
//   cd build/release && bench/bench_history
//
// The database is generated on first use (about a minute) and kept next to the build. The
// counter sqlite3_us is the sqlite3 shell's time for the identical statement with the same
// values: (wall time of 200 runs - wall time of 200 "SELECT 1") / 200, in one shell process.
// ratio = our median / sqlite3_us.

#include "bench_support.h"
#include "history_database.h"
#include "sqlkit/statement.h"
#include "store/database.h"
#include "store/order_history.h"
#include "store/sql.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QSqlQuery>

#include <benchmark/benchmark.h>
#include <map>

using namespace counterline;
using namespace counterline::store;
using namespace Qt::StringLiterals;

namespace {

constexpr int kOrders = 1'000'000;
constexpr int kProducts = 300'000;
constexpr int kShellRuns = 200;

Database &database()
{
    static std::unique_ptr<Database> instance = [] {
        auto opened = Database::open(bench::historyDatabase(kOrders, kProducts));
        if (!opened)
            qFatal("%s", qPrintable(opened.error().message));
        return std::move(opened).value();
    }();
    return *instance;
}

QString literal(const QVariant &value)
{
    if (value.typeId() == QMetaType::QString)
        return u"'"_s + value.toString().replace(u"'"_s, u"''"_s) + u"'"_s;
    return value.toString();
}

QString inlined(const OrderHistory::Statement &statement)
{
    QString sql = statement.sql;
    for (const QVariant &value : statement.values)
        sql.replace(sql.indexOf(u'?'), 1, literal(value));
    return sql;
}

double shellSeconds(const QString &path, const QString &sql)
{
    QString script = u".output /dev/null\n"_s;
    for (int i = 0; i < kShellRuns; ++i)
        script += sql + u";\n"_s;
    QProcess shell;
    QElapsedTimer timer;
    timer.start();
    shell.start(u"sqlite3"_s, {u"-batch"_s, path});
    shell.write(script.toUtf8());
    shell.closeWriteChannel();
    shell.waitForFinished(-1);
    return double(timer.nsecsElapsed()) / 1e9;
}

// The sqlite3 shell's per-statement time for `statement`, in microseconds.
double shellMicroseconds(const OrderHistory::Statement &statement)
{
    const QString path = database().filePath();
    std::vector<double> samples;
    for (int round = 0; round < 3; ++round) {
        const double query = shellSeconds(path, inlined(statement));
        const double baseline = shellSeconds(path, u"SELECT 1"_s);
        samples.push_back(std::max(0.0, (query - baseline) / kShellRuns * 1e6));
    }
    return bench::p50(samples);
}

// A cursor halfway through the orders the filter selects: a deep page.
HistoryCursor middleCursor(const OrderFilter &filter)
{
    const OrderHistory::Statement all = OrderHistory::pageStatement(filter, {}, 2'000'000);
    QString countSql = all.sql;
    countSql.replace(u"SELECT o.id, o.receipt_no, o.created_at, o.status, o.version, "
                     "o.cashier_id, o.customer_id, o.total_minor, o.currency, o.sync_state"_s,
                     u"SELECT o.created_at, o.id"_s);
    countSql.replace(u"LIMIT 2000000"_s,
                     u"LIMIT 1 OFFSET (SELECT count(*) / 2 FROM ("_s + all.sql + u"))"_s);
    QVariantList values = all.values + all.values;
    auto query = sqlkit::exec(database().connection(), countSql, values);
    if (!query || !query.value().next())
        return {u"2026-05-24T00:00:00.000Z"_s, u"ffffffff"_s};
    return {query.value().value(0).toString(), query.value().value(1).toString()};
}

void pageBenchmark(benchmark::State &state, OrderFilter filter, bool deep)
{
    OrderHistory history(database());
    const std::optional<HistoryCursor> cursor =
        deep ? std::optional(middleCursor(filter)) : std::nullopt;
    int rows = 0;
    for (auto _ : state) {
        auto page = history.page(filter, cursor, 50);
        if (!page)
            state.SkipWithError(qPrintable(page.error().message));
        else
            rows = int(page->orders.size());
    }
    state.counters["rows"] = rows;
    state.counters["sqlite3_us"] =
        shellMicroseconds(OrderHistory::pageStatement(filter, cursor, 51));
}

void registerAll()
{
    struct Case
    {
        const char *name;
        OrderFilter filter;
    };
    OrderFilter month;
    month.from = QDateTime(QDate(2026, 3, 1), QTime(0, 0), Qt::UTC);
    month.to = QDateTime(QDate(2026, 4, 1), QTime(0, 0), Qt::UTC);
    OrderFilter status;
    status.status = OrderStatus::Refunded;
    OrderFilter cashier;
    cashier.cashierId = u"cashier-7"_s;
    OrderFilter customer;
    customer.customerId = u"C1234"_s;
    OrderFilter receipt;
    receipt.receiptNumber = u"S1-T1-500000"_s;
    OrderFilter sku;
    sku.sku = u"P123456"_s;
    OrderFilter amount;
    amount.minTotalMinor = 10'000;
    amount.maxTotalMinor = 10'500;
    const Case cases[] = {{"none", {}},         {"date_range", month},  {"status", status},
                          {"cashier", cashier}, {"customer", customer}, {"receipt", receipt},
                          {"sku", sku},         {"amount", amount}};
    for (const Case &c : cases) {
        for (const bool deep : {false, true}) {
            const std::string name =
                std::string("BM_HistoryPage/") + c.name + (deep ? "/deep" : "/first");
            benchmark::RegisterBenchmark(name.c_str(), pageBenchmark, c.filter, deep)
                ->Iterations(10)
                ->Repetitions(15)
                ->ReportAggregatesOnly()
                ->ComputeStatistics("p50", bench::p50)
                ->Unit(benchmark::kMicrosecond);
        }
    }
}

} // namespace

int main(int argc, char **argv)
{
    benchmark::Initialize(&argc, argv);
    registerAll();
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
