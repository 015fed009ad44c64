#pragma once

#include <QString>

namespace counterline {

// A failure as a value: a stable dotted code for programs ("money.currency_mismatch") and a
// translated message for people. Crosses every layer boundary instead of an exception.
struct Error
{
    QString code;
    QString message;

    friend bool operator==(const Error &, const Error &) = default;
};

} // namespace counterline
