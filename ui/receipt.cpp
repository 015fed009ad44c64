#include "ui/receipt.h"

#include "ui/money_format.h"
#include "ui/qr_code.h"

#include <QFile>
#include <QPainter>
#include <QPdfWriter>

using namespace Qt::StringLiterals;

namespace counterline::ui {

namespace {

// One printed row: text on the left, an amount on the right, or a rule.
struct Row
{
    QString left;
    QString right;
    bool bold = false;
    bool rule = false;
};

constexpr qreal kRowMm = 4.2; // line pitch at 8 pt
constexpr qreal kQrMm = 28.0; // the QR code's side
constexpr qreal kMarginMm = 4.0;

QString tenderName(const Tender &tender)
{
    if (tender.kind == TenderKind::Cash)
        return ReceiptPainter::tr("Cash");
    return tender.reference.isEmpty() ? ReceiptPainter::tr("Card")
                                      : ReceiptPainter::tr("Card (%1)").arg(tender.reference);
}

QList<Row> rowsOf(const Receipt &receipt)
{
    const Order &order = receipt.order;
    const QLocale locale;
    QList<Row> rows;
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

void ReceiptPainter::print(const Receipt &receipt, QPagedPaintDevice &device, ReceiptPaper paper)
{
    const QList<Row> rows = rowsOf(receipt);
    const bool thermal = paper == ReceiptPaper::Thermal80mm;
    const qreal widthMm = thermal ? 80.0 : 210.0;
    const qreal heightMm =
        thermal ? 2 * kMarginMm + qreal(rows.size()) * kRowMm + kQrMm + 6.0 : 297.0;
    device.setPageSize(QPageSize(QSizeF(widthMm, heightMm), QPageSize::Millimeter));
    device.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout::Millimeter);

    QPainter painter(&device);
    const qreal perMm = device.logicalDpiX() / 25.4;
    // On A4 the receipt keeps its thermal width, centred, so both read the same.
    const qreal left = (thermal ? kMarginMm : (widthMm - 72.0) / 2) * perMm;
    const qreal right = (thermal ? widthMm - kMarginMm : (widthMm + 72.0) / 2) * perMm;
    QFont font(u"DejaVu Sans Mono"_s);
    font.setStyleHint(QFont::Monospace);
    font.setPointSizeF(8);
    qreal y = kMarginMm * perMm;
    const qreal pitch = kRowMm * perMm;
    for (const Row &row : rows) {
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
    const QImage qr = qrCode(receipt.verificationString());
    if (!qr.isNull()) {
        const qreal side = kQrMm * perMm;
        painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
        painter.drawImage(QRectF((left + right - side) / 2, y + 2 * perMm, side, side), qr);
    }
}

Result<void> ReceiptPainter::writePdf(const Receipt &receipt, const QString &filePath,
                                      ReceiptPaper paper)
{
    {
        QPdfWriter pdf(filePath);
        pdf.setResolution(300);
        pdf.setTitle(tr("Receipt %1").arg(receipt.order.receiptNumber().toString()));
        pdf.setCreator(u"Counterline"_s);
        print(receipt, pdf, paper);
    }
    QFile written(filePath);
    if (!written.exists() || written.size() == 0) {
        return Error{u"receipt.not_written"_s,
                     tr("The receipt could not be written to %1.").arg(filePath)};
    }
    return success();
}

} // namespace counterline::ui
