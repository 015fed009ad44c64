#include "ui/product_search_model.h"

#include "ui/money_format.h"

namespace counterline::ui {

void ProductSearchModel::setProducts(QList<Product> products)
{
    beginResetModel();
    m_products = std::move(products);
    endResetModel();
}

int ProductSearchModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_products.size());
}

QVariant ProductSearchModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Product &product = m_products[index.row()];
    if (role == Qt::DisplayRole) {
        return tr("%1  ·  %2  ·  %3").arg(product.name, product.sku, formatMoney(product.price));
    }
    if (role == Qt::ToolTipRole)
        return product.barcode;
    return {};
}

} // namespace counterline::ui
