#pragma once

#include "domain/cart.h"
#include "domain/clock.h"
#include "store/database.h"

#include <QCoreApplication>

namespace counterline::store {

struct ParkedCart
{
    QUuid id;
    QString parkedBy;
    QDateTime parkedAt;
    int lineCount = 0;
};

// Keeps carts across restarts. The cashier window saves after every change, so a crash loses at
// most the keystroke in flight. Parked carts record who parked them and when.
class CartStore
{
    Q_DECLARE_TR_FUNCTIONS(CartStore)

public:
    CartStore(const Database &database, const Clock &clock);

    // Writes the whole cart (lines and order discount) in one transaction; creates it if new.
    Result<void> save(const Cart &cart, const QString &cashierId);
    Result<Cart> load(const QUuid &id);

    // The open (not parked) cart of this terminal, if any: what to show after a restart.
    Result<std::optional<QUuid>> openCart();

    Result<void> park(const QUuid &id, const QString &userId);
    Result<void> resume(const QUuid &id);
    Result<QList<ParkedCart>> parked();

    // Deletes open and parked carts untouched for longer than `age`, and closed carts older than
    // that (their orders keep every line). Orders are never purged. Returns how many went.
    Result<int> purgeStale(std::chrono::seconds age);

private:
    Result<void> setStatus(const QUuid &id, const QString &from, const QString &to,
                           const QString &userId);

    QSqlDatabase m_db;
    const Clock &m_clock;
};

} // namespace counterline::store
