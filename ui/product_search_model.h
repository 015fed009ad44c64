#pragma once

#include "domain/product.h"

#include <QAbstractListModel>

namespace counterline::ui {

// The products found while the cashier types: name, SKU and price per row.
class ProductSearchModel : public QAbstractListModel
{
    Q_OBJECT

public:
    using QAbstractListModel::QAbstractListModel;

    void setProducts(QList<Product> products);
    const QList<Product> &products() const { return m_products; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    QList<Product> m_products;
};

} // namespace counterline::ui
