// The Till's session: who is logged in, the shift from its opening float to its Z report, and
// the cart that was open when the till last stopped.

#include "till/till.h"

using namespace Qt::StringLiterals;

namespace counterline::till {

Result<bool> Till::logIn(const store::User &user)
{
    m_user = user;
    m_shift.reset();
    Result<std::optional<store::Shift>> open = m_shifts.current(user);
    if (!open) {
        m_user.reset();
        return open.error();
    }
    if (!open->has_value())
        return false;
    m_shift = **open;
    // The cart that was open when the app last stopped (or crashed) comes back.
    Result<std::optional<QUuid>> openCart = m_carts.openCart();
    if (openCart && openCart->has_value()) {
        if (Result<Cart> cart = m_carts.load(**openCart); cart)
            setCart(std::move(*cart));
    }
    emit parkedCountChanged();
    return true;
}

Result<void> Till::openShift(const Money &openingFloat)
{
    if (!m_user)
        return Error{u"till.logged_out"_s, tr("nobody is logged in at this till")};
    Result<store::Shift> shift = m_shifts.open(*m_user, openingFloat);
    if (!shift)
        return shift.error();
    Result<bool> started = logIn(*m_user);
    if (!started)
        return started.error();
    return success();
}

void Till::logOut()
{
    m_user.reset();
    m_shift.reset();
    m_approvedBy.clear();
    m_pendingQuantity = 1;
}

Result<store::ZReport> Till::shiftReport(const Money &cash, const Money &card)
{
    if (!m_shift)
        return Error{u"till.no_shift"_s, tr("no shift is open at this till")};
    return m_shifts.report(*m_shift, cash, card);
}

Result<store::ZReport> Till::closeShift(const Money &cash, const Money &card,
                                        const QString &overrideBy)
{
    if (!m_shift)
        return Error{u"till.no_shift"_s, tr("no shift is open at this till")};
    Result<store::ZReport> closed = m_shifts.close(*m_shift, cash, card, m_user->name, overrideBy);
    if (closed)
        logOut();
    return closed;
}

} // namespace counterline::till
