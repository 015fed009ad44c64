-- The central server's schema, for SQLite and PostgreSQL alike. Dialect differences are written
-- as tokens that server/sql_dialect.cpp replaces: {{id}} an auto-increment primary key,
-- {{bigint}} a 64-bit integer.

CREATE TABLE stores (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    currency    TEXT NOT NULL,
    tax_mode    TEXT NOT NULL CHECK (tax_mode IN ('inclusive', 'exclusive')),
    rounding    TEXT NOT NULL CHECK (rounding IN ('half-up', 'half-even')),
    created_at  TEXT NOT NULL
);

-- Terminals, back-office users and admins all authenticate with a bearer token; only its SHA-256
-- is kept.
CREATE TABLE principals (
    id          TEXT PRIMARY KEY,
    role        TEXT NOT NULL CHECK (role IN ('terminal', 'backoffice', 'admin')),
    store_id    TEXT REFERENCES stores (id),
    name        TEXT NOT NULL,
    token_hash  TEXT NOT NULL UNIQUE,
    created_at  TEXT NOT NULL,
    CHECK (role <> 'terminal' OR store_id IS NOT NULL)
);
CREATE UNIQUE INDEX principals_terminal_name ON principals (store_id, name) WHERE role = 'terminal';

CREATE TABLE orders (
    seq             {{id}},
    id              TEXT NOT NULL UNIQUE,          -- the terminal's UUIDv7
    terminal_id     TEXT NOT NULL REFERENCES principals (id),
    store_id        TEXT NOT NULL REFERENCES stores (id),
    receipt_no      TEXT NOT NULL,
    cashier_id      TEXT NOT NULL,
    customer_id     TEXT,
    currency        TEXT NOT NULL,
    subtotal_minor  {{bigint}} NOT NULL,
    discount_minor  {{bigint}} NOT NULL,
    tax_minor       {{bigint}} NOT NULL,
    total_minor     {{bigint}} NOT NULL,
    status          TEXT NOT NULL,
    version         INTEGER NOT NULL,
    created_at      TEXT NOT NULL,
    received_at     TEXT NOT NULL,
    journal_seq     {{bigint}},
    journal_hash    TEXT,
    UNIQUE (terminal_id, id)
);
CREATE INDEX orders_by_store ON orders (store_id, created_at, id);

CREATE TABLE order_lines (
    order_id         TEXT NOT NULL REFERENCES orders (id),
    line_no          INTEGER NOT NULL,
    sku              TEXT NOT NULL,
    name             TEXT NOT NULL,
    unit_price_minor {{bigint}} NOT NULL,
    quantity         {{bigint}} NOT NULL,
    tax_rate_ppm     {{bigint}} NOT NULL,
    discount_minor   {{bigint}} NOT NULL,
    tax_minor        {{bigint}} NOT NULL,
    total_minor      {{bigint}} NOT NULL,
    PRIMARY KEY (order_id, line_no)
);

CREATE TABLE tenders (
    order_id      TEXT NOT NULL REFERENCES orders (id),
    seq           INTEGER NOT NULL,
    kind          TEXT NOT NULL,
    amount_minor  {{bigint}} NOT NULL,
    reference     TEXT,
    needs_capture INTEGER NOT NULL,
    PRIMARY KEY (order_id, seq)
);

CREATE TABLE order_events (
    order_id    TEXT NOT NULL REFERENCES orders (id),
    version     INTEGER NOT NULL,
    event       TEXT NOT NULL,
    from_status TEXT,
    to_status   TEXT NOT NULL,
    actor_id    TEXT NOT NULL,
    approved_by TEXT,
    at          TEXT NOT NULL,
    PRIMARY KEY (order_id, version)
);

CREATE TABLE stock_movements (
    order_id   TEXT NOT NULL REFERENCES orders (id),
    step       TEXT NOT NULL,
    sku        TEXT NOT NULL,
    quantity   {{bigint}} NOT NULL,
    at         TEXT NOT NULL,
    PRIMARY KEY (order_id, step, sku)
);

-- One row per (principal, key): the request's fingerprint, then the answer given, byte for byte.
CREATE TABLE idempotency_keys (
    principal_id    TEXT NOT NULL REFERENCES principals (id),
    idem_key        TEXT NOT NULL,
    fingerprint     TEXT NOT NULL,
    state           TEXT NOT NULL CHECK (state IN ('running', 'done')),
    response_status INTEGER,
    response_body   TEXT,
    created_at      TEXT NOT NULL,
    lease_until     TEXT NOT NULL,
    PRIMARY KEY (principal_id, idem_key)
);
CREATE INDEX idempotency_by_age ON idempotency_keys (created_at);
