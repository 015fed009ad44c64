#include "ui/cart_model.h"

#include "ui/money_format.h"

using namespace Qt::StringLiterals;

namespace counterline::ui {

CartModel::CartModel(Cart cart, QObject *parent)
    : QAbstractTableModel(parent)
    , m_cart(std::move(cart))
{
    reprice();
}

void CartModel::replaceCart(Cart cart)
{
    beginResetModel();
    m_cart = std::move(cart);
    reprice();
    endResetModel();
}

void CartModel::reprice()
{
    Result<CartTotals> totals = m_cart.totals();
    m_totals = totals ? std::optional<CartTotals>(*totals) : std::nullopt;
}

int CartModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_cart.lines().size());
}

int CartModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CartModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CartLine &line = m_cart.lines()[index.row()];
    if (role == Qt::TextAlignmentRole) {
        return index.column() == Name ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                      : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    const PricedLine *priced = nullptr;
    if (m_totals && index.row() < m_totals->lines.size())
        priced = &m_totals->lines[index.row()];
    switch (index.column()) {
    case Name:
        return line.isPriceOverridden() ? tr("%1 (price changed)").arg(line.name) : line.name;
    case Quantity:
        return QLocale().toString(line.quantity);
    case UnitPrice:
        return formatMoney(line.unitPrice);
    case Discount:
        return priced && !priced->lineDiscount.isZero() ? formatMoney(priced->lineDiscount)
                                                        : QString();
    case Total:
        return priced ? formatMoney(priced->amount.gross) : QString();
    default:
        return {};
    }
}

QVariant CartModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("Item");
    case Quantity:
        return tr("Qty");
    case UnitPrice:
        return tr("Price");
    case Discount:
        return tr("Discount");
    case Total:
        return tr("Total");
    default:
        return {};
    }
}

} // namespace counterline::ui
