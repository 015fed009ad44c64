#pragma once
// A deliberate layer violation for tests/layering: domain/ must never include ui/.
#include "domain/money.h"
#include "ui/money_format.h"
