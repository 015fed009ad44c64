#include "sqlkit/time_text.h"

namespace counterline::sqlkit {

namespace {

// Reads `count` ASCII digits at `at`, or -1.
int digits(QStringView text, qsizetype at, int count)
{
    int value = 0;
    for (int i = 0; i < count; ++i) {
        const QChar c = text[at + i];
        if (c < u'0' || c > u'9')
            return -1;
        value = value * 10 + (c.unicode() - u'0');
    }
    return value;
}

// Writes `value` as `count` ASCII digits at `at`.
void putDigits(char16_t *at, int value, int count)
{
    for (int i = count - 1; i >= 0; --i) {
        at[i] = char16_t(u'0' + value % 10);
        value /= 10;
    }
}

} // namespace

QString timeText(const QDateTime &time)
{
    // Every order writes a dozen times, so the usual case is put together by position; it is
    // what Qt::ISODateWithMs writes (tests compare the two). Anything unusual goes through Qt.
    const QDateTime utc = time.toUTC();
    const QDate date = utc.date();
    const QTime clock = utc.time();
    if (!date.isValid() || !clock.isValid() || date.year() < 1 || date.year() > 9999)
        return utc.toString(Qt::ISODateWithMs);
    char16_t text[25] = u"0000-00-00T00:00:00.000Z";
    putDigits(text, date.year(), 4);
    putDigits(text + 5, date.month(), 2);
    putDigits(text + 8, date.day(), 2);
    putDigits(text + 11, clock.hour(), 2);
    putDigits(text + 14, clock.minute(), 2);
    putDigits(text + 17, clock.second(), 2);
    putDigits(text + 20, clock.msec(), 3);
    return QString(reinterpret_cast<const QChar *>(text), 24);
}

QDateTime timeFromText(const QString &text)
{
    // The stored form is fixed ("2026-11-24T09:30:00.000Z"); history pages read thousands of
    // them, so it is taken apart by position. Anything else goes through Qt's ISO parser.
    const QStringView t(text);
    if (t.size() == 24 && t[4] == u'-' && t[7] == u'-' && t[10] == u'T' && t[13] == u':' &&
        t[16] == u':' && t[19] == u'.' && t[23] == u'Z') {
        const QDate date(digits(t, 0, 4), digits(t, 5, 2), digits(t, 8, 2));
        const QTime time(digits(t, 11, 2), digits(t, 14, 2), digits(t, 17, 2), digits(t, 20, 3));
        if (date.isValid() && time.isValid())
            return QDateTime(date, time, Qt::UTC);
    }
    return QDateTime::fromString(text, Qt::ISODateWithMs).toUTC();
}

} // namespace counterline::sqlkit
