#pragma once

#include "domain/cart.h"

#include <QAbstractTableModel>

#include <optional>

namespace counterline::ui {

// The cashier's cart as a table: one row per line with its name, quantity, unit price, discount
// and total. A view only: the till (till/till.h) changes the cart and the window shows each new
// state with replaceCart. Lives on the GUI thread.
class CartModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        Name,
        Quantity,
        UnitPrice,
        Discount,
        Total,
        ColumnCount
    };

    explicit CartModel(Cart cart, QObject *parent = nullptr);

    const Cart &cart() const { return m_cart; }
    const std::optional<CartTotals> &totals() const { return m_totals; }
    void replaceCart(Cart cart); // the till's cart after a change

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    void reprice();

    Cart m_cart;
    std::optional<CartTotals> m_totals;
};

} // namespace counterline::ui
