#include "server/request_fingerprint.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonParseError>

namespace counterline::server {

QByteArray canonicalJson(const QByteArray &body)
{
    // QJsonObject keeps its keys sorted, so a parse and compact re-serialisation is canonical.
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return body;
    return document.toJson(QJsonDocument::Compact);
}

QByteArray fingerprintOfCanonical(QByteArrayView method, QByteArrayView path,
                                  QByteArrayView canonical)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(method);
    hash.addData(QByteArrayView("\n"));
    hash.addData(path);
    hash.addData(QByteArrayView("\n"));
    hash.addData(canonical);
    return hash.result().toHex();
}

QByteArray requestFingerprint(QByteArrayView method, QByteArrayView path, const QByteArray &body)
{
    return fingerprintOfCanonical(method, path, canonicalJson(body));
}

} // namespace counterline::server
