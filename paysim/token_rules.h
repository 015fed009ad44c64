#pragma once

#include <QString>

namespace counterline::paysim {

// What the simulated card network says about a token, by rules a trainer can remember:
//   tok_insufficient…  declined, insufficient_funds
//   tok_expired…       declined, expired_card
//   tok_decline…       declined, card_declined
//   any other tok_…    approved
// An empty decline code means approved.
QString declineCodeFor(const QString &token);

// True for something that can be a token at all ("tok_" and at least one more character).
bool isToken(const QString &token);

} // namespace counterline::paysim
