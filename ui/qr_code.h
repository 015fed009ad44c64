#pragma once

#include <QImage>

namespace counterline::ui {

// A QR code (libqrencode, error correction M) as a one-pixel-per-module black-on-white image with
// the standard four-module quiet zone; scale it without smoothing. Null when the text is too long.
QImage qrCode(const QByteArray &text);

} // namespace counterline::ui
