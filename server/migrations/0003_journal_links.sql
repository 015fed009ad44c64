-- Each terminal's journal, link by link, as its entries arrive with the orders and events they
-- record. The chain must run 1, 2, 3, ... with every prev_hash equal to the hash before it; a
-- missing number is an order (or event) made on the terminal that never arrived.
CREATE TABLE journal_links (
    terminal_id TEXT NOT NULL REFERENCES principals (id),
    seq         {{bigint}} NOT NULL CHECK (seq >= 1),
    prev_hash   TEXT NOT NULL,
    hash        TEXT NOT NULL,
    order_id    TEXT NOT NULL,
    kind        TEXT NOT NULL,
    received_at TEXT NOT NULL,
    PRIMARY KEY (terminal_id, seq)
);
