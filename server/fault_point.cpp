#include "server/fault_point.h"

#include <QByteArray>
#include <QtGlobal>

#include <csignal>

namespace counterline::server {

void faultPoint([[maybe_unused]] const char *point)
{
#ifdef COUNTERLINE_FAULT_POINTS
    static const QByteArray chosen = qgetenv("COUNTERLINE_FAULT_POINT");
    if (!chosen.isEmpty() && chosen == point)
        ::raise(SIGKILL);
#endif
}

} // namespace counterline::server
