#include "sync/problem_words.h"

#include <QTest>

using namespace counterline::sync;
using namespace Qt::StringLiterals;

class ProblemWordsTest : public QObject
{
    Q_OBJECT

private slots:
    // What the till keeps of a refusal is worded for the cashier by its code: the sentence says
    // what happens next, the server's detail follows in parentheses, and no bare code is shown.
    void refusalsAreSentences_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("recorded");
        QTest::addColumn<QString>("says");
        QTest::newRow("figures") << u"order.totals_mismatch"_s << 422
                                 << u"order.totals_mismatch: lines add up to 4.99, total 5.99"_s
                                 << u"did not accept this sale's figures (lines add up to 4.99, "
                                    "total 5.99). The sale stays on this till"_s;
        QTest::newRow("tax rate") << u"order.tax_rate_differs"_s << 422
                                  << u"order.tax_rate_differs: line 2"_s << u"figures (line 2)"_s;
        QTest::newRow("tender") << u"tender.insufficient"_s << 422 << u"short by 1.00"_s
                                << u"figures (short by 1.00)"_s;
        QTest::newRow("conflict") << u"order.version_conflict"_s << 409
                                  << u"order.version_conflict: it is now SHIPPED at version 3"_s
                                  << u"changed this order on the server first (it is now "
                                     "SHIPPED at version 3)"_s;
        QTest::newRow("transition") << u"order.illegal_transition"_s << 422 << u"paid → paid"_s
                                    << u"cannot apply this to the order"_s;
        QTest::newRow("journal") << u"journal.fork"_s << 409 << u"entry 7"_s
                                 << u"journal entry (entry 7)"_s;
        QTest::newRow("token") << u"auth.unauthenticated"_s << 401 << u"token revoked"_s
                               << u"enrol it again"_s;
        QTest::newRow("till fault") << u"request.invalid_field"_s << 400 << u"\"lines\""_s
                                    << u"could not read what the till sent"_s;
        QTest::newRow("no answer") << QString() << 0 << u"Connection refused"_s
                                   << u"No answer from the server (Connection refused)"_s;
        QTest::newRow("server fault")
            << QString() << 503 << u"Service Unavailable"_s << u"had a fault (HTTP 503)"_s;
        QTest::newRow("unknown code") << u"billing.frozen"_s << 422 << u"account on hold"_s
                                      << u"refused this (HTTP 422: billing.frozen: account on "
                                         "hold)"_s;
        QTest::newRow("percent in detail")
            << u"order.totals_mismatch"_s << 422 << u"%2 off"_s << u"figures (%2 off)"_s;
    }

    void refusalsAreSentences()
    {
        QFETCH(QString, code);
        QFETCH(int, status);
        QFETCH(QString, recorded);
        QFETCH(QString, says);
        const QString words = problemWords(code, status, recorded);
        QVERIFY2(words.contains(says), qPrintable(words));
        if (!code.isEmpty() && code != u"billing.frozen"_s)
            QVERIFY2(!words.contains(code), qPrintable(words));
    }
};

QTEST_GUILESS_MAIN(ProblemWordsTest)
#include "tst_problem_words.moc"
