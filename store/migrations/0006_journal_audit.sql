-- What the server last said about this terminal's journal, checked against the outbox: entries
-- that are not waiting to be sent yet are missing on the server were lost on the way. One row,
-- replaced by every check; an empty "missing" and "broken" means the chain is continuous there.
CREATE TABLE journal_audit (
    id             INTEGER PRIMARY KEY CHECK (id = 1),
    checked_at     TEXT NOT NULL,
    local_highest  INTEGER NOT NULL,
    server_highest INTEGER NOT NULL,
    missing        TEXT NOT NULL, -- ranges, e.g. "3-5,9"
    broken         TEXT NOT NULL  -- entry numbers whose link the server found broken
);
