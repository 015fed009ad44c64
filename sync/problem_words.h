#pragma once

// What a refusal or a failed delivery means, for the people at the till: a sentence in their
// language chosen by the server's problem code (the detail the server sent, in its own language,
// follows in parentheses), never a bare code such as "order.totals_mismatch … HTTP 422".

#include <QString>

namespace counterline::sync {

// `recorded` is what the till keeps of the answer: "code: detail", the detail alone, or a network
// error; `httpStatus` is 0 when there was no answer.
QString problemWords(const QString &code, int httpStatus, const QString &recorded);

} // namespace counterline::sync
