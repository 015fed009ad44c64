-- The order's rules as SQLite triggers: whatever program writes to this file, an order's lines,
-- tenders and events stay as they were received, its status moves only along order_transitions
-- (version +1 each time), and it is never deleted.

CREATE TRIGGER order_transitions_fixed_insert BEFORE INSERT ON order_transitions
BEGIN SELECT RAISE(ABORT, 'order_transitions are fixed by migrations'); END;
CREATE TRIGGER order_transitions_fixed_update BEFORE UPDATE ON order_transitions
BEGIN SELECT RAISE(ABORT, 'order_transitions are fixed by migrations'); END;
CREATE TRIGGER order_transitions_fixed_delete BEFORE DELETE ON order_transitions
BEGIN SELECT RAISE(ABORT, 'order_transitions are fixed by migrations'); END;

CREATE TRIGGER orders_status_known BEFORE INSERT ON orders
BEGIN
    SELECT RAISE(ABORT, 'orders_status_known: status is not a status of the state machine')
    WHERE NEW.status NOT IN ('CREATED', 'PAID', 'SHIPPED', 'COMPLETED', 'CANCELLED', 'REFUNDED');
END;

CREATE TRIGGER orders_never_deleted BEFORE DELETE ON orders
BEGIN SELECT RAISE(ABORT, 'orders are never deleted'); END;

CREATE TRIGGER orders_guard_update BEFORE UPDATE ON orders
BEGIN
    SELECT RAISE(ABORT, 'orders: only status and version may change')
    WHERE NEW.seq IS NOT OLD.seq OR NEW.id IS NOT OLD.id OR NEW.terminal_id IS NOT OLD.terminal_id
       OR NEW.store_id IS NOT OLD.store_id OR NEW.receipt_no IS NOT OLD.receipt_no
       OR NEW.cashier_id IS NOT OLD.cashier_id OR NEW.customer_id IS NOT OLD.customer_id
       OR NEW.currency IS NOT OLD.currency OR NEW.subtotal_minor IS NOT OLD.subtotal_minor
       OR NEW.discount_minor IS NOT OLD.discount_minor OR NEW.tax_minor IS NOT OLD.tax_minor
       OR NEW.total_minor IS NOT OLD.total_minor OR NEW.created_at IS NOT OLD.created_at
       OR NEW.received_at IS NOT OLD.received_at OR NEW.journal_seq IS NOT OLD.journal_seq
       OR NEW.journal_hash IS NOT OLD.journal_hash OR NEW.kind IS NOT OLD.kind
       OR NEW.original_order_id IS NOT OLD.original_order_id
       OR NEW.receipt_duplicate IS NOT OLD.receipt_duplicate;
    SELECT RAISE(ABORT, 'orders: the version rises by exactly 1 with each status change')
    WHERE (NEW.status IS NOT OLD.status OR NEW.version IS NOT OLD.version)
      AND NEW.version IS NOT OLD.version + 1;
    SELECT RAISE(ABORT, 'orders: illegal status transition')
    WHERE (NEW.status IS NOT OLD.status OR NEW.version IS NOT OLD.version)
      AND NOT EXISTS (SELECT 1 FROM order_transitions t
                      WHERE t.from_status = OLD.status AND t.to_status = NEW.status);
END;

CREATE TRIGGER order_events_legal BEFORE INSERT ON order_events
BEGIN
    SELECT RAISE(ABORT, 'order_events: Place starts an order at CREATED, version 1')
    WHERE NEW.from_status IS NULL
      AND (NEW.event IS NOT 'Place' OR NEW.to_status IS NOT 'CREATED' OR NEW.version IS NOT 1);
    SELECT RAISE(ABORT, 'order_events: illegal transition')
    WHERE NEW.from_status IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM order_transitions t
                      WHERE t.from_status = NEW.from_status AND t.event = NEW.event
                        AND t.to_status = NEW.to_status);
END;

CREATE TRIGGER order_lines_immutable_update BEFORE UPDATE ON order_lines
BEGIN SELECT RAISE(ABORT, 'order_lines are immutable'); END;
CREATE TRIGGER order_lines_immutable_delete BEFORE DELETE ON order_lines
BEGIN SELECT RAISE(ABORT, 'order_lines are immutable'); END;
CREATE TRIGGER tenders_immutable_update BEFORE UPDATE ON tenders
BEGIN SELECT RAISE(ABORT, 'tenders are immutable'); END;
CREATE TRIGGER tenders_immutable_delete BEFORE DELETE ON tenders
BEGIN SELECT RAISE(ABORT, 'tenders are immutable'); END;
CREATE TRIGGER order_events_immutable_update BEFORE UPDATE ON order_events
BEGIN SELECT RAISE(ABORT, 'order_events are immutable'); END;
CREATE TRIGGER order_events_immutable_delete BEFORE DELETE ON order_events
BEGIN SELECT RAISE(ABORT, 'order_events are immutable'); END;
