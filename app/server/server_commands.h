#pragma once

// The pieces of counterline-server's main: its command line, serving the v1 API, and the
// operator commands, one file each (server_commands.h lists them).

#include "domain/result.h"
#include "server/server_database.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QSqlDatabase>
#include <QStringList>
#include <QTextStream>

#include <initializer_list>
#include <optional>

namespace counterline::app {

// Prints "counterline-server: message" to stderr; 1 for a failure, 2 for a usage error.
int fail(const QString &message);
int fail(const Error &error);
int usage(const QString &message);

// The server's options and its description (the operator commands included).
void addServerOptions(QCommandLineParser &parser);

// Serves the v1 API until SIGTERM or SIGINT; returns the exit code.
int serve(QCoreApplication &app, const QCommandLineParser &parser,
          server::ServerDatabase &database);

// What an operator command gets: the command line, the words after the program name, the
// database, the time and standard output.
struct AdminCall
{
    const QCommandLineParser &parser;
    QStringList words;
    QString command; // the first two words, e.g. "store add"
    QSqlDatabase db;
    QDateTime now;
    QTextStream &out;

    // A usage error naming the first of `options` that was not given, if any.
    std::optional<int> need(std::initializer_list<QString> options) const;
};

int addStore(const AdminCall &call);      // store add
int issueToken(const AdminCall &call);    // terminal enroll|rotate-token, user add
int revokeToken(const AdminCall &call);   // terminal revoke, user revoke
int importCatalog(const AdminCall &call); // catalog import
int addWebhook(const AdminCall &call);    // webhook add

} // namespace counterline::app
