-- The relays that carry outbox_events to the rest of the business, each with its own cursor: the
-- number of the last event it delivered. A relay delivers at least once and in order; consumers
-- deduplicate by event id.
CREATE TABLE webhook_subscribers (
    id              TEXT PRIMARY KEY,
    url             TEXT NOT NULL,
    secret          TEXT NOT NULL,             -- signs each delivery (HMAC-SHA256)
    store_id        TEXT REFERENCES stores (id), -- NULL: every store's events
    after_seq       {{bigint}} NOT NULL,
    failures        INTEGER NOT NULL,
    next_attempt_at TEXT NOT NULL,
    last_error      TEXT,
    created_at      TEXT NOT NULL
);

-- Cursors of the other relays (NATS JetStream), by name.
CREATE TABLE relay_cursors (
    name      TEXT PRIMARY KEY,
    after_seq {{bigint}} NOT NULL
);
