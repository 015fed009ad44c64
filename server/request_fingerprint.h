#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace counterline::server {

// The fingerprint an idempotency record is matched on (BRIEF §5): SHA-256 over the method, the
// path and the canonical JSON of the body, so that whitespace and key order do not matter while
// any change of meaning does. Bodies that are not JSON are fingerprinted byte for byte.
QByteArray requestFingerprint(QByteArrayView method, QByteArrayView path, const QByteArray &body);

// The canonical form used above: compact JSON with object keys sorted.
QByteArray canonicalJson(const QByteArray &body);

// The same fingerprint when the caller already holds the canonical form.
QByteArray fingerprintOfCanonical(QByteArrayView method, QByteArrayView path,
                                  QByteArrayView canonical);

} // namespace counterline::server
