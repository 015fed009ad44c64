#pragma once

#include "ui/history_source.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QSet>

#include <memory>

namespace counterline::ui {

// The order history as a table, newest first, fetched a page at a time by keyset cursor as the
// view scrolls (canFetchMore/fetchMore). Only a window of pages is kept in memory: a page that
// falls out of it is fetched again from its cursor when it is shown again. Scrolling through a
// million orders therefore keeps only the cursors of the pages seen (a few bytes each) and at
// most `residentPages` pages of rows.
class HistoryModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        ReceiptColumn,
        TimeColumn,
        StatusColumn,
        CashierColumn,
        CustomerColumn,
        TotalColumn,
        OriginColumn,
        ColumnCount
    };
    enum Role
    {
        OrderIdRole = Qt::UserRole + 1,
        VersionRole,
        StatusRole,
        TotalMinorRole
    };
    static constexpr int kPageSize = 100;
    static constexpr int kResidentPages = 20;

    explicit HistoryModel(HistorySource &source, QObject *parent = nullptr,
                          int pageSize = kPageSize, int residentPages = kResidentPages);
    ~HistoryModel() override;

    // Starts again with `query`: the first page is asked for at once.
    void setQuery(const HistoryQuery &query);
    const HistoryQuery &query() const { return m_query; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent = {}) const override;
    void fetchMore(const QModelIndex &parent = {}) override;

    // The row, if its page is in memory.
    const HistoryRow *rowAt(int row) const;
    int residentPages() const { return int(m_pages.size()); }
    QString lastError() const { return m_lastError; }

signals:
    void failed(const QString &message);

private:
    void arrived(quint64 generation, int page, const Result<HistoryPage> &answer);
    void keep(int page, QList<HistoryRow> rows) const;
    void reload(int page) const;

    HistorySource &m_source;
    const int m_pageSize;
    const int m_residentPages;
    HistoryQuery m_query;
    quint64 m_generation = 0;
    int m_rows = 0;
    bool m_atEnd = false;
    bool m_fetchingMore = false;
    bool m_resetting = false;
    QStringList m_cursors; // m_cursors[p] fetches page p
    QString m_lastError;
    // Pages in memory and the order they were used in (a cache: changed from const data()).
    mutable QHash<int, QList<HistoryRow>> m_pages;
    mutable QList<int> m_recent;
    mutable QSet<int> m_reloading;
    mutable bool m_answeringNow = false;
    std::shared_ptr<bool> m_alive = std::make_shared<bool>(true);
};

} // namespace counterline::ui
