#pragma once

// A valid POST /v1/orders body for store S1 (tax-inclusive EUR): 2 x Brot at 2.49 (7 %) and
// 1 x Wein at 8.99 (19 %), 13.97 paid in cash. Shared by the server tests and bench_ingest.

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace counterline::testing {

// A stand-in journal hash for entry `sequence` of `terminal`: orders sent 1, 2, 3, ... form a
// chain the server finds continuous (entry 0 is the genesis hash of 64 zeros).
inline QString fakeHash(const QString &terminal, int sequence)
{
    if (sequence <= 0)
        return QString(64, QLatin1Char('0'));
    return QString::fromLatin1(
        QCryptographicHash::hash((terminal + QString::number(sequence)).toUtf8(),
                                 QCryptographicHash::Sha256)
            .toHex());
}

// The catalog those figures come from: a server given it raises nothing about these orders.
inline const char *kWireOrdersCatalog = "sku,barcode,name,price,currency,tax_rate,stock\r\n"
                                        "BROT,,Brot,2.49,EUR,7,100\r\n"
                                        "WEIN,,Wein,8.99,EUR,19,100\r\n";

inline QJsonObject orderJson(const QString &id, int sequence,
                             const QString &terminal = QStringLiteral("T1"))
{
    using namespace Qt::StringLiterals;
    const QJsonArray lines{QJsonObject{{u"line_no"_s, 1},
                                       {u"sku"_s, u"BROT"_s},
                                       {u"name"_s, u"Brot"_s},
                                       {u"unit_price"_s, 249},
                                       {u"quantity"_s, 2},
                                       {u"tax_rate_ppm"_s, 70000},
                                       {u"discount"_s, 0},
                                       {u"total"_s, 498}},
                           QJsonObject{{u"line_no"_s, 2},
                                       {u"sku"_s, u"WEIN"_s},
                                       {u"name"_s, u"Wein"_s},
                                       {u"unit_price"_s, 899},
                                       {u"quantity"_s, 1},
                                       {u"tax_rate_ppm"_s, 190000},
                                       {u"discount"_s, 0},
                                       {u"total"_s, 899}}};
    return QJsonObject{
        {u"id"_s, id},
        {u"receipt_no"_s, u"S1-%1-%2"_s.arg(terminal).arg(sequence, 6, 10, QChar(u'0'))},
        {u"store_id"_s, u"S1"_s},
        {u"terminal_id"_s, terminal},
        {u"cashier_id"_s, u"anna"_s},
        {u"currency"_s, u"EUR"_s},
        {u"created_at"_s, u"2026-11-24T09:30:00.000Z"_s},
        {u"status"_s, u"PAID"_s},
        {u"version"_s, 2},
        {u"total"_s, 1397},
        {u"lines"_s, lines},
        {u"tenders"_s, QJsonArray{QJsonObject{{u"kind"_s, u"cash"_s}, {u"amount"_s, 1397}}}},
        {u"journal"_s, QJsonObject{{u"seq"_s, sequence},
                                   {u"prev_hash"_s, fakeHash(terminal, sequence - 1)},
                                   {u"hash"_s, fakeHash(terminal, sequence)}}}};
}

} // namespace counterline::testing
