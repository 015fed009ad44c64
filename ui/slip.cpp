#include "ui/slip.h"

#include <QCoreApplication>
#include <QFile>
#include <QPainter>
#include <QPdfWriter>

using namespace Qt::StringLiterals;

namespace counterline::ui {

namespace {

constexpr qreal kRowMm = 4.2; // line pitch at 8 pt
constexpr qreal kQrMm = 28.0; // the QR code's side
constexpr qreal kMarginMm = 4.0;
constexpr qreal kColumnMm = 72.0; // the printable width of 80 mm thermal paper

} // namespace

void paintSlip(QPagedPaintDevice &device, const QList<SlipRow> &rows, ReceiptPaper paper,
               const QImage &qrCode)
{
    const bool thermal = paper == ReceiptPaper::Thermal80mm;
    const qreal widthMm = thermal ? 80.0 : 210.0;
    const qreal qrMm = qrCode.isNull() ? 0.0 : kQrMm + 6.0;
    const qreal heightMm = thermal ? 2 * kMarginMm + qreal(rows.size()) * kRowMm + qrMm : 297.0;
    device.setPageSize(QPageSize(QSizeF(widthMm, heightMm), QPageSize::Millimeter));
    device.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout::Millimeter);

    QPainter painter(&device);
    const qreal perMm = device.logicalDpiX() / 25.4;
    const qreal left = (widthMm - kColumnMm) / 2 * perMm;
    const qreal right = (widthMm + kColumnMm) / 2 * perMm;
    QFont font(u"DejaVu Sans Mono"_s);
    font.setStyleHint(QFont::Monospace);
    font.setPointSizeF(8);
    qreal y = kMarginMm * perMm;
    const qreal pitch = kRowMm * perMm;
    for (const SlipRow &row : rows) {
        if (row.rule) {
            painter.drawLine(QPointF(left, y + pitch / 2), QPointF(right, y + pitch / 2));
        } else {
            font.setBold(row.bold);
            painter.setFont(font);
            const QRectF box(left, y, right - left, pitch);
            painter.drawText(box, Qt::AlignLeft | Qt::AlignVCenter, row.left);
            if (!row.right.isEmpty())
                painter.drawText(box, Qt::AlignRight | Qt::AlignVCenter, row.right);
        }
        y += pitch;
    }
    if (!qrCode.isNull()) {
        const qreal side = kQrMm * perMm;
        painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
        painter.drawImage(QRectF((left + right - side) / 2, y + 2 * perMm, side, side), qrCode);
    }
}

Result<void> writeSlipPdf(const QString &filePath, const QString &title, const QList<SlipRow> &rows,
                          ReceiptPaper paper, const QImage &qrCode)
{
    {
        QPdfWriter pdf(filePath);
        pdf.setResolution(300);
        pdf.setTitle(title);
        pdf.setCreator(u"Counterline"_s);
        paintSlip(pdf, rows, paper, qrCode);
    }
    QFile written(filePath);
    if (!written.exists() || written.size() == 0) {
        return Error{
            u"slip.not_written"_s,
            QCoreApplication::translate("counterline::ui", "Nothing could be written to %1.")
                .arg(filePath)};
    }
    return success();
}

} // namespace counterline::ui
