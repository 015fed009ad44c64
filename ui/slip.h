#pragma once

#include "domain/result.h"

#include <QCoreApplication>
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

// Something printed at the till: its title (the document name), its rows and an optional QR code
// under them.
struct Slip
{
    QString title;
    QList<SlipRow> rows;
    QImage qrCode;

    Q_DECLARE_TR_FUNCTIONS(Slip) // last: it leaves the members after it private
};

// Paints a slip on 80 mm thermal paper, one page as long as needed, or on A4 with the same 72 mm
// column centred. False when the device could not be painted on.
bool paintSlip(QPagedPaintDevice &device, const Slip &slip, ReceiptPaper paper);

// Prints a slip through QPrinter: always into the PDF at `pdfPath` (the till's copy, and what tests
// read), then on the printer called `printerName` when one is named. The PDF comes first, so a
// missing or failing printer never costs the copy; its error says which printer and that the PDF
// was kept.
Result<void> printSlip(const Slip &slip, ReceiptPaper paper, const QString &pdfPath,
                       const QString &printerName = {});

} // namespace counterline::ui
