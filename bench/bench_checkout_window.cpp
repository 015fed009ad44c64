// The cashier window with a store of 300,000 products and 1,000,000 orders (the database
// bench_history generates, copied so that the carts written here stay out of it):
//
//   BM_ScanToRepaint     the 13 keystrokes of an EAN-13 barcode and Enter, sent through Qt's key
//                        event path to the scan field, until the cart table and the total have
//                        been painted again; the cart is saved (fsync) on the way. /0 sends the
//                        keys in a burst, /1 lets the window handle and paint each key before
//                        the next. Goal: p99 ≤ 16 ms.
//   BM_SearchKeystroke   one keystroke of a product name in the scan field until the list of
//                        matches has been painted again; /0 word starts, /1 parts from inside
//                        words. Goal: p99 ≤ 16 ms.
//   BM_LogInToScanField  the PIN and Enter until the scan field is painted, ready for the first
//   scan
//                        (PBKDF2 checks the PIN on purpose slowly).
//
//   cmake --preset release && cmake --build --preset release --target bench_checkout_window
//   cd build/release && QT_QPA_PLATFORM=offscreen bench/bench_checkout_window
//
// Each sample is timed alone; p50, p99 and the worst are reported as counters. The start-up of the
// whole program is measured by scripts/bench-cold-start.sh.

#include "bench_support.h"
#include "domain/clock.h"
#include "domain/id_source.h"
#include "history_database.h"
#include "store/database.h"
#include "store/shift_store.h"
#include "store/terminal_identity.h"
#include "store/user_store.h"
#include "ui/cart_model.h"
#include "ui/checkout_window.h"
#include "ui/product_search_model.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QLineEdit>
#include <QListView>
#include <QRandomGenerator>
#include <QTableView>
#include <QTest>
#include <QTimer>

#include <benchmark/benchmark.h>

using namespace counterline;
using namespace Qt::StringLiterals;

namespace {

constexpr int kProducts = 300'000;

// Notes which of the watched widgets have been painted since the last reset.
class PaintWatch : public QObject
{
public:
    void watch(QWidget *widget) { widget->installEventFilter(this), m_painted[widget] = false; }
    void reset()
    {
        for (auto it = m_painted.begin(); it != m_painted.end(); ++it)
            it.value() = false;
    }
    bool painted(QWidget *widget) const { return m_painted.value(widget); }

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            m_painted[static_cast<QWidget *>(watched)] = true;
        return false;
    }

private:
    QHash<QWidget *, bool> m_painted;
};

// Runs the event loop until `done` holds (or a second has passed, which fails the benchmark).
template<typename Done>
bool processUntil(Done done)
{
    QElapsedTimer limit;
    limit.start();
    while (!done()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents);
        if (limit.elapsed() > 1000)
            return false;
    }
    return true;
}

// The till as a cashier finds it: the window on the big store, Anna logged in, her shift open.
struct Till
{
    Till()
    {
        const QString source = bench::historyDatabase(1'000'000, kProducts);
        const QString copy = bench::scratchDirectory().filePath(u"till/counterline.db"_s);
        QDir().mkpath(QFileInfo(copy).path());
        QFile::remove(copy);
        if (!QFile::copy(source, copy))
            qFatal("cannot copy %s", qPrintable(source));
        auto opened = store::Database::open(copy);
        if (!opened)
            qFatal("%s", qPrintable(opened.error().message));
        database = std::move(opened).value();
        store::UserStore users(*database, clock, ids);
        auto anna = users.add(u"Anna"_s, u"cashier"_s, u"1234"_s);
        auto currency = store::TerminalSettings::load(database->connection());
        if (!anna || !currency)
            qFatal("cannot set up the till");
        if (!store::ShiftStore(*database, clock).open(*anna, Money(10000, currency->currency)))
            qFatal("cannot open Anna's shift");
        ui::CheckoutOptions options;
        options.receiptDirectory = bench::scratchDirectory().filePath(u"receipts"_s);
        window = std::make_unique<ui::CheckoutWindow>(*database, clock, ids, options);
        window->resize(1024, 768);
        window->show();
        if (!QTest::qWaitForWindowExposed(window.get()))
            qFatal("the window was not shown");
        pin = window->findChild<QLineEdit *>(u"pinField"_s);
        scan = window->findChild<QLineEdit *>(u"scanField"_s);
        cart = window->findChild<QTableView *>(u"cartView"_s);
        results = window->findChild<QListView *>(u"searchResults"_s);
        total = window->findChild<QWidget *>(u"totalLabel"_s);
        paints.watch(cart->viewport());
        paints.watch(total);
        paints.watch(results->viewport());
        paints.watch(scan);
    }

    bool logIn()
    {
        QTest::keyClicks(pin, u"1234"_s);
        QTest::keyClick(pin, Qt::Key_Return);
        return processUntil([this] { return scan->isVisible() && paints.painted(scan); });
    }

    // A new customer: the cart is parked out of the way (not timed).
    void nextCustomer()
    {
        QApplication::setActiveWindow(window.get());
        QTest::keyClick(scan, Qt::Key_F8);
        processUntil([this] { return window->cartModel().rowCount() == 0; });
    }

    SystemClock clock;
    Uuid7Source ids{clock};
    std::unique_ptr<store::Database> database;
    std::unique_ptr<ui::CheckoutWindow> window;
    QLineEdit *pin = nullptr;
    QLineEdit *scan = nullptr;
    QTableView *cart = nullptr;
    QListView *results = nullptr;
    QWidget *total = nullptr;
    PaintWatch paints;
};

// Made on first use, gone before QApplication is.
std::unique_ptr<Till> g_till;

Till &till()
{
    if (!g_till)
        g_till = std::make_unique<Till>();
    return *g_till;
}

void reportPercentiles(benchmark::State &state, const std::vector<double> &ms)
{
    state.counters["p50_ms"] = bench::p50(ms);
    state.counters["p99_ms"] = bench::p99(ms);
    state.counters["max_ms"] = *std::max_element(ms.begin(), ms.end());
    state.counters["samples"] = double(ms.size());
}

void BM_ScanToRepaint(benchmark::State &state)
{
    Till &t = till();
    if (!t.scan->isVisible() && !t.logIn()) {
        state.SkipWithError("log in failed");
        return;
    }
    const bool keyByKey = state.range(0) == 1;
    QRandomGenerator random(20261129);
    std::vector<double> ms;
    std::vector<double> fromEnter;
    int scans = 0;
    for (auto _ : state) {
        // A basket of up to 30 items, some scanned twice.
        if (++scans % 30 == 0)
            t.nextCustomer();
        const QString barcode = bench::productBarcode(random.bounded(kProducts));
        const int linesBefore = t.window->cartModel().rowCount();
        t.paints.reset();
        QElapsedTimer timer;
        timer.start();
        // /0: the keystrokes arrive faster than the event loop turns (one repaint at the end);
        // /1: each is handled and painted before the next, as when the scanner is slower than
        // the window.
        for (const QChar digit : barcode) {
            QTest::keyClick(t.scan, digit.toLatin1());
            if (keyByKey)
                QCoreApplication::processEvents();
        }
        const qint64 keysDone = timer.nsecsElapsed();
        QTest::keyClick(t.scan, Qt::Key_Return);
        const bool painted = processUntil([&] {
            return t.scan->text().isEmpty() && t.paints.painted(t.cart->viewport()) &&
                   t.paints.painted(t.total);
        });
        const double elapsed = double(timer.nsecsElapsed()) / 1e6;
        state.SetIterationTime(elapsed / 1000);
        if (!painted || t.window->cartModel().rowCount() < linesBefore) {
            state.SkipWithError("the scan did not reach the cart");
            return;
        }
        ms.push_back(elapsed);
        fromEnter.push_back(elapsed - double(keysDone) / 1e6);
    }
    reportPercentiles(state, ms);
    state.counters["enter_to_paint_p50_ms"] = bench::p50(fromEnter);
    state.counters["enter_to_paint_p99_ms"] = bench::p99(fromEnter);
    state.SetLabel(keyByKey ? "key by key" : "burst");
}

void BM_SearchKeystroke(benchmark::State &state)
{
    Till &t = till();
    if (!t.scan->isVisible() && !t.logIn()) {
        state.SkipWithError("log in failed");
        return;
    }
    // What cashiers type: /0 the start of one or two words of a product's name; /1 a part from
    // inside a word, as one types "milch" for "Hafermilch" (the trigram index).
    const QStringList typed =
        state.range(0) == 0
            ? QStringList{u"Kaffee Hon"_s, u"brot"_s,     u"kase wein"_s, u"zuck mil"_s,
                          u"Seife"_s,      u"nudeln r"_s, u"Apfel 123"_s, u"tee bu"_s}
            : QStringList{u"ilch"_s,  u"affee onig"_s, u"utter"_s, u"eife 4711"_s,
                          u"ucker"_s, u"udeln eis"_s,  u"pfel"_s,  u"ehl 29"_s};
    std::vector<double> ms;
    int word = 0;
    int at = 0;
    for (auto _ : state) {
        const QString &text = typed[word % typed.size()];
        if (at == text.size()) {
            state.PauseTiming();
            t.scan->clear();
            t.results->hide();
            at = 0;
            ++word;
            state.ResumeTiming();
            state.SetIterationTime(0);
            continue;
        }
        const QChar key = typed[word % typed.size()][at++];
        t.paints.reset();
        QElapsedTimer timer;
        timer.start();
        QTest::keyClick(t.scan, key.toLatin1());
        // The search runs once the keystroke is handled; its list is painted (or the field alone,
        // below two characters or when nothing matches: "ei" on the way to "eife" starts no name).
        const auto *searchSoon = t.window->findChild<QTimer *>(u"searchSoon"_s);
        const bool painted = processUntil([&] {
            return !searchSoon->isActive() && t.paints.painted(t.scan) &&
                   (t.scan->text().size() < 2 || !t.results->isVisible() ||
                    t.paints.painted(t.results->viewport()));
        });
        const double elapsed = double(timer.nsecsElapsed()) / 1e6;
        state.SetIterationTime(elapsed / 1000);
        if (!painted) {
            state.SkipWithError("the search results were not painted");
            return;
        }
        if (t.scan->text().size() >= 2)
            ms.push_back(elapsed);
    }
    reportPercentiles(state, ms);
}

void BM_LogInToScanField(benchmark::State &state)
{
    Till &t = till();
    std::vector<double> ms;
    for (auto _ : state) {
        state.PauseTiming();
        if (t.scan->isVisible()) {
            QApplication::setActiveWindow(t.window.get());
            QTest::keyClick(t.scan, Qt::Key_F10);
            processUntil([&] { return t.pin->isVisible(); });
        }
        t.paints.reset();
        state.ResumeTiming();
        QElapsedTimer timer;
        timer.start();
        if (!t.logIn()) {
            state.SkipWithError("log in failed");
            return;
        }
        const double elapsed = double(timer.nsecsElapsed()) / 1e6;
        state.SetIterationTime(elapsed / 1000);
        ms.push_back(elapsed);
    }
    reportPercentiles(state, ms);
}

} // namespace

BENCHMARK(BM_ScanToRepaint)
    ->Arg(0)
    ->Arg(1)
    ->Iterations(1000)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SearchKeystroke)
    ->Arg(0)
    ->Arg(1)
    ->Iterations(600)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LogInToScanField)->Iterations(20)->UseManualTime()->Unit(benchmark::kMillisecond);

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    g_till.reset();
    return 0;
}
