#include "ui/money_format.h"

#include <QTest>

using namespace counterline;
using namespace Qt::StringLiterals;

class MoneyFormatTest : public QObject
{
    Q_OBJECT

private slots:
    void formats_data()
    {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<qint64>("minor");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("text");
        QTest::newRow("German") << u"de_DE"_s << qint64(123456) << u"EUR"_s << u"1.234,56 EUR"_s;
        QTest::newRow("American") << u"en_US"_s << qint64(123456) << u"USD"_s << u"1,234.56 USD"_s;
        QTest::newRow("yen") << u"en_US"_s << qint64(1200) << u"JPY"_s << u"1,200 JPY"_s;
        QTest::newRow("dinar") << u"en_US"_s << qint64(1005) << u"KWD"_s << u"1.005 KWD"_s;
        QTest::newRow("cents only") << u"de_DE"_s << qint64(5) << u"EUR"_s << u"0,05 EUR"_s;
        QTest::newRow("negative") << u"en_US"_s << qint64(-250) << u"USD"_s << u"-2.50 USD"_s;
    }
    void formats()
    {
        QFETCH(QString, locale);
        QFETCH(qint64, minor);
        QFETCH(QString, code);
        QFETCH(QString, text);
        const Money amount(minor, *Currency::fromCode(code));
        QCOMPARE(ui::formatMoney(amount, QLocale(locale)), text);
    }

    void formatsPercentages_data()
    {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<qint64>("ppm");
        QTest::addColumn<QString>("text");
        QTest::newRow("whole") << u"de_DE"_s << qint64(100000) << u"10"_s;
        QTest::newRow("German half") << u"de_DE"_s << qint64(125000) << u"12,5"_s;
        QTest::newRow("American four decimals") << u"en_US"_s << qint64(123456) << u"12.3456"_s;
        QTest::newRow("zero") << u"en_US"_s << qint64(0) << u"0"_s;
        QTest::newRow("all") << u"fr_FR"_s << qint64(1000000) << u"100"_s;
    }
    void formatsPercentages()
    {
        QFETCH(QString, locale);
        QFETCH(qint64, ppm);
        QFETCH(QString, text);
        QCOMPARE(ui::formatPercent(ppm, QLocale(locale)), text);
    }

    void extremesDoNotOverflow()
    {
        const Money lowest(std::numeric_limits<qint64>::min(), *Currency::fromCode(u"EUR"));
        QCOMPARE(ui::formatMoney(lowest, QLocale(u"en_US"_s)), u"-92,233,720,368,547,758.08 EUR"_s);
    }
};

QTEST_GUILESS_MAIN(MoneyFormatTest)
#include "tst_money_format.moc"
