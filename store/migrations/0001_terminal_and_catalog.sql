-- Who this terminal is, who may use it, and what it sells.
-- Times are UTC text 'YYYY-MM-DDTHH:MM:SS.zzzZ' (sortable); money is integer minor units.

CREATE TABLE terminal (
    id               INTEGER PRIMARY KEY CHECK (id = 1),
    store_id         TEXT NOT NULL,
    terminal_id      TEXT NOT NULL,
    currency         TEXT NOT NULL,
    tax_mode         TEXT NOT NULL CHECK (tax_mode IN ('inclusive', 'exclusive')),
    rounding         TEXT NOT NULL CHECK (rounding IN ('half-up', 'half-even')),
    next_receipt_seq INTEGER NOT NULL DEFAULT 1 CHECK (next_receipt_seq >= 1),
    created_at       TEXT NOT NULL
);

CREATE TABLE users (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    role       TEXT NOT NULL CHECK (role IN ('cashier', 'manager')),
    pin_salt   TEXT NOT NULL,
    pin_hash   TEXT NOT NULL,
    active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at TEXT NOT NULL
);

CREATE TABLE products (
    sku          TEXT PRIMARY KEY,
    barcode      TEXT UNIQUE,
    name         TEXT NOT NULL,
    price_minor  INTEGER NOT NULL CHECK (price_minor >= 0),
    tax_rate_ppm INTEGER NOT NULL CHECK (tax_rate_ppm BETWEEN 0 AND 1000000),
    updated_at   TEXT NOT NULL
);
CREATE INDEX products_by_name ON products (name COLLATE NOCASE);

CREATE TABLE stock (
    sku     TEXT PRIMARY KEY REFERENCES products (sku),
    on_hand INTEGER NOT NULL
);

CREATE TABLE shifts (
    id                  TEXT PRIMARY KEY,
    cashier_id          TEXT NOT NULL REFERENCES users (id),
    opened_at           TEXT NOT NULL,
    opening_float_minor INTEGER NOT NULL CHECK (opening_float_minor >= 0),
    closed_at           TEXT,
    counted_cash_minor  INTEGER,
    closed_by           TEXT
);
CREATE UNIQUE INDEX shifts_one_open ON shifts (cashier_id) WHERE closed_at IS NULL;
