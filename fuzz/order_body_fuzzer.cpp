// POST /v1/orders bodies as anyone holding a till's token may send them, read by
// protocol::parseOrderBody before anything is looked up or stored.
//
// Properties, beyond "no crash, no undefined behaviour, no leak":
// - a refused body names what is wrong (an error code and a message);
// - a body that is read has a canonical form (the fingerprint's input) that reads again to the
//   same order and the same canonical form, so a retried body always fingerprints the same;
// - the pool classifier, which looks at the bytes only, never sends a body that needs capture
//   to a pool that must not wait on the payment service.

#include "fuzz/fuzz_input.h"
#include "protocol/order_body.h"

using namespace counterline;
using namespace counterline::protocol;
using counterline::fuzz::require;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body(reinterpret_cast<const char *>(data), qsizetype(size));
    const Result<WireOrder> order = parseOrderBody(body);
    if (!order) {
        require(!order.error().code.isEmpty() && !order.error().message.isEmpty(),
                "a refused body names its error", body);
        return 0;
    }
    require(!order->needsCapture() || mayNeedCapture(body),
            "a body that needs capture is classified as one", body);

    const Result<WireOrder> again = parseOrderBody(order->canonical);
    require(again.ok(), "the canonical form of a read body reads again", body);
    require(again->canonical == order->canonical, "the canonical form is a fixed point", body);
    require(again->id == order->id && again->total == order->total &&
                again->lines.size() == order->lines.size() &&
                again->tenders.size() == order->tenders.size() &&
                again->events.size() == order->events.size(),
            "the canonical form reads as the same order", body);
    for (qsizetype i = 0; i < order->lines.size(); ++i) {
        const WireLine &line = order->lines.at(i);
        const WireLine &reread = again->lines.at(i);
        require(line.unitPrice == reread.unitPrice && line.quantity == reread.quantity &&
                    line.total == reread.total && line.discount == reread.discount,
                "the canonical form keeps each line's amounts", body);
    }
    return 0;
}
