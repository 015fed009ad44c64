#include "protocol/journal_link.h"

#include <QCoreApplication>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace counterline::protocol {

bool isHexHash(const QString &text)
{
    if (text.size() != 64)
        return false;
    return std::all_of(text.cbegin(), text.cend(), [](QChar c) {
        return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f');
    });
}

Result<std::optional<JournalLink>> parseJournalLink(const QJsonObject &body)
{
    const QJsonValue value = body.value(u"journal"_s);
    if (value.isUndefined() || value.isNull())
        return std::optional<JournalLink>();
    if (!value.isObject())
        return Error{u"request.invalid_field"_s,
                     QCoreApplication::translate("counterline::protocol::JournalLink",
                                                 "\"journal\" must be an object")};
    const QJsonObject journal = value.toObject();
    const QJsonValue seq = journal.value(u"seq"_s);
    JournalLink link{seq.toInteger(0), journal.value(u"prev_hash"_s).toString(),
                     journal.value(u"hash"_s).toString()};
    auto invalid = [](const QString &field, const QString &problem) {
        return Error{u"request.invalid_field"_s, u"\"journal.%1\" %2"_s.arg(field, problem)};
    };
    if (!seq.isDouble() || link.seq < 1 || double(link.seq) != seq.toDouble())
        return invalid(u"seq"_s, QCoreApplication::translate("counterline::protocol::JournalLink",
                                                             "must be a whole number from 1"));
    if (!isHexHash(link.hash))
        return invalid(u"hash"_s, QCoreApplication::translate("counterline::protocol::JournalLink",
                                                              "must be 64 lower-case hex digits"));
    if (!isHexHash(link.prevHash))
        return invalid(u"prev_hash"_s,
                       QCoreApplication::translate("counterline::protocol::JournalLink",
                                                   "must be 64 lower-case hex digits"));
    return std::optional<JournalLink>(link);
}

} // namespace counterline::protocol
