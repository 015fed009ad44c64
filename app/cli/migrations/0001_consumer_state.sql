-- counterline-cli events tail: the example consumer's own state — the events it has processed
-- and where it stands. IF NOT EXISTS and OR IGNORE: a state file made before migrations were
-- numbered holds exactly these tables, and is adopted as version 1.
CREATE TABLE IF NOT EXISTS processed_events (
    id TEXT PRIMARY KEY,
    seq INTEGER NOT NULL,
    type TEXT NOT NULL,
    aggregateid TEXT NOT NULL,
    processed_at TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS consumer_cursor (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    after INTEGER NOT NULL
);

INSERT OR IGNORE INTO consumer_cursor (id, after) VALUES (1, 0);
