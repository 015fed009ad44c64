#pragma once

#include "till/till.h"

#include <QDialog>

class QTableWidget;

namespace counterline::ui {

// The parked carts to choose from (F9): who parked each, when, its lines and total, newest first.
// ↑/↓ pick, Enter resumes, Escape keeps the cart on screen.
class ParkedCartsDialog : public QDialog
{
    Q_OBJECT

public:
    ParkedCartsDialog(const QList<till::ParkedSale> &carts, bool openCartHasLines,
                      QWidget *parent = nullptr);

    std::optional<QUuid> chosen() const;

private:
    QList<till::ParkedSale> m_carts;
    QTableWidget *m_table = nullptr;
};

} // namespace counterline::ui
