#pragma once

// Starts a Counterline service (counterline-server, counterline-paysim) with --listen HOST:0 and
// learns its port from the first line it prints ("… listening on http://127.0.0.1:PORT").

#include <QProcess>

namespace counterline::testing {

// The port, or 0 when the process did not come up; then `said` holds what it wrote.
inline quint16 startListening(QProcess &process, const QString &program,
                              const QStringList &arguments, QByteArray *said = nullptr)
{
    process.start(program, arguments);
    if (!process.waitForStarted())
        return 0;
    QByteArray output;
    while (!output.contains('\n')) {
        if (!process.waitForReadyRead(30'000)) {
            if (said)
                *said = output + process.readAllStandardError();
            return 0;
        }
        output += process.readAllStandardOutput();
    }
    const QByteArray line = output.left(output.indexOf('\n'));
    return line.mid(line.lastIndexOf(':') + 1).toUShort();
}

} // namespace counterline::testing
