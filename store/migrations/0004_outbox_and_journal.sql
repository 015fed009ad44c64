-- The outbox holds what must reach the server, each row with the idempotency key made at checkout
-- (never regenerated). The journal is the append-only, hash-chained record of every sale and
-- order event: hash = SHA-256(prev_hash || record), checked by Journal::verify().

CREATE TABLE outbox (
    seq             INTEGER PRIMARY KEY AUTOINCREMENT,
    order_id        TEXT NOT NULL REFERENCES orders (id),
    kind            TEXT NOT NULL CHECK (kind IN ('create', 'event', 'cancel')),
    idempotency_key TEXT NOT NULL UNIQUE,
    payload         TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    state           TEXT NOT NULL DEFAULT 'pending'
                    CHECK (state IN ('pending', 'sent', 'needs_attention')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT,
    last_status     INTEGER,
    last_error      TEXT,
    completed_at    TEXT
);
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

CREATE TABLE journal (
    seq       INTEGER PRIMARY KEY,   -- 1, 2, 3, … without gaps
    order_id  TEXT NOT NULL REFERENCES orders (id),
    kind      TEXT NOT NULL CHECK (kind IN ('sale', 'event')),
    record    TEXT NOT NULL,         -- canonical JSON of what happened
    prev_hash TEXT NOT NULL,         -- hex; 64 zeros for the first entry
    hash      TEXT NOT NULL,         -- hex SHA-256(prev_hash bytes || record bytes)
    at        TEXT NOT NULL
);
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
