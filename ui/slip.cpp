#include "ui/slip.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QPainter>
#include <QPrinter>
#include <QPrinterInfo>

using namespace Qt::StringLiterals;

namespace counterline::ui {

namespace {

constexpr qreal kRowMm = 4.2; // line pitch at 8 pt
constexpr qreal kQrMm = 28.0; // the QR code's side
constexpr qreal kMarginMm = 4.0;
constexpr qreal kColumnMm = 72.0; // the printable width of 80 mm thermal paper

} // namespace

bool paintSlip(QPagedPaintDevice &device, const Slip &slip, ReceiptPaper paper)
{
    const bool thermal = paper == ReceiptPaper::Thermal80mm;
    const qreal widthMm = thermal ? 80.0 : 210.0;
    const qreal qrMm = slip.qrCode.isNull() ? 0.0 : kQrMm + 6.0;
    const qreal heightMm =
        thermal ? 2 * kMarginMm + qreal(slip.rows.size()) * kRowMm + qrMm : 297.0;
    device.setPageSize(QPageSize(QSizeF(widthMm, heightMm), QPageSize::Millimeter));
    device.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout::Millimeter);

    QPainter painter;
    if (!painter.begin(&device))
        return false;
    const qreal perMm = device.logicalDpiX() / 25.4;
    const qreal left = (widthMm - kColumnMm) / 2 * perMm;
    const qreal right = (widthMm + kColumnMm) / 2 * perMm;
    QFont font(u"DejaVu Sans Mono"_s);
    font.setStyleHint(QFont::Monospace);
    font.setPointSizeF(8);
    qreal y = kMarginMm * perMm;
    const qreal pitch = kRowMm * perMm;
    for (const SlipRow &row : slip.rows) {
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
    if (!slip.qrCode.isNull()) {
        const qreal side = kQrMm * perMm;
        painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
        painter.drawImage(QRectF((left + right - side) / 2, y + 2 * perMm, side, side),
                          slip.qrCode);
    }
    return painter.end();
}

Result<void> printSlip(const Slip &slip, ReceiptPaper paper, const QString &pdfPath,
                       const QString &printerName)
{
    bool painted = false;
    {
        QPrinter pdf(QPrinter::HighResolution);
        pdf.setOutputFormat(QPrinter::PdfFormat);
        pdf.setOutputFileName(pdfPath);
        pdf.setDocName(slip.title);
        pdf.setCreator(u"Counterline"_s);
        painted = paintSlip(pdf, slip, paper) && pdf.printerState() != QPrinter::Error;
    } // the file is complete once the printer is gone
    if (!painted || QFileInfo(pdfPath).size() == 0) {
        return Error{u"slip.not_written"_s,
                     Slip::tr("\"%1\" could not be written to %2.").arg(slip.title, pdfPath)};
    }
    if (printerName.isEmpty())
        return success();
    const QPrinterInfo found = QPrinterInfo::printerInfo(printerName);
    if (found.isNull()) {
        return Error{u"slip.no_printer"_s,
                     Slip::tr("There is no printer called \"%1\"; \"%2\" is kept in %3.")
                         .arg(printerName, slip.title, pdfPath)};
    }
    QPrinter printer(found, QPrinter::HighResolution);
    printer.setDocName(slip.title);
    if (!paintSlip(printer, slip, paper) || printer.printerState() == QPrinter::Error) {
        return Error{u"slip.print_failed"_s,
                     Slip::tr("The printer \"%1\" did not take \"%2\"; it is kept in %3.")
                         .arg(printerName, slip.title, pdfPath)};
    }
    return success();
}

} // namespace counterline::ui
