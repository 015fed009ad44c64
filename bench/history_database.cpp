#include "history_database.h"

#include "domain/clock.h"
#include "domain/id_source.h"
#include "domain/search_fold.h"
#include "sqlkit/sql_script.h"
#include "sqlkit/statement.h"
#include "sqlkit/time_text.h"
#include "store/database.h"
#include "store/migrations.h"
#include "store/sql.h"
#include "store/terminal_identity.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QSqlQuery>

using namespace counterline;
using namespace Qt::StringLiterals;

namespace counterline::bench {

namespace {

// Insert-time guards that would make a bulk load of finished orders slow or impossible (orders
// are born CREATED); they are dropped for the load and recreated from the migration afterwards.
const QStringList kBulkLoadTriggers{u"orders_start_created"_s, u"order_lines_only_while_created"_s};

template<typename T>
void check(const Result<T> &result)
{
    if (!result)
        qFatal("generator: %s", qPrintable(result.error().message));
}

} // namespace

QString productBarcode(quint64 index)
{
    const QString digits = u"%1"_s.arg(400000000000ULL + index, 12, 10, QChar(u'0'));
    int sum = 0;
    for (int i = 0; i < 12; ++i)
        sum += (digits[i].unicode() - u'0') * (i % 2 ? 3 : 1);
    return digits + QString::number((10 - sum % 10) % 10);
}

QString historyDatabase(int orders, int products)
{
    const QString directory =
        QDir::current().filePath(u"history-%1-%2"_s.arg(orders).arg(products));
    const QString path = store::Database::fileIn(directory);
    if (QFile::exists(path))
        return path;

    const QString partial = directory + u".partial"_s;
    QDir(partial).removeRecursively();
    auto opened = store::Database::open(store::Database::fileIn(partial));
    if (!opened)
        qFatal("generator: %s", qPrintable(opened.error().message));
    const QSqlDatabase db = opened.value()->connection();
    ManualClock clock(QDateTime(QDate(2025, 11, 24), QTime(8, 0), Qt::UTC));
    Uuid7Source ids(clock, 7);
    QRandomGenerator random(20261124);
    if (!store::TerminalSettings::initialise(
            db, {u"S1"_s, u"T1"_s, *Currency::fromCode(u"EUR"), PricingPolicy{}}, clock.now())) {
        qFatal("generator: cannot set up the terminal");
    }

    for (const QString &trigger : kBulkLoadTriggers)
        check(sqlkit::exec(db, u"DROP TRIGGER "_s + trigger));
    check(store::execute(db, u"BEGIN"_s));

    const QStringList words{u"Apfel"_s,  u"Brot"_s,   u"Milch"_s, u"Käse"_s,   u"Wein"_s,
                            u"Kaffee"_s, u"Tee"_s,    u"Seife"_s, u"Nudeln"_s, u"Reis"_s,
                            u"Saft"_s,   u"Butter"_s, u"Honig"_s, u"Mehl"_s,   u"Zucker"_s};
    QList<qint64> prices(products);
    QList<qint64> rates(products);
    for (int p = 0; p < products; ++p) {
        prices[p] = qint64(random.bounded(49, 4999));
        rates[p] = random.bounded(3) ? 70000 : 190000;
        const QString name = words[p % words.size()] + u' ' + words[(p / 15) % words.size()] +
                             u' ' + QString::number(p);
        check(store::execute(
            db,
            u"INSERT INTO products (sku, barcode, name, price_minor, "
            "tax_rate_ppm, updated_at, search_name) VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
            {u"P%1"_s.arg(p, 6, 10, QChar(u'0')), productBarcode(quint64(p)), name, prices[p],
             rates[p], sqlkit::timeText(clock.now()), foldForSearch(name)}));
    }

    const QStringList statuses{u"PAID"_s,    u"COMPLETED"_s, u"COMPLETED"_s, u"COMPLETED"_s,
                               u"SHIPPED"_s, u"CANCELLED"_s, u"REFUNDED"_s};
    const qint64 spanMs = 365LL * 24 * 3600 * 1000;
    for (int o = 0; o < orders; ++o) {
        clock.set(QDateTime(QDate(2025, 11, 24), QTime(8, 0), Qt::UTC)
                      .addMSecs(spanMs * o / orders + qint64(random.bounded(1000))));
        const QString id = ids.next().toString(QUuid::WithoutBraces);
        const int lineCount = int(random.bounded(1, 6));
        qint64 total = 0;
        qint64 tax = 0;
        struct Line
        {
            int product;
            qint64 quantity;
        };
        QList<Line> lines;
        for (int l = 0; l < lineCount; ++l) {
            const Line line{int(random.bounded(products)), qint64(random.bounded(1, 4))};
            lines.append(line);
            const qint64 gross = prices[line.product] * line.quantity;
            total += gross;
            tax += gross * rates[line.product] / (1'000'000 + rates[line.product]);
        }
        const QString status = statuses[int(random.bounded(qint64(statuses.size())))];
        const QString customer =
            random.bounded(5) == 0 ? u"C%1"_s.arg(random.bounded(50'000)) : QString();
        const QString at = sqlkit::timeText(clock.now());
        check(store::execute(
            db,
            u"INSERT INTO orders (id, receipt_no, receipt_seq, store_id, terminal_id, cashier_id, "
            "customer_id, currency, tax_mode, rounding, subtotal_minor, discount_minor, "
            "net_minor, tax_minor, total_minor, status, version, created_at, updated_at, "
            "sync_state) VALUES (?, ?, ?, 'S1', 'T1', ?, ?, 'EUR', 'inclusive', 'half-up', ?, 0, "
            "?, ?, ?, ?, ?, ?, ?, 'synced')"_s,
            {id, u"S1-T1-%1"_s.arg(o + 1, 6, 10, QChar(u'0')), o + 1,
             u"cashier-%1"_s.arg(random.bounded(20)), customer.isEmpty() ? QVariant() : customer,
             total, total - tax, tax, total, status, status == u"PAID"_s ? 2 : 3, at, at}));
        for (int l = 0; l < lines.size(); ++l) {
            const Line &line = lines[l];
            const qint64 gross = prices[line.product] * line.quantity;
            const qint64 lineTax = gross * rates[line.product] / (1'000'000 + rates[line.product]);
            check(store::execute(db,
                                 u"INSERT INTO order_lines (order_id, line_no, sku, name, "
                                 "unit_price_minor, quantity, tax_rate_ppm, discount_minor, "
                                 "net_minor, tax_minor, total_minor) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)"_s,
                                 {id, l + 1, u"P%1"_s.arg(line.product, 6, 10, QChar(u'0')),
                                  u"Item"_s, prices[line.product], line.quantity,
                                  rates[line.product], gross - lineTax, lineTax, gross}));
        }
    }
    check(store::execute(db, u"UPDATE terminal SET next_receipt_seq = ?"_s, {orders + 1}));
    check(store::execute(db, u"COMMIT"_s));

    // The guards come back exactly as the migration wrote them.
    for (const store::Migration &migration : store::terminalMigrations()) {
        for (const QString &statement : sqlkit::splitSqlScript(migration.script)) {
            for (const QString &trigger : kBulkLoadTriggers) {
                if (statement.startsWith(u"CREATE TRIGGER "_s + trigger + u' '))
                    check(sqlkit::exec(db, statement));
            }
        }
    }
    check(sqlkit::exec(db, u"PRAGMA wal_checkpoint(TRUNCATE)"_s));
    opened.value().reset();
    QDir().rename(partial, directory);
    return path;
}

} // namespace counterline::bench
