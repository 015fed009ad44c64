#pragma once

#include <QString>

namespace counterline::bench {

// Builds (once; later runs reuse it) a terminal database of `orders` orders with one to five
// lines each over `products` products, spread over a year, with 20 cashiers, 50,000 customers and
// every status, for the history and start-up benchmarks. Returns the file path.
QString historyDatabase(int orders, int products);

// The EAN-13 barcode the generator gives product `index` (12 digits from 400000000000, then the
// check digit).
QString productBarcode(quint64 index);

} // namespace counterline::bench
