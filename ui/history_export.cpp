#include "ui/history_export.h"

#include "domain/csv.h"
#include "domain/currency.h"
#include "domain/money.h"

#include <QEventLoop>
#include <QPointer>
#include <QSaveFile>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace counterline::ui {

namespace {

QString amountText(qint64 minor, const QString &currencyCode)
{
    const Result<Currency> currency = Currency::fromCode(currencyCode);
    return currency ? Money(minor, *currency).toDecimalString() : QString::number(minor);
}

QByteArray csvRows(const QList<HistoryRow> &rows)
{
    QByteArray chunk;
    for (const HistoryRow &row : rows) {
        chunk +=
            csvRecord({row.id, row.receiptNumber, row.createdAt.toUTC().toString(Qt::ISODateWithMs),
                       row.status, QString::number(row.version), row.cashier, row.customer,
                       amountText(row.signedTotalMinor(), row.currency), row.currency, row.origin})
                .toUtf8();
    }
    return chunk;
}

} // namespace

HistoryExport::HistoryExport(HistorySource &source, HistoryQuery query, QString path,
                             QObject *parent, int pageSize)
    : QObject(parent)
    , m_source(source)
    , m_query(std::move(query))
    , m_path(std::move(path))
    , m_pageSize(pageSize)
{}

HistoryExport::~HistoryExport() = default;

const QStringList &HistoryExport::header()
{
    static const QStringList columns{u"order_id"_s, u"receipt_no"_s, u"created_at"_s, u"status"_s,
                                     u"version"_s,  u"cashier"_s,    u"customer"_s,   u"total"_s,
                                     u"currency"_s, u"origin"_s};
    return columns;
}

void HistoryExport::start()
{
    m_file = std::make_unique<QSaveFile>(m_path);
    if (!m_file->open(QIODevice::WriteOnly)) {
        finish(Error{u"export.unwritable"_s,
                     tr("Cannot write %1: %2").arg(m_path, m_file->errorString())});
        return;
    }
    m_file->write(csvRecord(header()).toUtf8());
    QTimer::singleShot(0, this, &HistoryExport::fetchNext);
}

void HistoryExport::cancel()
{
    m_cancelled = true;
}

void HistoryExport::fetchNext()
{
    if (m_cancelled) {
        finish(Error{
            u"export.cancelled"_s,
            tr("The export was cancelled after %1 orders; nothing was saved.").arg(m_written)});
        return;
    }
    const QPointer<HistoryExport> self(this);
    m_source.fetch(m_query, m_cursor, m_pageSize, [self](const Result<HistoryPage> &page) {
        if (self)
            self->take(page);
    });
}

void HistoryExport::take(const Result<HistoryPage> &page)
{
    if (m_done)
        return;
    if (!page) {
        finish(Error{page.error().code, tr("The export stopped after %1 orders and was not "
                                           "saved: %2")
                                            .arg(m_written)
                                            .arg(page.error().message)});
        return;
    }
    m_file->write(csvRows(page->rows));
    m_written += int(page->rows.size());
    emit progress(m_written);
    m_cursor = page->rows.isEmpty() ? QString() : page->next;
    if (m_cursor.isEmpty()) {
        if (!m_file->commit()) {
            finish(Error{u"export.unwritable"_s,
                         tr("Cannot write %1: %2").arg(m_path, m_file->errorString())});
            return;
        }
        finish(m_written);
        return;
    }
    // The next page from the event loop: the window repaints and takes clicks in between.
    QTimer::singleShot(0, this, &HistoryExport::fetchNext);
}

void HistoryExport::finish(const Result<int> &outcome)
{
    if (m_done)
        return;
    m_done = true;
    if (!outcome && m_file)
        m_file->cancelWriting();
    emit finished(outcome);
}

Result<int> HistoryExport::toCsv(HistorySource &source, const HistoryQuery &query,
                                 const QString &path)
{
    HistoryExport job(source, query, path);
    std::optional<Result<int>> outcome;
    QEventLoop loop;
    connect(&job, &HistoryExport::finished, &loop, [&](const Result<int> &written) {
        outcome = written;
        loop.quit();
    });
    job.start();
    if (!outcome)
        loop.exec();
    return *outcome;
}

} // namespace counterline::ui
