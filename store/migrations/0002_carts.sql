-- Carts survive restarts: every change a cashier makes is saved. Parked carts record who parked
-- them and when. Carts are working state and may be purged; orders never are.

CREATE TABLE carts (
    id                    TEXT PRIMARY KEY,
    status                TEXT NOT NULL CHECK (status IN ('open', 'parked', 'closed')),
    cashier_id            TEXT,
    order_discount_kind   TEXT NOT NULL DEFAULT 'none'
                          CHECK (order_discount_kind IN ('none', 'percent', 'amount')),
    order_discount_value  INTEGER NOT NULL DEFAULT 0 CHECK (order_discount_value >= 0),
    created_at            TEXT NOT NULL,
    updated_at            TEXT NOT NULL,
    parked_by             TEXT,
    parked_at             TEXT,
    order_id              TEXT
);
CREATE INDEX carts_by_status ON carts (status, updated_at);

CREATE TABLE cart_lines (
    cart_id          TEXT NOT NULL REFERENCES carts (id) ON DELETE CASCADE,
    line_no          INTEGER NOT NULL CHECK (line_no >= 1),
    sku              TEXT NOT NULL,
    name             TEXT NOT NULL,
    list_price_minor INTEGER NOT NULL CHECK (list_price_minor >= 0),
    unit_price_minor INTEGER NOT NULL CHECK (unit_price_minor >= 0),
    quantity         INTEGER NOT NULL CHECK (quantity BETWEEN 1 AND 1000000),
    tax_rate_ppm     INTEGER NOT NULL CHECK (tax_rate_ppm BETWEEN 0 AND 1000000),
    discount_kind    TEXT NOT NULL DEFAULT 'none'
                     CHECK (discount_kind IN ('none', 'percent', 'amount')),
    discount_value   INTEGER NOT NULL DEFAULT 0 CHECK (discount_value >= 0),
    PRIMARY KEY (cart_id, line_no)
);
