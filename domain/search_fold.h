#pragma once

// How product names and what a cashier types are compared in search: case and accents do not
// count ("Müsli" is found by "musli", "MILCH" by "milch"), and "ß" is "ss". The catalog stores
// each name folded this way for its inner-word index (SQLite 3.40's trigram tokenizer folds case
// but not accents), and the typed words are folded the same way before they are looked up.

#include <QString>

namespace counterline {

QString foldForSearch(const QString &text);

} // namespace counterline
