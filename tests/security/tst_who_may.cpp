// Who may do what to an order (issue 20, item 1), every cell of the table in docs/operations.md
// ("Who may do what") against the real server on SQLite and PostgreSQL: a sale of till T1 in
// store S1, and each principal trying each action on it. A refusal is 403 auth.forbidden and
// changes nothing; an allowed action passes authorisation (the state machine may still have its
// say, as for a payment event on a paid sale). The table in the docs is read and compared, so the
// two cannot drift.

#include "tests/server/server_harness.h"
#include "tests/server/wire_orders.h"

#include <QFile>
#include <QRegularExpression>

using namespace counterline::testing;
using namespace Qt::StringLiterals;

namespace {

enum class Who
{
    Seller,
    StoreTill,
    OtherStoreTill,
    HeadOffice
};

struct Cell
{
    const char *action; // the row in docs/operations.md
    Who who;
    bool allowed;
    int status; // the answer when allowed
};

const char *const kRead = "Read it";
const char *const kList = "List the store's orders";
const char *const kChange = "Hand it over, ship, deliver, refund (events)";
const char *const kCancel = "Cancel it (restock, money back)";
const char *const kPayment = "Confirm or fail its payment (events)";

// The table, row by row: T1, T2 (store S1), T9 (store S2), head office.
const Cell kTable[] = {
    {kRead, Who::Seller, true, 200},
    {kRead, Who::StoreTill, true, 200},
    {kRead, Who::OtherStoreTill, false, 0},
    {kRead, Who::HeadOffice, true, 200},
    {kList, Who::Seller, true, 200},
    {kList, Who::StoreTill, true, 200},
    {kList, Who::OtherStoreTill, false, 0},
    {kList, Who::HeadOffice, true, 200},
    {kChange, Who::Seller, true, 200},
    {kChange, Who::StoreTill, false, 0},
    {kChange, Who::OtherStoreTill, false, 0},
    {kChange, Who::HeadOffice, true, 200},
    {kCancel, Who::Seller, true, 200},
    {kCancel, Who::StoreTill, false, 0},
    {kCancel, Who::OtherStoreTill, false, 0},
    {kCancel, Who::HeadOffice, true, 200},
    // PaymentFailed on a paid sale: head office passes authorisation, the state machine refuses.
    {kPayment, Who::Seller, false, 0},
    {kPayment, Who::StoreTill, false, 0},
    {kPayment, Who::OtherStoreTill, false, 0},
    {kPayment, Who::HeadOffice, true, 422},
};

const char *nameOf(Who who)
{
    switch (who) {
    case Who::Seller:
        return "T1";
    case Who::StoreTill:
        return "T2";
    case Who::OtherStoreTill:
        return "T9";
    case Who::HeadOffice:
        return "head office";
    }
    return "?";
}

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace

class WhoMayTest : public QObject
{
    Q_OBJECT

private slots:
    // The docs' table is this test's table, cell by cell.
    void theDocumentedTableIsTheTestedOne()
    {
        QFile doc(QStringLiteral(COUNTERLINE_SOURCE_DIR "/docs/operations.md"));
        QVERIFY(doc.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(doc.readAll());
        const qsizetype start = text.indexOf(u"<!-- who-may-table"_s);
        QVERIFY(start >= 0);
        QStringList rows;
        for (const QString &line : text.mid(start).split(u'\n').mid(3)) {
            if (!line.startsWith(u'|'))
                break;
            rows.append(line);
        }
        QStringList expected;
        for (qsizetype i = 0; i < qsizetype(std::size(kTable)); i += 4) {
            QString row = u"| "_s + QString::fromUtf8(kTable[i].action);
            for (qsizetype j = i; j < i + 4; ++j)
                row += kTable[j].allowed ? u" | yes"_s : u" | no"_s;
            expected.append(row + u" |"_s);
        }
        QCOMPARE(rows, expected);
    }

    void initTestCase_data() { onBothDatabases(); }

    void init()
    {
        if (QByteArray(QTest::currentTestFunction()) == "theDocumentedTableIsTheTestedOne")
            return;
        m_server = serverForThisRow();
        QVERIFY2(m_server->problem().isEmpty(), qPrintable(m_server->problem()));
        QVERIFY(m_server->addStore(u"S1"_s));
        QVERIFY(m_server->addStore(u"S2"_s));
        m_tokens[Who::Seller] = m_server->enroll(u"S1"_s, u"T1"_s);
        m_tokens[Who::StoreTill] = m_server->enroll(u"S1"_s, u"T2"_s);
        m_tokens[Who::OtherStoreTill] = m_server->enroll(u"S2"_s, u"T9"_s);
        m_tokens[Who::HeadOffice] = m_server->addUser(u"Petra"_s);
        QVERIFY(m_server->start());
    }

    void cleanup() { m_server.reset(); }

    void everyCell_data()
    {
        QTest::addColumn<QString>("action");
        QTest::addColumn<int>("who");
        QTest::addColumn<bool>("allowed");
        QTest::addColumn<int>("status");
        for (const Cell &cell : kTable) {
            QTest::addRow("%s: %s", cell.action, nameOf(cell.who))
                << QString::fromUtf8(cell.action) << int(cell.who) << cell.allowed << cell.status;
        }
    }

    void everyCell()
    {
        QFETCH(QString, action);
        QFETCH(int, who);
        QFETCH(bool, allowed);
        QFETCH(int, status);
        const QString id = newId();
        QJsonObject sale = orderJson(id, 1);
        sale.remove(u"journal"_s);
        QCOMPARE(send("POST", u"/v1/orders"_s, Who::Seller, "sale", sale).status, 201);

        const Who principal = Who(who);
        HttpAnswer answer;
        if (action == QLatin1String(kRead)) {
            answer = send("GET", u"/v1/orders/"_s + id, principal);
        } else if (action == QLatin1String(kList)) {
            answer = send("GET", u"/v1/orders?store=S1"_s, principal);
        } else if (action == QLatin1String(kChange)) {
            answer = send("POST", u"/v1/orders/%1/events"_s.arg(id), principal, "change",
                          QJsonObject{{u"event"_s, u"HandOver"_s}, {u"expected_version"_s, 2}});
        } else if (action == QLatin1String(kCancel)) {
            answer = send("POST", u"/v1/orders/%1/cancel"_s.arg(id), principal, "cancel",
                          QJsonObject{{u"reason"_s, u"test"_s},
                                      {u"restock"_s, true},
                                      {u"refund_tenders"_s, true}});
        } else {
            answer =
                send("POST", u"/v1/orders/%1/events"_s.arg(id), principal, "payment",
                     QJsonObject{{u"event"_s, u"PaymentFailed"_s}, {u"expected_version"_s, 2}});
        }
        if (allowed) {
            QVERIFY2(answer.status == status, answer.body.constData());
            return;
        }
        QVERIFY2(answer.status == 403, answer.body.constData());
        QCOMPARE(answer.json().value(u"code"_s).toString(), u"auth.forbidden"_s);
        // Nothing changed: the sale is as it was sent.
        const HttpAnswer after = send("GET", u"/v1/orders/"_s + id, Who::HeadOffice);
        QCOMPARE(after.json().value(u"status"_s).toString(), u"PAID"_s);
        QCOMPARE(after.json().value(u"version"_s).toInt(), 2);
    }

private:
    HttpAnswer send(const QByteArray &method, const QString &path, Who who,
                    const QByteArray &key = {}, const QJsonObject &body = {})
    {
        return http(m_network, method, m_server->url(path), m_tokens.value(who), key,
                    body.isEmpty() ? QByteArray()
                                   : QJsonDocument(body).toJson(QJsonDocument::Compact));
    }

    std::unique_ptr<ServerUnderTest> m_server;
    QNetworkAccessManager m_network;
    QHash<Who, QByteArray> m_tokens;
};

QTEST_GUILESS_MAIN(WhoMayTest)
#include "tst_who_may.moc"
