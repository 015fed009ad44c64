-- Central order changes (cancel with refund), history across stores, and the catalog that
-- terminals pull by change cursor.

CREATE INDEX orders_by_created ON orders (created_at, id);
CREATE INDEX orders_by_terminal ON orders (terminal_id, created_at, id);

CREATE TABLE refunds (
    order_id     TEXT NOT NULL REFERENCES orders (id),
    seq          INTEGER NOT NULL,
    kind         TEXT NOT NULL,
    amount_minor {{bigint}} NOT NULL,
    reason       TEXT NOT NULL,
    actor_id     TEXT NOT NULL,
    at           TEXT NOT NULL,
    PRIMARY KEY (order_id, seq)
);

CREATE TABLE products (
    store_id     TEXT NOT NULL REFERENCES stores (id),
    sku          TEXT NOT NULL,
    barcode      TEXT,
    name         TEXT NOT NULL,
    price_minor  {{bigint}} NOT NULL CHECK (price_minor >= 0),
    tax_rate_ppm {{bigint}} NOT NULL CHECK (tax_rate_ppm BETWEEN 0 AND 1000000),
    on_hand      {{bigint}},
    change_seq   {{bigint}} NOT NULL,
    PRIMARY KEY (store_id, sku)
);
CREATE INDEX products_by_change ON products (store_id, change_seq);

-- One counter per store for catalog changes: every imported or changed product takes the next
-- number, and a terminal asks for what came after the last number it saw.
CREATE TABLE catalog_cursors (
    store_id TEXT PRIMARY KEY REFERENCES stores (id),
    last_seq {{bigint}} NOT NULL
);
