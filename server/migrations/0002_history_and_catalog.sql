-- Central order changes (cancel with refund), history across stores, and the catalog that
-- terminals pull by change cursor.

CREATE INDEX orders_by_created ON orders (created_at, id);
CREATE INDEX orders_by_terminal ON orders (terminal_id, created_at, id);
CREATE INDEX orders_by_receipt ON orders (receipt_no);
CREATE INDEX order_lines_by_sku ON order_lines (sku, order_id);

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

-- The chain's catalog: one price list for every store; stock on hand per store. Every change
-- takes the next number of catalog_sequence, and terminals ask for what came after the last
-- number they saw (GET /v1/catalog?since=).
CREATE TABLE products (
    sku          TEXT PRIMARY KEY,
    barcode      TEXT UNIQUE,
    name         TEXT NOT NULL,
    price_minor  {{bigint}} NOT NULL CHECK (price_minor >= 0),
    currency     TEXT NOT NULL,
    tax_rate_ppm {{bigint}} NOT NULL CHECK (tax_rate_ppm BETWEEN 0 AND 1000000),
    change_seq   {{bigint}} NOT NULL
);
CREATE INDEX products_by_change ON products (change_seq);

CREATE TABLE stock (
    store_id   TEXT NOT NULL REFERENCES stores (id),
    sku        TEXT NOT NULL REFERENCES products (sku),
    on_hand    {{bigint}} NOT NULL,
    change_seq {{bigint}} NOT NULL,
    PRIMARY KEY (store_id, sku)
);
CREATE INDEX stock_by_change ON stock (store_id, change_seq);

CREATE TABLE catalog_sequence (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    last_seq {{bigint}} NOT NULL
);
INSERT INTO catalog_sequence (id, last_seq) VALUES (1, 0);
