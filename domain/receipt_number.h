#pragma once

#include "domain/result.h"

#include <QCoreApplication>

namespace counterline {

// "STORE-TERMINAL-SEQ", e.g. "S1-T2-000042": unique across the chain because each terminal counts
// its own gapless sequence. Store and terminal codes are 1–16 ASCII letters or digits, so the
// dashes always split the number unambiguously.
class ReceiptNumber
{
    Q_DECLARE_TR_FUNCTIONS(ReceiptNumber)

public:
    static Result<ReceiptNumber> make(QStringView store, QStringView terminal, qint64 sequence);
    static Result<ReceiptNumber> parse(QStringView text);
    static bool isValidCode(QStringView code);

    const QString &store() const { return m_store; }
    const QString &terminal() const { return m_terminal; }
    qint64 sequence() const { return m_sequence; }
    QString toString() const;

    friend bool operator==(const ReceiptNumber &, const ReceiptNumber &) = default;

private:
    ReceiptNumber(QString store, QString terminal, qint64 sequence)
        : m_store(std::move(store))
        , m_terminal(std::move(terminal))
        , m_sequence(sequence)
    {}
    QString m_store;
    QString m_terminal;
    qint64 m_sequence = 0;
};

} // namespace counterline
