-- The payment simulator's ledger: every charge and every refund, keyed by the caller's
-- Idempotency-Key. A ledger made before migrations were numbered has exactly this schema at
-- user_version 1, and is adopted as it is.
CREATE TABLE charges (
    id TEXT PRIMARY KEY,
    idem_key TEXT NOT NULL UNIQUE,
    fingerprint TEXT NOT NULL,
    amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
    currency TEXT NOT NULL,
    token TEXT NOT NULL,
    reference TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('captured', 'declined')),
    decline_code TEXT,
    refunded_minor INTEGER NOT NULL DEFAULT 0 CHECK (refunded_minor <= amount_minor),
    created_at TEXT NOT NULL
);

CREATE TABLE refunds (
    id TEXT PRIMARY KEY,
    idem_key TEXT NOT NULL UNIQUE,
    fingerprint TEXT NOT NULL,
    charge_id TEXT NOT NULL REFERENCES charges (id),
    amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
    created_at TEXT NOT NULL
);

-- The ledger only grows.
CREATE TRIGGER charges_keep BEFORE DELETE ON charges
BEGIN
    SELECT RAISE(ABORT, 'the ledger keeps every charge');
END;

CREATE TRIGGER refunds_keep BEFORE DELETE ON refunds
BEGIN
    SELECT RAISE(ABORT, 'the ledger keeps every refund');
END;
