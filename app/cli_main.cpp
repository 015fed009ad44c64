// counterline-cli: the terminal without a window (BRIEF §9). A thin composition root; every
// command lives in its own file and returns an exit code.

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(u"Counterline"_s);
    QCoreApplication::setApplicationName(u"counterline"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(COUNTERLINE_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Counterline terminal commands."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(u"command"_s,
                                 QCoreApplication::translate("main", "The command to run."));
    parser.process(app);

    QTextStream err(stderr);
    err << QCoreApplication::translate("main", "No command given; see --help.") << Qt::endl;
    return 2;
}
