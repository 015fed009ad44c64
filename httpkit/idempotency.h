#pragma once

#include "domain/result.h"

#include <QByteArray>
#include <QHttpServerResponse>
#include <QString>

#include <optional>

namespace counterline::httpkit {

// The HTTP side of the Idempotency-Key promise (BRIEF §5), the same in every service that takes
// keys: which key is usable, the flow around work whose key is kept apart from it, and what each
// outcome is answered. Where keys are kept, and the words of the refusals, are each service's
// own: the server keeps them in idempotency_keys with a lease (server/idempotency.h), the
// payment simulator in its ledger beside the charge, in the same write.

// The header's key when it has 1 to 255 characters (the draft's quotes already taken off).
std::optional<QString> usableKey(const QByteArray &header);

// What a keyed request came to.
struct KeyOutcome
{
    enum class Kind
    {
        Made,     // run now: `status` and `body` are its answer
        Replay,   // answered before: the stored `status` and `body`, byte for byte
        Mismatch, // the key was used for another request: nothing ran
        InFlight  // the first request with the key is still running
    };
    Kind kind = Kind::Made;
    int status = 0;
    QByteArray body;
    // Empty: JSON, or a problem at 400 and above (jsonResponse). A service whose stored answers
    // are plain JSON at any status (a declined charge) names it.
    QByteArray contentType;
};

// The refusals in the service's words.
struct KeyRefusals
{
    Error reused;   // answered 422
    Error inFlight; // answered 409 with Retry-After: 1
};

// Made and Replay: the status and body (a replay marked Idempotent-Replayed: true); Mismatch and
// InFlight: the service's refusal as a problem.
QHttpServerResponse answerOf(const KeyOutcome &outcome, const KeyRefusals &refusals);

// The flow for a key kept apart from the work. `earlier()` records the key as running, or says
// what an earlier request with it came to (Result<std::optional<KeyOutcome>>: nothing means go
// ahead); then `run()` makes the answer (Result<KeyOutcome>). A run that fails calls
// `release()` so that the same key may be sent again: failures do not consume a key.
template<typename Earlier, typename Run, typename Release>
Result<KeyOutcome> runKeyed(Earlier earlier, Run run, Release release)
{
    Result<std::optional<KeyOutcome>> before = earlier();
    if (!before)
        return before.error();
    if (before->has_value())
        return **before;
    Result<KeyOutcome> made = run();
    if (!made)
        release();
    return made;
}

} // namespace counterline::httpkit
