#include "common/listen_address.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace counterline::app {

Result<ListenAddress> parseListenAddress(const QString &text, const QString &example)
{
    const qsizetype colon = text.lastIndexOf(u':');
    bool numeric = false;
    const uint port = text.mid(colon + 1).toUInt(&numeric);
    QString host = text.left(colon);
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    const QHostAddress address(host);
    if (colon < 0 || !numeric || port > 65535 || address.isNull()) {
        return Error{u"app.bad_listen"_s,
                     QCoreApplication::translate("counterline::app",
                                                 "--listen takes HOST:PORT, e.g. %1, not \"%2\".")
                         .arg(example, text)};
    }
    return ListenAddress{address, quint16(port)};
}

} // namespace counterline::app
