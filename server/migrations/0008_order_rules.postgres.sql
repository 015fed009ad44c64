-- The order's rules as PostgreSQL constraints and triggers: whatever program writes to this
-- database, an order's lines, tenders and events stay as they were received, its status moves only
-- along order_transitions (version +1 each time), and it is never deleted.

ALTER TABLE orders ADD CONSTRAINT orders_status_known
    CHECK (status IN ('CREATED', 'PAID', 'SHIPPED', 'COMPLETED', 'CANCELLED', 'REFUNDED'));

-- Refuses the statement with the message the trigger names.
CREATE FUNCTION counterline_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'integrity_constraint_violation';
END
$$;

CREATE TRIGGER order_transitions_fixed BEFORE INSERT OR UPDATE OR DELETE ON order_transitions
    FOR EACH STATEMENT EXECUTE FUNCTION counterline_refuse('order_transitions are fixed by migrations');
CREATE TRIGGER orders_never_deleted BEFORE DELETE ON orders
    FOR EACH ROW EXECUTE FUNCTION counterline_refuse('orders are never deleted');
CREATE TRIGGER order_lines_immutable BEFORE UPDATE OR DELETE ON order_lines
    FOR EACH ROW EXECUTE FUNCTION counterline_refuse('order_lines are immutable');
CREATE TRIGGER tenders_immutable BEFORE UPDATE OR DELETE ON tenders
    FOR EACH ROW EXECUTE FUNCTION counterline_refuse('tenders are immutable');
CREATE TRIGGER order_events_immutable BEFORE UPDATE OR DELETE ON order_events
    FOR EACH ROW EXECUTE FUNCTION counterline_refuse('order_events are immutable');

CREATE FUNCTION counterline_orders_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (NEW.seq, NEW.id, NEW.terminal_id, NEW.store_id, NEW.receipt_no, NEW.cashier_id,
        NEW.customer_id, NEW.currency, NEW.subtotal_minor, NEW.discount_minor, NEW.tax_minor,
        NEW.total_minor, NEW.created_at, NEW.received_at, NEW.journal_seq, NEW.journal_hash,
        NEW.kind, NEW.original_order_id, NEW.receipt_duplicate)
       IS DISTINCT FROM
       (OLD.seq, OLD.id, OLD.terminal_id, OLD.store_id, OLD.receipt_no, OLD.cashier_id,
        OLD.customer_id, OLD.currency, OLD.subtotal_minor, OLD.discount_minor, OLD.tax_minor,
        OLD.total_minor, OLD.created_at, OLD.received_at, OLD.journal_seq, OLD.journal_hash,
        OLD.kind, OLD.original_order_id, OLD.receipt_duplicate) THEN
        RAISE EXCEPTION 'orders: only status and version may change'
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF (NEW.status, NEW.version) IS DISTINCT FROM (OLD.status, OLD.version) THEN
        IF NEW.version IS DISTINCT FROM OLD.version + 1 THEN
            RAISE EXCEPTION 'orders: the version rises by exactly 1 with each status change'
                USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        IF NOT EXISTS (SELECT 1 FROM order_transitions t
                       WHERE t.from_status = OLD.status AND t.to_status = NEW.status) THEN
            RAISE EXCEPTION 'orders: illegal status transition'
                USING ERRCODE = 'integrity_constraint_violation';
        END IF;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER orders_guard_update BEFORE UPDATE ON orders
    FOR EACH ROW EXECUTE FUNCTION counterline_orders_guard();

CREATE FUNCTION counterline_order_events_legal() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.from_status IS NULL THEN
        IF NEW.event <> 'Place' OR NEW.to_status <> 'CREATED' OR NEW.version <> 1 THEN
            RAISE EXCEPTION 'order_events: Place starts an order at CREATED, version 1'
                USING ERRCODE = 'integrity_constraint_violation';
        END IF;
    ELSIF NOT EXISTS (SELECT 1 FROM order_transitions t
                      WHERE t.from_status = NEW.from_status AND t.event = NEW.event
                        AND t.to_status = NEW.to_status) THEN
        RAISE EXCEPTION 'order_events: illegal transition'
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER order_events_legal BEFORE INSERT ON order_events
    FOR EACH ROW EXECUTE FUNCTION counterline_order_events_legal();
