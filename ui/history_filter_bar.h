#pragma once

#include "domain/currency.h"
#include "domain/result.h"
#include "ui/history_source.h"

#include <QWidget>

class QBoxLayout;
class QComboBox;
class QLineEdit;

namespace counterline::ui {

// The history browser's filters: dates, status, cashier, terminal, customer, receipt number, SKU
// and amount range. Enter in any field applies them; a field that does not parse is named.
class HistoryFilterBar : public QWidget
{
    Q_OBJECT

public:
    HistoryFilterBar(Currency currency, bool showTerminal, QWidget *parent = nullptr);

    // The query the fields describe, or an error naming the field that is wrong.
    Result<HistoryQuery> query() const;
    QLineEdit *field(const QString &name) const;
    QComboBox *statusBox() const { return m_status; }

signals:
    void applied();

private:
    // Adds a field to `row` (two rows, so that the bar fits a 1024-px screen).
    QLineEdit *addField(QBoxLayout *row, const QString &name, const QString &placeholder,
                        int width);

    Currency m_currency;
    QComboBox *m_status = nullptr;
    QList<QLineEdit *> m_fields;
};

} // namespace counterline::ui
