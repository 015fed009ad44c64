#include "domain/tender.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace counterline {

QString tenderKindName(TenderKind kind)
{
    switch (kind) {
    case TenderKind::Cash:
        return u"cash"_s;
    case TenderKind::Card:
        return u"card"_s;
    }
    Q_UNREACHABLE();
    return QString();
}

Result<TenderKind> tenderKindFromName(QStringView name)
{
    if (name == u"cash")
        return TenderKind::Cash;
    if (name == u"card")
        return TenderKind::Card;
    return Error{u"tender.unknown_kind"_s,
                 QCoreApplication::translate("counterline::Tender",
                                             "\"%1\" is not a tender kind (cash or card)")
                     .arg(name.toString())};
}

} // namespace counterline
