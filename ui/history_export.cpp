#include "ui/history_export.h"

#include "domain/csv.h"
#include "domain/currency.h"
#include "domain/money.h"

#include <QEventLoop>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace counterline::ui {

namespace {

// One page, waited for when the source answers later (the server).
Result<HistoryPage> fetchPage(HistorySource &source, const HistoryQuery &query,
                              const QString &cursor)
{
    std::optional<Result<HistoryPage>> answer;
    QEventLoop loop;
    source.fetch(query, cursor, 500, [&](const Result<HistoryPage> &page) {
        answer = page;
        loop.quit();
    });
    if (!answer)
        loop.exec();
    return *answer;
}

QString amountText(qint64 minor, const QString &currencyCode)
{
    const Result<Currency> currency = Currency::fromCode(currencyCode);
    return currency ? Money(minor, *currency).toDecimalString() : QString::number(minor);
}

} // namespace

const QStringList &HistoryExport::header()
{
    static const QStringList columns{u"order_id"_s, u"receipt_no"_s, u"created_at"_s, u"status"_s,
                                     u"version"_s,  u"cashier"_s,    u"customer"_s,   u"total"_s,
                                     u"currency"_s, u"origin"_s};
    return columns;
}

Result<int> HistoryExport::toCsv(HistorySource &source, const HistoryQuery &query,
                                 const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return Error{u"export.unwritable"_s,
                     tr("Cannot write %1: %2").arg(path, file.errorString())};
    }
    file.write(csvRecord(header()).toUtf8());
    int written = 0;
    QString cursor;
    do {
        Result<HistoryPage> page = fetchPage(source, query, cursor);
        if (!page) {
            file.cancelWriting();
            return Error{page.error().code,
                         tr("The export stopped after %1 orders and was not saved: %2")
                             .arg(written)
                             .arg(page.error().message)};
        }
        QByteArray chunk;
        for (const HistoryRow &row : std::as_const(page->rows)) {
            chunk +=
                csvRecord(
                    {row.id, row.receiptNumber, row.createdAt.toUTC().toString(Qt::ISODateWithMs),
                     row.status, QString::number(row.version), row.cashier, row.customer,
                     amountText(row.signedTotalMinor(), row.currency), row.currency, row.origin})
                    .toUtf8();
        }
        file.write(chunk);
        written += int(page->rows.size());
        cursor = page->rows.isEmpty() ? QString() : page->next;
    } while (!cursor.isEmpty());
    if (!file.commit()) {
        return Error{u"export.unwritable"_s,
                     tr("Cannot write %1: %2").arg(path, file.errorString())};
    }
    return written;
}

} // namespace counterline::ui
