#pragma once

#include "domain/result.h"

#include <QCoreApplication>
#include <QString>

namespace counterline {

// An ISO 4217 currency and its minor-unit exponent (EUR 2, JPY 0, KWD 3). Only currencies in the
// built-in table exist; an unknown code is an error, never a guess.
class Currency
{
    Q_DECLARE_TR_FUNCTIONS(Currency)

public:
    // ISO 4217 "XXX", no currency: what an unset amount carries, so that it can never be added
    // to a real one by accident.
    Currency() = default;
    static Result<Currency> fromCode(QStringView code);

    QString code() const { return m_code; }
    int exponent() const { return m_exponent; }
    qint64 minorPerMajor() const; // 10^exponent

    friend bool operator==(const Currency &, const Currency &) = default;

private:
    Currency(QString code, int exponent)
        : m_code(std::move(code))
        , m_exponent(exponent)
    {}

    QString m_code = QStringLiteral("XXX");
    int m_exponent = 0;
};

} // namespace counterline
