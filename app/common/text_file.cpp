#include "common/text_file.h"

#include <QCoreApplication>
#include <QFile>
#include <QStringDecoder>

using namespace Qt::StringLiterals;

namespace counterline::app {

Result<QString> readUtf8File(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Error{u"file.unreadable"_s,
                     QCoreApplication::translate("counterline::app", "Cannot read %1: %2")
                         .arg(path, file.errorString())};
    }
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString text = decoder.decode(file.readAll());
    if (decoder.hasError()) {
        return Error{u"file.not_utf8"_s,
                     QCoreApplication::translate("counterline::app",
                                                 "%1 is not UTF-8 text; nothing was imported.")
                         .arg(path)};
    }
    return text;
}

} // namespace counterline::app
