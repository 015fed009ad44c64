-- Generic entries of a till's journal (BRIEF §11): what a till did that belongs to no order — a
-- PIN lockout, later drawer openings, pay-ins and the like — as the kind and the canonical record
-- it hashed. Their links sit in journal_links with the others (order_id empty), so a gap or a fork
-- among them is found like any other; the record is kept here, checked against its hash.
CREATE TABLE journal_entries (
    terminal_id TEXT NOT NULL REFERENCES principals (id),
    seq         {{bigint}} NOT NULL,
    kind        TEXT NOT NULL,
    record      TEXT NOT NULL,
    received_at TEXT NOT NULL,
    PRIMARY KEY (terminal_id, seq)
);
CREATE INDEX journal_entries_by_kind ON journal_entries (kind, received_at);
