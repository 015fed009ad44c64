// counterline-cli driven as a user would: the real binary, a real data directory.

#include "cli_runner.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace counterline::testing;
using namespace Qt::StringLiterals;

namespace {

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &content)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(content);
    return path;
}

QByteArray digest(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

const QString kDemoCatalog = QStringLiteral(COUNTERLINE_SOURCE_DIR "/resources/demo/catalog.csv");

} // namespace

class CliTest : public QObject
{
    Q_OBJECT

private slots:
    void aTerminalFromTheShell()
    {
        QTemporaryDir dir;
        const QString data = dir.filePath(u"terminal"_s);
        CliRun run = cli(data, {u"init"_s, u"--store"_s, u"S1"_s, u"--terminal"_s, u"T1"_s,
                                u"--currency"_s, u"EUR"_s});
        QCOMPARE(run.exitCode, 0);
        run = cli(data, {u"catalog"_s, u"import"_s, kDemoCatalog});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains(u"300"_s));

        // SKU-00001 is 3.99 and SKU-00029 is 5.99 in the demo catalog.
        run = cli(data, {u"sale"_s, u"--sku"_s, u"SKU-00001:2"_s, u"--sku"_s, u"SKU-00029"_s,
                         u"--tender"_s, u"cash"_s});
        QCOMPARE(run.exitCode, 0);
        const QStringList receipt = run.out.trimmed().split(u' ');
        QCOMPARE(receipt.value(0), u"S1-T1-000001"_s);
        QCOMPARE(receipt.value(1).size(), 36);
        run = cli(data, {u"sale"_s, u"--sku"_s, u"SKU-00029"_s, u"--tender"_s, u"card"_s,
                         u"--cashier"_s, u"anna"_s});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.startsWith(u"S1-T1-000002 "_s));

        // One of the two 3.99 items of the first sale comes back, paid back in cash.
        run = cli(data, {u"return"_s, u"--receipt"_s, u"S1-T1-000001"_s, u"--item"_s, u"1:1"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.startsWith(u"S1-T1-000003 "_s), qPrintable(run.out));
        QVERIFY2(run.out.trimmed().endsWith(u"3.99 EUR"_s), qPrintable(run.out));
        run = cli(data, {u"return"_s, u"--receipt"_s, u"S1-T1-000001"_s, u"--item"_s, u"1:2"_s});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(u"line 1 (SKU-00001): 1 of 2"_s), qPrintable(run.err));
        QCOMPARE(cli(data, {u"return"_s, u"--receipt"_s, u"S1-T1-000001"_s}).exitCode, 2);
        QCOMPARE(cli(data, {u"return"_s, u"--receipt"_s, u"S1-T1-000001"_s, u"--item"_s, u"x"_s})
                     .exitCode,
                 2);
        run = cli(data, {u"return"_s, u"--receipt"_s, u"S1-T1-000099"_s, u"--item"_s, u"1"_s});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(u"S1-T1-000099"_s), qPrintable(run.err));

        run = cli(data, {u"orders"_s, u"--json"_s});
        QCOMPARE(run.exitCode, 0);
        const QJsonArray orders = QJsonDocument::fromJson(run.out.toUtf8()).array();
        QCOMPARE(orders.size(), 3);
        QCOMPARE(orders[0].toObject().value(u"type"_s).toString(), u"return"_s);
        QCOMPARE(orders[0].toObject().value(u"total"_s).toInt(), 399);
        QCOMPARE(orders[1].toObject().value(u"receipt_no"_s).toString(), u"S1-T1-000002"_s);
        QCOMPARE(orders[2].toObject().value(u"id"_s).toString(), receipt.value(1));
        QCOMPARE(orders[2].toObject().value(u"status"_s).toString(), u"PAID"_s);
        QVERIFY(!orders[2].toObject().contains(u"type"_s));

        run = cli(data, {u"orders"_s, u"--cashier"_s, u"anna"_s});
        QCOMPARE(run.out.trimmed().split(u'\n').size(), 1);

        run = cli(data, {u"journal"_s, u"verify"_s});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains(u"3 entries"_s));

        // The command line sells without keeping carts, so a purge finds none; it never touches
        // orders (tst_carts covers what it deletes).
        run = cli(data, {u"carts"_s, u"purge"_s, u"--older-than-hours"_s, u"1"_s});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(u"Purged 0 carts"_s), qPrintable(run.out));
        QCOMPARE(cli(data, {u"carts"_s, u"purge"_s, u"--older-than-hours"_s, u"0"_s}).exitCode, 2);
        QCOMPARE(cli(data, {u"orders"_s}).out.trimmed().split(u'\n').size(), 3);
    }

    void badInputIsNamed()
    {
        QTemporaryDir dir;
        const QString data = dir.filePath(u"terminal"_s);
        QCOMPARE(cli(data, {u"init"_s, u"--store"_s, u"S1"_s, u"--terminal"_s, u"T1"_s,
                            u"--currency"_s, u"EUR"_s})
                     .exitCode,
                 0);
        const QString badCatalog =
            writeFile(dir, u"bad.csv"_s,
                      "sku,barcode,name,price,currency,tax_rate\nA,,Apfel,0.50,EUR,7\n"
                      "B,,Birne,0.5.0,EUR,7\n");
        CliRun run = cli(data, {u"catalog"_s, u"import"_s, badCatalog});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(u"line 3"_s), qPrintable(run.err));
        QVERIFY(run.err.contains(u"nothing was imported"_s));
        run = cli(data, {u"sale"_s, u"--sku"_s, u"A"_s, u"--tender"_s, u"cash"_s});
        QCOMPARE(run.exitCode, 1); // A was not imported either
        QVERIFY(run.err.contains(u"\"A\""_s));

        QCOMPARE(cli(data, {u"sale"_s, u"--tender"_s, u"cash"_s}).exitCode, 2);
        QCOMPARE(cli(data, {u"sale"_s, u"--sku"_s, u"A:x"_s, u"--tender"_s, u"cash"_s}).exitCode,
                 2);
        QCOMPARE(cli(data, {u"launch"_s, u"rockets"_s}).exitCode, 2);
        QCOMPARE(cli(data, {u"catalog"_s, u"import"_s, dir.filePath(u"missing.csv"_s)}).exitCode,
                 1);
    }

    void aStrangeFileIsLeftAlone()
    {
        QTemporaryDir dir;
        const QString data = dir.filePath(u"terminal"_s);
        QVERIFY(QDir().mkpath(data));
        const QString file = writeFile(dir, u"terminal/terminal.sqlite"_s, "my tax notes\n");
        const QByteArray before = digest(file);
        const CliRun run = cli(data, {u"orders"_s});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(file), qPrintable(run.err));
        QCOMPARE(digest(file), before);
    }

    void unsetTerminalSaysWhatToDo()
    {
        QTemporaryDir dir;
        const CliRun run =
            cli(dir.filePath(u"t"_s), {u"sale"_s, u"--sku"_s, u"A"_s, u"--tender"_s, u"cash"_s});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(u"counterline-cli init"_s), qPrintable(run.err));
    }
};

QTEST_GUILESS_MAIN(CliTest)
#include "tst_cli.moc"
