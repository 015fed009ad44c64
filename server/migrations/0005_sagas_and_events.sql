-- The saga of every order (BRIEF §6): reserve stock, charge, confirm; on failure the completed
-- steps are compensated in reverse. `step` is the recovery point: it changes in the same
-- transaction as the effects of the step that just finished, so a server that dies anywhere
-- resumes where it stopped (the recovery worker takes sagas whose lease ran out). A counter sale
-- with nothing to charge runs its whole saga inside the ingest's transaction (its stock step is
-- the movement written there): it has no row here, as there is nothing to resume.
CREATE TABLE sagas (
    order_id        TEXT PRIMARY KEY REFERENCES orders (id),
    kind            TEXT NOT NULL CHECK (kind IN ('counter', 'remote')),
    step            TEXT NOT NULL CHECK (step IN ('charge', 'confirm', 'compensate', 'done',
                                                  'cancelled', 'follow_up')),
    charge_id       TEXT,
    reason          TEXT,
    attempts        INTEGER NOT NULL,
    lease_until     TEXT NOT NULL,
    next_attempt_at TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX sagas_unfinished ON sagas (next_attempt_at)
    WHERE step IN ('charge', 'confirm', 'compensate');
CREATE INDEX sagas_follow_up ON sagas (updated_at) WHERE step = 'follow_up';

-- What each step did, once: the primary key makes every step of an order happen at most once.
CREATE TABLE saga_steps (
    order_id TEXT NOT NULL REFERENCES orders (id),
    step     TEXT NOT NULL,
    outcome  TEXT NOT NULL,
    detail   TEXT,
    at       TEXT NOT NULL,
    PRIMARY KEY (order_id, step)
);

-- Stock a sale took below zero is kept and flagged, never refused: the goods have left the shop.
ALTER TABLE stock_movements ADD COLUMN below_zero INTEGER NOT NULL DEFAULT 0;

-- Events for the rest of the business, written in the same transaction as the change they tell
-- of. The columns are those Debezium's outbox event router reads (id, aggregatetype, aggregateid,
-- type, payload). Events become visible in the order of their `seq`, so a cursor never skips one
-- that commits late: on PostgreSQL `seq` comes from the counter row below, updated in the same
-- transaction; SQLite's single writer makes the next rowid serve (server/event_outbox.cpp).
CREATE TABLE event_sequence (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    last_seq {{bigint}} NOT NULL
);
INSERT INTO event_sequence (id, last_seq) VALUES (1, 0);

CREATE TABLE outbox_events (
    seq           {{bigint}} PRIMARY KEY,
    id            TEXT NOT NULL, -- a random UUID; unindexed: an index on random keys
                                 -- cost every ingest a page, and consumers look up by seq
    aggregatetype TEXT NOT NULL,
    aggregateid   TEXT NOT NULL,
    type          TEXT NOT NULL,
    payload       TEXT NOT NULL,
    store_id      TEXT NOT NULL,
    created_at    TEXT NOT NULL
);
CREATE INDEX outbox_events_by_store ON outbox_events (store_id, seq);
-- The card token of a tender the saga charges (needs_capture).
ALTER TABLE tenders ADD COLUMN payment_token TEXT;
