-- Orders are the legal record of sales. The database itself refuses what the domain forbids:
-- lines, tenders and events never change; an order changes only its status (by a legal
-- transition that has its event recorded), its version (by exactly one) and its sync columns.

CREATE TABLE orders (
    id              TEXT PRIMARY KEY,            -- UUIDv7
    receipt_no      TEXT NOT NULL UNIQUE,        -- STORE-TERMINAL-SEQ
    receipt_seq     INTEGER NOT NULL UNIQUE CHECK (receipt_seq >= 1),
    store_id        TEXT NOT NULL,
    terminal_id     TEXT NOT NULL,
    cashier_id      TEXT NOT NULL,
    customer_id     TEXT,
    currency        TEXT NOT NULL,
    tax_mode        TEXT NOT NULL CHECK (tax_mode IN ('inclusive', 'exclusive')),
    rounding        TEXT NOT NULL CHECK (rounding IN ('half-up', 'half-even')),
    subtotal_minor  INTEGER NOT NULL,
    discount_minor  INTEGER NOT NULL,
    net_minor       INTEGER NOT NULL,
    tax_minor       INTEGER NOT NULL,
    total_minor     INTEGER NOT NULL,
    change_minor    INTEGER NOT NULL DEFAULT 0,
    status          TEXT NOT NULL,
    version         INTEGER NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    sync_state      TEXT NOT NULL DEFAULT 'pending'
                    CHECK (sync_state IN ('pending', 'synced', 'needs_attention')),
    server_order_no TEXT,
    server_version  INTEGER,
    synced_at       TEXT
);
CREATE INDEX orders_by_created ON orders (created_at, id);
CREATE INDEX orders_by_status ON orders (status, created_at, id);
CREATE INDEX orders_by_cashier ON orders (cashier_id, created_at, id);
CREATE INDEX orders_by_customer ON orders (customer_id, created_at, id);
CREATE INDEX orders_by_total ON orders (total_minor, created_at, id);
CREATE INDEX orders_unsynced ON orders (sync_state) WHERE sync_state <> 'synced';

CREATE TABLE order_lines (
    order_id         TEXT NOT NULL REFERENCES orders (id),
    line_no          INTEGER NOT NULL,
    sku              TEXT NOT NULL,
    name             TEXT NOT NULL,
    unit_price_minor INTEGER NOT NULL,
    quantity         INTEGER NOT NULL CHECK (quantity >= 1),
    tax_rate_ppm     INTEGER NOT NULL,
    discount_minor   INTEGER NOT NULL,
    net_minor        INTEGER NOT NULL,
    tax_minor        INTEGER NOT NULL,
    total_minor      INTEGER NOT NULL,
    PRIMARY KEY (order_id, line_no)
);
CREATE INDEX order_lines_by_sku ON order_lines (sku, order_id);

-- No card numbers: a token or approval reference, the brand and the last four digits at most.
CREATE TABLE tenders (
    order_id      TEXT NOT NULL REFERENCES orders (id),
    seq           INTEGER NOT NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('cash', 'card')),
    amount_minor  INTEGER NOT NULL CHECK (amount_minor > 0),
    reference     TEXT,
    brand         TEXT,
    last4         TEXT CHECK (last4 IS NULL OR length(last4) = 4),
    needs_capture INTEGER NOT NULL DEFAULT 0 CHECK (needs_capture IN (0, 1)),
    PRIMARY KEY (order_id, seq)
);

CREATE TABLE order_events (
    order_id    TEXT NOT NULL REFERENCES orders (id),
    version     INTEGER NOT NULL,  -- the order's version after the event
    event       TEXT NOT NULL,
    from_status TEXT,              -- NULL for Place
    to_status   TEXT NOT NULL,
    actor_id    TEXT NOT NULL,
    approved_by TEXT,
    at          TEXT NOT NULL,
    PRIMARY KEY (order_id, version)
);

-- The domain's transition table (domain/order_state_machine.h, kOrderTransitions); a test keeps
-- the two identical.
CREATE TABLE order_transitions (
    from_status TEXT NOT NULL,
    event       TEXT NOT NULL,
    to_status   TEXT NOT NULL,
    PRIMARY KEY (from_status, event)
);
INSERT INTO order_transitions (from_status, event, to_status) VALUES
    ('CREATED',   'PaymentCaptured', 'PAID'),
    ('CREATED',   'PaymentFailed',   'CANCELLED'),
    ('CREATED',   'Cancel',          'CANCELLED'),
    ('PAID',      'HandOver',        'COMPLETED'),
    ('PAID',      'Ship',            'SHIPPED'),
    ('SHIPPED',   'Deliver',         'COMPLETED'),
    ('PAID',      'Cancel',          'CANCELLED'),
    ('COMPLETED', 'Refund',          'REFUNDED');

CREATE TRIGGER order_transitions_fixed_insert BEFORE INSERT ON order_transitions
BEGIN SELECT RAISE(ABORT, 'order_transitions are fixed by migrations'); END;
CREATE TRIGGER order_transitions_fixed_update BEFORE UPDATE ON order_transitions
BEGIN SELECT RAISE(ABORT, 'order_transitions are fixed by migrations'); END;
CREATE TRIGGER order_transitions_fixed_delete BEFORE DELETE ON order_transitions
BEGIN SELECT RAISE(ABORT, 'order_transitions are fixed by migrations'); END;

-- A new order starts where the state machine starts.
CREATE TRIGGER orders_start_created BEFORE INSERT ON orders
BEGIN
    SELECT RAISE(ABORT, 'orders: a new order must be CREATED at version 1')
    WHERE NEW.status IS NOT 'CREATED' OR NEW.version IS NOT 1;
END;

CREATE TRIGGER orders_never_deleted BEFORE DELETE ON orders
BEGIN SELECT RAISE(ABORT, 'orders are never deleted'); END;

CREATE TRIGGER orders_guard_update BEFORE UPDATE ON orders
BEGIN
    SELECT RAISE(ABORT, 'orders: only status, version, updated_at and sync columns may change')
    WHERE NEW.id IS NOT OLD.id OR NEW.receipt_no IS NOT OLD.receipt_no
       OR NEW.receipt_seq IS NOT OLD.receipt_seq OR NEW.store_id IS NOT OLD.store_id
       OR NEW.terminal_id IS NOT OLD.terminal_id OR NEW.cashier_id IS NOT OLD.cashier_id
       OR NEW.customer_id IS NOT OLD.customer_id OR NEW.currency IS NOT OLD.currency
       OR NEW.tax_mode IS NOT OLD.tax_mode OR NEW.rounding IS NOT OLD.rounding
       OR NEW.subtotal_minor IS NOT OLD.subtotal_minor
       OR NEW.discount_minor IS NOT OLD.discount_minor OR NEW.net_minor IS NOT OLD.net_minor
       OR NEW.tax_minor IS NOT OLD.tax_minor OR NEW.total_minor IS NOT OLD.total_minor
       OR NEW.change_minor IS NOT OLD.change_minor OR NEW.created_at IS NOT OLD.created_at;
    SELECT RAISE(ABORT, 'orders: version must rise by exactly 1 with every status change')
    WHERE (NEW.version IS NOT OLD.version AND NEW.version IS NOT OLD.version + 1)
       OR (NEW.status IS NOT OLD.status AND NEW.version IS NOT OLD.version + 1);
    SELECT RAISE(ABORT, 'orders: illegal status transition')
    WHERE NEW.status IS NOT OLD.status
      AND NOT EXISTS (SELECT 1 FROM order_events e
                      WHERE e.order_id = NEW.id AND e.version = NEW.version
                        AND e.from_status = OLD.status AND e.to_status = NEW.status);
END;

-- Events are checked against the transition table as they are written.
CREATE TRIGGER order_events_legal BEFORE INSERT ON order_events
BEGIN
    SELECT RAISE(ABORT, 'order_events: Place starts an order at CREATED, version 1')
    WHERE NEW.from_status IS NULL
      AND (NEW.event IS NOT 'Place' OR NEW.to_status IS NOT 'CREATED' OR NEW.version IS NOT 1);
    SELECT RAISE(ABORT, 'order_events: illegal transition')
    WHERE NEW.from_status IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM order_transitions t
                      WHERE t.from_status = NEW.from_status AND t.event = NEW.event
                        AND t.to_status = NEW.to_status);
    SELECT RAISE(ABORT, 'order_events: the event must follow the order''s current version')
    WHERE NEW.from_status IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM orders o
                      WHERE o.id = NEW.order_id AND o.status = NEW.from_status
                        AND o.version + 1 = NEW.version);
END;

CREATE TRIGGER order_lines_only_while_created BEFORE INSERT ON order_lines
BEGIN
    SELECT RAISE(ABORT, 'order_lines: lines are added only while the order is CREATED')
    WHERE (SELECT status FROM orders WHERE id = NEW.order_id) IS NOT 'CREATED';
END;
CREATE TRIGGER tenders_only_while_created BEFORE INSERT ON tenders
BEGIN
    SELECT RAISE(ABORT, 'tenders: tenders are added only while the order is CREATED')
    WHERE (SELECT status FROM orders WHERE id = NEW.order_id) IS NOT 'CREATED';
END;

CREATE TRIGGER order_lines_immutable_update BEFORE UPDATE ON order_lines
BEGIN SELECT RAISE(ABORT, 'order_lines are immutable'); END;
CREATE TRIGGER order_lines_immutable_delete BEFORE DELETE ON order_lines
BEGIN SELECT RAISE(ABORT, 'order_lines are immutable'); END;
CREATE TRIGGER tenders_immutable_update BEFORE UPDATE ON tenders
BEGIN SELECT RAISE(ABORT, 'tenders are immutable'); END;
CREATE TRIGGER tenders_immutable_delete BEFORE DELETE ON tenders
BEGIN SELECT RAISE(ABORT, 'tenders are immutable'); END;
CREATE TRIGGER order_events_immutable_update BEFORE UPDATE ON order_events
BEGIN SELECT RAISE(ABORT, 'order_events are immutable'); END;
CREATE TRIGGER order_events_immutable_delete BEFORE DELETE ON order_events
BEGIN SELECT RAISE(ABORT, 'order_events are immutable'); END;
