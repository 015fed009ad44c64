#pragma once

// Runs the real counterline-server as a child process on SQLite or on a fresh PostgreSQL
// database, and talks HTTP to it over a real socket.

#include "tests/server/http_client.h"
#include "tests/server/listening_process.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QTest>
#include <QUuid>

#include <memory>

namespace counterline::testing {

// A server of its own for one test: a temporary data directory (SQLite) or a database created
// for it in the PostgreSQL cluster that test.sh started (COUNTERLINE_TEST_POSTGRES).
class ServerUnderTest
{
public:
    explicit ServerUnderTest(const QString &backend)
    {
        if (backend == QLatin1StringView("postgres")) {
            const QString admin = qEnvironmentVariable("COUNTERLINE_TEST_POSTGRES");
            if (admin.isEmpty()) {
                m_problem = QStringLiteral("COUNTERLINE_TEST_POSTGRES is not set: run the tests "
                                           "through ./test.sh, which starts PostgreSQL");
                return;
            }
            QUrl url(admin);
            const QString name = QStringLiteral("t_") + QUuid::createUuid().toString(QUuid::Id128);
            {
                QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
                db.setHostName(url.host());
                db.setPort(url.port(5432));
                db.setUserName(url.userName());
                db.setDatabaseName(url.path().mid(1));
                if (!db.open()) {
                    m_problem = db.lastError().text();
                } else {
                    QSqlQuery query(db);
                    if (!query.exec(QStringLiteral("CREATE DATABASE ") + name))
                        m_problem = query.lastError().text();
                }
            }
            QSqlDatabase::removeDatabase(name);
            url.setPath(u'/' + name);
            m_location = {QStringLiteral("--database"), url.toString()};
        } else {
            m_location = {QStringLiteral("--data-dir"), m_dir.path()};
        }
    }

    ~ServerUnderTest() { stop(); }

    const QString &problem() const { return m_problem; }
    const QStringList &location() const { return m_location; }

    // Runs an operator command and returns its standard output (empty on failure).
    QString command(const QStringList &arguments, int *exitCode = nullptr)
    {
        QProcess process;
        process.start(QStringLiteral(COUNTERLINE_SERVER_PATH), m_location + arguments);
        process.waitForFinished(60'000);
        if (exitCode)
            *exitCode = process.exitCode();
        if (process.exitCode() != 0)
            qWarning("%s", process.readAllStandardError().constData());
        return QString::fromUtf8(process.readAllStandardOutput());
    }

    // `store add --id ID --name ID --currency EUR` plus `extra`; true when it worked.
    bool addStore(const QString &id, const QStringList &extra = {})
    {
        int exitCode = -1;
        command(QStringList{QStringLiteral("store"), QStringLiteral("add"), QStringLiteral("--id"),
                            id, QStringLiteral("--name"), id, QStringLiteral("--currency"),
                            QStringLiteral("EUR")} +
                    extra,
                &exitCode);
        return exitCode == 0;
    }

    // The token printed on the last line of an enrolment.
    QByteArray enroll(const QString &store, const QString &terminal)
    {
        const QString out =
            command({QStringLiteral("terminal"), QStringLiteral("enroll"),
                     QStringLiteral("--store"), store, QStringLiteral("--name"), terminal});
        return out.trimmed().split(u'\n').last().toLatin1();
    }

    // A person's token (user add prints it alone on the last line), "backoffice" or "admin".
    QByteArray addUser(const QString &name, const QString &role = QStringLiteral("backoffice"))
    {
        const QString out =
            command({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--name"), name,
                     QStringLiteral("--role"), role});
        return out.trimmed().split(u'\n').last().toLatin1();
    }

    // Imports a catalog CSV (with --store `store` when given, for its stock column): true when
    // the command succeeded. A till's sales are compared with it, so a test whose till sells from
    // a catalog gives the server the same one.
    bool importCatalog(const QByteArray &csv, const QString &store = QString())
    {
        QTemporaryFile file;
        if (!file.open())
            return false;
        file.write(csv);
        file.flush();
        QStringList words{QStringLiteral("catalog"), QStringLiteral("import"), file.fileName()};
        if (!store.isEmpty())
            words << QStringLiteral("--store") << store;
        int code = -1;
        command(words, &code);
        return code == 0;
    }

    bool start(const QStringList &extra = {},
               const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
    {
        m_process.setProcessEnvironment(environment);
        m_port = startListening(
            m_process, QStringLiteral(COUNTERLINE_SERVER_PATH),
            m_location + QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")} +
                extra);
        return m_port != 0;
    }

    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.terminate(); // SIGTERM: drain and exit
        if (!m_process.waitForFinished(30'000))
            m_process.kill();
    }

    QUrl url(const QString &path, const QString &scheme = QStringLiteral("http")) const
    {
        return QUrl(QStringLiteral("%1://127.0.0.1:%2%3").arg(scheme).arg(m_port).arg(path));
    }

    QProcess &process() { return m_process; }

    // A number from the server's database, read by the test on its own connection.
    qint64 count(const QString &sql)
    {
        qint64 value = -1;
        withDatabase([&](QSqlDatabase &db) {
            QSqlQuery query(db);
            if (!query.exec(sql))
                qWarning("%s", qPrintable(query.lastError().text()));
            else if (query.next())
                value = query.value(0).toLongLong();
            else
                value = query.numRowsAffected();
        });
        return value;
    }

    // Every row of a query on the server's database, each as its column values.
    QList<QVariantList> rows(const QString &sql)
    {
        QList<QVariantList> result;
        withDatabase([&](QSqlDatabase &db) {
            QSqlQuery query(db);
            query.setForwardOnly(true);
            if (!query.exec(sql))
                qWarning("%s", qPrintable(query.lastError().text()));
            while (query.next()) {
                QVariantList row;
                for (int i = 0; i < query.record().count(); ++i)
                    row.append(query.value(i));
                result.append(row);
            }
        });
        return result;
    }

    // Runs one statement on the server's database on the test's own connection: the database's
    // error text, or an empty text when it ran.
    QString exec(const QString &sql)
    {
        QString problem = QStringLiteral("no database");
        withDatabase([&](QSqlDatabase &db) {
            QSqlQuery query(db);
            problem = query.exec(sql) ? QString() : query.lastError().text();
        });
        return problem;
    }

    bool onPostgres() const { return m_location.first() == QLatin1StringView("--database"); }

    quint16 port() const { return m_port; }

private:
    template<typename Use>
    void withDatabase(Use use)
    {
        const QString name = QStringLiteral("inspect-") + QUuid::createUuid().toString();
        {
            const bool postgres = m_location.first() == QLatin1StringView("--database");
            QSqlDatabase db = QSqlDatabase::addDatabase(
                postgres ? QStringLiteral("QPSQL") : QStringLiteral("QSQLITE"), name);
            if (postgres) {
                const QUrl url(m_location.last());
                db.setHostName(url.host());
                db.setPort(url.port(5432));
                db.setUserName(url.userName());
                db.setDatabaseName(url.path().mid(1));
            } else {
                db.setDatabaseName(m_dir.filePath(QStringLiteral("server.sqlite")));
            }
            if (db.open())
                use(db);
            else
                qWarning("%s", qPrintable(db.lastError().text()));
        }
        QSqlDatabase::removeDatabase(name);
    }

    QTemporaryDir m_dir;
    QStringList m_location;
    QString m_problem;
    QProcess m_process;
    quint16 m_port = 0;
};

// Server tests run once on SQLite and once on PostgreSQL: call from initTestCase_data().
inline void onBothDatabases()
{
    QTest::addColumn<QString>("backend");
    QTest::newRow("sqlite") << QStringLiteral("sqlite");
    QTest::newRow("postgres") << QStringLiteral("postgres");
}

// A server of its own for the running data row (call from init()).
inline std::unique_ptr<ServerUnderTest> serverForThisRow()
{
    QFETCH_GLOBAL(QString, backend);
    return std::make_unique<ServerUnderTest>(backend);
}

} // namespace counterline::testing
