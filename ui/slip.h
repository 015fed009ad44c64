#pragma once

#include "domain/result.h"

#include <QImage>
#include <QPagedPaintDevice>

namespace counterline::ui {

// One printed row of a slip (a receipt, a Z report): text on the left, an amount on the right,
// or a rule across.
struct SlipRow
{
    QString left;
    QString right;
    bool bold = false;
    bool rule = false;
};

enum class ReceiptPaper
{
    Thermal80mm,
    A4
};

// Paints rows (and an optional QR code under them) on 80 mm thermal paper, one page as long as
// needed, or on A4 with the same 72 mm column centred.
void paintSlip(QPagedPaintDevice &device, const QList<SlipRow> &rows, ReceiptPaper paper,
               const QImage &qrCode = {});

Result<void> writeSlipPdf(const QString &filePath, const QString &title, const QList<SlipRow> &rows,
                          ReceiptPaper paper, const QImage &qrCode = {});

} // namespace counterline::ui
