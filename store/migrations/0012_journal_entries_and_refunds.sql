-- BRIEF §11, one journal for everything a till does: besides its sales and their events, the
-- journal chains generic entries (a kind and a canonical payload: a PIN lockout, later drawer
-- openings, pay-ins and the like) that belong to no order, and the outbox sends them like the
-- rest. SQLite cannot loosen a column or a CHECK in place, so both tables are rebuilt with their
-- rows, indexes and triggers; nothing refers to them.
CREATE TABLE journal_rebuilt (
    seq       INTEGER PRIMARY KEY,   -- 1, 2, 3, … without gaps
    order_id  TEXT REFERENCES orders (id),
    kind      TEXT NOT NULL CHECK (kind IN ('sale', 'event', 'entry')),
    record    TEXT NOT NULL,         -- canonical JSON of what happened
    prev_hash TEXT NOT NULL,         -- hex; 64 zeros for the first entry
    hash      TEXT NOT NULL,         -- hex SHA-256(prev_hash bytes || record bytes)
    at        TEXT NOT NULL,
    CHECK ((kind = 'entry') = (order_id IS NULL))
);
INSERT INTO journal_rebuilt (seq, order_id, kind, record, prev_hash, hash, at)
    SELECT seq, order_id, kind, record, prev_hash, hash, at FROM journal;
DROP TABLE journal;
ALTER TABLE journal_rebuilt RENAME TO journal;
CREATE INDEX journal_by_order ON journal (order_id, seq);
CREATE TRIGGER journal_append_only BEFORE INSERT ON journal
BEGIN
    SELECT RAISE(ABORT, 'journal: entries are appended in sequence')
    WHERE NEW.seq IS NOT (SELECT COALESCE(MAX(seq), 0) + 1 FROM journal);
    SELECT RAISE(ABORT, 'journal: prev_hash must be the hash of the previous entry')
    WHERE NEW.prev_hash IS NOT COALESCE((SELECT hash FROM journal WHERE seq = NEW.seq - 1),
                                        '0000000000000000000000000000000000000000000000000000000000000000');
END;
CREATE TRIGGER journal_immutable_update BEFORE UPDATE ON journal
BEGIN SELECT RAISE(ABORT, 'journal entries are immutable'); END;
CREATE TRIGGER journal_immutable_delete BEFORE DELETE ON journal
BEGIN SELECT RAISE(ABORT, 'journal entries are immutable'); END;

CREATE TABLE outbox_rebuilt (
    seq             INTEGER PRIMARY KEY AUTOINCREMENT,
    order_id        TEXT REFERENCES orders (id),
    kind            TEXT NOT NULL CHECK (kind IN ('create', 'event', 'cancel', 'journal')),
    idempotency_key TEXT NOT NULL UNIQUE,
    payload         TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    state           TEXT NOT NULL DEFAULT 'pending'
                    CHECK (state IN ('pending', 'sent', 'needs_attention')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT,
    last_status     INTEGER,
    last_error      TEXT,
    completed_at    TEXT,
    CHECK ((kind = 'journal') = (order_id IS NULL))
);
INSERT INTO outbox_rebuilt (seq, order_id, kind, idempotency_key, payload, created_at, state,
                            attempts, next_attempt_at, last_status, last_error, completed_at)
    SELECT seq, order_id, kind, idempotency_key, payload, created_at, state, attempts,
           next_attempt_at, last_status, last_error, completed_at FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_rebuilt RENAME TO outbox;
CREATE INDEX outbox_by_state ON outbox (state, seq);
CREATE INDEX outbox_by_order ON outbox (order_id, seq);
CREATE TRIGGER outbox_identity_fixed BEFORE UPDATE ON outbox
BEGIN
    SELECT RAISE(ABORT, 'outbox: order, kind, key and payload never change')
    WHERE NEW.seq IS NOT OLD.seq OR NEW.order_id IS NOT OLD.order_id OR NEW.kind IS NOT OLD.kind
       OR NEW.idempotency_key IS NOT OLD.idempotency_key OR NEW.payload IS NOT OLD.payload
       OR NEW.created_at IS NOT OLD.created_at;
END;
CREATE TRIGGER outbox_never_deleted BEFORE DELETE ON outbox
BEGIN SELECT RAISE(ABORT, 'outbox rows are never deleted'); END;

-- What each tender of a sale voided or taken back in full came to (BRIEF §11, who refunds is who
-- charged): the cash given back, the card refunded through the payment service (its refund id),
-- refunded on a standalone card reader, or owed when the service could not be reached. A card
-- the server captures (taken offline) is the server's to refund and has no row here.
CREATE TABLE refunds (
    order_id     TEXT NOT NULL REFERENCES orders (id),
    tender_seq   INTEGER NOT NULL,
    amount_minor INTEGER NOT NULL CHECK (amount_minor >= 0),
    outcome      TEXT NOT NULL CHECK (outcome IN ('given_back', 'card_refunded', 'reader', 'owed')),
    refund_id    TEXT,
    at           TEXT NOT NULL,
    PRIMARY KEY (order_id, tender_seq),
    CHECK ((outcome = 'card_refunded') = (refund_id IS NOT NULL))
);
CREATE TRIGGER refunds_immutable_update BEFORE UPDATE ON refunds
BEGIN SELECT RAISE(ABORT, 'refunds are immutable'); END;
CREATE TRIGGER refunds_immutable_delete BEFORE DELETE ON refunds
BEGIN SELECT RAISE(ABORT, 'refunds are immutable'); END;

-- Wrong PINs at this till (login, approvals, back office): five in a row lock PIN entry for an
-- escalating time; a right PIN starts again from nothing. One row.
CREATE TABLE pin_guard (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    failures     INTEGER NOT NULL,
    lockouts     INTEGER NOT NULL,
    locked_until TEXT
);
INSERT INTO pin_guard (id, failures, lockouts, locked_until) VALUES (1, 0, 0, NULL);
