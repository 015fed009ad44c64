#include "sync/problem_words.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace counterline::sync {

namespace {

QString detailOf(const QString &code, const QString &recorded)
{
    const QString prefix = code + u": "_s;
    return !code.isEmpty() && recorded.startsWith(prefix) ? recorded.mid(prefix.size()) : recorded;
}

bool isFigures(const QString &code)
{
    return code.startsWith(u"tender."_s) || code.startsWith(u"cart."_s) ||
           code == u"order.totals_mismatch"_s || code == u"order.out_of_bounds"_s ||
           code == u"order.empty"_s || code == u"order.currency_mismatch"_s ||
           code == u"order.tax_rate_differs"_s || code == u"order.unknown_sku"_s ||
           code == u"order.below_catalog"_s;
}

QString withoutKnownCode(const QString &code, int httpStatus, const QString &detail)
{
    if (httpStatus == 0) {
        return QCoreApplication::translate(
                   "counterline::sync::ProblemWords",
                   "No answer from the server (%1). The till tries again by itself.")
            .arg(detail);
    }
    if (httpStatus >= 500) {
        return QCoreApplication::translate(
                   "counterline::sync::ProblemWords",
                   "The server had a fault (HTTP %1). The till tries again by itself.")
            .arg(httpStatus);
    }
    return QCoreApplication::translate("counterline::sync::ProblemWords",
                                       "The server refused this (HTTP %1: %2).")
        .arg(QString::number(httpStatus), code.isEmpty() ? detail : code + u": "_s + detail);
}

} // namespace

QString problemWords(const QString &code, int httpStatus, const QString &recorded)
{
    // Which codes each sentence words, first match first; a sentence with %1 takes the detail.
    struct Wording
    {
        bool (*words)(const QString &code);
        const char *sentence;
    };
    static const Wording wordings[] = {
        {[](const QString &c) { return c.startsWith(u"auth."_s); },
         QT_TRANSLATE_NOOP("counterline::sync::ProblemWords",
                           "The server no longer accepts this till (%1). A manager must enrol it "
                           "again; its sales wait here until then.")},
        {[](const QString &c) { return c == u"idempotency.in_flight"_s; },
         QT_TRANSLATE_NOOP("counterline::sync::ProblemWords",
                           "The server is still working on this; the till asks again shortly.")},
        {[](const QString &c) { return c == u"order.version_conflict"_s; },
         QT_TRANSLATE_NOOP("counterline::sync::ProblemWords",
                           "Someone changed this order on the server first (%1). A manager must "
                           "decide again.")},
        {isFigures, QT_TRANSLATE_NOOP("counterline::sync::ProblemWords",
                                      "The server did not accept this sale's figures (%1). The "
                                      "sale stays on this till as it was; a manager must look at "
                                      "it.")},
        {[](const QString &c) { return c.startsWith(u"journal."_s); },
         QT_TRANSLATE_NOOP("counterline::sync::ProblemWords",
                           "The server did not accept the till's journal entry (%1). A manager "
                           "must check the till's journal.")},
        {[](const QString &c) { return c.startsWith(u"request."_s); },
         QT_TRANSLATE_NOOP("counterline::sync::ProblemWords",
                           "The server could not read what the till sent (%1). This is a fault in "
                           "the till: tell support.")},
        {[](const QString &c) { return c.startsWith(u"order."_s); },
         QT_TRANSLATE_NOOP("counterline::sync::ProblemWords",
                           "The server cannot apply this to the order as it stands there (%1). A "
                           "manager must decide.")},
    };
    const QString detail = detailOf(code, recorded);
    for (const Wording &wording : wordings) {
        if (!wording.words(code))
            continue;
        const QString sentence =
            QCoreApplication::translate("counterline::sync::ProblemWords", wording.sentence);
        return sentence.contains(u"%1"_s) ? sentence.arg(detail) : sentence;
    }
    return withoutKnownCode(code, httpStatus, detail);
}

} // namespace counterline::sync
