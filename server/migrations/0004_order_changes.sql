-- Every state change made on the server (by the back office, an admin or a terminal), numbered:
-- terminals pull the changes to their own orders by cursor (GET /v1/changes?since=) and apply
-- them through the state machine with version checks. The number comes from a counter row updated
-- in the change's own transaction, so that changes become visible in the order of their numbers
-- (a cursor never skips a change that commits late).
CREATE TABLE order_change_sequence (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    last_seq {{bigint}} NOT NULL
);
INSERT INTO order_change_sequence (id, last_seq) VALUES (1, 0);

CREATE TABLE order_changes (
    seq         {{bigint}} PRIMARY KEY,
    order_id    TEXT NOT NULL REFERENCES orders (id),
    terminal_id TEXT NOT NULL REFERENCES principals (id),
    store_id    TEXT NOT NULL REFERENCES stores (id),
    version     INTEGER NOT NULL,
    event       TEXT NOT NULL,
    from_status TEXT NOT NULL,
    to_status   TEXT NOT NULL,
    actor_id    TEXT NOT NULL REFERENCES principals (id),
    at          TEXT NOT NULL,
    UNIQUE (order_id, version)
);
CREATE INDEX order_changes_by_terminal ON order_changes (terminal_id, seq);
CREATE INDEX order_changes_by_store ON order_changes (store_id, seq);
