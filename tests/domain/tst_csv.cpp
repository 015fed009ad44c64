#include "domain/csv.h"

#include <QTest>

using namespace counterline;
using namespace Qt::StringLiterals;

class CsvTest : public QObject
{
    Q_OBJECT

private slots:
    void parsesRfc4180()
    {
        const auto rows = parseCsv(u"\xfeffsku,name\r\nA,\"Brot, dunkel\"\r\n\r\n"
                                   "B,\"Sagt \"\"hallo\"\"\"\nC,\"zwei\nZeilen\"\nD,\n"_s);
        QVERIFY(rows.ok());
        QCOMPARE(rows->size(), 5);
        QCOMPARE(rows->at(0).fields, (QStringList{u"sku"_s, u"name"_s}));
        QCOMPARE(rows->at(1).fields, (QStringList{u"A"_s, u"Brot, dunkel"_s}));
        QCOMPARE(rows->at(2).fields, (QStringList{u"B"_s, u"Sagt \"hallo\""_s}));
        QCOMPARE(rows->at(2).line, 4);
        QCOMPARE(rows->at(3).fields, (QStringList{u"C"_s, u"zwei\nZeilen"_s}));
        QCOMPARE(rows->at(4).line, 7); // the quoted line break counts
        QCOMPARE(rows->at(4).fields, (QStringList{u"D"_s, u""_s}));
    }

    void lastLineWithoutBreak()
    {
        const auto rows = parseCsv(u"a,b\nc,d"_s);
        QCOMPARE(rows->size(), 2);
        QCOMPARE(rows->at(1).fields, (QStringList{u"c"_s, u"d"_s}));
    }

    void unterminatedQuoteNamesItsLine()
    {
        const auto rows = parseCsv(u"a,b\nc,\"d\ne,f\n"_s);
        QVERIFY(!rows.ok());
        QCOMPARE(rows.error().code, u"csv.unterminated_quote"_s);
        QVERIFY(rows.error().message.contains(u"line 2"_s));
    }

    void writtenRecordsParseBack()
    {
        const QList<QStringList> records{{u"plain"_s, u"with, comma"_s},
                                         {u"quote \"inside\""_s, u"line\r\nbreak"_s},
                                         {u""_s, u"Ümlaut €"_s}};
        QString text;
        for (const QStringList &record : records)
            text += csvRecord(record);
        const auto rows = parseCsv(text);
        QVERIFY(rows.ok());
        QCOMPARE(rows->size(), records.size());
        for (qsizetype i = 0; i < records.size(); ++i)
            QCOMPARE(rows->at(i).fields, records[i]);
    }

    // A field that starts with a byte-order mark keeps it when its record is written first in a
    // file (found by fuzz/catalog_csv_fuzzer).
    void aLeadingByteOrderMarkInAFieldSurvives()
    {
        const QStringList record{u"\xfeffsku"_s, u"name"_s};
        const auto rows = parseCsv(csvRecord(record));
        QVERIFY(rows.ok());
        QCOMPARE(rows->size(), 1);
        QCOMPARE(rows->first().fields, record);
    }
};

QTEST_GUILESS_MAIN(CsvTest)
#include "tst_csv.moc"
