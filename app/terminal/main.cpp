// counterline: the cashier's window on this terminal's database, with sync in the background.

#include "domain/clock.h"
#include "domain/id_source.h"
#include "store/database.h"
#include "store/terminal_identity.h"
#include "sync_worker.h"
#include "ui/checkout_window.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QMessageBox>

using namespace counterline;
using namespace Qt::StringLiterals;

namespace {

int refuse(const QString &message)
{
    fprintf(stderr, "counterline: %s\n", qPrintable(message));
    QMessageBox::critical(nullptr, QApplication::translate("counterline", "Counterline"), message);
    return 1;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(u"Counterline"_s);
    QApplication::setApplicationName(u"counterline"_s);
    QApplication::setApplicationVersion(QStringLiteral(COUNTERLINE_VERSION));

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
        {u"paper"_s,
         QApplication::translate("counterline", "Receipt paper: thermal (80 mm, default) or a4."),
         u"paper"_s},
    });
    parser.process(app);

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
    ui::CheckoutWindow window(*database, clock, ids, options);
    app::SyncWorker sync(database->filePath(), clock);
    QObject::connect(&sync, &app::SyncWorker::statusChanged, &window,
                     &ui::CheckoutWindow::showSyncStatus);
    sync.start();
    window.show();
    return app.exec();
}
