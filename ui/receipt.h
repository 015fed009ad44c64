#pragma once

#include "domain/order.h"
#include "store/journal.h"
#include "ui/slip.h"

#include <QCoreApplication>

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

// What a receipt prints: the order's lines, tax per rate, tenders, the journal sequence and short
// hash, and the QR code of the verification string; printed with printSlip() (slip.h).
class ReceiptPainter
{
    Q_DECLARE_TR_FUNCTIONS(ReceiptPainter)

public:
    static Slip slip(const Receipt &receipt);
};

} // namespace counterline::ui
