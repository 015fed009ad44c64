// counterline: the cashier's window on this terminal's database, with sync in the background.

#include "common/translations.h"
#include "domain/clock.h"
#include "domain/id_source.h"
#include "store/database.h"
#include "store/terminal_identity.h"
#include "store/user_store.h"
#include "sync/card_payments.h"
#include "sync/server_orders.h"
#include "sync_worker.h"
#include "ui/back_office_window.h"
#include "ui/checkout_window.h"
#include "ui/follow_ups_view.h"
#include "ui/local_history_source.h"
#include "ui/manager_approval.h"
#include "ui/order_backend.h"
#include "ui/server_history_source.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QSettings>
#include <QTranslator>

using namespace counterline;
using namespace Qt::StringLiterals;

namespace {

Q_LOGGING_CATEGORY(lcStartup, "counterline.startup", QtWarningMsg)

int refuse(const QString &message)
{
    fprintf(stderr, "counterline: %s\n", qPrintable(message));
    QMessageBox::critical(nullptr, QApplication::translate("counterline", "Counterline"), message);
    return 1;
}

// Says once, under the logging category counterline.startup (off unless enabled, e.g.
// QT_LOGGING_RULES=counterline.startup.info=true), how long the start took up to the window's first
// painted frame. bench/bench_cold_start reads it.
class FirstFrameLog : public QObject
{
public:
    FirstFrameLog(QWidget &window, const QElapsedTimer &sinceStart)
        : m_window(window)
        , m_sinceStart(sinceStart)
    {
        m_window.installEventFilter(this);
    }

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == &m_window && event->type() == QEvent::Paint) {
            m_window.removeEventFilter(this);
            qCInfo(lcStartup, "first frame after %lld ms", m_sinceStart.elapsed());
        }
        return false;
    }

private:
    QWidget &m_window;
    const QElapsedTimer &m_sinceStart;
};

// The back office: on the server for head office (--server), else on this terminal's database
// for its manager.
int runBackOffice(const QCommandLineParser &parser)
{
    SystemClock clock;
    Uuid7Source ids(clock);
    if (parser.isSet(u"server"_s)) {
        const QUrl server(parser.value(u"server"_s));
        const QByteArray token = parser.isSet(u"token"_s) ? parser.value(u"token"_s).toUtf8()
                                                          : qgetenv("COUNTERLINE_TOKEN");
        if (!server.isValid() || server.host().isEmpty() || token.isEmpty()) {
            return refuse(QApplication::translate(
                "counterline", "--back-office --server needs the server's URL and a token "
                               "(--token or COUNTERLINE_TOKEN)."));
        }
        sync::ServerOrders orders({server, token});
        ui::ServerHistorySource source(orders);
        ui::ServerOrderBackend backend(orders);
        ui::BackOfficeWindow window(source, backend, nullptr, clock, server.toString(), QString());
        window.addView(new ui::FollowUpsView(orders),
                       QApplication::translate("counterline", "Follow-ups"));
        window.show();
        return QApplication::exec();
    }
    const QString dataDir = parser.isSet(u"data-dir"_s) ? parser.value(u"data-dir"_s)
                                                        : store::Database::defaultDataDirectory();
    auto opened = store::Database::open(store::Database::fileIn(dataDir));
    if (!opened)
        return refuse(opened.error().message);
    std::unique_ptr<store::Database> database = std::move(opened).value();
    Result<store::TerminalIdentity> terminal =
        store::TerminalSettings::load(database->connection());
    if (!terminal)
        return refuse(terminal.error().message);
    // A manager opens the back office; the PIN says who changes what. A wrong PIN asks again
    // (and counts toward the till's PIN lock); only Cancel leaves.
    store::UserStore users(*database, clock, ids);
    const std::optional<store::User> manager = ui::ManagerApproval::ask(
        users, {QApplication::translate("counterline", "Opening the back office"), {}}, nullptr, {},
        store::PinPlace::BackOffice);
    if (!manager)
        return 0;
    // With the payment service, a return can go back to the card the sale was charged to.
    std::unique_ptr<sync::CardPayments> cards;
    if (parser.isSet(u"paysim"_s)) {
        const Result<QUrl> service = sync::CardPayments::serviceUrl(parser.value(u"paysim"_s));
        if (!service)
            return refuse(service.error().message);
        cards = std::make_unique<sync::CardPayments>(*service);
    }
    ui::LocalHistorySource source(*database);
    ui::LocalOrderBackend backend(*database, clock, ids, cards.get());
    ui::BackOfficeWindow window(source, backend, database.get(), clock,
                                terminal->storeId + u'-' + terminal->terminalId, manager->name);
    window.show();
    return QApplication::exec();
}

} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer sinceStart;
    sinceStart.start();
    QApplication app(argc, argv);
    QApplication::setOrganizationName(u"Counterline"_s);
    QApplication::setApplicationName(u"counterline"_s);
    QApplication::setApplicationVersion(QStringLiteral(COUNTERLINE_VERSION));
    app::installTranslations();

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("counterline", "Counterline checkout for cashiers."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({
        {u"data-dir"_s,
         QApplication::translate("counterline", "Where the terminal keeps its database."),
         u"dir"_s},
        {u"receipts-dir"_s,
         QApplication::translate("counterline",
                                 "Where receipts are kept as PDF (default: DIR/receipts)."),
         u"dir"_s},
        {u"printer"_s,
         QApplication::translate("counterline",
                                 "Also print receipts and Z reports on this printer (its CUPS "
                                 "name); they are always kept as PDF."),
         u"name"_s},
        {u"paysim"_s,
         QApplication::translate("counterline",
                                 "Charge cards through this payment service (counterline-paysim), "
                                 "e.g. http://127.0.0.1:8090."),
         u"url"_s},
        {u"paper"_s,
         QApplication::translate("counterline", "Receipt paper: thermal (80 mm, default) or a4."),
         u"paper"_s},
        {u"back-office"_s,
         QApplication::translate("counterline",
                                 "Open the back office instead of the till: this terminal's "
                                 "orders (a manager's PIN is asked), or with --server the "
                                 "server's.")},
        {u"server"_s,
         QApplication::translate("counterline",
                                 "--back-office for head office: the server's URL, e.g. "
                                 "https://pos.example.org (no terminal database needed)."),
         u"url"_s},
        {u"token"_s,
         QApplication::translate("counterline",
                                 "--server: a back-office user's token (counterline-server user "
                                 "add), or set COUNTERLINE_TOKEN."),
         u"token"_s},
    });
    parser.process(app);

    if (parser.isSet(u"back-office"_s))
        return runBackOffice(parser);

    const QString dataDir = parser.isSet(u"data-dir"_s) ? parser.value(u"data-dir"_s)
                                                        : store::Database::defaultDataDirectory();
    auto opened = store::Database::open(store::Database::fileIn(dataDir));
    if (!opened)
        return refuse(opened.error().message);
    std::unique_ptr<store::Database> database = std::move(opened).value();
    if (!store::TerminalSettings::load(database->connection())) {
        return refuse(QApplication::translate("counterline",
                                              "The terminal in %1 is not set up yet: run "
                                              "counterline-cli init, or enroll it with a server.")
                          .arg(dataDir));
    }
    const QString paper = parser.value(u"paper"_s);
    if (!paper.isEmpty() && paper != u"thermal"_s && paper != u"a4"_s)
        return refuse(
            QApplication::translate("counterline", "--paper is thermal or a4, not \"%1\".")
                .arg(paper));

    SystemClock clock;
    Uuid7Source ids(clock);
    ui::CheckoutOptions options;
    options.receiptDirectory = parser.isSet(u"receipts-dir"_s)
                                   ? parser.value(u"receipts-dir"_s)
                                   : QDir(dataDir).filePath(u"receipts"_s);
    options.paper = paper == u"a4"_s ? ui::ReceiptPaper::A4 : ui::ReceiptPaper::Thermal80mm;
    options.printerName = parser.value(u"printer"_s);
    if (parser.isSet(u"paysim"_s)) {
        const Result<QUrl> service = sync::CardPayments::serviceUrl(parser.value(u"paysim"_s));
        if (!service)
            return refuse(service.error().message);
        options.paymentService = *service;
    }
    ui::CheckoutWindow window(*database, clock, ids, options);
    app::SyncWorker sync(database->filePath(), clock);
    QObject::connect(&sync, &app::SyncWorker::statusChanged, &window,
                     &ui::CheckoutWindow::showSyncStatus);
    sync.start();
    window.show();
    FirstFrameLog firstFrame(window, sinceStart);
    return app.exec();
}
