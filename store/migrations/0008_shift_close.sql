-- Closing a shift: what was counted per tender, who closed it, the manager who let it close while
-- orders still waited to sync, and the Z report as it was printed (canonical JSON).
ALTER TABLE shifts ADD COLUMN counted_card_minor INTEGER;
ALTER TABLE shifts ADD COLUMN close_override_by TEXT;
ALTER TABLE shifts ADD COLUMN z_report TEXT;
