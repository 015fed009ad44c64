#pragma once

#include "domain/result.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace counterline::protocol {

// One entry of a terminal's journal as it travels with an order, an event or a journal entry:
// its number, the hash before it and its own hash ("journal": {seq, prev_hash, hash}).
struct JournalLink
{
    qint64 seq = 0;
    QString prevHash;
    QString hash;
};

// The "journal" member of a request body: none when absent (a body from before journal links, or
// a web shop's), request.invalid_field naming the member when it is not a link.
Result<std::optional<JournalLink>> parseJournalLink(const QJsonObject &body);

// True for 64 lower-case hex digits (a SHA-256 as the journal writes it).
bool isHexHash(const QString &text);

} // namespace counterline::protocol
