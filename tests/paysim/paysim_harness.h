#pragma once

// A counterline-paysim process of its own for one test, on loopback, with its ledger in a
// temporary directory (or a given one, to restart on the same ledger).

#include "tests/server/listening_process.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QUrl>

namespace counterline::testing {

class PaysimUnderTest
{
public:
    PaysimUnderTest() = default;
    ~PaysimUnderTest() { stop(); }

    QString dataDir() const { return m_dataDir.isEmpty() ? m_dir.path() : m_dataDir; }
    void useDataDir(const QString &dir) { m_dataDir = dir; }

    // Starts the process and learns its port from its first line; false (with the process's
    // words in `said`) when it did not come up.
    bool start(const QStringList &extra = {})
    {
        m_port =
            startListening(m_process, QStringLiteral(COUNTERLINE_PAYSIM_PATH),
                           QStringList{QStringLiteral("--data-dir"), dataDir(),
                                       QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")} +
                               extra,
                           &said);
        return m_port != 0;
    }

    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.terminate();
        if (!m_process.waitForFinished(10'000))
            m_process.kill();
        m_process.waitForFinished();
    }

    QUrl url(const QString &path) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path));
    }

    QProcess &process() { return m_process; }
    QByteArray said;

private:
    QTemporaryDir m_dir;
    QString m_dataDir;
    QProcess m_process;
    quint16 m_port = 0;
};

} // namespace counterline::testing
