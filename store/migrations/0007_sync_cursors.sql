-- How far this terminal has pulled each of the server's change feeds: "catalog" (products,
-- prices, stock) and "order_changes" (state changes made centrally). Saved in the same
-- transaction as what was pulled, so a crash only means pulling a page again.
CREATE TABLE sync_cursors (
    name       TEXT PRIMARY KEY CHECK (name IN ('catalog', 'order_changes')),
    value      TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
