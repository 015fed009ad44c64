#include "cli/cli_context.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace counterline::cli {

Context::Context(const QCommandLineParser &commandLine, QStringList commandWords)
    : parser(commandLine)
    , words(std::move(commandWords))
    , out(stdout)
    , err(stderr)
    , ids(clock)
{}

store::Database *Context::database()
{
    if (m_database)
        return m_database.get();
    const QString directory = parser.isSet(u"data-dir"_s) ? parser.value(u"data-dir"_s)
                                                          : store::Database::defaultDataDirectory();
    Result<std::unique_ptr<store::Database>> opened =
        store::Database::open(store::Database::fileIn(directory));
    if (!opened) {
        fail(opened.error());
        return nullptr;
    }
    m_database = std::move(opened).value();
    return m_database.get();
}

int Context::fail(const QString &message)
{
    err << "counterline-cli: " << message << Qt::endl;
    return 1;
}

int Context::fail(const Error &error)
{
    return fail(u"%1 [%2]"_s.arg(error.message, error.code));
}

int Context::usage(const QString &message)
{
    err << "counterline-cli: " << message << Qt::endl
        << QCoreApplication::translate("counterline::cli", "See counterline-cli --help.")
        << Qt::endl;
    return 2;
}

} // namespace counterline::cli
