#pragma once

#include "server/order_saga.h"

namespace counterline::server::saga {

// The steps of OrderSaga::advance, one function each (server/saga_steps.cpp). Each finishes its
// step or leaves it for later; `false` in a result means another runner moved the saga first.

// Moves the recovery point from `from` to `to`, guarded by `from`.
Result<bool> moveStep(const QSqlDatabase &db, const QString &orderId, const QString &from,
                      const QString &to, const QDateTime &now, const QString &chargeId = {},
                      const QString &reason = {});

// Records what a step did, once per order and step.
Result<void> recordStep(const QSqlDatabase &db, const QString &orderId, const QString &step,
                        const QString &outcome, const QString &detail, const QDateTime &at);

// Not finished now: tried again later (the payment service did not answer, or is not set).
Result<void> postpone(const QSqlDatabase &db, const SagaState &saga, const QString &why,
                      const QDateTime &now);

Result<void> charge(const QSqlDatabase &db, const SagaState &saga, const SagaContext &context);
Result<void> confirm(const QSqlDatabase &db, const SagaState &saga, const SagaContext &context);
Result<void> compensate(const QSqlDatabase &db, const SagaState &saga, const SagaContext &context);

} // namespace counterline::server::saga
