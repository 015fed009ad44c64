-- The order's rules kept by the database too (issue 17): the transition table the triggers of the
-- dialect files below read, receipt numbers unique per terminal, the one follow-up list of BRIEF
-- §11, and the refunds the server owes through the payment service.

-- BRIEF §3, as domain/order_state_machine.h has it (tst_server_rules holds the two equal).
CREATE TABLE order_transitions (
    from_status TEXT NOT NULL,
    event       TEXT NOT NULL,
    to_status   TEXT NOT NULL,
    PRIMARY KEY (from_status, event)
);
INSERT INTO order_transitions (from_status, event, to_status) VALUES
    ('CREATED', 'PaymentCaptured', 'PAID'),
    ('CREATED', 'PaymentFailed', 'CANCELLED'),
    ('CREATED', 'Cancel', 'CANCELLED'),
    ('PAID', 'HandOver', 'COMPLETED'),
    ('PAID', 'Ship', 'SHIPPED'),
    ('SHIPPED', 'Deliver', 'COMPLETED'),
    ('PAID', 'Cancel', 'CANCELLED'),
    ('COMPLETED', 'Refund', 'REFUNDED');

-- What needs a person at head office (BRIEF §11): a card declined after the goods left, money owed
-- back to a customer, a refund the payment service refused, a receipt number used twice. Raised
-- once per subject; settled with a note, never deleted.
CREATE TABLE follow_ups (
    id           {{id}},
    store_id     TEXT NOT NULL REFERENCES stores (id),
    terminal_id  TEXT REFERENCES principals (id),
    order_id     TEXT REFERENCES orders (id),
    kind         TEXT NOT NULL,
    subject      TEXT NOT NULL UNIQUE,
    amount_minor {{bigint}},
    currency     TEXT,
    detail       TEXT NOT NULL,
    raised_by    TEXT NOT NULL,
    raised_at    TEXT NOT NULL,
    settled_at   TEXT,
    settled_by   TEXT
);
CREATE INDEX follow_ups_by_store ON follow_ups (store_id, id);
CREATE INDEX follow_ups_open ON follow_ups (id) WHERE settled_at IS NULL;

CREATE TABLE follow_up_notes (
    follow_up_id {{bigint}} NOT NULL REFERENCES follow_ups (id),
    seq          INTEGER NOT NULL,
    author       TEXT NOT NULL,
    note         TEXT NOT NULL,
    settles      INTEGER NOT NULL DEFAULT 0,
    at           TEXT NOT NULL,
    PRIMARY KEY (follow_up_id, seq)
);

-- Counter sales whose offline card was declined were listed from the sagas; they join the list.
INSERT INTO follow_ups (store_id, terminal_id, order_id, kind, subject, amount_minor, currency,
                        detail, raised_by, raised_at)
SELECT o.store_id, o.terminal_id, o.id, 'capture_declined', 'order:' || o.id || ':capture',
       (SELECT t.amount_minor FROM tenders t WHERE t.order_id = o.id AND t.needs_capture = 1
        ORDER BY t.seq LIMIT 1),
       o.currency, COALESCE(s.reason, ''), 'saga', s.updated_at
FROM sagas s JOIN orders o ON o.id = s.order_id WHERE s.step = 'follow_up';

-- A receipt number belongs to one order of its terminal. Orders stored before this rule that
-- share one with an earlier order of the same terminal stay as they are (they are legal records),
-- marked and put on the follow-up list; the server names them at start.
ALTER TABLE orders ADD COLUMN receipt_duplicate INTEGER NOT NULL DEFAULT 0;
UPDATE orders SET receipt_duplicate = 1
WHERE EXISTS (SELECT 1 FROM orders earlier
              WHERE earlier.terminal_id = orders.terminal_id
                AND earlier.receipt_no = orders.receipt_no AND earlier.seq < orders.seq);
INSERT INTO follow_ups (store_id, terminal_id, order_id, kind, subject, amount_minor, currency,
                        detail, raised_by, raised_at)
SELECT o.store_id, o.terminal_id, o.id, 'receipt_duplicate', 'order:' || o.id || ':receipt',
       o.total_minor, o.currency,
       'receipt number ' || o.receipt_no || ' was already used by an earlier order of this till',
       'migration 8', {{now}}
FROM orders o WHERE o.receipt_duplicate = 1;
CREATE UNIQUE INDEX orders_receipt_per_terminal ON orders (terminal_id, receipt_no)
    WHERE receipt_duplicate = 0;

-- A capture is a claimed step: the time its request first went out. Until then a void may still
-- stop it; after, the outcome is asked by its key before anything else is done.
ALTER TABLE sagas ADD COLUMN charge_sent_at TEXT;

-- Money the server gives back through the payment service, one row per refund of an order, each
-- with its own key (order:<id>:refund, then order:<id>:refund:2, ...): due, then sent (its outcome
-- is asked by key, never sent twice), then refunded or refused (a follow-up).
CREATE TABLE payment_refunds (
    order_id        TEXT NOT NULL REFERENCES orders (id),
    n               INTEGER NOT NULL CHECK (n >= 1),
    idem_key        TEXT NOT NULL UNIQUE,
    charge_id       TEXT NOT NULL,
    amount_minor    {{bigint}} NOT NULL CHECK (amount_minor > 0),
    currency        TEXT NOT NULL,
    reason          TEXT NOT NULL,
    requested_by    TEXT NOT NULL,
    state           TEXT NOT NULL CHECK (state IN ('due', 'sent', 'refunded', 'refused')),
    refund_id       TEXT,
    detail          TEXT,
    attempts        INTEGER NOT NULL,
    lease_until     TEXT NOT NULL,
    next_attempt_at TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    PRIMARY KEY (order_id, n)
);
CREATE INDEX payment_refunds_due ON payment_refunds (next_attempt_at)
    WHERE state IN ('due', 'sent');

-- What each tender of a cancelled or refunded order came to: given back at the counter, refunded
-- to its card by whoever charged it (with the refund's id), or owed (a follow-up).
ALTER TABLE refunds ADD COLUMN outcome TEXT;
ALTER TABLE refunds ADD COLUMN refund_id TEXT;
ALTER TABLE refunds ADD COLUMN approved_by TEXT;
