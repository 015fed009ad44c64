#include "ui/history_model.h"

#include "domain/currency.h"
#include "domain/order_state_machine.h"
#include "ui/money_format.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace counterline::ui {

namespace {

QString originText(const QString &origin)
{
    if (origin == u"pending"_s)
        return HistoryModel::tr("Waiting to sync");
    if (origin == u"synced"_s)
        return HistoryModel::tr("Synced");
    if (origin == u"needs_attention"_s)
        return HistoryModel::tr("Needs attention");
    return origin;
}

} // namespace

HistoryModel::HistoryModel(HistorySource &source, QObject *parent, int pageSize, int residentPages)
    : QAbstractTableModel(parent)
    , m_source(source)
    , m_pageSize(std::max(1, pageSize))
    , m_residentPages(std::max(2, residentPages))
{
    m_atEnd = true; // nothing to fetch before setQuery()
}

HistoryModel::~HistoryModel()
{
    *m_alive = false;
}

void HistoryModel::setQuery(const HistoryQuery &query)
{
    m_resetting = true; // no fetch from slots connected to the reset
    beginResetModel();
    ++m_generation;
    m_query = query;
    m_rows = 0;
    m_atEnd = false;
    m_fetchingMore = false;
    m_cursors = QStringList{QString()};
    m_pages.clear();
    m_recent.clear();
    m_reloading.clear();
    m_lastError.clear();
    endResetModel();
    m_resetting = false;
    fetchMore();
}

int HistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int HistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool HistoryModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_atEnd && !m_fetchingMore && !m_resetting;
}

void HistoryModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    m_fetchingMore = true;
    const int page = int(m_cursors.size()) - 1;
    const quint64 generation = m_generation;
    std::weak_ptr<bool> alive = m_alive;
    m_source.fetch(m_query, m_cursors.last(), m_pageSize,
                   [this, alive, generation, page](const Result<HistoryPage> &answer) {
                       if (alive.lock())
                           arrived(generation, page, answer);
                   });
}

void HistoryModel::arrived(quint64 generation, int page, const Result<HistoryPage> &answer)
{
    if (generation != m_generation)
        return; // an answer to an older query
    if (!answer) {
        m_fetchingMore = false;
        m_lastError = answer.error().message;
        m_atEnd = true; // no retry loop behind the view's back; setQuery() tries again
        emit failed(m_lastError);
        return;
    }
    // Bookkeeping first, and no new fetch until the rows are in: views and the model tester
    // may ask for more while rows are being inserted.
    const qsizetype count = answer->rows.size();
    if (answer->next.isEmpty() || count == 0)
        m_atEnd = true;
    else
        m_cursors.append(answer->next);
    if (count > 0) {
        beginInsertRows({}, m_rows, m_rows + int(count) - 1);
        m_rows += int(count);
        keep(page, answer->rows);
        endInsertRows();
    }
    m_fetchingMore = false;
}

void HistoryModel::keep(int page, QList<HistoryRow> rows) const
{
    m_pages.insert(page, std::move(rows));
    m_recent.removeAll(page);
    m_recent.append(page);
    while (m_pages.size() > m_residentPages && !m_recent.isEmpty())
        m_pages.remove(m_recent.takeFirst());
}

void HistoryModel::reload(int page) const
{
    if (m_reloading.contains(page) || page >= m_cursors.size())
        return;
    m_reloading.insert(page);
    auto *self = const_cast<HistoryModel *>(this);
    const quint64 generation = m_generation;
    std::weak_ptr<bool> alive = m_alive;
    m_answeringNow = true;
    m_source.fetch(m_query, m_cursors[page], m_pageSize,
                   [self, alive, generation, page](const Result<HistoryPage> &answer) {
                       if (!alive.lock())
                           return;
                       self->m_reloading.remove(page);
                       if (generation != self->m_generation)
                           return;
                       if (!answer) {
                           self->m_lastError = answer.error().message;
                           emit self->failed(self->m_lastError);
                           return;
                       }
                       // The page holds as many rows as when it was first listed (orders are never
                       // deleted; a changed status under a status filter shows as a gap until
                       // reset).
                       QList<HistoryRow> rows = answer->rows;
                       const int first = page * self->m_pageSize;
                       const int size = std::min(self->m_pageSize, self->m_rows - first);
                       rows.resize(std::min<qsizetype>(rows.size(), size));
                       self->keep(page, rows);
                       if (!self->m_answeringNow && size > 0)
                           emit self->dataChanged(self->index(first, 0),
                                                  self->index(first + size - 1, ColumnCount - 1));
                   });
    m_answeringNow = false;
}

const HistoryRow *HistoryModel::rowAt(int row) const
{
    if (row < 0 || row >= m_rows)
        return nullptr;
    const int page = row / m_pageSize;
    auto found = m_pages.constFind(page);
    if (found == m_pages.cend()) {
        reload(page);
        found = m_pages.constFind(page);
        if (found == m_pages.cend())
            return nullptr;
    } else if (m_recent.last() != page) {
        m_recent.removeAll(page);
        m_recent.append(page);
    }
    const int offset = row % m_pageSize;
    return offset < found->size() ? &found->at(offset) : nullptr;
}

QVariant HistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const HistoryRow *row = rowAt(index.row());
    if (!row)
        return role == Qt::DisplayRole ? QVariant(tr("…")) : QVariant();
    switch (role) {
    case OrderIdRole:
        return row->id;
    case VersionRole:
        return row->version;
    case StatusRole:
        return row->status;
    case TotalMinorRole:
        return row->signedTotalMinor();
    case Qt::TextAlignmentRole:
        if (index.column() == TotalColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case ReceiptColumn:
        return row->receiptNumber;
    case TimeColumn:
        return QLocale().toString(row->createdAt.toLocalTime(), QLocale::ShortFormat);
    case StatusColumn:
        return row->isReturn ? tr("Return · %1").arg(orderStatusWordsFor(row->status))
                             : orderStatusWordsFor(row->status);
    case CashierColumn:
        return row->cashier;
    case CustomerColumn:
        return row->customer;
    case TotalColumn: {
        const Result<Currency> currency = Currency::fromCode(row->currency);
        return currency ? formatMoney(Money(row->signedTotalMinor(), *currency))
                        : QString::number(row->signedTotalMinor());
    }
    case OriginColumn:
        return originText(row->origin);
    default:
        return {};
    }
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case ReceiptColumn:
        return tr("Receipt");
    case TimeColumn:
        return tr("Time");
    case StatusColumn:
        return tr("Status");
    case CashierColumn:
        return tr("Cashier");
    case CustomerColumn:
        return tr("Customer");
    case TotalColumn:
        return tr("Total");
    case OriginColumn:
        return tr("Sync / store");
    default:
        return {};
    }
}

} // namespace counterline::ui
