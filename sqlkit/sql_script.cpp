#include "sqlkit/sql_script.h"

namespace counterline::sqlkit {

namespace {

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_';
}

// The dollar-quote tag that starts at `at` ("$$" or "$name$"), or an empty view.
QStringView dollarTag(QStringView script, qsizetype at)
{
    if (script[at] != u'$')
        return {};
    // A tag is empty or an identifier: "$1" is a parameter, not a quote.
    qsizetype end = at + 1;
    if (end < script.size() && script[end].isDigit())
        return {};
    while (end < script.size() && isWordChar(script[end]))
        ++end;
    if (end < script.size() && script[end] == u'$')
        return script.mid(at, end - at + 1);
    return {};
}

} // namespace

QStringList splitSqlScript(const QString &script)
{
    QStringList statements;
    QString current;
    int blockDepth = 0; // open BEGIN / CASE words awaiting their END
    const qsizetype size = script.size();

    auto finish = [&] {
        const QString statement = current.trimmed();
        if (!statement.isEmpty())
            statements.append(statement);
        current.clear();
    };

    for (qsizetype i = 0; i < size; ++i) {
        const QChar c = script[i];
        if (c == u'-' && i + 1 < size && script[i + 1] == u'-') {
            while (i < size && script[i] != u'\n')
                ++i;
            current += u'\n';
            continue;
        }
        if (c == u'\'' || c == u'"') {
            // A quoted literal or identifier; a doubled quote stays inside it.
            const qsizetype start = i;
            for (++i; i < size; ++i) {
                if (script[i] == c) {
                    if (i + 1 < size && script[i + 1] == c)
                        ++i;
                    else
                        break;
                }
            }
            current += QStringView(script).mid(start, i - start + 1);
            continue;
        }
        if (const QStringView tag = dollarTag(script, i); !tag.isEmpty()) {
            // A PostgreSQL function body: everything up to the same tag is one piece.
            const qsizetype close = script.indexOf(tag, i + tag.size());
            const qsizetype end = close < 0 ? size : close + tag.size();
            current += QStringView(script).mid(i, end - i);
            i = end - 1;
            continue;
        }
        if (c.isLetter() && (i == 0 || !isWordChar(script[i - 1]))) {
            qsizetype end = i;
            while (end < size && isWordChar(script[end]))
                ++end;
            const QStringView word = QStringView(script).mid(i, end - i);
            if (word.compare(u"BEGIN", Qt::CaseInsensitive) == 0 ||
                word.compare(u"CASE", Qt::CaseInsensitive) == 0) {
                ++blockDepth;
            } else if (word.compare(u"END", Qt::CaseInsensitive) == 0 && blockDepth > 0) {
                --blockDepth;
            }
            current += word;
            i = end - 1;
            continue;
        }
        if (c == u';' && blockDepth == 0) {
            finish();
            continue;
        }
        current += c;
    }
    finish();
    return statements;
}

} // namespace counterline::sqlkit
