// counterline-paysim: the payment service shipped for demos, training and tests (BRIEF §7).
// It keeps its own ledger (SQLite) and serves charges, refunds and status by key over HTTP.

#include "common/listen_address.h"
#include "common/translations.h"
#include "domain/clock.h"
#include "paysim/payment_ledger.h"
#include "paysim/payment_simulator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QStandardPaths>
#include <QTextStream>

using namespace Qt::StringLiterals;
using namespace counterline;

namespace {

int fail(const QString &message, int code = 1)
{
    QTextStream(stderr) << "counterline-paysim: " << message << Qt::endl;
    return code;
}

// --fault MODE[:TIMES[:DELAY_MS]], e.g. drop_after_capture:1 or slow:5:2000.
Result<void> armFromOption(paysim::PaymentSimulator &simulator, const QString &option)
{
    const QStringList parts = option.split(u':');
    Result<paysim::Fault> fault = paysim::faultFromName(parts.value(0));
    if (!fault)
        return fault.error();
    bool timesOk = true;
    bool delayOk = true;
    const int times = parts.size() > 1 ? parts[1].toInt(&timesOk) : 1;
    const int delayMs = parts.size() > 2 ? parts[2].toInt(&delayOk) : 30'000;
    if (!timesOk || !delayOk || times < 1 || delayMs < 0 || parts.size() > 3) {
        return Error{u"paysim.bad_fault"_s,
                     QCoreApplication::translate(
                         "counterline::paysim::main",
                         "--fault takes MODE[:TIMES[:DELAY_MS]], e.g. slow:5:2000, not \"%1\".")
                         .arg(option)};
    }
    simulator.arm(*fault, times, std::chrono::milliseconds(delayMs));
    return success();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(u"Counterline"_s);
    QCoreApplication::setApplicationName(u"counterline-paysim"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(COUNTERLINE_VERSION));
    app::installTranslations();

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "counterline::paysim::main",
        "Counterline payment simulator: charges, refunds and status by Idempotency-Key, "
        "for demos, training and tests. No real money moves.\n\n"
        "Tokens: tok_insufficient… and tok_expired… and tok_decline… are declined; any "
        "other tok_… is approved."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({
        {u"data-dir"_s,
         QCoreApplication::translate("counterline::paysim::main",
                                     "Where the ledger is kept (paysim.sqlite)."),
         u"dir"_s},
        {u"listen"_s,
         QCoreApplication::translate("counterline::paysim::main",
                                     "HOST:PORT to serve on (default 127.0.0.1:8090)."),
         u"address"_s},
        {u"fault"_s,
         QCoreApplication::translate(
             "counterline::paysim::main",
             "Misbehave for the next charges: timeout, drop_after_capture or slow, as "
             "MODE[:TIMES[:DELAY_MS]]."),
         u"fault"_s},
    });
    parser.process(app);

    const Result<app::ListenAddress> where = app::parseListenAddress(
        parser.isSet(u"listen"_s) ? parser.value(u"listen"_s) : u"127.0.0.1:8090"_s,
        u"127.0.0.1:8090"_s);
    if (!where)
        return fail(where.error().message, 2);
    // No TLS here: a simulator is for this machine (BRIEF §1: TLS on every non-loopback link).
    if (!where->address.isLoopback()) {
        return fail(QCoreApplication::translate("counterline::paysim::main",
                                                "Plain HTTP is served on loopback only, not on %1.")
                        .arg(where->address.toString()),
                    2);
    }
    const QString dataDir = parser.isSet(u"data-dir"_s)
                                ? parser.value(u"data-dir"_s)
                                : QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (!QDir().mkpath(dataDir))
        return fail(QCoreApplication::translate("counterline::paysim::main",
                                                "Cannot create the directory %1.")
                        .arg(dataDir));
    auto ledger = paysim::PaymentLedger::open(QDir(dataDir).filePath(u"paysim.sqlite"_s));
    if (!ledger)
        return fail(ledger.error().message);

    SystemClock clock;
    paysim::PaymentSimulator simulator(**ledger, clock);
    if (parser.isSet(u"fault"_s)) {
        if (Result<void> armed = armFromOption(simulator, parser.value(u"fault"_s)); !armed)
            return fail(armed.error().message, 2);
    }
    Result<quint16> bound = simulator.listen(where->address, where->port);
    if (!bound)
        return fail(bound.error().message);
    // Tests and scripts read this line to learn the port (with --listen HOST:0).
    QTextStream(stdout) << "counterline-paysim listening on http://" << where->address.toString()
                        << ':' << *bound << Qt::endl;
    return app.exec();
}
