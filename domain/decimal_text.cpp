#include "domain/decimal_text.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace counterline {

namespace {

Error malformed(QStringView text)
{
    return Error{u"decimal.malformed"_s,
                 QCoreApplication::translate("counterline::DecimalText",
                                             "\"%1\" is not a plain decimal number like 1.49")
                     .arg(text.toString())};
}

} // namespace

Result<qint64> parseScaledDecimal(QStringView text, int scale)
{
    Q_ASSERT(scale >= 0 && scale <= 18);
    qsizetype pos = 0;
    bool negative = false;
    if (pos < text.size() && (text[pos] == u'-' || text[pos] == u'+')) {
        negative = text[pos] == u'-';
        ++pos;
    }

    qint64 value = 0;
    int integerDigits = 0;
    int fractionDigits = 0;
    bool seenPoint = false;
    for (; pos < text.size(); ++pos) {
        const QChar c = text[pos];
        if (c == u'.' && !seenPoint) {
            seenPoint = true;
            continue;
        }
        if (c < u'0' || c > u'9')
            return malformed(text);
        const int digit = c.unicode() - u'0';
        if (seenPoint) {
            ++fractionDigits;
            if (fractionDigits > scale) {
                if (digit != 0) {
                    return Error{u"decimal.too_precise"_s,
                                 QCoreApplication::translate(
                                     "counterline::DecimalText",
                                     "\"%1\" has more than %n decimal place(s)", nullptr, scale)
                                     .arg(text.toString())};
                }
                continue;
            }
        } else {
            ++integerDigits;
        }
        if (__builtin_mul_overflow(value, qint64{10}, &value) ||
            __builtin_add_overflow(value, qint64{digit}, &value)) {
            return Error{
                u"decimal.overflow"_s,
                QCoreApplication::translate("counterline::DecimalText", "\"%1\" is too large")
                    .arg(text.toString())};
        }
    }
    if (integerDigits + fractionDigits == 0)
        return malformed(text);

    for (int i = std::min(fractionDigits, scale); i < scale; ++i) {
        if (__builtin_mul_overflow(value, qint64{10}, &value)) {
            return Error{
                u"decimal.overflow"_s,
                QCoreApplication::translate("counterline::DecimalText", "\"%1\" is too large")
                    .arg(text.toString())};
        }
    }
    return negative ? -value : value;
}

QString formatScaledDecimal(qint64 value, int scale)
{
    // Work on the unsigned magnitude so that the most negative qint64 prints correctly.
    const bool negative = value < 0;
    const quint64 magnitude =
        negative ? quint64(0) - static_cast<quint64>(value) : static_cast<quint64>(value);
    QString digits = QString::number(magnitude);
    if (scale == 0)
        return negative ? u'-' + digits : digits;
    if (digits.size() <= scale)
        digits = QString(scale - digits.size() + 1, u'0') + digits;
    const QString text = digits.left(digits.size() - scale) + u'.' + digits.right(scale);
    return negative ? u'-' + text : text;
}

} // namespace counterline
