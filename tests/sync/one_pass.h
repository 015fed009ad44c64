#pragma once

// Runs one pass of an OutboxSender on the caller's event loop and returns what it did (an empty
// pass when it did not finish within 30 s).

#include "sync/outbox_sender.h"

#include <QSignalSpy>

namespace counterline::testing {

inline sync::SyncPass onePass(sync::OutboxSender &sender)
{
    QSignalSpy finished(&sender, &sync::OutboxSender::finished);
    sender.runOnce();
    if (!finished.wait(30'000))
        return {};
    return finished.first().first().value<sync::SyncPass>();
}

} // namespace counterline::testing
