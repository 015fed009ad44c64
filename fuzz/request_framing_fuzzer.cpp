// The bytes of one HTTP/1.1 connection as anyone on the network may send them, followed by
// httpkit::RequestFraming, the strict reader at the server's door.
//
// Properties, beyond "no crash, no undefined behaviour, no leak":
// - however the bytes are split into reads (the split points come from the first bytes), the
//   reader refuses the same way, with the same status, and counts the same whole requests;
// - a refusal is one of the statuses the gate answers with (400, 413, 414, 431, 501, 505) and
//   names its error;
// - once refused, it stays refused.

#include "fuzz/fuzz_input.h"
#include "httpkit/request_framing.h"

#include <optional>

using namespace counterline::httpkit;
using counterline::fuzz::FuzzInput;
using counterline::fuzz::require;

namespace {

struct Outcome
{
    std::optional<int> refusedWith;
    int requests = 0;
    bool inRequest = false;
};

// Small limits as well as the real ones, so that the fuzzer reaches every limit quickly.
FramingLimits limitsOf(uint8_t choice)
{
    if (choice % 2 == 0)
        return {};
    return FramingLimits{64, 4, 256, 100};
}

Outcome feedInPieces(QByteArrayView bytes, const FramingLimits &limits, uint8_t step)
{
    RequestFraming framing(limits);
    Outcome outcome;
    // 0: everything in one read; otherwise reads of 1 to 17 bytes.
    const qsizetype piece =
        step == 0 ? std::max<qsizetype>(bytes.size(), 1) : qsizetype(step % 17) + 1;
    for (qsizetype at = 0; at < bytes.size(); at += piece) {
        if (std::optional<FramingRefusal> refusal =
                framing.feed(bytes.sliced(at, std::min(piece, bytes.size() - at)))) {
            require(refusal->status == 400 || refusal->status == 413 || refusal->status == 414 ||
                        refusal->status == 431 || refusal->status == 501 || refusal->status == 505,
                    "a refusal is answered with one of the gate's statuses", bytes);
            require(!refusal->error.code.isEmpty(), "a refusal names its error", bytes);
            require(framing.feed("GET / HTTP/1.1\r\n\r\n").has_value(),
                    "a refused connection stays refused", bytes);
            outcome.refusedWith = refusal->status;
            break;
        }
    }
    outcome.requests = framing.requestsComplete();
    outcome.inRequest = framing.inRequest();
    return outcome;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FuzzInput input(data, size);
    const FramingLimits limits = limitsOf(input.choice());
    const uint8_t step = input.choice();
    const QByteArrayView bytes = input.rest();

    const Outcome whole = feedInPieces(bytes, limits, 0);
    const Outcome pieces = feedInPieces(bytes, limits, step);
    require(whole.refusedWith == pieces.refusedWith,
            "the same bytes in any pieces: the same refusal", bytes);
    if (!whole.refusedWith) {
        require(whole.requests == pieces.requests && whole.inRequest == pieces.inRequest,
                "the same bytes in any pieces: the same requests", bytes);
    }
    return 0;
}
