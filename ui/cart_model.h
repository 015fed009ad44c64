#pragma once

#include "domain/cart.h"

#include <QAbstractTableModel>

#include <optional>

namespace counterline::ui {

// The cashier's cart as a table: one row per line with its name, quantity, unit price, discount
// and total. Every change goes through the domain's Cart, so what is refused there (a zero
// quantity, a discount above the price) is refused here with the same error and nothing changes.
// Lives on the GUI thread.
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
    void replaceCart(Cart cart); // a resumed or a fresh cart

    // Returns the row that holds the product (a rescan bumps the quantity of its line).
    Result<int> addProduct(const Product &product, qint64 quantity = 1);
    Result<void> setQuantity(int row, qint64 quantity);
    Result<void> overridePrice(int row, const Money &unitPrice);
    Result<void> setLineDiscount(int row, const counterline::Discount &discount);
    Result<void> voidLine(int row);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

signals:
    // After every accepted change: the window saves the cart and repaints the totals.
    void cartChanged();

private:
    Result<void> change(const std::function<Result<void>()> &edit);
    void reprice();
    int lineNoAt(int row) const;

    Cart m_cart;
    std::optional<CartTotals> m_totals;
};

} // namespace counterline::ui
