#pragma once

// Small helpers shared by the domain tests: building money and products from literals.

#include "domain/currency.h"
#include "domain/money.h"
#include "domain/product.h"
#include "domain/tax_rate.h"

#include <QRandomGenerator>
#include <QTest>

namespace counterline::testing {

inline Currency currency(const char *code)
{
    const Result<Currency> found = Currency::fromCode(QString::fromLatin1(code));
    if (!found)
        qFatal("test uses unknown currency %s", code);
    return *found;
}

inline Money money(qint64 minor, const char *code)
{
    return Money(minor, currency(code));
}

inline TaxRate rate(const char *percent)
{
    const Result<TaxRate> parsed = TaxRate::fromPercentText(QString::fromLatin1(percent));
    if (!parsed)
        qFatal("test uses bad tax rate %s", percent);
    return *parsed;
}

inline Product product(const char *sku, const char *name, qint64 priceMinor, const char *code,
                       const char *taxPercent)
{
    return Product{QString::fromLatin1(sku), QString(), QString::fromUtf8(name),
                   money(priceMinor, code), rate(taxPercent)};
}

// Randomized tests draw from a generator whose seed they print, so that a failure can be replayed
// with COUNTERLINE_TEST_SEED=<seed>.
inline quint32 testSeed()
{
    bool ok = false;
    const quint32 fixed = qEnvironmentVariable("COUNTERLINE_TEST_SEED").toUInt(&ok);
    return ok ? fixed : QRandomGenerator::global()->generate();
}

} // namespace counterline::testing

// QCOMPARE prints both sides on failure.
namespace QTest {
template<>
inline char *toString(const counterline::Money &money)
{
    return qstrdup(money.toString().toUtf8().constData());
}
} // namespace QTest
