#include "domain/receipt_number.h"

using namespace Qt::StringLiterals;

namespace counterline {

namespace {
constexpr int kSequenceWidth = 6;
constexpr qsizetype kMaxCodeLength = 16;
} // namespace

bool ReceiptNumber::isValidCode(QStringView code)
{
    if (code.isEmpty() || code.size() > kMaxCodeLength)
        return false;
    for (QChar c : code) {
        const bool asciiAlnum =
            (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9');
        if (!asciiAlnum)
            return false;
    }
    return true;
}

Result<ReceiptNumber> ReceiptNumber::make(QStringView store, QStringView terminal, qint64 sequence)
{
    if (!isValidCode(store) || !isValidCode(terminal)) {
        return Error{u"receipt_number.bad_code"_s,
                     tr("store and terminal codes must be 1 to 16 letters or digits, not \"%1\" "
                        "and \"%2\"")
                         .arg(store.toString(), terminal.toString())};
    }
    if (sequence < 1) {
        return Error{u"receipt_number.bad_sequence"_s,
                     tr("receipt sequences start at 1, not %1").arg(sequence)};
    }
    return ReceiptNumber(store.toString(), terminal.toString(), sequence);
}

Result<ReceiptNumber> ReceiptNumber::parse(QStringView text)
{
    const QList<QStringView> parts = text.split(u'-');
    bool numeric = false;
    const qint64 sequence = parts.size() == 3 ? parts[2].toLongLong(&numeric) : 0;
    if (!numeric || parts[2].startsWith(u'+') || parts[2].startsWith(u'-')) {
        return Error{u"receipt_number.malformed"_s,
                     tr("\"%1\" is not a receipt number like S1-T1-000042").arg(text.toString())};
    }
    return make(parts[0], parts[1], sequence);
}

QString ReceiptNumber::toString() const
{
    return m_store + u'-' + m_terminal + u'-' +
           u"%1"_s.arg(m_sequence, kSequenceWidth, 10, QChar(u'0'));
}

} // namespace counterline
