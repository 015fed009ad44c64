#include "ui/receipt.h"

#include "ui/money_format.h"
#include "ui/qr_code.h"

using namespace Qt::StringLiterals;

namespace counterline::ui {

namespace {

QString tenderName(const Tender &tender)
{
    if (tender.kind == TenderKind::Cash)
        return ReceiptPainter::tr("Cash");
    return tender.reference.isEmpty() ? ReceiptPainter::tr("Card")
                                      : ReceiptPainter::tr("Card (%1)").arg(tender.reference);
}

QList<SlipRow> rowsOf(const Receipt &receipt)
{
    const Order &order = receipt.order;
    const QLocale locale;
    QList<SlipRow> rows;
    rows.append({receipt.storeName, {}, true});
    rows.append({ReceiptPainter::tr("Receipt %1").arg(order.receiptNumber().toString()), {}});
    rows.append({locale.toString(order.createdAt().toLocalTime(), QLocale::ShortFormat),
                 ReceiptPainter::tr("Cashier %1").arg(order.cashierId())});
    rows.append({{}, {}, false, true});
    for (const OrderLine &line : order.lines()) {
        rows.append({line.name, formatMoney(line.total)});
        if (line.quantity != 1 || !line.discount.isZero()) {
            QString detail = ReceiptPainter::tr("  %1 × %2")
                                 .arg(locale.toString(line.quantity), formatMoney(line.unitPrice));
            if (!line.discount.isZero())
                detail += ReceiptPainter::tr(", less %1").arg(formatMoney(line.discount));
            rows.append({detail, {}});
        }
    }
    rows.append({{}, {}, false, true});
    if (!order.discount().isZero())
        rows.append({ReceiptPainter::tr("Discounts"), formatMoney(order.discount())});
    rows.append({ReceiptPainter::tr("Total"), formatMoney(order.total()), true});
    for (const TaxRateTotal &rate : order.totalsPerRate()) {
        rows.append({ReceiptPainter::tr("  Tax %1 % on %2")
                         .arg(rate.rate.toPercentText(), formatMoney(rate.net)),
                     formatMoney(rate.tax)});
    }
    rows.append({{}, {}, false, true});
    for (const Tender &tender : order.tenders())
        rows.append({tenderName(tender), formatMoney(tender.amount)});
    if (!order.change().isZero())
        rows.append({ReceiptPainter::tr("Change"), formatMoney(order.change()), true});
    rows.append({{}, {}, false, true});
    rows.append({ReceiptPainter::tr("Journal %1 · %2")
                     .arg(receipt.journalSeq)
                     .arg(QString::fromLatin1(receipt.journalHash.left(8))),
                 {}});
    return rows;
}

} // namespace

QByteArray Receipt::verificationString() const
{
    // Versioned, ';'-separated, no spaces: short enough for a small QR code on thermal paper.
    return "CL1;" + order.receiptNumber().toString().toUtf8() + ';' +
           order.createdAt().toUTC().toString(Qt::ISODate).toUtf8() + ';' +
           QByteArray::number(order.total().minorUnits()) + ';' + order.currency().code().toUtf8() +
           ';' + QByteArray::number(journalSeq) + ';' + journalHash;
}

Slip ReceiptPainter::slip(const Receipt &receipt)
{
    return Slip{tr("Receipt %1").arg(receipt.order.receiptNumber().toString()), rowsOf(receipt),
                qrCode(receipt.verificationString())};
}

} // namespace counterline::ui
