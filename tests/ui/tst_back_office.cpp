// The back office on a terminal's database, driven offscreen through its widgets: the history
// model pages by keyset and keeps only a window of pages, two editors of one order meet the
// conflict view, CSV export round-trips through a CSV parser, the sync dashboard retries and
// exports diagnostics, and the reports add up.

#include "domain/csv.h"
#include "store/order_store.h"
#include "store/outbox_store.h"
#include "store/sales_report.h"
#include "sync/card_payments.h"
#include "tests/paysim/paysim_harness.h"
#include "tests/server/http_client.h"
#include "tests/store/store_fixture.h"
#include "tests/ui/modal.h"
#include "ui/back_office_window.h"
#include "ui/history_export.h"
#include "ui/history_filter_bar.h"
#include "ui/history_model.h"
#include "ui/local_history_source.h"
#include "ui/money_format.h"
#include "ui/order_detail_view.h"
#include "ui/sync_dashboard.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QChartView>
#include <QComboBox>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QScreen>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTableWidget>
#include <QTextBrowser>
#include <QTimer>

using namespace counterline;
using namespace counterline::testing;
using namespace Qt::StringLiterals;

namespace {

// Sells Brot ×2 and Wein (13.97) for exact cash, one second after the last sale.
QString sell(StoreFixture &f, const QString &customer = {}, const QString &cashier = u"anna"_s)
{
    const Cart cart = f.cart({{"BROT", 2}, {"WEIN", 1}});
    store::OrderStore orders(*f.database, f.clock, f.ids);
    f.clock.advanceMs(1000);
    const Money total = cart.totals()->total;
    const Result<store::CheckoutResult> sold = orders.checkout(
        cart,
        {cashier, customer, {Tender{TenderKind::Cash, total, {}, false}}, Actor{cashier, {}}});
    if (!sold)
        qFatal("checkout failed: %s", qPrintable(sold.error().message));
    return sold->order.id().toString(QUuid::WithoutBraces);
}

} // namespace

class BackOfficeTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom)); }

    void theHistoryPagesAndKeepsOnlyAWindow()
    {
        StoreFixture f;
        QStringList ids;
        for (int i = 0; i < 250; ++i)
            ids.prepend(sell(f)); // newest first
        ui::LocalHistorySource source(*f.database);
        ui::HistoryModel model(source, nullptr, 10, 3);
        model.setQuery({});
        QCOMPARE(model.rowCount(), 10); // one page, nothing more until asked
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        while (model.canFetchMore())
            model.fetchMore();
        QCOMPARE(model.rowCount(), 250);
        QVERIFY2(model.residentPages() <= 3, QByteArray::number(model.residentPages()).constData());
        // A page that left memory comes back from its cursor, in the same place.
        for (int row : {0, 9, 10, 125, 249}) {
            QCOMPARE(model.data(model.index(row, 0), ui::HistoryModel::OrderIdRole).toString(),
                     ids[row]);
        }
        QVERIFY(model.residentPages() <= 3);
        QCOMPARE(model.data(model.index(3, ui::HistoryModel::TotalColumn)).toString(),
                 ui::formatMoney(Money(1397, *Currency::fromCode(u"EUR"_s))));

        // A filter starts again: one receipt.
        ui::HistoryQuery byReceipt;
        byReceipt.receiptNumber = u"S1-T1-000007"_s;
        model.setQuery(byReceipt);
        QCOMPARE(model.rowCount(), 1);
        QVERIFY(!model.canFetchMore());
        QCOMPARE(model.data(model.index(0, 0)).toString(), u"S1-T1-000007"_s);
    }

    // Two editors of one order: the first wins, the second is shown what changed, reloads, and
    // what it decides then is the final state. Nothing is overwritten silently.
    void twoEditorsMeetTheConflictView()
    {
        StoreFixture f;
        const QString id = sell(f);
        ui::LocalOrderBackend backend(*f.database, f.clock, f.ids);
        ui::OrderDetailView petra(backend, u"petra"_s);
        ui::OrderDetailView jonas(backend, u"jonas"_s);
        petra.showOrder(id);
        jonas.showOrder(id);
        QCOMPARE(jonas.shown()->summary.version, 2);

        QTest::mouseClick(petra.findChild<QPushButton *>(u"actionShip"_s), Qt::LeftButton);
        QCOMPARE(petra.shown()->summary.status, OrderStatus::Shipped);

        // Jonas still sees PAID and cancels: refused, told, and reloads.
        whenMessageBox(u"conflictReload"_s);
        whenMessageBox(u"confirmUndo"_s); // "Cancel the sale?"
        QTest::mouseClick(jonas.findChild<QPushButton *>(u"actionCancel"_s), Qt::LeftButton);
        QCOMPARE(jonas.shown()->summary.status, OrderStatus::Shipped);
        QCOMPARE(jonas.shown()->summary.version, 3);
        QVERIFY(!jonas.findChild<QPushButton *>(u"actionCancel"_s));
        QTest::mouseClick(jonas.findChild<QPushButton *>(u"actionDeliver"_s), Qt::LeftButton);

        const store::OrderDetail final = *jonas.shown();
        QCOMPARE(final.summary.status, OrderStatus::Completed);
        QCOMPARE(final.events.size(), 4);
        QCOMPARE(final.events[2].actor, u"petra"_s);
        QCOMPARE(final.events[2].event, u"Ship"_s);
        QCOMPARE(final.events[3].actor, u"jonas"_s);
        QCOMPARE(final.events[3].event, u"Deliver"_s);
        QVERIFY(jonas.findChild<QTextBrowser *>(u"orderBody"_s)->toPlainText().contains(u"Wein"_s));
    }

    // A manager takes back one loaf of a completed sale through the detail view: a return order
    // linked to the sale, paid back in cash, the loaf back in stock; the history shows it as a
    // return with a negative total, and the sale's full refund is no longer offered.
    void aPartialReturnIsTakenBackThroughTheDetailView()
    {
        StoreFixture f;
        const QString id = sell(f);
        store::OrderStore orders(*f.database, f.clock, f.ids);
        QVERIFY(orders.applyEvent(QUuid(id), 2, OrderEvent::HandOver, Actor{u"anna"_s, {}}).ok());
        const qint64 breadBefore = f.count(u"SELECT on_hand FROM stock WHERE sku = 'BROT'"_s);
        ui::LocalOrderBackend backend(*f.database, f.clock, f.ids);
        ui::OrderDetailView view(backend, u"mia"_s);
        view.showOrder(id);
        QVERIFY(view.findChild<QPushButton *>(u"actionRefund"_s));
        QSignalSpy recorded(&view, &ui::OrderDetailView::returnRecorded);

        QString shownRefund;
        whenModal<QDialog>([&shownRefund](QDialog *dialog) {
            auto *confirm = dialog->findChild<QPushButton *>(u"returnConfirm"_s);
            QVERIFY(!confirm->isEnabled()); // nothing chosen yet
            dialog->findChild<QSpinBox *>(u"returnQuantity1"_s)->setValue(1);
            QCOMPARE(dialog->findChild<QSpinBox *>(u"returnQuantity1"_s)->maximum(), 2);
            shownRefund = dialog->findChild<QLabel *>(u"returnRefund"_s)->text();
            QTest::mouseClick(confirm, Qt::LeftButton);
        });
        QTest::mouseClick(view.findChild<QPushButton *>(u"actionReturn"_s), Qt::LeftButton);
        QCOMPARE(recorded.size(), 1);
        QVERIFY2(shownRefund.contains(ui::formatMoney(Money(249, *Currency::fromCode(u"EUR"_s)))),
                 qPrintable(shownRefund));

        const QString returnId = recorded.first().first().toString();
        QCOMPARE(
            f.count(u"SELECT count(*) FROM orders WHERE id = '%1' AND kind = 'return' AND "
                    "original_order_id = '%2' AND total_minor = 249 AND cashier_id = 'mia'"_s.arg(
                        returnId, id)),
            1);
        QCOMPARE(f.count(u"SELECT on_hand FROM stock WHERE sku = 'BROT'"_s), breadBefore + 1);
        // The sale now lists its return and no longer offers a full refund.
        QCOMPARE(view.shown()->returns.size(), 1);
        QVERIFY(!view.findChild<QPushButton *>(u"actionRefund"_s));
        QVERIFY(view.findChild<QPushButton *>(u"actionReturn"_s)); // a loaf and the wine are left
        QVERIFY(view.findChild<QTextBrowser *>(u"orderBody"_s)->toHtml().contains(returnId));

        // The return itself: linked back to the sale, with nothing left to do.
        view.showOrder(returnId);
        QVERIFY(view.shown()->summary.isReturn);
        QCOMPARE(view.shown()->originalOrderId, id);
        QVERIFY(!view.findChild<QPushButton *>(u"actionRefund"_s));
        QVERIFY(!view.findChild<QPushButton *>(u"actionReturn"_s));

        ui::LocalHistorySource source(*f.database);
        ui::HistoryModel model(source, nullptr, 10, 3);
        model.setQuery({});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.data(model.index(0, ui::HistoryModel::TotalColumn)).toString(),
                 ui::formatMoney(Money(-249, *Currency::fromCode(u"EUR"_s))));
        QVERIFY(model.data(model.index(0, ui::HistoryModel::StatusColumn))
                    .toString()
                    .startsWith(u"Return"_s));
    }

    // A sale charged to a card through the payment service: its return goes back to that card
    // (a refund against the charge, its id on the return's tender), once even when an earlier try
    // refunded without the return being written; a cash sale offers cash only.
    void aReturnGoesBackToTheCardTheSaleWasChargedTo()
    {
        PaysimUnderTest paysim;
        QVERIFY2(paysim.start(), paysim.said.constData());
        sync::CardPayments cards(paysim.url({}));
        StoreFixture f;
        const Cart cart = f.cart({{"BROT", 2}, {"WEIN", 1}});
        const Money total = cart.totals()->total;
        std::optional<sync::CardOutcome> charged;
        cards.charge({u"cart:card-sale"_s, total, u"tok_visa"_s, u"cart"_s},
                     [&](const sync::CardOutcome &o) { charged = o; });
        QTRY_VERIFY(charged.has_value());
        QCOMPARE(charged->kind, sync::CardOutcome::Kind::Approved);
        store::OrderStore orders(*f.database, f.clock, f.ids);
        const QString saleId =
            orders
                .checkout(cart, {u"anna"_s,
                                 {},
                                 {Tender{TenderKind::Card, total, charged->chargeId, false}},
                                 Actor{u"anna"_s, {}}})
                .value()
                .order.id()
                .toString(QUuid::WithoutBraces);
        const QString cashSale = sell(f);

        ui::LocalOrderBackend backend(*f.database, f.clock, f.ids, &cards);
        QVERIFY(backend.refundsToCard(*store::OrderDetails::load(*f.database, saleId)));
        QVERIFY(!backend.refundsToCard(*store::OrderDetails::load(*f.database, cashSale)));
        // An earlier try refunded the wine but its answer was lost (or writing the return failed):
        // taking it back now asks with the same key and gets that refund, not a second one.
        std::optional<sync::CardOutcome> earlier;
        cards.refund({u"return:%1:1"_s.arg(saleId), charged->chargeId,
                      Money(899, *Currency::fromCode(u"EUR"_s))},
                     [&](const sync::CardOutcome &o) { earlier = o; });
        QTRY_VERIFY(earlier.has_value());
        QCOMPARE(earlier->kind, sync::CardOutcome::Kind::Approved);

        ui::OrderDetailView view(backend, u"mia"_s);
        view.showOrder(saleId);
        QSignalSpy recorded(&view, &ui::OrderDetailView::returnRecorded);
        QString shown;
        whenModal<QDialog>([&shown](QDialog *dialog) {
            QVERIFY(dialog->findChild<QRadioButton *>(u"returnByCard"_s)->isChecked());
            dialog->findChild<QSpinBox *>(u"returnQuantity2"_s)->setValue(1); // the wine
            shown = dialog->findChild<QLabel *>(u"returnRefund"_s)->text();
            QTest::mouseClick(dialog->findChild<QPushButton *>(u"returnConfirm"_s), Qt::LeftButton);
        });
        QTest::mouseClick(view.findChild<QPushButton *>(u"actionReturn"_s), Qt::LeftButton);
        QTRY_COMPARE(recorded.size(), 1);
        QVERIFY2(shown.contains(u"card"_s), qPrintable(shown));
        const QString returnId = recorded.first().first().toString();
        QCOMPARE(f.count(u"SELECT amount_minor FROM tenders WHERE order_id = '%1' AND kind = "
                         "'card' AND reference = '%2'"_s.arg(returnId, earlier->chargeId)),
                 899);
        QNetworkAccessManager network;
        const QJsonArray refunds =
            http(network, "GET", paysim.url(u"/v1/ledger"_s), {}).json()[u"refunds"_s].toArray();
        QCOMPARE(refunds.size(), 1);
        QCOMPARE(refunds[0][u"charge_id"_s].toString(), charged->chargeId);
        QCOMPARE(refunds[0][u"amount"_s].toInteger(), 899);

        // The cash sale's dialog cannot pay back to a card.
        view.showOrder(cashSale);
        whenModal<QDialog>([](QDialog *dialog) {
            QVERIFY(!dialog->findChild<QRadioButton *>(u"returnByCard"_s)->isEnabled());
            QVERIFY(dialog->findChild<QRadioButton *>(u"returnByCash"_s)->isChecked());
            dialog->reject();
        });
        QTest::mouseClick(view.findChild<QPushButton *>(u"actionReturn"_s), Qt::LeftButton);
        QCOMPARE(f.count(u"SELECT count(*) FROM orders WHERE kind = 'return'"_s), 1);
    }

    void csvExportRoundTrips()
    {
        StoreFixture f;
        sell(f, u"Müller, \"Hans\""_s);
        sell(f, u"Zoë\nsecond line"_s);
        for (int i = 0; i < 620; ++i)
            sell(f, {}, i % 2 ? u"anna"_s : u"ben"_s);
        ui::LocalHistorySource source(*f.database);
        ui::HistoryQuery query;
        query.minTotalMinor = 1000;
        query.cashier = u"anna"_s;
        QTemporaryDir dir;
        const QString path = dir.filePath(u"orders.csv"_s);
        const Result<int> written = ui::HistoryExport::toCsv(source, query, path);
        QVERIFY(written.ok());
        QCOMPARE(*written, 312); // both customers' sales and 310 of anna's

        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.contains("\r\n"));
        const Result<QList<CsvRow>> rows = parseCsv(QString::fromUtf8(bytes));
        QVERIFY(rows.ok());
        QCOMPARE(rows->size(), 313);
        QCOMPARE(rows->first().fields, ui::HistoryExport::header());
        // Row by row what the history itself lists.
        ui::HistoryModel model(source);
        model.setQuery(query);
        while (model.canFetchMore())
            model.fetchMore();
        QCOMPARE(model.rowCount(), 312);
        QSet<QString> customers;
        for (int row = 0; row < model.rowCount(); ++row) {
            const QStringList &fields = rows->at(row + 1).fields;
            const ui::HistoryRow *listed = model.rowAt(row);
            QVERIFY(listed);
            QCOMPARE(fields[0], listed->id);
            QCOMPARE(fields[1], listed->receiptNumber);
            QCOMPARE(fields[3], listed->status);
            QCOMPARE(fields[7], u"13.97"_s);
            QCOMPARE(fields[8], u"EUR"_s);
            customers.insert(fields[6]);
        }
        QVERIFY(customers.contains(u"Müller, \"Hans\""_s));
        QVERIFY(customers.contains(u"Zoë\nsecond line"_s));

        // An unwritable place is said, and nothing is left behind.
        const Result<int> refused =
            ui::HistoryExport::toCsv(source, query, dir.filePath(u"missing/orders.csv"_s));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, u"export.unwritable"_s);
    }

    // The export runs from the event loop a page at a time: it returns at once, reports progress
    // page by page, and the window's own events run in between; cancelled, it saves nothing.
    void theExportKeepsTheWindowResponsiveAndCanBeCancelled()
    {
        StoreFixture f;
        for (int i = 0; i < 250; ++i)
            sell(f);
        QTemporaryDir dir;
        ui::LocalHistorySource source(*f.database);
        const QString path = dir.filePath(u"orders.csv"_s);
        ui::HistoryExport job(source, {}, path, nullptr, 50);
        QSignalSpy progress(&job, &ui::HistoryExport::progress);
        QSignalSpy finished(&job, &ui::HistoryExport::finished);
        int ticks = 0;
        QTimer ticker;
        connect(&ticker, &QTimer::timeout, [&] { ++ticks; });
        ticker.start(0);
        job.start();
        QVERIFY(finished.isEmpty()); // nothing written yet: it goes on from the event loop
        QVERIFY(!QFile::exists(path));
        QVERIFY(finished.wait(10'000));
        QCOMPARE(progress.size(), 5);
        QCOMPARE(progress.last().first().toInt(), 250);
        QVERIFY2(ticks >= 4, QByteArray::number(ticks).constData()); // events ran between pages
        QCOMPARE(finished.size(), 1);
        QCOMPARE(job.written(), 250);
        QVERIFY(QFile::exists(path));

        ui::LocalOrderBackend backend(*f.database, f.clock, f.ids);
        ui::BackOfficeWindow window(source, backend, f.database.get(), f.clock, u"Test"_s,
                                    u"mia"_s);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QString cancelled = dir.filePath(u"second.csv"_s);
        window.exportCsv(cancelled);
        auto *cancel = window.findChild<QPushButton *>(u"cancelExport"_s);
        QVERIFY(!window.findChild<QPushButton *>(u"exportCsv"_s)->isEnabled());
        QTest::mouseClick(cancel, Qt::LeftButton);
        auto *message = window.findChild<QLabel *>(u"backOfficeMessage"_s);
        QTRY_VERIFY(message->text().contains(u"cancelled"_s));
        QVERIFY(!QFile::exists(cancelled));
        QVERIFY(window.findChild<QPushButton *>(u"exportCsv"_s)->isEnabled());

        // And one to the end through the window.
        window.exportCsv(cancelled);
        QTRY_VERIFY_WITH_TIMEOUT(message->text().contains(u"250 orders written"_s), 10'000);
        QVERIFY(QFile::exists(cancelled));
    }

    void theSyncDashboardRetriesAndExportsDiagnostics()
    {
        StoreFixture f;
        const QString id = sell(f);
        sell(f);
        store::OutboxStore outbox(*f.database, f.clock);
        const qint64 seq = f.count(u"SELECT seq FROM outbox WHERE order_id = '%1'"_s.arg(id));
        QVERIFY(outbox
                    .markNeedsAttention(seq, 422, u"order.totals_mismatch: line 1"_s,
                                        u"order.totals_mismatch"_s)
                    .ok());

        ui::SyncDashboard dashboard(*f.database, f.clock);
        auto *table = dashboard.findChild<QTableWidget *>(u"outboxTable"_s);
        QCOMPARE(table->rowCount(), 2);
        QVERIFY(dashboard.findChild<QLabel *>(u"syncSummary"_s)->text().contains(u"1 needing"_s));
        bool reasonShown = false;
        for (int row = 0; row < table->rowCount(); ++row) {
            const QTableWidgetItem *reason = table->item(row, 6);
            if (reason->toolTip().isEmpty())
                continue;
            // a sentence for the manager; the server's code only in the tooltip, for support
            QVERIFY2(reason->text().contains(u"did not accept this sale's figures (line 1)"_s),
                     qPrintable(reason->text()));
            QVERIFY(!reason->text().contains(u"totals_mismatch"_s));
            QCOMPARE(reason->toolTip(), u"order.totals_mismatch: line 1"_s);
            reasonShown = true;
        }
        QVERIFY(reasonShown);
        QVERIFY(!dashboard.findChild<QLabel *>(u"syncSummary"_s)->text().contains(u"mismatch"_s));

        QTemporaryDir dir;
        const QString path = dir.filePath(u"diagnostics.json"_s);
        QVERIFY(ui::SyncDashboard::writeDiagnostics(*f.database, f.clock, path).ok());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject report = QJsonDocument::fromJson(file.readAll()).object();
        QCOMPARE(report[u"sync"_s][u"needs_attention"_s].toInt(), 1);
        QCOMPARE(report[u"sync"_s][u"waiting"_s].toArray().size(), 2);
        QCOMPARE(report[u"journal"_s][u"holds"_s].toBool(), true);
        QCOMPARE(report[u"terminal"_s][u"terminal"_s].toString(), u"T1"_s);

        table->selectRow(0);
        for (int row = 0; row < table->rowCount(); ++row) {
            if (table->item(row, 2)->text() == dashboard.tr("Needs attention"))
                table->selectRow(row);
        }
        QTest::mouseClick(dashboard.findChild<QPushButton *>(u"retryNow"_s), Qt::LeftButton);
        QCOMPARE(f.count(u"SELECT count(*) FROM outbox WHERE state = 'needs_attention'"_s), 0);
        QCOMPARE(f.count(u"SELECT count(*) FROM orders WHERE sync_state = 'needs_attention'"_s), 0);
        QVERIFY(dashboard.findChild<QLabel *>(u"syncSummary"_s)->text().contains(u"0 needing"_s));
        auto *note = dashboard.findChild<QLabel *>(u"retryNote"_s);
        QVERIFY2(note->text().startsWith(u"1 will be sent on the till's next pass"_s),
                 qPrintable(note->text()));
        table->clearSelection();
        QTest::mouseClick(dashboard.findChild<QPushButton *>(u"retryNow"_s), Qt::LeftButton);
        QVERIFY2(note->text().contains(u"will be sent"_s), qPrintable(note->text()));
    }

    void reportsAddUp()
    {
        StoreFixture f; // the clock starts at 09:00 UTC on 24 November 2026
        for (int i = 0; i < 3; ++i)
            sell(f);
        f.clock.advanceMs(2LL * 3600 * 1000);
        sell(f);
        const QDate day = f.clock.now().toLocalTime().date();
        const Result<store::HourlySales> hourly = store::SalesReport::byHour(*f.database, day);
        QVERIFY(hourly.ok());
        const int nine =
            QDateTime(QDate(2026, 11, 24), QTime(9, 0), Qt::UTC).toLocalTime().time().hour();
        QCOMPARE(hourly->orders[std::size_t(nine)], 3);
        QCOMPARE(hourly->salesMinor[std::size_t(nine)], 3 * 1397);
        QCOMPARE(hourly->orders[std::size_t(nine + 2)], 1);

        const Result<store::PeriodReport> period =
            store::SalesReport::period(*f.database, QDateTime(day, QTime(0, 0)).toUTC(),
                                       QDateTime(day.addDays(1), QTime(0, 0)).toUTC());
        QVERIFY(period.ok());
        QCOMPARE(period->orderCount, 4);
        QCOMPARE(period->sales.minorUnits(), 4 * 1397);
        QCOMPARE(period->cash.minorUnits(), 4 * 1397);
        QCOMPARE(period->perRate.size(), 2);
        qint64 gross = 0;
        for (const TaxRateTotal &rate : period->perRate)
            gross += rate.gross.minorUnits();
        QCOMPARE(gross, 4 * 1397);
    }

    void theWindowFiltersAndSaysWhatIsWrong()
    {
        StoreFixture f;
        for (int i = 0; i < 30; ++i)
            sell(f);
        ui::LocalHistorySource source(*f.database);
        ui::LocalOrderBackend backend(*f.database, f.clock, f.ids);
        ui::BackOfficeWindow window(source, backend, f.database.get(), f.clock, u"S1-T1"_s,
                                    u"petra"_s);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.history().rowCount(), 30);
        auto *from = window.filters().field(u"from"_s);
        QTest::keyClicks(from, u"24.11.2026"_s);
        QTest::keyClick(from, Qt::Key_Return);
        QVERIFY(
            window.findChild<QLabel *>(u"backOfficeMessage"_s)->text().contains(u"24.11.2026"_s));
        QCOMPARE(window.history().rowCount(), 30); // unchanged
        from->clear();
        auto *receipt = window.filters().field(u"receipt"_s);
        QTest::keyClicks(receipt, u"S1-T1-000003"_s);
        QTest::keyClick(receipt, Qt::Key_Return);
        QCOMPARE(window.history().rowCount(), 1);
        // Choosing it shows it in full.
        auto *table = window.findChild<QTableView *>(u"historyTable"_s);
        table->selectRow(0);
        QCOMPARE(window.detail().shown()->summary.receiptNumber, u"S1-T1-000003"_s);
        QVERIFY(window.findChild<QChartView *>(u"hourlyChart"_s)->chart() != nullptr);

        // The window fits a 1024 × 768 screen (it opens no larger than the screen).
        const QSize least = window.minimumSizeHint();
        QVERIFY2(least.width() <= 1024 && least.height() <= 768,
                 qPrintable(u"%1 × %2"_s.arg(least.width()).arg(least.height())));

        // Statuses read in words in the filter, as in the table; a filter that leaves the order
        // shown out of the list takes it, and its actions, out of the detail pane.
        auto *status = window.findChild<QComboBox *>(u"filterStatus"_s);
        const int cancelled = status->findData(u"CANCELLED"_s);
        QCOMPARE(status->itemText(cancelled), u"Cancelled"_s);
        QCOMPARE(status->itemText(status->findData(u"PAID"_s)), u"Paid"_s);
        status->setCurrentIndex(cancelled);
        QTest::keyClick(receipt, Qt::Key_Return);
        QTRY_COMPARE(window.history().rowCount(), 0);
        QVERIFY(!window.detail().shown());
        QVERIFY(window.detail().findChildren<QPushButton *>().isEmpty());
    }
};

QTEST_MAIN(BackOfficeTest)
#include "tst_back_office.moc"
