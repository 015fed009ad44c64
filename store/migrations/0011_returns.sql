-- Partial returns (BRIEF §3): a return is a new order of kind 'return' linked to the sale it
-- gives units back from, paid at the counter or completed; each of its lines names the sold line.
-- The sale itself does not change. The database refuses a return of more than was sold, a return
-- of anything but a paid or completed sale, and a cancel or full refund of a sale that has
-- returns already (its money went back in part already).

ALTER TABLE orders ADD COLUMN kind TEXT NOT NULL DEFAULT 'sale'
    CHECK (kind IN ('sale', 'return'));
ALTER TABLE orders ADD COLUMN original_order_id TEXT REFERENCES orders (id);
ALTER TABLE order_lines ADD COLUMN original_line_no INTEGER;
CREATE INDEX orders_by_original ON orders (original_order_id) WHERE original_order_id IS NOT NULL;

CREATE TRIGGER orders_return_names_a_completed_sale BEFORE INSERT ON orders
BEGIN
    SELECT RAISE(ABORT, 'orders: a sale has no original order')
    WHERE NEW.kind = 'sale' AND NEW.original_order_id IS NOT NULL;
    SELECT RAISE(ABORT, 'orders: a return must name a paid or completed sale')
    WHERE NEW.kind = 'return'
      AND NOT EXISTS (SELECT 1 FROM orders s WHERE s.id = NEW.original_order_id
                      AND s.kind = 'sale' AND s.status IN ('PAID', 'COMPLETED'));
END;

CREATE TRIGGER order_lines_return_within_sale BEFORE INSERT ON order_lines
BEGIN
    SELECT RAISE(ABORT, 'order_lines: only a return''s lines name an original line')
    WHERE NEW.original_line_no IS NOT NULL
      AND (SELECT kind FROM orders WHERE id = NEW.order_id) IS NOT 'return';
    SELECT RAISE(ABORT, 'order_lines: a return line must name a line of the original sale')
    WHERE (SELECT kind FROM orders WHERE id = NEW.order_id) = 'return'
      AND NOT EXISTS (SELECT 1 FROM order_lines s
                      WHERE s.order_id = (SELECT original_order_id FROM orders
                                          WHERE id = NEW.order_id)
                        AND s.line_no = NEW.original_line_no AND s.sku = NEW.sku);
    SELECT RAISE(ABORT, 'order_lines: more returned than was sold')
    WHERE (SELECT kind FROM orders WHERE id = NEW.order_id) = 'return'
      AND NEW.quantity + (SELECT COALESCE(SUM(r.quantity), 0) FROM order_lines r
                          JOIN orders o ON o.id = r.order_id
                          WHERE o.original_order_id = (SELECT original_order_id FROM orders
                                                       WHERE id = NEW.order_id)
                            AND r.original_line_no = NEW.original_line_no)
          > (SELECT s.quantity FROM order_lines s
             WHERE s.order_id = (SELECT original_order_id FROM orders WHERE id = NEW.order_id)
               AND s.line_no = NEW.original_line_no);
END;

CREATE TRIGGER order_events_no_refund_after_return BEFORE INSERT ON order_events
WHEN NEW.event IN ('Refund', 'Cancel')
BEGIN
    SELECT RAISE(ABORT, 'order_events: a sale with returns cannot be cancelled or refunded in full')
    WHERE EXISTS (SELECT 1 FROM orders r WHERE r.original_order_id = NEW.order_id);
    SELECT RAISE(ABORT, 'order_events: a return is not refunded; it paid back already')
    WHERE (SELECT kind FROM orders WHERE id = NEW.order_id) = 'return';
END;

-- The kind and the link of an order never change, like everything else but its status.
DROP TRIGGER orders_guard_update;
CREATE TRIGGER orders_guard_update BEFORE UPDATE ON orders
BEGIN
    SELECT RAISE(ABORT, 'orders: only status, version, updated_at and sync columns may change')
    WHERE NEW.id IS NOT OLD.id OR NEW.receipt_no IS NOT OLD.receipt_no
       OR NEW.receipt_seq IS NOT OLD.receipt_seq OR NEW.store_id IS NOT OLD.store_id
       OR NEW.terminal_id IS NOT OLD.terminal_id OR NEW.cashier_id IS NOT OLD.cashier_id
       OR NEW.customer_id IS NOT OLD.customer_id OR NEW.currency IS NOT OLD.currency
       OR NEW.tax_mode IS NOT OLD.tax_mode OR NEW.rounding IS NOT OLD.rounding
       OR NEW.subtotal_minor IS NOT OLD.subtotal_minor
       OR NEW.discount_minor IS NOT OLD.discount_minor OR NEW.net_minor IS NOT OLD.net_minor
       OR NEW.tax_minor IS NOT OLD.tax_minor OR NEW.total_minor IS NOT OLD.total_minor
       OR NEW.change_minor IS NOT OLD.change_minor OR NEW.created_at IS NOT OLD.created_at
       OR NEW.kind IS NOT OLD.kind OR NEW.original_order_id IS NOT OLD.original_order_id;
    SELECT RAISE(ABORT, 'orders: version must rise by exactly 1 with every status change')
    WHERE (NEW.version IS NOT OLD.version AND NEW.version IS NOT OLD.version + 1)
       OR (NEW.status IS NOT OLD.status AND NEW.version IS NOT OLD.version + 1);
    SELECT RAISE(ABORT, 'orders: illegal status transition')
    WHERE NEW.status IS NOT OLD.status
      AND NOT EXISTS (SELECT 1 FROM order_events e
                      WHERE e.order_id = NEW.id AND e.version = NEW.version
                        AND e.from_status = OLD.status AND e.to_status = NEW.status);
END;
