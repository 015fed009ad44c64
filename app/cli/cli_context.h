#pragma once

#include "domain/clock.h"
#include "domain/id_source.h"
#include "store/database.h"
#include "store/sync_settings.h"

#include <QCommandLineParser>
#include <QJsonObject>
#include <QTextStream>

#include <memory>

namespace counterline::cli {

// The commands, their options and the description --help shows (cli_options.cpp).
void addOptions(QCommandLineParser &parser);

// What every command gets: the parsed command line, the words after the command, the streams,
// and the terminal database (opened on first use).
class Context
{
public:
    Context(const QCommandLineParser &parser, QStringList words);

    const QCommandLineParser &parser;
    const QStringList words;
    QTextStream out;
    QTextStream err;
    SystemClock clock;
    Uuid7Source ids;

    // Opens DATA_DIR/terminal.sqlite; nullptr after printing the reason.
    store::Database *database();

    // Prints "counterline-cli: message" to stderr and returns the exit code for a failure.
    int fail(const QString &message);
    int fail(const Error &error);
    int usage(const QString &message); // exit code 2

private:
    std::unique_ptr<store::Database> m_database;
};

// A GET to the server, waited for (the command line has nothing else to do meanwhile); anything
// but 200 is an error naming the server and its answer.
Result<QJsonObject> serverGet(const store::SyncTarget &target, const QString &pathAndQuery,
                              int timeoutMs = 30'000);

int runInit(Context &context);
int runCatalogImport(Context &context);
int runSale(Context &context);
int runReturn(Context &context);
int runJournalVerify(Context &context);
int runOrders(Context &context);
int runCartsPurge(Context &context);
int runEnroll(Context &context);
int runSync(Context &context);
int runSyncStatus(Context &context);
int runUserAdd(Context &context);
int runEventsTail(Context &context);

} // namespace counterline::cli
