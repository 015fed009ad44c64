-- Partial returns (BRIEF §3): a return is a new order of kind 'return' linked to the completed
-- sale it gives units back from; each of its lines names the sold line. The ingest checks every
-- return against the sale (server/return_check.cpp).
ALTER TABLE orders ADD COLUMN kind TEXT NOT NULL DEFAULT 'sale' CHECK (kind IN ('sale', 'return'));
ALTER TABLE orders ADD COLUMN original_order_id TEXT REFERENCES orders (id);
ALTER TABLE order_lines ADD COLUMN original_line_no INTEGER;
CREATE INDEX orders_by_original ON orders (original_order_id);
