#pragma once

// Runs the real counterline-cli (COUNTERLINE_CLI_PATH) on a data directory, as a user would.

#include <QProcess>
#include <QString>
#include <QStringList>

namespace counterline::testing {

struct CliRun
{
    int exitCode = -1; // -1: it did not finish, or crashed
    QString out;
    QString err;
};

inline CliRun cli(const QString &dataDir, const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral(COUNTERLINE_CLI_PATH),
                  QStringList{QStringLiteral("--data-dir"), dataDir} + arguments);
    if (!process.waitForFinished(120'000))
        return {};
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

} // namespace counterline::testing
