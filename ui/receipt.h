#pragma once

#include "domain/order.h"
#include "store/journal.h"
#include "ui/slip.h"

#include <QCoreApplication>
#include <QPagedPaintDevice>

namespace counterline::ui {

// What a customer's receipt says, taken from the committed order and its journal entry.
struct Receipt
{
    QString storeName;
    Order order;
    qint64 journalSeq = 0;
    QByteArray journalHash; // hex

    // What the QR code holds: enough to find the order and check its journal entry.
    QByteArray verificationString() const;
};

// Draws receipts with QPainter: on 80 mm thermal paper (one page as long as the receipt) or on
// A4, onto a printer or a PDF file. GUI thread (QPainter on QImage/QPdfWriter is fine anywhere,
// but printers are not).
class ReceiptPainter
{
    Q_DECLARE_TR_FUNCTIONS(ReceiptPainter)

public:
    // Sets the page size (thermal: as long as needed) and paints.
    static void print(const Receipt &receipt, QPagedPaintDevice &device, ReceiptPaper paper);
    static Result<void> writePdf(const Receipt &receipt, const QString &filePath,
                                 ReceiptPaper paper);
};

} // namespace counterline::ui
