#pragma once

#include "store/database.h"
#include "ui/history_source.h"

#include <QCoreApplication>

namespace counterline::ui {

// This terminal's own orders (store::OrderHistory), answered at once.
class LocalHistorySource final : public HistorySource
{
    Q_DECLARE_TR_FUNCTIONS(LocalHistorySource)

public:
    explicit LocalHistorySource(const store::Database &database);

    void fetch(const HistoryQuery &query, const QString &cursor, int limit, Done done) override;
    QString describe() const override;

private:
    const store::Database &m_database;
};

} // namespace counterline::ui
